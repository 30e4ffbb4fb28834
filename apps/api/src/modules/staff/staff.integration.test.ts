import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let admin: string;
let adminId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
  const me = await server.gql<{ viewer: { id: string } }>(
    '{ viewer { id } }',
    {},
    { cookie: admin },
  );
  adminId = me.data!.viewer.id;
});
afterAll(() => server.close());

const INVITE = `mutation ($input: InviteUserInput!) {
  inviteUser(input: $input) { acceptPath invitation { id email roles programmeKeys } } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id email roles } }`;

async function invite(roles: string[], programmeKeys?: string[]) {
  const email = `staf-${randomUUID().slice(0, 8)}@example.be`;
  const res = await server.gql<{ inviteUser: { acceptPath: string; invitation: { id: string } } }>(
    INVITE,
    { input: { email, roles, ...(programmeKeys ? { programmeKeys } : {}) } },
    { cookie: admin },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const token = new URL(res.data!.inviteUser.acceptPath, 'http://x').searchParams.get('token')!;
  return { email, token };
}

async function accept(token: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: ACCEPT,
      variables: {
        input: { token, displayName: 'Nieuwe Analist', password: 'een-lang-wachtwoord' },
      },
    }),
  });
  const body = (await res.json()) as {
    data?: { acceptInvitation: { id: string; roles: string[] } };
    errors?: { extensions: { code: string } }[];
  };
  return { body, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

describe('staff users', () => {
  it('an invited analyst sets a password with the one-time link and is signed in', async () => {
    const { email, token } = await invite(['ANALYST']);
    const preview = await server.gql<{ invitation: { email: string; roles: string[] } }>(
      'query ($t: String!) { invitation(token: $t) { email roles } }',
      { t: token },
    );
    expect(preview.data!.invitation).toEqual({ email, roles: ['ANALYST'] });
    // The invitation e-mail was written with the invitation, carrying the same one-time link.
    const mails: { template: string; text_body: string }[] = await server.dataSource.query(
      'SELECT template, text_body FROM mail_outbox WHERE recipient = $1',
      [email],
    );
    expect(mails.map((m) => m.template)).toEqual(['STAFF_INVITATION']);
    expect(mails[0]!.text_body).toContain(`/uitnodiging?token=${token}`);
    const first = await accept(token);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.acceptInvitation.roles).toEqual(['ANALYST']);
    const me = await server.gql<{ viewer: { email: string } }>(
      '{ viewer { email } }',
      {},
      { cookie: first.cookie! },
    );
    expect(me.data!.viewer.email).toBe(email);
    // The link works once.
    const again = await accept(token);
    expect(again.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await server.signIn(email, 'een-lang-wachtwoord')).cookie).toBeTruthy();
  });

  it('deactivating a user ends their sessions at once', async () => {
    const { token } = await invite(['PROGRAMME_MANAGER'], ['gezondheidscoaches']);
    const { body, cookie } = await accept(token);
    const userId = body.data!.acceptInvitation.id;
    const before = await server.gql<{ viewer: { id: string } | null }>(
      '{ viewer { id } }',
      {},
      { cookie: cookie! },
    );
    expect(before.data!.viewer?.id).toBe(userId);
    const res = await server.gql<{ deactivateUser: { active: boolean } }>(
      'mutation ($id: ID!) { deactivateUser(userId: $id) { active } }',
      { id: userId },
      { cookie: admin },
    );
    expect(res.data!.deactivateUser.active).toBe(false);
    const [{ n }] = await server.dataSource.query(
      'SELECT count(*)::int AS n FROM user_session WHERE user_id = $1',
      [userId],
    );
    expect(n).toBe(0);
    const after = await server.gql<{ viewer: unknown }>(
      '{ viewer { id } }',
      {},
      { cookie: cookie! },
    );
    expect(after.data!.viewer).toBeNull();
  });

  it('changes roles, but an admin cannot remove their own admin role or deactivate themselves', async () => {
    const { token } = await invite(['ANALYST']);
    const userId = (await accept(token)).body.data!.acceptInvitation.id;
    const res = await server.gql<{ setUserRoles: { roles: string[]; programmeKeys: string[] } }>(
      'mutation ($input: SetUserRolesInput!) { setUserRoles(input: $input) { roles programmeKeys } }',
      { input: { userId, roles: ['PROGRAMME_MANAGER'], programmeKeys: ['nv-gezond'] } },
      { cookie: admin },
    );
    expect(res.data!.setUserRoles).toEqual({
      roles: ['PROGRAMME_MANAGER'],
      programmeKeys: ['nv-gezond'],
    });

    const own = await server.gql(
      'mutation ($input: SetUserRolesInput!) { setUserRoles(input: $input) { roles } }',
      { input: { userId: adminId, roles: ['ANALYST'] } },
      { cookie: admin },
    );
    expect(own.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.roles',
    });
    const self = await server.gql(
      'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
      { id: adminId },
      { cookie: admin },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const me = await server.gql<{ viewer: { roles: string[] } }>(
      '{ viewer { roles } }',
      {},
      { cookie: admin },
    );
    expect(me.data!.viewer.roles).toContain('ADMIN');

    const trail = await server.gql<{
      auditTrail: {
        edges: {
          node: { action: string; before: { roles: string[] }; after: { roles: string[] } };
        }[];
      };
    }>(
      'query ($f: AuditFilter) { auditTrail(first: 10, filter: $f) { edges { node { action before after } } } }',
      { f: { entityType: 'USER', entityId: userId, action: 'user.roles' } },
      { cookie: admin },
    );
    expect(trail.data!.auditTrail.edges.map((e) => e.node)).toEqual([
      {
        action: 'user.roles',
        before: { roles: ['ANALYST'], programmeIds: [] },
        after: expect.objectContaining({ roles: ['PROGRAMME_MANAGER'] }),
      },
    ]);
  });

  it('refuses an invitation for an existing account or without a programme for a manager', async () => {
    const existing = await server.gql(
      INVITE,
      { input: { email: DEMO.analyst, roles: ['ANALYST'] } },
      { cookie: admin },
    );
    expect(existing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    const noProgramme = await server.gql(
      INVITE,
      {
        input: { email: `x-${randomUUID().slice(0, 6)}@example.be`, roles: ['PROGRAMME_MANAGER'] },
      },
      { cookie: admin },
    );
    expect(noProgramme.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programmeKeys',
    });
  });
});

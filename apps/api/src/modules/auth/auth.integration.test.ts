import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { freshKbo } from '../../test/kbo.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const VIEWER = '{ viewer { email roles organisation { name kind } programmeKeys } }';

async function rawSignIn(email: string, password: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { email } }',
      variables: { input: { email, password } },
    }),
  });
  return {
    res,
    body: (await res.json()) as { errors?: { extensions: Record<string, unknown> }[] },
  };
}

describe('sign-in and sessions', () => {
  it('signs in with an httpOnly SameSite=Lax cookie and knows the viewer', async () => {
    const { res } = await rawSignIn(DEMO.participant, 'werkgezond-demo');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/wg_session=[\w-]{43}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await server.gql<{
      viewer: { email: string; roles: string[]; organisation: { name: string } };
    }>(VIEWER, {}, { cookie: cookie.split(';')[0]! });
    expect(me.data!.viewer.email).toBe(DEMO.participant);
    expect(me.data!.viewer.roles).toEqual(['PARTICIPANT']);
    expect(me.data!.viewer.organisation.name).toBe('Bakkerij De Zonnebloem BV');
  });

  it('has no viewer without a session or with a forged cookie', async () => {
    expect((await server.gql(VIEWER)).data).toEqual({ viewer: null });
    const forged = await server.gql(VIEWER, {}, { cookie: `wg_session=${'a'.repeat(43)}` });
    expect(forged.data).toEqual({ viewer: null });
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await rawSignIn(DEMO.analyst, 'not-the-password');
    const unknown = await rawSignIn('niemand@demo.werkgezond.be', 'whatever-password');
    expect(wrong.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.res.headers.get('set-cookie')).toBeNull();
  });

  it('slows down repeated failures for one account with RATE_LIMITED', async () => {
    const email = 'brute-force-target@demo.werkgezond.be';
    const codes: unknown[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await rawSignIn(email, `guess-${i}`)).body.errors?.[0]?.extensions.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    const last = await rawSignIn(email, 'guess-x');
    expect(Number(last.body.errors?.[0]?.extensions.retryAfterSeconds)).toBeGreaterThan(0);
  });

  it('revokes the session on sign-out', async () => {
    const { cookie } = await server.signIn(DEMO.manager);
    expect(
      (await server.gql<{ signOut: boolean }>('mutation { signOut }', {}, { cookie })).data,
    ).toEqual({
      signOut: true,
    });
    expect((await server.gql(VIEWER, {}, { cookie })).data).toEqual({ viewer: null });
  });

  it('lets a company sign up with a valid KBO number and rejects an invalid one by field', async () => {
    const input = {
      email: `nieuw-${randomUUID()}@example.be`,
      password: 'een-lang-wachtwoord',
      displayName: 'Nieuwe Gebruiker',
      kboNumber: '0202.239.951',
      organisationName: 'Test BV',
      employeeCount: 12,
      hasPreventionCommittee: false,
    };
    const bad = await server.gql(
      'mutation ($input: SignUpInput!) { signUp(input: $input) { email } }',
      { input: { ...input, kboNumber: '0202.239.952' } },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.kboNumber',
    });
    // A free, valid number (check digits computed the KBO way), unused in this database.
    const kbo = await freshKbo(server.dataSource);
    const ok = await server.gql<{
      signUp: { email: string; roles: string[]; organisation: { name: string; sizeClass: string } };
    }>(
      'mutation ($input: SignUpInput!) { signUp(input: $input) { email roles organisation { name sizeClass } } }',
      { input: { ...input, kboNumber: kbo } },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.signUp).toMatchObject({
      roles: ['PARTICIPANT'],
      organisation: { name: 'Test BV', sizeClass: 'SMALL' },
    });
    const again = await server.gql(
      'mutation ($input: SignUpInput!) { signUp(input: $input) { email } }',
      { input: { ...input, email: `ander-${randomUUID()}@example.be`, kboNumber: kbo } },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.kboNumber',
    });
  });
});

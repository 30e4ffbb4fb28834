import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLY, createProgramme, openCall, signUpCompany } from '../../test/backoffice-fixtures.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
});
afterAll(() => server.close());

const CHANNEL = 'facebook-professionals';
const CREATE = `mutation ($key: String!) { createReferralLink(channelKey: $key) {
  key code path issuedAt signUps applications } }`;
const REVOKE = `mutation ($key: String!) { revokeReferralLink(channelKey: $key) { key code path signUps } }`;
const LIST = '{ referralChannels { key name code path signUps applications } }';

interface ReferralChannel {
  key: string;
  code: string | null;
  path: string | null;
  signUps: number;
  applications: number;
}

async function freshLink(key: string): Promise<ReferralChannel> {
  const list = await server.gql<{ referralChannels: ReferralChannel[] }>(
    LIST,
    {},
    { cookie: admin },
  );
  // A link left by an earlier run of this file is revoked first.
  if (list.data!.referralChannels.find((c) => c.key === key)?.code)
    await server.gql(REVOKE, { key }, { cookie: admin });
  const res = await server.gql<{ createReferralLink: ReferralChannel }>(
    CREATE,
    { key },
    { cookie: admin },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createReferralLink;
}

describe('referral links', () => {
  it('a company signing up through a link gets the channel; its application counts for it in channelPerformance', async () => {
    const link = await freshLink(CHANNEL);
    expect(link.code).toMatch(/^[a-z0-9]{12}$/);
    expect(link.path).toBe(`/aanmelden?via=${link.code}`);

    // The sign-up page can name the channel before the company signs up.
    const info = await server.gql<{ referralLink: { channelName: string } | null }>(
      'query ($c: String!) { referralLink(code: $c) { channelName } }',
      { c: link.code!.toUpperCase() },
    );
    expect(info.data!.referralLink?.channelName).toBeTruthy();

    const programme = await createProgramme(server, admin);
    await openCall(server, admin, programme.key, new Date().getUTCFullYear());
    const company = await signUpCompany(server, { via: link.code });
    const me = await server.gql<{
      viewer: { organisation: { firstTouchChannel: { key: string } } };
    }>('{ viewer { organisation { firstTouchChannel { key } } } }', {}, { cookie: company.cookie });
    expect(me.data!.viewer.organisation.firstTouchChannel).toEqual({ key: CHANNEL });

    // The application names another channel (or none): the tracked first touch wins.
    const applied = await server.gql<{ applyToProgramme: { id: string } }>(
      APPLY,
      {
        input: {
          programmeKey: programme.key,
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
          channelKey: 'metro-carriere',
        },
      },
      { cookie: company.cookie },
    );
    expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
    const app = await server.gql<{ application: { channel: { key: string } } }>(
      'query ($id: ID!) { application(id: $id) { channel { key } } }',
      { id: applied.data!.applyToProgramme.id },
      { cookie: company.cookie },
    );
    expect(app.data!.application.channel.key).toBe(CHANNEL);

    const perf = await server.gql<{
      channelPerformance: {
        totalApplications: number;
        channels: { key: string; applications: number }[];
      };
    }>(
      'query ($input: ChannelPerformanceInput!) { channelPerformance(input: $input) { totalApplications channels { key applications } } }',
      { input: { programmeKey: programme.key } },
      { cookie: admin },
    );
    expect(perf.errors, JSON.stringify(perf.errors)).toBeUndefined();
    expect(perf.data!.channelPerformance.totalApplications).toBe(1);
    expect(
      perf.data!.channelPerformance.channels.find((c) => c.key === CHANNEL)?.applications,
    ).toBe(1);

    const list = await server.gql<{ referralChannels: ReferralChannel[] }>(
      LIST,
      {},
      { cookie: admin },
    );
    const row = list.data!.referralChannels.find((c) => c.key === CHANNEL)!;
    expect(row.signUps).toBeGreaterThanOrEqual(1);
    expect(row.applications).toBeGreaterThanOrEqual(1);

    // Revoked: the link stops working, the company keeps its channel.
    const revoked = await server.gql<{ revokeReferralLink: ReferralChannel }>(
      REVOKE,
      { key: CHANNEL },
      { cookie: admin },
    );
    expect(revoked.data!.revokeReferralLink).toMatchObject({ code: null, path: null });
    expect(revoked.data!.revokeReferralLink.signUps).toBe(row.signUps);
    const gone = await server.gql<{ referralLink: null }>(
      'query ($c: String!) { referralLink(code: $c) { channelName } }',
      { c: link.code },
    );
    expect(gone.data!.referralLink).toBeNull();

    const trail = await server.gql<{ auditTrail: { edges: { node: { action: string } }[] } }>(
      `query ($f: AuditFilter) { auditTrail(first: 2, filter: $f) { edges { node { action } } } }`,
      { f: { entityType: 'OUTREACH_CHANNEL' } },
      { cookie: admin },
    );
    expect(trail.data!.auditTrail.edges.map((e) => e.node.action)).toEqual([
      'referral.revoke',
      'referral.create',
    ]);
  });

  it('an unknown or revoked code does not stop the sign-up: the company just has no channel', async () => {
    const company = await signUpCompany(server, { via: 'bestaatniet99' });
    const me = await server.gql<{ viewer: { organisation: { firstTouchChannel: null } } }>(
      '{ viewer { organisation { firstTouchChannel { key } } } }',
      {},
      { cookie: company.cookie },
    );
    expect(me.data!.viewer.organisation.firstTouchChannel).toBeNull();
    const unknown = await server.gql<{ referralLink: null }>(
      '{ referralLink(code: "bestaatniet99") { channelName } }',
    );
    expect(unknown.data!.referralLink).toBeNull();
    const malformed = await server.gql('{ referralLink(code: "<script>") { channelName } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
  });

  it('one link per channel; unknown channels and revoking nothing answer typed errors and change nothing', async () => {
    await freshLink(CHANNEL);
    const audits = async () =>
      Number(
        (
          await server.dataSource.query(
            "SELECT count(*) AS n FROM audit_record WHERE entity_type = 'OUTREACH_CHANNEL'",
          )
        )[0].n,
      );
    const before = await audits();
    const again = await server.gql(CREATE, { key: CHANNEL }, { cookie: admin });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await server.gql(CREATE, { key: 'geen-kanaal' }, { cookie: admin });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await server.gql(CREATE, { key: ' ' }, { cookie: admin });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'channelKey',
    });
    await server.gql(REVOKE, { key: CHANNEL }, { cookie: admin });
    const nothing = await server.gql(REVOKE, { key: CHANNEL }, { cookie: admin });
    expect(nothing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await audits()).toBe(before + 1);
  });
});

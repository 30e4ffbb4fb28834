import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/policy.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { freshKbo } from '../../test/kbo.js';
import { ScanService } from './scan.service.js';

const NIL = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function signUpCompany(employeeCount = 14) {
  const kbo = await freshKbo(server.dataSource);
  const email = `scan-${randomUUID()}@example.be`;
  const res = await server.gql<{ signUp: { organisation: { id: string } } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
    {
      input: {
        email,
        password: 'een-veilig-wachtwoord',
        displayName: 'Scan Tester',
        kboNumber: kbo,
        organisationName: `Scanbedrijf ${kbo} BV`,
        employeeCount,
        province: 'Limburg',
        municipality: 'Hasselt',
        naceCode: '10.71',
        hasPreventionCommittee: false,
      },
    },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const { cookie } = await server.signIn(email, 'een-veilig-wachtwoord');
  return { headers: { cookie }, organisationId: res.data!.signUp.organisation.id };
}

interface Instrument {
  scanInstrument: {
    version: number;
    items: { key: string; maxPoints: number; domainKey: string }[];
  };
}
const INSTRUMENT =
  '{ scanInstrument { version items { key maxPoints domainKey } domains { key } } }';
const SAVE = `mutation ($input: HealthPolicyScanInput!) {
  saveHealthPolicyScan(input: $input) { id status answers { itemKey points } score } }`;
const SUBMIT = `mutation ($input: HealthPolicyScanInput!) { submitHealthPolicyScan(input: $input) {
  scan { id status score submittedAt } change previous { id score }
  domains { key score previousScore change }
  suggestions { domainKey componentKey programmeKey componentName }
  peers { group companies threshold mean median p25 p75 shareBelow } } }`;
const SCANS = 'query ($org: ID!) { healthPolicyScans(organisationId: $org) { id status score } }';

interface SubmitData {
  submitHealthPolicyScan: {
    scan: { id: string; status: string; score: number };
    change: number | null;
    previous: { id: string; score: number } | null;
    domains: { key: string; score: number; previousScore: number | null; change: number | null }[];
    suggestions: { domainKey: string; componentKey: string; componentName: string | null }[];
    peers: { group: string; companies: number; threshold: number; median: number } | null;
  };
}

async function items(headers: Record<string, string>) {
  const res = await server.gql<Instrument>(INSTRUMENT, {}, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.scanInstrument.items;
}

async function storedScans(organisationId: string): Promise<number> {
  const [{ n }] = await server.dataSource.query(
    'SELECT count(*)::int AS n FROM health_policy_scan WHERE organisation_id = $1',
    [organisationId],
  );
  return n;
}

async function storedMeasurements(organisationId: string): Promise<number> {
  const [{ n }] = await server.dataSource.query(
    'SELECT count(*)::int AS n FROM indicator_measurement WHERE organisation_id = $1',
    [organisationId],
  );
  return n;
}

describe('health-policy scan', () => {
  it('the instrument is data: 20–30 items over the domains, 0–4 points each', async () => {
    const me = await signUpCompany();
    const list = await items(me.headers);
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(list.length).toBeLessThanOrEqual(30);
    expect(new Set(list.map((i) => i.domainKey))).toEqual(
      new Set([
        'beleid',
        'participatie',
        'omgeving',
        'voeding',
        'beweging',
        'sedentair',
        'mentaal',
        'evaluatie',
      ]),
    );
  });

  it('saves a draft, submits it, and a re-take shows the change', async () => {
    const me = await signUpCompany();
    const list = await items(me.headers);
    const draft = await server.gql<{ saveHealthPolicyScan: { id: string; status: string } }>(
      SAVE,
      {
        input: {
          organisationId: me.organisationId,
          answers: [{ itemKey: list[0]!.key, points: 3 }],
        },
      },
      me.headers,
    );
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.saveHealthPolicyScan.status).toBe('DRAFT');
    // Saving again keeps the one draft.
    const again = await server.gql<{ saveHealthPolicyScan: { id: string; answers: unknown[] } }>(
      SAVE,
      {
        input: {
          organisationId: me.organisationId,
          answers: [{ itemKey: list[1]!.key, points: 1 }],
        },
      },
      me.headers,
    );
    expect(again.data!.saveHealthPolicyScan.id).toBe(draft.data!.saveHealthPolicyScan.id);
    expect(again.data!.saveHealthPolicyScan.answers).toHaveLength(2);

    // First scan: the policy domain full, everything else 1 point → 4×4 + 21×1 = 37.
    const first = list.map((i) => ({ itemKey: i.key, points: i.domainKey === 'beleid' ? 4 : 1 }));
    const r1 = await server.gql<SubmitData>(
      SUBMIT,
      { input: { organisationId: me.organisationId, answers: first } },
      me.headers,
    );
    expect(r1.errors, JSON.stringify(r1.errors)).toBeUndefined();
    const s1 = r1.data!.submitHealthPolicyScan;
    expect(s1.scan).toMatchObject({ status: 'SUBMITTED', score: 37 });
    expect(s1.change).toBeNull();
    expect(s1.domains.find((d) => d.key === 'beleid')!.score).toBe(100);
    expect(s1.domains.find((d) => d.key === 'voeding')!.score).toBe(25);
    expect(s1.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(s1.suggestions.length).toBeLessThanOrEqual(5);
    expect(s1.suggestions.some((s) => s.domainKey === 'beleid')).toBe(false);
    expect(s1.suggestions.every((s) => s.componentName)).toBe(true);
    // A small company in Limburg: the 2012 measurement gives plenty of peers.
    expect(s1.peers).not.toBeNull();
    expect(s1.peers!.companies).toBeGreaterThanOrEqual(10);
    expect(['SIZE_AND_SECTOR', 'SIZE_AND_PROVINCE']).toContain(s1.peers!.group);
    // The scan is also the company's indicator measurement of today.
    expect(await storedMeasurements(me.organisationId)).toBe(1);

    // Re-take: nutrition improves to 3 points per item → +6 points.
    const second = list.map((i) => ({
      itemKey: i.key,
      points: i.domainKey === 'beleid' ? 4 : i.domainKey === 'voeding' ? 3 : 1,
    }));
    const r2 = await server.gql<SubmitData>(
      SUBMIT,
      { input: { organisationId: me.organisationId, answers: second } },
      me.headers,
    );
    expect(r2.errors, JSON.stringify(r2.errors)).toBeUndefined();
    const s2 = r2.data!.submitHealthPolicyScan;
    expect(s2.scan.score).toBe(43);
    expect(s2.change).toBe(6);
    expect(s2.previous!.id).toBe(s1.scan.id);
    expect(s2.domains.find((d) => d.key === 'voeding')).toMatchObject({
      score: 75,
      previousScore: 25,
      change: 50,
    });

    const scans = await server.gql<{ healthPolicyScans: { id: string; status: string }[] }>(
      SCANS,
      { org: me.organisationId },
      me.headers,
    );
    expect(scans.data!.healthPolicyScans.map((s) => s.id)).toEqual([s2.scan.id, s1.scan.id]);
  });

  it('refuses bad input with a typed error and stores nothing', async () => {
    const me = await signUpCompany();
    const list = await items(me.headers);
    const all = list.map((i) => ({ itemKey: i.key, points: 2 }));
    const cases: [string, unknown, string][] = [
      ['unanswered required items', all.slice(0, 10), 'input.answers'],
      [
        'points above the maximum',
        [{ ...all[0]!, points: 5 }, ...all.slice(1)],
        'input.answers.0.points',
      ],
      [
        'negative points',
        [...all.slice(0, 3), { ...all[3]!, points: -1 }, ...all.slice(4)],
        'input.answers.3.points',
      ],
      [
        'an unknown item',
        [...all, { itemKey: 'onbekend', points: 1 }],
        `input.answers.${all.length}.itemKey`,
      ],
      ['an item answered twice', [...all, all[0]], `input.answers.${all.length}.itemKey`],
    ];
    for (const [label, answers, field] of cases) {
      for (const mutation of [SUBMIT, SAVE]) {
        if (mutation === SAVE && label === 'unanswered required items') continue;
        const res = await server.gql(
          mutation,
          { input: { organisationId: me.organisationId, answers } },
          me.headers,
        );
        expect(res.errors?.[0]?.extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    }
    const missing = await server.gql(
      SUBMIT,
      { input: { organisationId: me.organisationId, answers: all.slice(0, 24) } },
      me.headers,
    );
    expect(missing.errors?.[0]?.extensions?.unanswered).toEqual([list[24]!.key]);
    expect(await storedScans(me.organisationId)).toBe(0);
    expect(await storedMeasurements(me.organisationId)).toBe(0);
  });

  it('refuses a scan for another organisation, and its results', async () => {
    const me = await signUpCompany();
    const other = await signUpCompany();
    const list = await items(me.headers);
    const answers = list.map((i) => ({ itemKey: i.key, points: 2 }));
    for (const mutation of [SAVE, SUBMIT]) {
      const res = await server.gql(
        mutation,
        { input: { organisationId: other.organisationId, answers } },
        me.headers,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await storedScans(other.organisationId)).toBe(0);
    const theirs = await server.gql<SubmitData>(
      SUBMIT,
      { input: { organisationId: other.organisationId, answers } },
      other.headers,
    );
    const id = theirs.data!.submitHealthPolicyScan.scan.id;
    const peek = await server.gql(
      'query ($id: ID!) { healthPolicyScanResult(scanId: $id) { change } }',
      { id },
      me.headers,
    );
    expect(peek.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list2 = await server.gql(SCANS, { org: other.organisationId }, me.headers);
    expect(list2.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows no peer group below the threshold: a coarser group or none', async () => {
    // A large company in a sector with few measured large companies falls back to coarser groups.
    const me = await signUpCompany(400);
    const list = await items(me.headers);
    const answers = list.map((i) => ({ itemKey: i.key, points: 2 }));
    const res = await server.gql<SubmitData>(
      SUBMIT,
      { input: { organisationId: me.organisationId, answers } },
      me.headers,
    );
    const peers = res.data!.submitHealthPolicyScan.peers!;
    expect(peers.companies).toBeGreaterThanOrEqual(peers.threshold);
    expect(peers.threshold).toBeGreaterThanOrEqual(10);
    // Whatever group was chosen, every finer one holds fewer than the threshold.
    const [{ size_sector, size_province }] = await server.dataSource.query(
      `WITH latest AS (SELECT DISTINCT ON (organisation_id) organisation_id FROM indicator_measurement
         ORDER BY organisation_id, measured_on DESC)
       SELECT count(*) FILTER (WHERE o.size_class = 'LARGE' AND o.nace_section IS NOT DISTINCT FROM me.nace_section)::int AS size_sector,
              count(*) FILTER (WHERE o.size_class = 'LARGE' AND o.province = 'Limburg')::int AS size_province
         FROM latest l JOIN organisation o ON o.id = l.organisation_id, organisation me
        WHERE me.id = $1 AND o.kind = 'COMPANY' AND o.id <> me.id`,
      [me.organisationId],
    );
    const order = ['SIZE_AND_SECTOR', 'SIZE_AND_PROVINCE', 'SIZE', 'SECTOR', 'PROVINCE', 'ALL'];
    const finer = { SIZE_AND_SECTOR: size_sector, SIZE_AND_PROVINCE: size_province } as Record<
      string,
      number
    >;
    for (const g of order.slice(0, order.indexOf(peers.group))) {
      if (finer[g] !== undefined) expect(finer[g]).toBeLessThan(peers.threshold);
    }
  });

  it('shows no benchmark at all when even all companies are fewer than the threshold', async () => {
    const me = await signUpCompany();
    const list = await items(me.headers);
    const answers = list.map((i) => ({ itemKey: i.key, points: 1 }));
    const res = await server.gql<SubmitData>(
      SUBMIT,
      { input: { organisationId: me.organisationId, answers } },
      me.headers,
    );
    const id = res.data!.submitHealthPolicyScan.scan.id;
    const [{ n }] = await server.dataSource.query(
      `SELECT count(DISTINCT i.organisation_id)::int AS n FROM indicator_measurement i
         JOIN organisation o ON o.id = i.organisation_id WHERE o.kind = 'COMPANY'`,
    );
    const viewer: Viewer = {
      userId: NIL,
      sessionId: NIL,
      email: 'a@b.be',
      displayName: 'A',
      roles: new Set(['ADMIN']),
      organisationIds: [],
      networkIds: [],
      programmeIds: [],
    };
    // One company more than there are measured companies: no group can qualify.
    const result = await new ScanService(server.dataSource, n + 1).result(viewer, id);
    expect(result.peers).toBeNull();
    const atAll = await new ScanService(server.dataSource, n - 1).result(viewer, id);
    expect(atAll.peers?.group).toBe('ALL');
  });

  it('a network coordinator cannot take the scan', async () => {
    const coordinator = await server.signIn(DEMO.coordinator);
    const res = await server.gql(
      '{ scanInstrument { version } }',
      {},
      { cookie: coordinator.cookie },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

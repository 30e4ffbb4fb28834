import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  // The bundled programmes as shipped: back-office tests add programmes of their own, and
  // whether they ran before this file must not matter.
  server = await startTestServer({ freshDataset: true });
});
afterAll(() => server.close());

describe('programmes', () => {
  it('lists both programmes with editions, stages and components', async () => {
    const res = await server.gql<{
      programmes: {
        key: string;
        name: string;
        editions: { year: number }[];
        stages: { key: string; kind: string; position: number }[];
        components: { kind: string }[];
        eligibility: { maxEmployees: number | null; requiresNoPreventionCommittee: boolean };
      }[];
    }>(`{ programmes { key name editions { year } stages { key kind position }
          components { kind } eligibility { maxEmployees requiresNoPreventionCommittee } } }`);
    expect(res.errors).toBeUndefined();
    const byKey = Object.fromEntries(res.data!.programmes.map((p) => [p.key, p]));
    expect(Object.keys(byKey).sort()).toEqual(['gezondheidscoaches', 'nv-gezond']);
    // The four published award rounds; other tests may open this year's round as well.
    const awardYears = byKey['nv-gezond']!.editions.map((e) => e.year);
    expect(awardYears.filter((y) => y <= 2015)).toEqual([2012, 2013, 2014, 2015]);
    expect(awardYears).toEqual([...awardYears].sort());
    expect(byKey.gezondheidscoaches!.stages.map((s) => s.key)).toEqual([
      'APPLIED',
      'APPROVED',
      'STARTED',
      'COMPLETED',
      'REJECTED',
      'WITHDRAWN',
      'DROPPED_OUT',
    ]);
    expect(byKey['nv-gezond']!.stages.filter((s) => s.kind === 'STEP').map((s) => s.key)).toEqual([
      'REGISTERED',
      'PARTICIPATED',
    ]);
    expect(byKey['nv-gezond']!.components.filter((c) => c.kind === 'TOOLBOX')).toHaveLength(3);
    expect(byKey.gezondheidscoaches!.eligibility.requiresNoPreventionCommittee).toBe(true);
  });

  it('answers an unknown programme key with NOT_FOUND', async () => {
    const res = await server.gql('{ programme(key: "bestaat-niet") { key } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.data).toBeNull();
  });
});

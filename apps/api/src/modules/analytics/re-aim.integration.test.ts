import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const RE_AIM = `query ($programmeKey: String!, $year: Int) {
  reAim(programmeKey: $programmeKey, year: $year) {
    programmeKey year
    reach { key numerator denominator value available note }
    effectiveness { key numerator denominator value available note }
    adoption { key numerator denominator value available note }
    implementation { key numerator denominator value available }
    maintenance { key numerator denominator value available }
    measures { dimension key definition numerator denominator value available note }
    coachingCapacity { coaches coachesWithApplications serviceProviders }
  }
}`;

interface Measure {
  dimension: string;
  key: string;
  definition: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  available: boolean;
  note: string | null;
}
interface ReAim {
  reach: Measure;
  effectiveness: Measure;
  adoption: Measure;
  implementation: Measure;
  maintenance: Measure;
  measures: Measure[];
  coachingCapacity: {
    coaches: number;
    coachesWithApplications: number;
    serviceProviders: number;
  } | null;
}

const reAim = async (programmeKey: string, year?: number) => {
  const res = await server.gql<{ reAim: ReAim }>(RE_AIM, { programmeKey, year });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.reAim;
};

describe('reAim', () => {
  // Published figure coaches-count: 42 health coaches.
  it('counts the 42 coaches of the coaching programme', async () => {
    const r = await reAim('gezondheidscoaches');
    expect(r.coachingCapacity?.coaches).toBe(42);
    expect(r.coachingCapacity!.coachesWithApplications).toBeLessThanOrEqual(42);
    expect(r.coachingCapacity!.serviceProviders).toBeGreaterThan(0);
    expect(r.adoption.key).toBe('coaches-engaged');
    expect(r.adoption.denominator).toBe(42);
  });

  it('defines every measure with numerator, denominator and value', async () => {
    const r = await reAim('gezondheidscoaches');
    expect(new Set(r.measures.map((m) => m.dimension))).toEqual(
      new Set(['REACH', 'EFFECTIVENESS', 'ADOPTION', 'IMPLEMENTATION', 'MAINTENANCE']),
    );
    for (const m of r.measures) {
      expect(m.definition.length).toBeGreaterThan(10);
      if (m.available && m.numerator !== null && m.denominator) {
        expect(m.value).toBeCloseTo(m.numerator / m.denominator, 12);
      }
      if (!m.available) expect(m.note).toBeTruthy();
    }
    // Reach: eligible companies (small, no committee) that applied, against the registry.
    expect(r.reach.denominator!).toBeGreaterThan(r.reach.numerator!);
    expect(r.reach.numerator!).toBeGreaterThan(0);
    const dropIn = r.measures.find((m) => m.key === 'decided-within-14-days')!;
    expect(dropIn.value!).toBeGreaterThan(0.5);
  });

  it('says so when the data cannot measure effectiveness', async () => {
    const r = await reAim('gezondheidscoaches');
    expect(r.effectiveness.available).toBe(false);
    expect(r.effectiveness.value).toBeNull();
    expect(r.effectiveness.note).toMatch(/No participant/);
  });

  it('measures award effectiveness from indicator scores before and after', async () => {
    const r = await reAim('nv-gezond');
    expect(r.effectiveness.available).toBe(true);
    expect(r.effectiveness.denominator!).toBeGreaterThan(0);
    expect(r.coachingCapacity).toBeNull();
    // The award decides nothing (its second step is the dossier): no decision lead time.
    expect(r.measures.some((m) => m.key === 'decided-within-14-days')).toBe(false);
    expect(r.adoption.key).toBe('networks');
    expect(r.adoption.numerator!).toBeGreaterThan(0);
    const members = r.measures.find((m) => m.key === 'network-member-companies')!;
    expect(members.numerator!).toBeGreaterThan(r.adoption.numerator!);
    expect(r.maintenance.numerator!).toBeGreaterThan(0);
  });

  it('limits to one edition', async () => {
    const all = await reAim('nv-gezond');
    const y2014 = await reAim('nv-gezond', 2014);
    // 45 companies took part in 2014 (award-2014-companies), some of them more than once.
    const participants = y2014.measures.find((m) => m.key === 'participants')!;
    expect(participants.numerator!).toBeLessThanOrEqual(45);
    expect(participants.numerator!).toBeGreaterThan(0);
    expect(y2014.implementation.numerator).toBe(22);
    expect(y2014.implementation.denominator).toBe(29);
    expect(all.implementation.denominator!).toBeGreaterThan(29);
  });

  it.each([
    ['onbekend', undefined, 'programmeKey'],
    ['nv-gezond', 1999, 'year'],
  ])('refuses %s %s', async (programmeKey, year, field) => {
    const res = await server.gql(RE_AIM, { programmeKey, year });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

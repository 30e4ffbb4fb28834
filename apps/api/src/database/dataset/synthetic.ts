import type { Faker } from '@faker-js/faker';
import type { SizeClassKey } from '../../modules/organisation/organisation.entity.js';
import { brusselsDay, day } from './calendar.js';
import { COACHING, COACHING_DATA_DATE, COACHING_LAUNCH, programmeId } from './catalogue.js';
import { employeesFor, makeCompany, type Names, REGISTRY_IMPORTED_AT } from './organisations.js';
import { kboFromFirst8, type Rng } from './random.js';
import { MUNICIPALITIES } from './reference-data.js';
import type { DatasetChunk, DatasetTables, OrganisationRow } from './rows.js';

/**
 * Scale > 1: more applications drawn from the bundled ones. Each synthetic application copies a
 * bundled one (round-robin, so every edition and funnel outcome grows by the same factor),
 * shifted by whole weeks inside the same snapshot period, for a new or returning synthetic
 * applicant with the same profile. Distributions (funnel rates, lead times, channels, group
 * sizes) stay those of the bundled data; the published totals hold only at scale 1.
 */

// Synthetic company numbers: 0100…–0399…, disjoint from the registry's 0400…–0899….
const SYNTH_KBO_MIN = 1_000_000;
const SYNTH_KBO_MAX = 3_999_999;

/**
 * Applications per synthetic chunk: bounds memory whatever the scale, and small enough that a
 * chunk's rows die young (cheap garbage collection); the COPY path batches chunks again.
 */
export const CHUNK_APPLICATIONS = 1_000;
/** Share of individual applications by a company that applied before (another edition). */
const RETURNING = 0.45;
/** Share of a new network's members that are companies already in the data. */
const MEMBER_REUSE = 0.6;

interface Template {
  programmeId: string;
  editionId: string;
  registrationType: 'INDIVIDUAL' | 'GROUP';
  channelId: string | null;
  coachId: string | null;
  members: number;
  profile: { size: SizeClassKey; committee: boolean; employees: number };
  events: { stage: string; at: number; reasonCode: string | null; reasonText: string | null }[];
  /**
   * Per allowed whole-week shift (one that keeps every event inside its own snapshot period),
   * the shifted instants of the events, shared by every copy: no Date per synthetic event.
   */
  instants: Date[][];
}

const WEEK_MS = 7 * 86_400_000;

/** The period an event counts in: a coaching snapshot year, or the award round before its ceremony. */
function periodOf(programme: string, d: number): [number, number] {
  const year = Number(new Date(d * 86_400_000).toISOString().slice(0, 4));
  if (programme === programmeId(COACHING)) {
    if (year === 2017) return [day(COACHING_LAUNCH), day('2017-12-31')];
    if (year === 2018) return [day('2018-01-01'), day('2018-12-31')];
    return [day('2019-01-01'), day(COACHING_DATA_DATE)];
  }
  return [day(`${year}-01-01`), day(`${year}-09-30`)];
}

export function buildTemplates(base: DatasetTables): Template[] {
  const orgs = new Map(base.organisation.map((o) => [o.id, o]));
  const coachFrom = new Map(base.coach.map((c) => [c.id, day(c.activeFrom)]));
  const members = new Map<string, number>();
  for (const m of base.application_member)
    members.set(m.applicationId, (members.get(m.applicationId) ?? 0) + 1);
  const events = new Map<string, Template['events']>();
  for (const e of base.application_event) {
    const list = events.get(e.applicationId) ?? [];
    list.push({
      stage: e.stage,
      at: e.occurredAt.getTime(),
      reasonCode: e.reasonCode,
      reasonText: e.reasonText,
    });
    events.set(e.applicationId, list);
  }
  return base.application.map((a) => {
    const org = orgs.get(a.organisationId) as OrganisationRow;
    const evs = events.get(a.id) ?? [];
    // A coach can only be assigned once trained: the approval may not move before that day.
    const coachSince = a.coachId ? (coachFrom.get(a.coachId) ?? 0) : 0;
    const weeks = [-2, -1, 0, 1, 2].filter((w) =>
      evs.every((e) => {
        const d = brusselsDay(new Date(e.at));
        const [from, to] = periodOf(a.programmeId, d);
        const shifted = d + 7 * w;
        return (
          shifted >= from && shifted <= to && (e.stage !== 'APPROVED' || shifted >= coachSince)
        );
      }),
    );
    return {
      programmeId: a.programmeId,
      editionId: a.editionId,
      registrationType: a.registrationType,
      channelId: a.channelId,
      coachId: a.coachId,
      members: members.get(a.id) ?? 0,
      profile: {
        size: org.sizeClass ?? 'SMALL',
        committee: org.hasPreventionCommittee,
        employees: org.employeeCount ?? 10,
      },
      events: evs,
      instants: (weeks.length > 0 ? weeks : [0]).map((w) =>
        evs.map((e) => new Date(e.at + w * WEEK_MS)),
      ),
    };
  });
}

interface SyntheticNetwork {
  id: string;
  members: string[];
}

/** Streams synthetic chunks; state (running org counter) is carried from chunk to chunk. */
export function* syntheticChunks(
  rng: Rng,
  faker: Faker,
  templates: Template[],
  extraApplications: number,
): Generator<DatasetChunk> {
  // Name pools drawn once: faker per synthetic company would dominate the generation time.
  const lastNames = Array.from({ length: 4000 }, () => faker.person.lastName());
  const cities = Array.from({ length: 500 }, () => faker.location.city());
  const names: Names = { lastName: () => rng.pick(lastNames), city: () => rng.pick(cities) };
  let orgSeq = 0;
  const newOrgIds = () => {
    const first8 = SYNTH_KBO_MIN + orgSeq;
    if (first8 > SYNTH_KBO_MAX) {
      throw new RangeError(
        'scale too large: synthetic company numbers exhausted (about 3 million)',
      );
    }
    orgSeq++;
    return { id: rng.uuid(), kbo: kboFromFirst8(first8) };
  };

  for (let start = 0; start < extraApplications; start += CHUNK_APPLICATIONS) {
    const end = Math.min(extraApplications, start + CHUNK_APPLICATIONS);
    const chunk: Required<
      Pick<
        DatasetChunk,
        | 'organisation'
        | 'network_membership'
        | 'application'
        | 'application_member'
        | 'application_event'
      >
    > = {
      organisation: [],
      network_membership: [],
      application: [],
      application_member: [],
      application_event: [],
    };
    // Returning applicants: companies of this chunk by profile, with the editions they entered.
    const byProfile = new Map<string, { id: string; editions: Set<string> }[]>();
    const everyCompany: string[] = [];
    const networks: SyntheticNetwork[] = [];

    /** `committee` and `employees` copy an applicant template; members keep the random profile. */
    const createCompany = (size: SizeClassKey, committee?: boolean, employees?: number): string => {
      const ids = newOrgIds();
      const c = makeCompany(rng, names, { ...ids, size });
      if (committee !== undefined) c.hasPreventionCommittee = committee;
      if (employees !== undefined) {
        // Same size class as the template; coaching rejections depend on the exact headcount.
        const jitter = employeesFor(rng, size);
        c.employeeCount = size === 'MEDIUM' && employees < 120 ? Math.min(119, jitter) : jitter;
      }
      chunk.organisation.push(c);
      everyCompany.push(c.id);
      return c.id;
    };

    for (let j = start; j < end; j++) {
      const t = templates[j % templates.length] as Template;
      const id = rng.uuid();
      let organisationId: string;
      let memberIds: string[] = [];
      if (t.registrationType === 'INDIVIDUAL') {
        const key = `${t.profile.size}:${t.profile.committee}`;
        const candidates = byProfile.get(key) ?? [];
        const back = candidates.length > 0 && rng.chance(RETURNING) ? rng.pick(candidates) : null;
        if (back && !back.editions.has(t.editionId)) {
          organisationId = back.id;
          back.editions.add(t.editionId);
        } else {
          organisationId = createCompany(t.profile.size, t.profile.committee, t.profile.employees);
          candidates.push({ id: organisationId, editions: new Set([t.editionId]) });
          byProfile.set(key, candidates);
        }
      } else {
        const fits = networks.filter((n) => n.members.length >= t.members);
        let network = fits.length > 0 && rng.chance(0.5) ? rng.pick(fits) : null;
        if (!network) {
          const ids = newOrgIds();
          const place = rng.pick(MUNICIPALITIES);
          chunk.organisation.push({
            id: ids.id,
            kind: 'NETWORK',
            kboNumber: ids.kbo,
            name: `Bedrijvenvereniging ${names.city()}`,
            employeeCount: null,
            sizeClass: null,
            naceCode: '94.11',
            naceSection: 'S',
            province: place.province,
            municipality: place.name,
            postalCode: place.postalCode,
            businessPark: null,
            hasPreventionCommittee: false,
            createdAt: REGISTRY_IMPORTED_AT,
          });
          const size = t.members + rng.int(0, 8);
          const set = new Set<string>();
          while (set.size < size) {
            set.add(
              everyCompany.length > 50 && rng.chance(MEMBER_REUSE)
                ? rng.pick(everyCompany)
                : createCompany(rng.pick(['MICRO', 'MICRO', 'SMALL', 'SMALL', 'MEDIUM'] as const)),
            );
          }
          network = { id: ids.id, members: [...set] };
          networks.push(network);
          for (const m of network.members) {
            chunk.network_membership.push({
              networkId: network.id,
              memberId: m,
              joinedOn: '2011-01-01',
            });
          }
        }
        organisationId = network.id;
        memberIds = rng.shuffle(network.members.slice()).slice(0, t.members);
      }

      const instants = rng.pick(t.instants);
      const createdAt = instants[0] ?? new Date(0);
      chunk.application.push({
        id,
        programmeId: t.programmeId,
        editionId: t.editionId,
        organisationId,
        registrationType: t.registrationType,
        channelId: t.channelId,
        coachId: t.coachId,
        companyCount: t.registrationType === 'GROUP' ? memberIds.length : 1,
        idempotencyKey: null,
        createdAt,
        version: 1,
        stage1At: null,
        stage2At: null,
        stage3At: null,
        stage4At: null,
        exitStage: null,
        exitAt: null,
        exitReason: null,
      });
      for (const m of memberIds)
        chunk.application_member.push({ applicationId: id, organisationId: m });
      for (const [k, e] of t.events.entries()) {
        const at = instants[k] as Date;
        chunk.application_event.push({
          applicationId: id,
          stage: e.stage,
          occurredAt: at,
          actor: 'import:synthetic',
          reasonCode: e.reasonCode,
          reasonText: e.reasonText,
          recordedAt: at,
        });
      }
    }
    yield chunk;
  }
}

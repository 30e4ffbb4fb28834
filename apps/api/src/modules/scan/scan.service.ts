import {
  choosePeerGroup,
  lowestDomains,
  type ScanProblem,
  scanProblems,
  scoreScan,
} from '@werkgezond/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { todayInBrussels } from '../../database/sql.js';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { canActFor, type Viewer } from '../../graphql/policy.js';
import { IndicatorMeasurementEntity } from '../indicator/indicator.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import {
  HealthPolicyScanEntity,
  ScanDomainEntity,
  ScanInstrumentEntity,
  ScanItemEntity,
} from './scan.entity.js';
import type {
  InstrumentData,
  PeerBenchmarkData,
  PeerGroupKind,
  ScanData,
  ScanResultData,
  SuggestionData,
} from './scan.model.js';

export const SCAN_KEY = 'gezondheidsbeleid-scan';
export const SCAN_INDICATOR_SOURCE = 'Gezondheidsbeleid-scan';
/** Lowest domains that get suggestions, and at most this many suggestions in all. */
const SUGGESTION_DOMAINS = 3;
const MAX_SUGGESTIONS = 5;
const MAX_ANSWERS = 200;

export interface ScanAnswerValue {
  itemKey: string;
  points: number | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export class ScanService {
  /** `peerThreshold`: the research API's minimum cell (RESEARCH_MIN_CELL). */
  constructor(
    private readonly ds: DataSource,
    private readonly peerThreshold: number,
  ) {}

  /** The current (latest) version of the instrument. */
  async currentInstrument(em: EntityManager = this.ds.manager): Promise<InstrumentData> {
    const instrument = await em
      .getRepository(ScanInstrumentEntity)
      .findOne({ where: { key: SCAN_KEY }, order: { version: 'DESC' } });
    if (!instrument) throw notFound('Health-policy scan instrument');
    return this.instrument(instrument.id, em);
  }

  async instrument(id: string, em: EntityManager = this.ds.manager): Promise<InstrumentData> {
    // One after another: inside a transaction they share one connection.
    const instrument = await em.getRepository(ScanInstrumentEntity).findOneByOrFail({ id });
    const order = { position: 'ASC' } as const;
    const domains = await em
      .getRepository(ScanDomainEntity)
      .find({ where: { instrumentId: id }, order });
    const items = await em
      .getRepository(ScanItemEntity)
      .find({ where: { instrumentId: id }, order });
    return {
      id: instrument.id,
      key: instrument.key,
      version: instrument.version,
      title: instrument.title,
      titleEn: instrument.titleEn,
      levels: instrument.levels,
      domains: domains.map(({ key, label, labelEn, position }) => ({
        key,
        label,
        labelEn,
        position,
      })),
      items: items.map(({ key, domainKey, text, textEn, maxPoints, required, position }) => ({
        key,
        domainKey,
        text,
        textEn,
        maxPoints,
        required,
        position,
      })),
    };
  }

  /** The organisation's scans, the open draft first, then submitted ones newest first. */
  async scans(viewer: Viewer, organisationId: string): Promise<ScanData[]> {
    await this.company(viewer, organisationId);
    const rows = await this.ds.query(
      `SELECT s.*, i.version FROM health_policy_scan s JOIN scan_instrument i ON i.id = s.instrument_id
        WHERE s.organisation_id = $1
        ORDER BY (s.status = 'DRAFT') DESC, s.submitted_at DESC NULLS FIRST`,
      [organisationId],
    );
    return rows.map(fromRow);
  }

  /** Creates the organisation's draft with the current instrument, or updates its answers. */
  async saveDraft(
    viewer: Viewer,
    organisationId: string,
    answers: ScanAnswerValue[],
  ): Promise<ScanData> {
    await this.company(viewer, organisationId);
    return this.ds.transaction(async (em) => {
      const { draft, instrument } = await this.draftFor(em, organisationId);
      const merged = this.merge(instrument, draft?.answers ?? {}, answers, false);
      const saved = await this.write(em, draft, organisationId, instrument, merged);
      return toData(saved, instrument.version);
    });
  }

  /**
   * Submits the draft with these last answers: every required item must be answered. Scores
   * it, and records the score as the organisation's indicator measurement of today. Nothing is
   * written unless everything is valid.
   */
  async submit(
    viewer: Viewer,
    organisationId: string,
    answers: ScanAnswerValue[],
  ): Promise<ScanResultData> {
    await this.company(viewer, organisationId);
    const id = await this.ds.transaction(async (em) => {
      const { draft, instrument } = await this.draftFor(em, organisationId);
      const merged = this.merge(instrument, draft?.answers ?? {}, answers, true);
      const scores = scoreScan(
        instrument.items,
        instrument.domains.map((d) => d.key),
        merged,
      );
      const now = new Date();
      const indicator = await em.getRepository(IndicatorMeasurementEntity).save({
        organisationId,
        measuredOn: todayInBrussels(),
        score: (scores.overall ?? 0).toFixed(2),
        source: SCAN_INDICATOR_SOURCE,
      });
      const saved = await this.write(em, draft, organisationId, instrument, merged, {
        status: 'SUBMITTED',
        score: (scores.overall ?? 0).toFixed(1),
        domainScores: Object.fromEntries(scores.domains.map((d) => [d.key, d.score])),
        submittedAt: now,
        indicatorMeasurementId: indicator.id,
      });
      return saved.id;
    });
    return this.result(viewer, id);
  }

  /** A submitted scan with its domain scores, change, suggestions and peer benchmark. */
  async result(viewer: Viewer, scanId: string): Promise<ScanResultData> {
    const scan = await this.ds.getRepository(HealthPolicyScanEntity).findOneBy({ id: scanId });
    if (!scan || !canActFor(viewer, scan.organisationId)) throw notFound('Scan');
    if (scan.status !== 'SUBMITTED' || !scan.submittedAt)
      throw badInput('This scan is a draft; submit it to see the result', 'scanId');
    const instrument = await this.instrument(scan.instrumentId);
    const previous = await this.ds
      .getRepository(HealthPolicyScanEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :org AND s.status = :st AND s.submitted_at < :at', {
        org: scan.organisationId,
        st: 'SUBMITTED',
        at: scan.submittedAt,
      })
      .orderBy('s.submitted_at', 'DESC')
      .getOne();
    const previousVersion = previous
      ? (
          await this.ds
            .getRepository(ScanInstrumentEntity)
            .findOneByOrFail({ id: previous.instrumentId })
        ).version
      : null;
    const mine = scan.domainScores ?? {};
    const before = previous?.domainScores ?? {};
    const domains = instrument.domains.map((d) => {
      const score = mine[d.key] ?? null;
      const previousScore = previous ? (before[d.key] ?? null) : null;
      return {
        key: d.key,
        label: d.label,
        labelEn: d.labelEn,
        score,
        previousScore,
        change: score !== null && previousScore !== null ? round1(score - previousScore) : null,
      };
    });
    const score = num(scan.score);
    const previousScore = previous ? num(previous.score) : null;
    return {
      scan: toData(scan, instrument.version),
      instrument,
      previous: previous ? toData(previous, previousVersion ?? instrument.version) : null,
      change: score !== null && previousScore !== null ? round1(score - previousScore) : null,
      domains,
      suggestions: await this.suggestions(scan.instrumentId, domains),
      peers: score === null ? null : await this.peers(scan.organisationId, score),
    };
  }

  private async suggestions(
    instrumentId: string,
    domains: { key: string; score: number | null }[],
  ): Promise<SuggestionData[]> {
    const low = lowestDomains(
      { overall: null, domains: domains.filter((d) => d.score !== null && d.score < 100) },
      SUGGESTION_DOMAINS,
    );
    const rows = await this.ds.getRepository(ScanDomainEntity).findBy({ instrumentId });
    const byKey = new Map(rows.map((r) => [r.key, r.suggestions]));
    // Round robin: the first suggestion of each low domain before anyone's second.
    const picked: SuggestionData[] = [];
    for (let round = 0; picked.length < MAX_SUGGESTIONS; round++) {
      const batch = low.flatMap((key) => {
        const s = byKey.get(key)?.[round];
        return s ? [{ domainKey: key, ...s, componentName: null as string | null }] : [];
      });
      if (batch.length === 0) break;
      picked.push(...batch.slice(0, MAX_SUGGESTIONS - picked.length));
    }
    if (picked.length === 0) return picked;
    const names: { programme_key: string; key: string; name: string }[] = await this.ds.query(
      `SELECT p.key AS programme_key, c.key, c.name FROM programme_component c
         JOIN programme p ON p.id = c.programme_id`,
    );
    const name = new Map(names.map((n) => [`${n.programme_key}/${n.key}`, n.name]));
    return picked.map((s) => ({
      ...s,
      componentName: name.get(`${s.programmeKey}/${s.componentKey}`) ?? null,
    }));
  }

  /**
   * The company's score beside its peers' latest health-policy scores (any measurement,
   * scans included), in the finest group that holds enough companies; aggregated in SQL.
   */
  private async peers(organisationId: string, score: number): Promise<PeerBenchmarkData | null> {
    const org = await this.ds
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ id: organisationId });
    const conditions: Record<PeerGroupKind, string> = {
      SIZE_AND_SECTOR: 'size_class::text = my_size AND nace_section = my_sector',
      SIZE_AND_PROVINCE: 'size_class::text = my_size AND province = my_province',
      SIZE: 'size_class::text = my_size',
      SECTOR: 'nace_section = my_sector',
      PROVINCE: 'province = my_province',
      ALL: 'TRUE',
    };
    const usable: PeerGroupKind[] = (Object.keys(conditions) as PeerGroupKind[]).filter(
      (k) =>
        (!k.includes('SIZE') || org.sizeClass) &&
        (!k.includes('SECTOR') || org.naceSection) &&
        (!k.includes('PROVINCE') || org.province),
    );
    const latest = `WITH latest AS (
      SELECT DISTINCT ON (i.organisation_id) i.organisation_id, i.score::float8 AS score
        FROM indicator_measurement i ORDER BY i.organisation_id, i.measured_on DESC, i.id
    ), peers AS (
      SELECT o.size_class, o.nace_section::text, o.province, l.score,
             $2::text AS my_size, $3::text AS my_sector, $4::text AS my_province FROM latest l
        JOIN organisation o ON o.id = l.organisation_id
       WHERE o.kind = 'COMPANY' AND o.id <> $1
    )`;
    const params = [organisationId, org.sizeClass, org.naceSection, org.province];
    const [sizes] = await this.ds.query(
      `${latest} SELECT ${usable.map((k) => `count(*) FILTER (WHERE ${conditions[k]})::int AS "${k}"`).join(', ')} FROM peers`,
      params,
    );
    const group = choosePeerGroup(
      usable.map((key) => ({ key, companies: Number(sizes[key]) })),
      this.peerThreshold,
    );
    if (!group) return null;
    const [stats] = await this.ds.query(
      `${latest} SELECT count(*)::int AS n, avg(score) AS mean,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS p25,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY score) AS p75,
              count(*) FILTER (WHERE score < $5::float8)::int AS below
         FROM peers WHERE ${conditions[group.key]}`,
      [...params, score],
    );
    return {
      group: group.key,
      sizeClass: group.key.includes('SIZE') ? org.sizeClass : null,
      sector: group.key.includes('SECTOR') ? org.naceSection : null,
      province: group.key.includes('PROVINCE') ? org.province : null,
      companies: stats.n,
      threshold: this.peerThreshold,
      mean: round1(Number(stats.mean)),
      p25: round1(Number(stats.p25)),
      median: round1(Number(stats.median)),
      p75: round1(Number(stats.p75)),
      shareBelow: stats.below / stats.n,
    };
  }

  /** The viewer acts for this organisation and it is a company (scans are for companies). */
  private async company(viewer: Viewer, organisationId: string): Promise<void> {
    if (!canActFor(viewer, organisationId)) throw notFound('Organisation');
    const org = await this.ds.getRepository(OrganisationEntity).findOneBy({ id: organisationId });
    if (!org) throw notFound('Organisation');
    if (org.kind !== 'COMPANY')
      throw badInput('The health-policy scan is for companies', 'input.organisationId');
  }

  private async draftFor(em: EntityManager, organisationId: string) {
    const draft = await em
      .getRepository(HealthPolicyScanEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.organisation_id = :organisationId AND s.status = :status', {
        organisationId,
        status: 'DRAFT',
      })
      .getOne();
    const instrument = draft
      ? await this.instrument(draft.instrumentId, em)
      : await this.currentInstrument(em);
    return { draft, instrument };
  }

  /** Validates the new answers against the instrument and merges them into the old ones. */
  private merge(
    instrument: InstrumentData,
    old: Record<string, number>,
    answers: ScanAnswerValue[],
    complete: boolean,
  ): Record<string, number> {
    if (answers.length > MAX_ANSWERS)
      throw badInput(`At most ${MAX_ANSWERS} answers`, 'input.answers');
    const index = new Map<string, number>();
    answers.forEach((a, i) => {
      if (index.has(a.itemKey))
        throw badInput(`Item "${a.itemKey}" is answered twice`, `input.answers.${i}.itemKey`);
      index.set(a.itemKey, i);
    });
    const incoming = Object.fromEntries(answers.map((a) => [a.itemKey, a.points]));
    const first = scanProblems(instrument.items, incoming, false)[0];
    if (first) throw problemError(first, index);
    const merged: Record<string, number> = { ...old };
    for (const a of answers) {
      if (a.points === null) delete merged[a.itemKey];
      else merged[a.itemKey] = a.points;
    }
    if (complete) {
      const missing = scanProblems(instrument.items, merged, true).filter(
        (p) => p.kind === 'UNANSWERED',
      );
      if (missing.length > 0) {
        throw userError(
          'BAD_USER_INPUT',
          `Answer every item before submitting: ${missing.length} unanswered`,
          { field: 'input.answers', unanswered: missing.map((p) => p.itemKey) },
        );
      }
    }
    return merged;
  }

  private async write(
    em: EntityManager,
    draft: HealthPolicyScanEntity | null,
    organisationId: string,
    instrument: InstrumentData,
    answers: Record<string, number>,
    extra: Partial<HealthPolicyScanEntity> = {},
  ): Promise<HealthPolicyScanEntity> {
    const now = new Date();
    try {
      return await em.getRepository(HealthPolicyScanEntity).save({
        ...(draft ?? {
          organisationId,
          instrumentId: instrument.id,
          status: 'DRAFT' as const,
          startedAt: now,
          score: null,
          domainScores: null,
          submittedAt: null,
          indicatorMeasurementId: null,
        }),
        answers,
        updatedAt: now,
        ...extra,
      });
    } catch (error) {
      // Two first saves at once: the partial unique index allows one draft per organisation.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw userError('CONFLICT', 'A draft of this scan was started at the same time; reload it');
      throw error;
    }
  }
}

function problemError(p: ScanProblem, index: Map<string, number>) {
  const i = index.get(p.itemKey) ?? 0;
  if (p.kind === 'UNKNOWN_ITEM')
    return badInput(`Unknown item "${p.itemKey}"`, `input.answers.${i}.itemKey`);
  return badInput(
    p.kind === 'OUT_OF_RANGE'
      ? `Choose a whole number of points from 0 to ${p.max}`
      : 'Answer this item',
    `input.answers.${i}.points`,
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function toData(s: HealthPolicyScanEntity, instrumentVersion: number): ScanData {
  return {
    id: s.id,
    organisationId: s.organisationId,
    status: s.status,
    instrumentVersion,
    answers: Object.entries(s.answers).map(([itemKey, points]) => ({ itemKey, points })),
    score: num(s.score),
    startedAt: s.startedAt,
    updatedAt: s.updatedAt,
    submittedAt: s.submittedAt,
  };
}

function fromRow(r: Record<string, unknown>): ScanData {
  return {
    id: r.id as string,
    organisationId: r.organisation_id as string,
    status: r.status as ScanData['status'],
    instrumentVersion: Number(r.version),
    answers: Object.entries(r.answers as Record<string, number>).map(([itemKey, points]) => ({
      itemKey,
      points,
    })),
    score: num(r.score as string | null),
    startedAt: new Date(r.started_at as string),
    updatedAt: new Date(r.updated_at as string),
    submittedAt: r.submitted_at ? new Date(r.submitted_at as string) : null,
  };
}

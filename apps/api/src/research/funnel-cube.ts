/**
 * The protected funnel cube behind every date-based research answer (funnel, snapshots, cohort
 * comparison, channels, drop-off reasons, decision lead time).
 *
 * Units are the semantic layer's (application, company) pairs (semantic/units.ts): the same
 * population the aggregate, the population guard and the analytics' COMPANIES unit count. The
 * cells are counted in PostgreSQL (semantic/funnel-states.sql.ts); this class only protects
 * them (disclosure control as a step on the query layer's result). At a date each unit is in one
 * *atom*: its furthest step and the exit it left by (or none). Every number an answer shows is
 * a sum of atoms (a cumulative step count, an exit count, the exits taken at a step, the units
 * still in progress); at the programme level the atoms are split further by reason code and, for
 * decided applications, by decision lead time in weeks. All of it is protected as one system of
 * linked cells (protectLinkedCells):
 *
 * - within a date and group, every published number is tied to the atoms it sums;
 * - groups add up to the coarser groups (margins and total) of the same filter: levels are
 *   protected coarsest first, so an answer agrees with every answer with fewer breakdowns, and a
 *   finer level treats what the coarser one withholds as sensitive;
 * - dates: every answer is computed with all *reference dates* (year ends, see research-dates.ts)
 *   and the change of every cumulative number between consecutive reference dates is an
 *   unpublished cell of its own, protected like any small count. A month end between two year
 *   ends shows a number only where it equals the number at one of them (DIFFERENCING otherwise).
 *
 * The pattern depends on the programme, the filter and the breakdown dimensions only (never on
 * the unit, the requested dates or the order of the breakdowns), so answers agree with each other.
 */
import {
  type CellRelation,
  DROP_OFF_REASONS,
  type LinkedCell,
  type LinkedReason,
  type LinkedResult,
  perturbCount,
  protectLinkedCells,
  RECORD_KEY_MODULUS,
} from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { TIME_ZONE } from '../database/sql.js';
import { badInput } from '../graphql/errors.js';
import { REJECTION_REASONS } from '../modules/application/application-lifecycle.service.js';
import {
  type FunnelStatesQuery,
  funnelDaysSql,
  funnelStatesSql,
  toStateRows,
} from '../semantic/funnel-states.sql.js';
import { metricSql } from '../semantic/measures.js';
import type { DimensionCatalog, DimensionValueInfo } from './dimension-catalog.js';
import { neighbours } from './population-guard.js';
import { lastDayOfMonth, yearEnds, yearOf } from './research-dates.js';
import {
  COUNTED,
  filterSql,
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
  researchSql,
  researchUnitFrom,
} from './research-dimensions.js';

export type CubeUnit = 'APPLICATIONS' | 'COMPANIES';

export interface CubeStage {
  key: string;
  label: string;
  position: number;
}

export interface CubeExit extends CubeStage {
  /** Lowest step position from which the exit can be taken (requiresStep), else 1. */
  fromPosition: number;
  /** Exclusive upper bound (beforeStep), else the number of steps. */
  beforePosition: number;
}

export interface CubeProgramme {
  id: string;
  key: string;
  name: string;
  steps: CubeStage[];
  exits: CubeExit[];
  /** Edition years. */
  years: number[];
  /** Reference dates: every year end from the first edition (or event) to the last event. */
  references: string[];
  /**
   * The month end of the programme's last recorded event: from then on every answer equals
   * the final one (the last reference date). Month precision, programme-wide, so it says
   * nothing about a company that a month-level answer would not.
   */
  settledFrom: string | null;
}

interface ProgrammeRow {
  id: string;
  key: string;
  name: string;
  stages: {
    key: string;
    label: string;
    kind: 'STEP' | 'EXIT';
    position: number;
    requiresStep: string | null;
    beforeStep: string | null;
  }[];
  years: number[];
  first_event_year: number | null;
  last_event_day: string | null;
}

/** Programme metadata with the stage rules (which exit can follow which step). */
export async function loadCubeProgramme(
  ds: DataSource,
  key: string,
  field: string,
): Promise<CubeProgramme> {
  if (typeof key !== 'string' || key.length === 0 || key.length > 64) {
    throw badInput('Unknown programme', field);
  }
  const local = (expr: string) => `extract(year FROM (${expr}) AT TIME ZONE '${TIME_ZONE}')::int`;
  // (the last event is read as a day, below, and only used at month precision)
  const rows: ProgrammeRow[] = await ds.query(
    `SELECT p.id, p.key, p.name,
       COALESCE((SELECT json_agg(json_build_object('key', sd.key, 'label', sd.label, 'kind', sd.kind,
                  'position', sd.position, 'requiresStep', sd.requires_step, 'beforeStep', sd.before_step)
                  ORDER BY sd.kind, sd.position) FROM stage_definition sd WHERE sd.programme_id = p.id), '[]') AS stages,
       COALESCE((SELECT json_agg(e.year ORDER BY e.year) FROM edition e WHERE e.programme_id = p.id), '[]') AS years,
       (SELECT ${local('min(a.stage1_at)')} FROM application a WHERE a.programme_id = p.id) AS first_event_year,
       (SELECT to_char(max(GREATEST(a.stage1_at, a.stage2_at, a.stage3_at, a.stage4_at, a.exit_at))
                 AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD')
          FROM application a WHERE a.programme_id = p.id) AS last_event_day
     FROM programme p WHERE p.key = $1`,
    [key],
  );
  const row = rows[0];
  if (!row) throw badInput(`Unknown programme "${key}"`, field);
  const steps = row.stages
    .filter((s) => s.kind === 'STEP')
    .sort((a, b) => a.position - b.position)
    .map((s, i) => ({ key: s.key, label: s.label, position: i + 1 }));
  if (steps.length === 0 || steps.length > 4) {
    throw badInput(`${row.name} has no funnel steps to count`, field);
  }
  const positionOf = (stepKey: string | null) =>
    stepKey ? (steps.find((s) => s.key === stepKey)?.position ?? null) : null;
  const exits = row.stages
    .filter((s) => s.kind === 'EXIT')
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      key: s.key,
      label: s.label,
      position: s.position,
      fromPosition: positionOf(s.requiresStep) ?? 1,
      // No exit after the last step (the programme is then finished).
      beforePosition: positionOf(s.beforeStep) ?? steps.length,
    }));
  const years = row.years ?? [];
  const first = Math.min(...years, row.first_event_year ?? Number.POSITIVE_INFINITY);
  const firstYear = Number.isFinite(first) ? first : new Date().getUTCFullYear();
  const lastEvent = row.last_event_day;
  const lastYear = Math.max(firstYear, lastEvent ? yearOf(lastEvent) : firstYear);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    steps,
    exits,
    years,
    references: yearEnds(firstYear, lastYear),
    settledFrom: lastEvent
      ? lastDayOfMonth(yearOf(lastEvent), Number(lastEvent.slice(5, 7)))
      : null,
  };
}

const NONE = '-';
export const WEEK_BUCKETS = 13;
/** "Decided within n days" for whole weeks: the sum of the first n / 7 week buckets. */
export const WITHIN_DAYS = Array.from({ length: 12 }, (_, i) => 7 * (i + 1));

/** Series keys (what a cell counts), per date and group. */
export const S = {
  reached: (k: number) => `N${k}`,
  exit: (e: string) => `X:${e}`,
  atom: (k: number, x: string) => `B${k}:${x}`,
  reasonAtom: (k: number, e: string, r: string) => `R${k}:${e}:${r}`,
  stepReason: (k: number, r: string) => `RS${k}:${r}`,
  exitReason: (e: string, r: string) => `RX:${e}:${r}`,
  decided: 'D',
  week: (w: number) => `DW${w}`,
  /** The change of a cumulative number since an earlier reference date (keyed at the later one). */
  flow: (since: string, series: string) => `F@${since}:${series}`,
};

interface SeriesDef {
  key: string;
  /** Headline numbers (steps, exits, decisions): withheld as a complement only when nothing else can be. */
  headline: boolean;
  /** Shown in some answer (else a quantity the relations involve). */
  published: boolean;
  /** Never decreases over time (changes between reference dates are then cells of their own). */
  monotone: boolean;
  /** Only at the programme level (no breakdown): reasons and lead time. */
  topOnly: boolean;
}

/** A cell's true counts, from PostgreSQL (semantic/funnel-states.sql.ts). */
interface Acc {
  pairs: number;
  apps: number;
  companies: number;
  /** Sum of the pairs' record keys (modulo the key modulus): the cell key. */
  keys: number;
}

export interface CubeCell {
  /** The published (perturbed) count, or null when withheld. */
  value: number | null;
  suppressed: boolean;
  reason: LinkedReason | 'DERIVED' | null;
  /** The true counts, for the server's own derived figures (never returned as such). */
  pairs: number;
  applications: number;
  companies: number;
}

/**
 * What the general `aggregate` publishes about the same population (final state, current
 * stage): per level of the breakdown (bit mask), its answers by [STAGE, ...level] and by the
 * level alone. The funnel treats those published cells as known and the small ones they
 * withhold as sensitive, so the two kinds of answer cannot be combined to open a cell.
 */
export interface CubeAnchor {
  dimensions: ResearchDimension[];
  groups: {
    values: { dimension: ResearchDimension; key: string | null }[];
    companies: { suppressed: boolean; reason: string | null } | null;
  }[];
}

export interface CubeGroup {
  /** One value per breakdown dimension, '*' where the level sums over it. */
  coords: (string | null)[];
  values: DimensionValueInfo[];
}

const ANY = '*';
/** Complements are chosen cheapest first: detail (atoms, reasons, weeks) before headline numbers. */
const HEADLINE_COST = 1_000_000;
const groupId = (coords: readonly (string | null)[]) => JSON.stringify(coords);
const cellId = (date: string, group: string, series: string) => `${date}|${group}|${series}`;

/**
 * The cube of one question: programme, filter and breakdown (up to two dimensions). Load once,
 * then read protected cells at any month end (`at`), the reference dates computed once.
 */
export class FunnelCube {
  /** Breakdown in the canonical order (RESEARCH_DIMENSIONS). */
  readonly dims: ResearchDimension[];
  private readonly defs: SeriesDef[];
  private readonly exitsAt: Map<number, CubeExit[]>;
  private readonly reasonsOf: Map<string, string[]>;
  private readonly levels: number[];
  private readonly groupsByLevel = new Map<number, CubeGroup[]>();
  private readonly views = new Map<string, Map<string, LinkedResult>>();
  /** True counts per cell, and the cells sensitive to differencing, per fetched date set. */
  private readonly accs = new Map<string, Map<string, Acc>>();
  private readonly diffs = new Map<string, Set<string>>();
  /** Median and 90th percentile of the day values per (date, group, step); step 0: lead time. */
  private readonly days = new Map<string, { median: number | null; p90: number | null }>();
  private canonical: Map<string, LinkedResult> | null = null;

  private constructor(
    readonly programme: CubeProgramme,
    private readonly query: Omit<FunnelStatesQuery, 'dates' | 'flows'>,
    /** How many of the query's parameters the question's own filter binds. */
    private readonly ownParams: number,
    exitsInData: readonly { k: number; exit: string; reason: string }[],
    breakdown: readonly ResearchDimension[],
    private readonly dimValues: Map<ResearchDimension, DimensionValueInfo[]>,
    readonly threshold: number,
    private readonly anchors: readonly CubeAnchor[] = [],
  ) {
    this.dims = RESEARCH_DIMENSIONS.filter((d) => breakdown.includes(d));
    const K = programme.steps.length;
    this.exitsAt = new Map();
    for (let k = 1; k <= K; k++) {
      this.exitsAt.set(
        k,
        programme.exits.filter((e) => k >= e.fromPosition && k < e.beforePosition),
      );
    }
    this.reasonsOf = new Map(
      programme.exits.map((e) => [
        e.key,
        [...(e.key === 'REJECTED' ? REJECTION_REASONS : DROP_OFF_REASONS), NONE] as string[],
      ]),
    );
    // Whatever the data hold beyond the rules (so the relations stay exact).
    for (const { k, exit: stage, reason } of exitsInData) {
      const exit = programme.exits.find((e) => e.key === stage);
      if (exit && k > 0 && !this.exitsAt.get(k)?.includes(exit)) this.exitsAt.get(k)?.push(exit);
      const reasons = this.reasonsOf.get(stage);
      if (reasons && !reasons.includes(reason)) reasons.push(reason);
    }
    this.defs = this.seriesDefs();
    const n = this.dims.length;
    this.levels = Array.from({ length: 1 << n }, (_, m) => m).sort(
      (a, b) => popcount(a) - popcount(b) || a - b,
    );
  }

  /**
   * The cube of a question, with the cells of the dates its answer reads (`dates`, null = the
   * final state) counted in PostgreSQL: the reference dates with their changes, and each other
   * month end on its own, for the filter and every neighbouring filter in one scan.
   */
  static async load(
    ds: DataSource,
    catalog: DimensionCatalog,
    programme: CubeProgramme,
    filter: ResearchFilterValues,
    breakdown: readonly ResearchDimension[],
    threshold: number,
    anchors: readonly CubeAnchor[] = [],
    dates: readonly (string | null)[] = [null],
  ): Promise<FunnelCube> {
    const K = programme.steps.length;
    const dims = RESEARCH_DIMENSIONS.filter((d) => breakdown.includes(d));
    const params: unknown[] = [[programme.key]];
    const units = researchUnitFrom();
    const own = filterSql(filter, params);
    const ownParams = params.length;
    // Set i > 0: the units by which the i-th neighbouring filter's answer differs from this one.
    const sets = [
      own,
      ...neighbours(filter, ['PROGRAMME']).map((n) => `(${own} <> ${filterSql(n.filter, params)})`),
    ];
    const query: Omit<FunnelStatesQuery, 'dates' | 'flows'> = {
      from: units.from,
      where: [`${researchSql('PROGRAMME')} = ANY($1::text[])`, COUNTED, ...units.where],
      dims: dims.map(researchSql),
      sets,
      steps: K,
      params,
      decisionExits: programme.exits.filter((e) => e.key === 'REJECTED').map((e) => e.key),
      threshold,
      keyModulus: RECORD_KEY_MODULUS,
    };
    const exitsInData: { k: number; exit: string; reason: string }[] = await ds.query(
      `SELECT DISTINCT ${metricSql(K, null).furthest} AS k, a.exit_stage AS exit,
              COALESCE(a.exit_reason, '${NONE}') AS reason
         FROM ${units.from}
        WHERE ${[...query.where, own, 'a.exit_at IS NOT NULL', 'a.exit_stage IS NOT NULL'].join(' AND ')}`,
      params.slice(0, ownParams),
    );
    await catalog.ensureLoaded(ds);
    const dimValues = new Map<ResearchDimension, DimensionValueInfo[]>();
    for (const d of breakdown) {
      let values = catalog.values(d, filter);
      if (d === 'EDITION_YEAR')
        values = values.filter((v) => programme.years.includes(Number(v.key)));
      dimValues.set(d, values);
    }
    const cube = new FunnelCube(
      programme,
      query,
      ownParams,
      exitsInData.map((r) => ({ ...r, k: Number(r.k) })),
      breakdown,
      dimValues,
      threshold,
      anchors,
    );
    await cube.fetch(ds, dates);
    return cube;
  }

  /** Counts the cells (and day percentiles) the dates' answers read. */
  private async fetch(ds: DataSource, dates: readonly (string | null)[]): Promise<void> {
    const refs = this.programme.references;
    const resolved = [...new Set(dates.map((t) => this.resolve(t)))];
    const between = [...new Set(resolved.filter((r) => !r.reference).map((r) => r.date))];
    const runs: { dates: readonly string[]; flows: boolean }[] = [{ dates: refs, flows: true }];
    if (between.length) runs.push({ dates: between, flows: false });
    for (const run of runs) {
      const { sql, params } = funnelStatesSql({ ...this.query, ...run });
      const rows = toStateRows(await ds.query(sql, params), this.dims.length);
      // Without flows dates are independent: each is a date set of its own.
      const idOf = (t: string) =>
        run.flows ? this.runId(run.dates, true) : this.runId([t], false);
      for (const id of run.flows ? [idOf('')] : run.dates.map(idOf)) {
        this.accs.set(id, new Map());
        this.diffs.set(id, new Set());
      }
      for (const r of rows) {
        const key = cellId(r.t, groupId(r.coords), r.series);
        const id = idOf(r.t);
        if (r.set_id === 0) {
          this.accs
            .get(id)
            ?.set(key, { pairs: r.pairs, apps: r.apps, companies: r.companies, keys: r.keys });
        } else if (r.pairs > 0) {
          this.diffs.get(id)?.add(key);
        }
      }
    }
    const dayDates = [...new Set(resolved.map((r) => r.date))];
    // Only the question's own units (set 0) and the parameters its filter binds.
    const { sql, params } = funnelDaysSql({
      ...this.query,
      sets: this.query.sets.slice(0, 1),
      params: this.query.params.slice(0, this.ownParams),
      dates: dayDates,
      flows: false,
    });
    for (const r of (await ds.query(sql, params)) as Record<string, unknown>[]) {
      const coords = this.dims.map((_, i) => (r[`g${i}`] as string | null) ?? null);
      const [median, p90] = ((r.pct as (number | null)[] | null) ?? [null, null]).map((x) =>
        x === null || x === undefined ? null : Math.round(Number(x) * 100) / 100,
      );
      this.days.set(`${r.t}|${groupId(coords)}|${r.k}`, {
        median: median ?? null,
        p90: p90 ?? null,
      });
    }
  }

  private runId(dates: readonly string[], flows: boolean): string {
    return `${dates.join(',')}|${flows}`;
  }

  // -------------------------------------------------------------------------------------------
  // Structure

  private seriesDefs(): SeriesDef[] {
    const K = this.programme.steps.length;
    const defs: SeriesDef[] = [];
    const add = (key: string, published: boolean, monotone: boolean, topOnly = false) =>
      defs.push({
        key,
        published,
        monotone,
        topOnly,
        headline: /^(N\d|X:)/.test(key),
      });
    for (let k = 1; k <= K; k++) add(S.reached(k), true, true);
    for (const e of this.programme.exits) add(S.exit(e.key), true, true);
    // Atoms are never shown: they tie the shown numbers together (and are protected when small).
    for (let k = 1; k <= K; k++) {
      add(S.atom(k, NONE), false, false);
      for (const e of this.exitsAt.get(k) ?? []) add(S.atom(k, e.key), false, true);
    }
    // Programme level: reasons and lead time.
    for (let k = 1; k <= K; k++) {
      const reasons = new Set<string>();
      for (const e of this.exitsAt.get(k) ?? []) {
        for (const r of this.reasonsOf.get(e.key) ?? []) {
          add(S.reasonAtom(k, e.key, r), false, true, true);
          reasons.add(r);
        }
      }
      for (const r of reasons) add(S.stepReason(k, r), true, true, true);
    }
    for (const e of this.programme.exits) {
      for (const r of this.reasonsOf.get(e.key) ?? [])
        add(S.exitReason(e.key, r), true, true, true);
    }
    if (K >= 2) {
      add(S.decided, true, true, true);
      for (let w = 0; w < WEEK_BUCKETS; w++) add(S.week(w), true, true, true);
    }
    return defs;
  }

  /** Relations among the cells of one date and group (keys through `key`). */
  private groupRelations(top: boolean, key: (series: string) => string): CellRelation[] {
    const K = this.programme.steps.length;
    const out: CellRelation[] = [];
    const atomsFrom = (from: number) => {
      const parts: string[] = [];
      for (let k = from; k <= K; k++) {
        parts.push(key(S.atom(k, NONE)));
        for (const e of this.exitsAt.get(k) ?? []) parts.push(key(S.atom(k, e.key)));
      }
      return parts;
    };
    for (let k = 1; k <= K; k++) out.push({ total: key(S.reached(k)), parts: atomsFrom(k) });
    for (const e of this.programme.exits) {
      const parts: string[] = [];
      for (let k = 1; k <= K; k++) {
        if (this.exitsAt.get(k)?.includes(e)) parts.push(key(S.atom(k, e.key)));
      }
      out.push({ total: key(S.exit(e.key)), parts });
    }
    if (!top) return out;
    const byStepReason = new Map<string, string[]>();
    const byExitReason = new Map<string, string[]>();
    for (let k = 1; k <= K; k++) {
      for (const e of this.exitsAt.get(k) ?? []) {
        const reasons = this.reasonsOf.get(e.key) ?? [];
        out.push({
          total: key(S.atom(k, e.key)),
          parts: reasons.map((r) => key(S.reasonAtom(k, e.key, r))),
        });
        for (const r of reasons) {
          const atom = key(S.reasonAtom(k, e.key, r));
          const sr = S.stepReason(k, r);
          byStepReason.set(sr, [...(byStepReason.get(sr) ?? []), atom]);
          const xr = S.exitReason(e.key, r);
          byExitReason.set(xr, [...(byExitReason.get(xr) ?? []), atom]);
        }
      }
    }
    for (const [sr, parts] of byStepReason) out.push({ total: key(sr), parts });
    for (const e of this.programme.exits) {
      for (const r of this.reasonsOf.get(e.key) ?? []) {
        const xr = S.exitReason(e.key, r);
        out.push({ total: key(xr), parts: byExitReason.get(xr) ?? [] });
      }
    }
    if (K >= 2) {
      const weeks = Array.from({ length: WEEK_BUCKETS }, (_, w) => key(S.week(w)));
      out.push({ total: key(S.decided), parts: weeks });
      const rejectedEarly = this.exitsAt.get(1)?.some((e) => e.key === 'REJECTED');
      out.push({
        total: key(S.decided),
        parts: [...atomsFrom(2), ...(rejectedEarly ? [key(S.atom(1, 'REJECTED'))] : [])],
      });
    }
    return out;
  }

  /** Groups of a level (bit i set: breakdown dimension i kept), complete tables. */
  groups(level: number): CubeGroup[] {
    const cached = this.groupsByLevel.get(level);
    if (cached) return cached;
    let combos: CubeGroup[] = [{ coords: [], values: [] }];
    this.dims.forEach((d, i) => {
      if (!(level & (1 << i))) {
        combos = combos.map((c) => ({ coords: [...c.coords, ANY], values: c.values }));
        return;
      }
      const options = this.dimValues.get(d) ?? [];
      combos = combos.flatMap((c) =>
        options.map((v) => ({ coords: [...c.coords, v.key], values: [...c.values, v] })),
      );
    });
    this.groupsByLevel.set(level, combos);
    return combos;
  }

  /** Coordinates of the programme-level total (every breakdown summed over). */
  get total(): string[] {
    return this.dims.map(() => ANY);
  }

  get fullLevel(): number {
    return (1 << this.dims.length) - 1;
  }

  // -------------------------------------------------------------------------------------------
  // Counting

  /** True counts per cell at these dates (fetched by `fetch`). */
  private count(dates: readonly string[], flows: boolean): Map<string, Acc> {
    const counts = this.accs.get(this.runId(dates, flows));
    if (!counts) throw new Error(`Cells at ${dates.join(', ')} were not fetched`);
    return counts;
  }

  /**
   * Cells (keys) that differ from the same cell of a neighbouring filter's answer by 1 to
   * threshold − 1 companies: the same filter with one list dropped, or with one value taken
   * out of a list (as in the population guard, which refuses answers whose whole population
   * differs that little). Subtracting the two answers would reveal those companies, so such a
   * cell is sensitive (DIFFERENCING) here. Counted with the cells (the sets i > 0 of
   * semantic/funnel-states.sql.ts).
   */
  private differencing(dates: readonly string[], flows: boolean): Set<string> {
    const diffs = this.diffs.get(this.runId(dates, flows));
    if (!diffs) throw new Error(`Cells at ${dates.join(', ')} were not fetched`);
    return diffs;
  }

  private defByKey: Map<string, SeriesDef> | null = null;
  private def(series: string): SeriesDef | undefined {
    this.defByKey ??= new Map(this.defs.map((d) => [d.key, d]));
    return this.defByKey.get(series);
  }

  // -------------------------------------------------------------------------------------------
  // Protection

  /**
   * Protects the cells of these dates level by level, coarsest first. `flows`: the dates are
   * reference dates and the changes between consecutive ones are cells. `primary` marks cells
   * sensitive whatever their size.
   */
  private protect(
    dates: readonly string[],
    flows: boolean,
    primary?: (
      date: string,
      series: string,
      acc: Acc | undefined,
      group: string,
    ) => LinkedReason | undefined,
  ): Map<string, LinkedResult> {
    const counts = this.count(dates, flows);
    const differs = this.differencing(dates, flows);
    const results = new Map<string, LinkedResult>();
    const cellsOfLevel = new Map<number, LinkedCell[]>();
    for (const level of this.levels) {
      const top = level === 0;
      const defs = this.defs.filter((d) => top || !d.topOnly);
      const groups = this.groups(level);
      const cells: LinkedCell[] = [];
      const relations: CellRelation[] = [];
      for (const [j, date] of dates.entries()) {
        for (const group of groups) {
          const g = groupId(group.coords);
          for (const def of defs) {
            const key = cellId(date, g, def.key);
            const acc = counts.get(key);
            // A zero is never sensitive to differencing: the difference is then the other
            // answer's own number, which that answer protects.
            const reason =
              primary?.(date, def.key, acc, g) ??
              (differs.has(key) && (acc?.pairs ?? 0) > 0 ? 'DIFFERENCING' : undefined);
            const value = acc?.pairs ?? 0;
            cells.push({
              key,
              value,
              contributors: acc?.companies ?? 0,
              published: def.published,
              ...(def.headline ? { cost: HEADLINE_COST + value } : {}),
              ...(reason ? { primary: reason } : {}),
            });
            // The change since every earlier reference date is a cell of its own: any two
            // year-end answers could be subtracted, not only neighbouring ones.
            for (const since of flows && def.monotone ? dates.slice(0, j) : []) {
              const flowKey = cellId(date, g, S.flow(since, def.key));
              const flow = counts.get(flowKey);
              cells.push({
                key: flowKey,
                value: flow?.pairs ?? 0,
                contributors: flow?.companies ?? 0,
                published: false,
                ...(differs.has(flowKey) && (flow?.pairs ?? 0) > 0
                  ? { primary: 'DIFFERENCING' as const }
                  : {}),
              });
              relations.push({ total: key, parts: [cellId(since, g, def.key), flowKey] });
            }
          }
          relations.push(...this.groupRelations(top, (s) => cellId(date, g, s)));
        }
      }
      // Coarser levels: what they publish is known; what they withhold must stay unknown.
      const extra: LinkedCell[] = [];
      if (flows) this.anchorTo(level, dates.at(-1) as string, cells);
      for (const coarser of this.levels) {
        if (coarser === level || (coarser & level) !== coarser) continue;
        const coarseCells = cellsOfLevel.get(coarser) ?? [];
        const fineByCoarse = new Map<string, string[]>();
        for (const cell of cells) {
          const [date, g, series] = splitCell(cell.key);
          const coords = JSON.parse(g) as (string | null)[];
          const up = groupId(coords.map((v, i) => (coarser & (1 << i) ? v : ANY)));
          const coarseKey = cellId(date, up, series);
          fineByCoarse.set(coarseKey, [...(fineByCoarse.get(coarseKey) ?? []), cell.key]);
        }
        for (const c of coarseCells) {
          const parts = fineByCoarse.get(c.key);
          if (!parts) continue;
          const r = results.get(c.key);
          if ((r && !r.suppressed) || c.known) {
            // Published there, or known anyway (what the aggregate publishes, a forced zero).
            relations.push({ parts });
          } else if (r?.reason && r.reason !== 'SECONDARY') {
            // Sensitive there for its own sake: the finer cells must not add up to it. (A
            // complement may follow from finer cells: what it protects is checked here too.)
            extra.push({ ...c, published: false, primary: r.reason });
            relations.push({ total: c.key, parts });
          }
        }
      }
      const all = markForcedZeros([...cells, ...extra], relations);
      const protectedCells = protectLinkedCells(all, relations, {
        threshold: this.threshold,
      });
      const own = new Set(cells.map((c) => c.key));
      for (const r of protectedCells) if (own.has(r.key)) results.set(r.key, r);
      cellsOfLevel.set(level, cells);
    }
    return results;
  }

  /**
   * The aggregate answers of this level (see CubeAnchor) at the final date. Each of their cells
   * is one cell here: the companies currently at a step are that step's atom (still there, no
   * exit), those that left by an exit are the exit's count, a group's total is its first step.
   * What the aggregate publishes is a known constant here (never a complement); what it
   * withholds for being small is sensitive here too.
   */
  private anchorTo(level: number, final: string, cells: LinkedCell[]) {
    const levelDims = this.dims.filter((_, i) => level & (1 << i));
    const index = new Map(cells.map((c, i) => [c.key, i]));
    for (const anchor of this.anchors) {
      const own = anchor.dimensions.filter((d) => d !== 'STAGE');
      if (own.length !== levelDims.length || !own.every((d) => levelDims.includes(d))) continue;
      const byStage = anchor.dimensions.includes('STAGE');
      for (const group of anchor.groups) {
        const value = (d: ResearchDimension) =>
          group.values.find((v) => v.dimension === d)?.key ?? null;
        const g = groupId(this.dims.map((d, i) => (level & (1 << i) ? value(d) : ANY)));
        let series: string | null = S.reached(1);
        if (byStage) {
          const stage = value('STAGE');
          const step = this.programme.steps.find((s) => s.key === stage);
          const exit = this.programme.exits.find((e) => e.key === stage);
          series = step ? S.atom(step.position, NONE) : exit ? S.exit(exit.key) : null;
        }
        // Stages of another programme, or groups this cube has no cells for, hold nobody.
        const i = series === null ? undefined : index.get(cellId(final, g, series));
        const cell = i === undefined ? undefined : cells[i];
        if (!cell || !group.companies) continue;
        if (!group.companies.suppressed) {
          cells[i as number] = { ...cell, known: true };
        } else if (group.companies.reason && group.companies.reason !== 'SECONDARY') {
          cells[i as number] = {
            ...cell,
            primary: cell.primary ?? (group.companies.reason as LinkedReason),
          };
        }
      }
    }
  }

  /** The protected reference dates (computed once). */
  private reference(): Map<string, LinkedResult> {
    this.canonical ??= this.protect(this.programme.references, true);
    return this.canonical;
  }

  /** The date whose cells answer `t`: a reference date itself, or t (between reference dates). */
  resolve(t: string | null): { date: string; reference: boolean } {
    const refs = this.programme.references;
    const last = refs.at(-1) as string;
    const settled = this.programme.settledFrom;
    if (t === null || t >= last || (settled !== null && t >= settled)) {
      return { date: last, reference: true };
    }
    if (refs.includes(t)) return { date: t, reference: true };
    return { date: t, reference: false };
  }

  private view(t: string | null): { date: string; results: Map<string, LinkedResult> } {
    const { date, reference } = this.resolve(t);
    if (reference) return { date, results: this.reference() };
    const cached = this.views.get(date);
    if (cached) return { date, results: cached };
    const refs = this.programme.references;
    const prev = [...refs].reverse().find((r) => r < date) ?? null;
    const next = refs.find((r) => r > date) as string;
    const canonical = this.reference();
    const refCounts = this.count(refs, true);
    const same = (ref: string | null, g: string, series: string, acc: Acc | undefined) => {
      const pairs = acc?.pairs ?? 0;
      const apps = acc?.apps ?? 0;
      if (ref === null) return { equal: pairs === 0, published: true };
      const other = refCounts.get(cellId(ref, g, series));
      return {
        equal: (other?.pairs ?? 0) === pairs && (other?.apps ?? 0) === apps,
        published: canonical.get(cellId(ref, g, series))?.suppressed === false,
      };
    };
    const results = this.protect([date], false, (_date, series, acc, g) => {
      const before = same(prev, g, series, acc);
      const after = same(next, g, series, acc);
      const def = this.def(series);
      if (def?.published) {
        const shown = (before.equal && before.published) || (after.equal && after.published);
        return shown ? undefined : 'DIFFERENCING';
      }
      // A quantity no answer shows: sensitive only when it changed on both sides.
      return before.equal || after.equal ? undefined : 'DIFFERENCING';
    });
    this.views.set(date, results);
    return { date, results };
  }

  /** A protected cell: the group's coordinates per breakdown dimension ('*' = summed over). */
  cell(
    t: string | null,
    coords: readonly (string | null)[],
    series: string,
    unit: CubeUnit,
  ): CubeCell {
    const { date, results } = this.view(t);
    const key = cellId(date, groupId(coords), series);
    const { reference } = this.resolve(t);
    const acc = this.count(reference ? this.programme.references : [date], reference).get(key);
    const pairs = acc?.pairs ?? 0;
    const applications = acc?.apps ?? 0;
    const companies = acc?.companies ?? 0;
    const r = results.get(key);
    if (!r) throw new Error(`No cell ${key}`);
    // Released counts carry the cell key noise of their pairs (the same as `aggregate` gives the
    // same population); the true counts stay server-side, for the rules of derived figures.
    const value = perturbCount(unit === 'COMPANIES' ? pairs : applications, acc?.keys ?? 0);
    return r.suppressed
      ? {
          value: null,
          suppressed: true,
          reason: r.reason ?? 'SECONDARY',
          pairs,
          applications,
          companies,
        }
      : { value, suppressed: false, reason: null, pairs, applications, companies };
  }

  /** Median and 90th percentile of the days from step k-1 to k of the units that reached k by t. */
  lags(
    t: string | null,
    coords: readonly (string | null)[],
    k: number,
  ): { median: number | null; p90: number | null } {
    const { date } = this.resolve(t);
    return this.days.get(`${date}|${groupId(coords)}|${k}`) ?? { median: null, p90: null };
  }

  /** Median and 90th percentile of the decision lead times (days) of the units decided by t. */
  leadTimes(t: string | null): { median: number | null; p90: number | null } {
    return this.lags(t, this.total, 0);
  }

  /** The exits a step can lead to, and the reason codes of an exit. */
  exitsFrom(k: number): CubeExit[] {
    return this.exitsAt.get(k) ?? [];
  }
  reasonsFor(exit: string): string[] {
    return this.reasonsOf.get(exit) ?? [];
  }
  stepReasons(k: number): string[] {
    return [...new Set(this.exitsFrom(k).flatMap((e) => this.reasonsFor(e.key)))];
  }
}

/**
 * Counts are never negative, so every part of a shown zero is zero: an attacker knows those
 * unshown parts (e.g. the reason split of an exit nobody took) and they are constants, not
 * unknowns, in the protection.
 */
function markForcedZeros(cells: LinkedCell[], relations: readonly CellRelation[]): LinkedCell[] {
  const index = new Map(cells.map((c, i) => [c.key, i]));
  const shownZero = (key: string | undefined) => {
    if (key === undefined) return false;
    const c = cells[index.get(key) ?? -1];
    return !!c && c.value === 0 && (c.published !== false || c.known === true) && !c.primary;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      if (!shownZero(r.total)) continue;
      for (const part of r.parts) {
        const i = index.get(part);
        const c = i === undefined ? undefined : cells[i];
        if (c && c.published === false && !c.known && c.value === 0) {
          cells[i as number] = { ...c, known: true };
          changed = true;
        }
      }
    }
  }
  return cells;
}

function splitCell(key: string): [string, string, string] {
  const first = key.indexOf('|');
  const last = key.lastIndexOf('|');
  return [key.slice(0, first), key.slice(first + 1, last), key.slice(last + 1)];
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

export { yearOf };

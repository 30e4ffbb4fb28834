import type { DataSource } from 'typeorm';
import { preparedQuery, statementName } from '../../database/prepared.js';
import { badInput } from '../../graphql/errors.js';
import {
  compareValues,
  describeValue,
  type FunnelDimension,
  type FunnelUnit,
  type ResolvedFilter,
} from '../../semantic/dimensions.js';
import { type AssembleContext, assembleFunnel } from './funnel.assemble.js';
import type {
  FunnelData,
  FunnelQuery,
  FunnelSnapshotsData,
  FunnelSource,
  SnapshotBody,
} from './funnel.model.js';
import {
  type FunnelRow,
  type FunnelSqlScope,
  funnelWithMetaSql,
  liveFunnelSql,
  rollupCuboid,
  rollupFunnelSql,
  type Statement,
} from './funnel.sql.js';
import { requestRollupRefresh } from './rollup.jobs.js';
import {
  assertAsOf,
  assertBreakdown,
  assertUnit,
  editionIdsForYears,
  filteredDimensions,
  labelSources,
  loadProgramme,
  type MetaRow,
  PROGRAMME_META_SQL,
  type ProgrammeMeta,
  programmeFromRow,
  programmeMetaParams,
  resolveFilter,
  toIsoDate,
} from './scope.js';
import { type SnapshotRow, snapshotSql } from './snapshot.sql.js';

/** Error path of an argument: `input.asOf`, or `asOf` for top-level arguments. */
export const argPath = (field: string, name: string) => (field ? `${field}.${name}` : name);

/** auto: the rollup when it can answer exactly, else live. The others force one statement. */
export type FunnelStrategy = 'auto' | 'live' | 'rollup';

export interface FunnelServiceOptions {
  strategy?: FunnelStrategy;
  /** Rebuild a stale rollup in the background (default true). */
  refreshInBackground?: boolean;
}

/** A validated funnel question. */
export interface FunnelScope {
  programme: ProgrammeMeta;
  unit: FunnelUnit;
  asOf: string | null;
  years: number[] | null;
  breakdown: FunnelDimension[];
  filter: ResolvedFilter;
}

export interface FunnelPlan {
  scope: FunnelScope;
  source: FunnelSource;
  statement: Statement;
}

/** The meta row of the one-statement funnel (see funnelWithMetaSql). */
interface MetaAndAnswer {
  programme: MetaRow;
  answered: boolean;
}

/** Intersection of the edition ids of `years` and of filter.editions. */
function mergeEditions(a: string[] | null, b: string[] | undefined): string[] | undefined {
  if (a === null) return b;
  if (!b) return a;
  return a.filter((id) => b.includes(id));
}

export class FunnelService {
  private readonly strategy: FunnelStrategy;
  private readonly refreshInBackground: boolean;

  constructor(
    private readonly ds: DataSource,
    options: FunnelServiceOptions = {},
  ) {
    this.strategy = options.strategy ?? 'auto';
    this.refreshInBackground = options.refreshInBackground ?? true;
  }

  /** Validates the question; `field` prefixes error paths (e.g. "input"). */
  async scope(
    query: FunnelQuery,
    field = 'input',
    extraDims: FunnelDimension[] = [],
  ): Promise<FunnelScope> {
    const asOf = query.asOf == null ? null : toIsoDate(query.asOf, argPath(field, 'asOf'));
    const dims = new Set([
      ...(query.breakdownBy ?? []),
      ...filteredDimensions(query.filter),
      ...extraDims,
    ]);
    const programme = await loadProgramme(
      this.ds,
      query.programmeKey,
      argPath(field, 'programmeKey'),
      {
        asOf,
        channels: dims.has('CHANNEL'),
        serviceProviders: dims.has('SERVICE_PROVIDER'),
      },
    );
    return this.scopeWith(programme, query, field);
  }

  /** Validates the rest of a question against an already loaded programme. */
  async scopeWith(
    programme: ProgrammeMeta,
    query: Omit<FunnelQuery, 'programmeKey'>,
    field = 'input',
  ): Promise<FunnelScope> {
    const breakdown = assertBreakdown(query.breakdownBy, argPath(field, 'breakdownBy'));
    const unit = assertUnit(query.unit, argPath(field, 'unit'));
    const asOf = query.asOf == null ? null : toIsoDate(query.asOf, argPath(field, 'asOf'));
    if (programme.steps.length === 0 || programme.steps.length > 4) {
      throw badInput(
        `${programme.name} has no funnel steps to count`,
        argPath(field, 'programmeKey'),
      );
    }
    assertAsOf(programme, asOf, argPath(field, 'asOf'));
    const yearIds = editionIdsForYears(programme, query.years, argPath(field, 'years'));
    const filter = await resolveFilter(this.ds, programme, query.filter, argPath(field, 'filter'));
    const editions = mergeEditions(yearIds, filter.EDITION);
    if (editions) filter.EDITION = editions;
    return {
      programme,
      unit,
      asOf,
      years: query.years?.length ? [...query.years] : null,
      breakdown,
      filter,
    };
  }

  sqlScope(scope: FunnelScope): FunnelSqlScope {
    return {
      programmeId: scope.programme.id,
      steps: scope.programme.steps.length,
      unit: scope.unit,
      breakdown: scope.breakdown,
      filter: scope.filter,
      asOf: scope.asOf,
    };
  }

  /** Which statement answers, without running it. */
  plan(scope: FunnelScope): FunnelPlan {
    const sqlScope = this.sqlScope(scope);
    const rollupPossible = rollupCuboid(scope.breakdown, scope.filter) !== null;
    const exact = scope.programme.rollup.fresh && scope.programme.rollup.coversAsOf;
    if (this.strategy === 'rollup') {
      const statement = rollupFunnelSql(sqlScope);
      if (!statement) throw badInput('The rollup cannot answer this combination of dimensions');
      return { scope, source: 'ROLLUP', statement };
    }
    if (this.strategy === 'auto' && rollupPossible && exact) {
      const statement = rollupFunnelSql(sqlScope);
      if (statement) return { scope, source: 'ROLLUP', statement };
    }
    if (
      this.strategy === 'auto' &&
      this.refreshInBackground &&
      rollupPossible &&
      !scope.programme.rollup.fresh
    ) {
      requestRollupRefresh(this.ds);
    }
    return { scope, source: 'LIVE', statement: liveFunnelSql(sqlScope) };
  }

  async run(plan: FunnelPlan): Promise<FunnelData> {
    const rows: FunnelRow[] = await this.ds.query(plan.statement.sql, plan.statement.params);
    return this.answer(plan, rows);
  }

  /** The answer from the aggregation's rows. */
  answer(plan: FunnelPlan, rows: readonly FunnelRow[]): FunnelData {
    const { scope } = plan;
    const ctx: AssembleContext = {
      steps: scope.programme.steps,
      exits: scope.programme.exits,
      breakdown: scope.breakdown,
      labels: labelSources(scope.programme),
    };
    return {
      programmeKey: scope.programme.key,
      programmeName: scope.programme.name,
      unit: scope.unit,
      asOf: scope.asOf,
      years: scope.years,
      breakdownBy: scope.breakdown,
      computedFrom: plan.source,
      ...assembleFunnel(rows, ctx),
    };
  }

  async funnel(query: FunnelQuery, field = 'input'): Promise<FunnelData> {
    const one = this.oneStatement(query);
    if (!one) return this.run(this.plan(await this.scope(query, field)));
    const rows = await preparedQuery<FunnelRow & { meta: MetaAndAnswer | null }>(
      this.ds,
      one.name!,
      one.sql,
      one.params,
    );
    const at = rows.findIndex((r) => r.kind === ('meta' as string));
    const meta = at < 0 ? null : rows[at]!.meta;
    if (!meta)
      throw badInput(`Unknown programme "${query.programmeKey}"`, argPath(field, 'programmeKey'));
    // The same checks as the two-statement path, against the metadata the statement read.
    const scope = await this.scopeWith(programmeFromRow(meta.programme), query, field);
    const plan = this.plan(scope);
    if (!meta.answered || plan.source !== 'ROLLUP') return this.run(plan);
    rows.splice(at, 1);
    return this.answer(plan, rows);
  }

  /**
   * The one statement (programme metadata and, when the rollup may answer, the aggregation) for a
   * question that needs nothing of the programme to be written: no years, no filter, at most one
   * dimension besides EDITION. Null: ask in two statements (metadata first). Anything this
   * cannot check without the programme is left to the two-statement path, so that errors and
   * their order stay the same.
   */
  oneStatement(query: FunnelQuery): Statement | null {
    if (this.strategy !== 'auto') return null;
    const key = query.programmeKey;
    if (typeof key !== 'string' || key.length === 0 || key.length > 64) return null;
    if (query.years?.length || filteredDimensions(query.filter).length > 0) return null;
    let breakdown: FunnelDimension[];
    let unit: FunnelUnit;
    let asOf: string | null;
    try {
      breakdown = assertBreakdown(query.breakdownBy, 'breakdownBy');
      unit = assertUnit(query.unit, 'unit');
      asOf = query.asOf == null ? null : toIsoDate(query.asOf, 'asOf');
    } catch {
      return null;
    }
    const meta: Statement = {
      sql: PROGRAMME_META_SQL,
      params: programmeMetaParams(key, {
        asOf,
        channels: breakdown.includes('CHANNEL'),
        serviceProviders: breakdown.includes('SERVICE_PROVIDER'),
      }),
    };
    const statement = funnelWithMetaSql(meta, { unit, breakdown });
    if (!statement) return null;
    // A handful of texts (one per breakdown): prepared once per pooled connection.
    return { ...statement, name: statementName('wg_funnel', statement.sql) };
  }

  /**
   * The statements a funnel runs, for benchmarks: `meta` first (the programme metadata, or the
   * one statement that also answers from the rollup when it may), then `main` unless `meta`
   * already answered.
   */
  async statements(
    query: FunnelQuery,
  ): Promise<{ meta: Statement; main: Statement | null; source: FunnelSource }> {
    const scope = await this.scope(query);
    const plan = this.plan(scope);
    const one = this.oneStatement(query);
    if (one)
      return {
        meta: one,
        main: plan.source === 'ROLLUP' ? null : plan.statement,
        source: plan.source,
      };
    const dims = new Set([...scope.breakdown, ...filteredDimensions(query.filter)]);
    return {
      meta: {
        sql: PROGRAMME_META_SQL,
        params: programmeMetaParams(query.programmeKey, {
          asOf: scope.asOf,
          channels: dims.has('CHANNEL'),
          serviceProviders: dims.has('SERVICE_PROVIDER'),
        }),
      },
      main: plan.statement,
      source: plan.source,
    };
  }

  /**
   * Cumulative counts per step and exit at each date: the table of a minister's answer.
   * Always live (one statement for every date).
   */
  async snapshots(
    query: FunnelQuery,
    at: readonly (Date | string)[],
    field = 'input',
  ): Promise<FunnelSnapshotsData> {
    if (at.length === 0) throw badInput('Give at least one date', 'at');
    if (at.length > 60) throw badInput('At most 60 dates per request', 'at');
    if (query.asOf != null) {
      throw badInput(
        'Snapshots take their dates from `at`; leave asOf empty',
        argPath(field, 'asOf'),
      );
    }
    const dates = [...new Set(at.map((d) => toIsoDate(d, 'at')))].sort();
    const scope = await this.scope(query, field);
    for (const d of dates) assertAsOf(scope.programme, d, 'at');
    const { steps, exits } = scope.programme;
    const statement = snapshotSql(
      this.sqlScope(scope),
      exits.map((e) => e.key),
      dates,
    );
    const rows: SnapshotRow[] = await this.ds.query(statement.sql, statement.params);
    const labels = labelSources(scope.programme);
    const body = (row: SnapshotRow | undefined): SnapshotBody => ({
      steps: steps.map((s) => ({
        stage: s.key,
        label: s.label,
        count: row?.n[s.position - 1] ?? 0,
      })),
      exits: exits.map((e, i) => ({ stage: e.key, label: e.label, count: row?.x[i] ?? 0 })),
    });
    return {
      programmeKey: scope.programme.key,
      unit: scope.unit,
      years: scope.years,
      breakdownBy: scope.breakdown,
      snapshots: dates.map((date) => {
        const forDate = rows.filter((r) => r.at === date);
        const groups = forDate
          .filter((r) => !r.total)
          .map((r) => ({
            key: scope.breakdown.map((d, i) => describeValue(d, [r.g1, r.g2][i] ?? null, labels)),
            ...body(r),
          }))
          .sort((a, b) => {
            for (let i = 0; i < a.key.length; i++) {
              const c = compareValues(a.key[i]!, b.key[i]!);
              if (c !== 0) return c;
            }
            return 0;
          });
        return { at: date, ...body(forDate.find((r) => r.total)), groups };
      }),
    };
  }
}

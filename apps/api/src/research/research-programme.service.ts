/**
 * Budget and RE-AIM for researchers. Both are programme-wide (a year at most), so each is one
 * small protection problem of its own; where they repeat a funnel number (applications per step,
 * decisions within 14 days) they read it from the funnel cube, so the two answers agree.
 */
import {
  CELL_KEY_PROTECTION,
  type CellRelation,
  type LinkedCell,
  type LinkedResult,
  protectLinkedCells,
} from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../graphql/errors.js';
import { BudgetService } from '../modules/analytics/budget.service.js';
import { type ReAimDimension, reAimSql } from '../modules/analytics/re-aim.service.js';
import { editionIdsForYears, loadProgramme } from '../modules/analytics/scope.js';
import type { EligibilityRulesJson } from '../modules/programme/programme.entity.js';
import { toCountCell } from './cell-protection.js';
import type { DimensionCatalog } from './dimension-catalog.js';
import { type CubeCell, S } from './funnel-cube.js';
import type { AmountCell, CountCell } from './research.types.js';
import { derivedStat, ResearchAnalyticsService, stat } from './research-analytics.service.js';
import type {
  ResearchBudget,
  ResearchReAim,
  ResearchReAimMeasure,
  ResearchStageCost,
} from './research-programme.types.js';

const amount = (r: LinkedResult | undefined, cents: number): AmountCell =>
  !r || r.suppressed
    ? { cents: null, suppressed: true, reason: r?.reason ?? 'SECONDARY' }
    : { cents: Math.round(cents), suppressed: false, reason: null };
const derivedAmount = (): AmountCell => ({ cents: null, suppressed: true, reason: 'DERIVED' });
const countOf = (c: CubeCell): CountCell => ({
  value: c.value,
  suppressed: c.suppressed,
  reason: c.reason,
});

/** One cell of the spending answers (see `budget`); `parts`: the atoms a sum adds up. */
interface SpendCellRow {
  key: string;
  cents: number;
  companies: number;
  top2: number;
  parts: string[] | null;
}

export class ResearchProgrammeService {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: DimensionCatalog,
    private readonly threshold: number,
  ) {}

  private analytics() {
    return new ResearchAnalyticsService(this.ds, this.catalog, this.threshold);
  }

  async budget(programmeKey: string, year: number | null): Promise<ResearchBudget> {
    if (year != null && (!Number.isInteger(year) || year < 1990 || year > 2100)) {
      throw badInput('year must be a calendar year (1990–2100)', 'year');
    }
    const prepared = await this.analytics().prepare(programmeKey, null, null, '', 'programmeKey');
    const { programme } = prepared;
    // Allocations are public budget decisions: the evaluator service's figures as they are.
    const plain = await new BudgetService(this.ds).budget(programmeKey, year);
    // The cells of the spending answers, summed in PostgreSQL: every (year, category, source)
    // split into the part linked to companies (atom L) and programme spending (atom U), the
    // sums the answers show (by year, category or source, and to date), and per cell the
    // companies behind its linked part and the two largest of them (for the dominance rule).
    const cellRows: SpendCellRow[] = await this.ds.query(
      `WITH x AS (
         SELECT x.id, extract(year FROM x.spent_on)::int AS year, x.category::text AS category,
                COALESCE(s.key, 'unknown') AS source, x.amount_cents::float8 AS amount, x.application_id
           FROM expenditure x LEFT JOIN funding_source s ON s.id = x.funding_source_id
          WHERE x.programme_id = $1
       ), shares AS (
         SELECT x.id, COALESCE(m.organisation_id, a.organisation_id) AS company,
                x.amount / count(*) OVER (PARTITION BY x.id) AS share
           FROM x JOIN application a ON a.id = x.application_id
           LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id
       ), atoms AS (
         SELECT x.*, 'atom|' || x.year || '|' || x.category || '|' || x.source || '|' ||
                CASE WHEN EXISTS (SELECT 1 FROM shares s WHERE s.id = x.id) THEN 'L' ELSE 'U' END AS atom
           FROM x
       ), member AS (
         SELECT a.id, a.amount, a.atom, a.atom AS key FROM atoms a
         UNION ALL
         SELECT a.id, a.amount, a.atom, 'sum|' || y.v || '|' || c.v || '|' || s.v
           FROM atoms a
          CROSS JOIN LATERAL (VALUES (a.year::text), ('*')) AS y(v)
          CROSS JOIN LATERAL (VALUES (a.category), ('*')) AS c(v)
          CROSS JOIN LATERAL (VALUES (a.source), ('*')) AS s(v)
          WHERE c.v = '*' OR s.v = '*'   -- category × source is not shown
         UNION ALL
         SELECT a.id, a.amount, a.atom, 'todate|' || later.year
           FROM atoms a JOIN (SELECT DISTINCT year FROM x) later ON later.year >= a.year
       ), per_company AS (
         SELECT m.key, s.company, sum(s.share) AS amount
           FROM member m JOIN shares s ON s.id = m.id GROUP BY m.key, s.company
       ), companies AS (
         SELECT key, count(*) FILTER (WHERE amount > 0)::int AS companies,
                COALESCE((array_agg(amount ORDER BY amount DESC))[1], 0)
                  + COALESCE((array_agg(amount ORDER BY amount DESC))[2], 0) AS top2
           FROM per_company GROUP BY key
       )
       SELECT m.key, sum(m.amount)::float8 AS cents, COALESCE(c.companies, 0) AS companies,
              COALESCE(c.top2, 0)::float8 AS top2,
              CASE WHEN m.key LIKE 'atom|%' THEN NULL ELSE array_agg(DISTINCT m.atom) END AS parts
         FROM member m LEFT JOIN companies c ON c.key = m.key
        GROUP BY m.key, c.companies, c.top2`,
      [programme.id],
    );
    const names: { key: string; name: string }[] = await this.ds.query(
      `SELECT DISTINCT COALESCE(s.key, 'unknown') AS key, COALESCE(s.name, 'Onbekend') AS name
         FROM expenditure x LEFT JOIN funding_source s ON s.id = x.funding_source_id
        WHERE x.programme_id = $1`,
      [programme.id],
    );
    const cells = new Map(cellRows.map((c) => [c.key, c]));
    const atoms = cellRows.filter((c) => c.key.startsWith('atom|')).map((c) => c.key.split('|'));
    const years = [...new Set(atoms.map((k) => Number(k[1])))].sort((a, b) => a - b);
    const categories = [...new Set(atoms.map((k) => k[2] as string))].sort();
    const sources = [...new Set(atoms.map((k) => k[3] as string))].sort();
    const sumKey = (y: number | '*', c: string, s: string) => `sum|${y}|${c}|${s}`;
    const toDateKey = (y: number) => `todate|${y}`;
    const linkedCells: LinkedCell[] = cellRows.map((cell) => {
      const atom = cell.key.startsWith('atom|');
      const linked = cell.key.endsWith('|L');
      const cents = Number(cell.cents);
      return {
        key: cell.key,
        value: Math.max(0, cents),
        // The frequency rule counts companies, and only for the linked part (an atom).
        contributors: atom && linked ? cell.companies : 0,
        published: !atom,
        // The (2, 85%) dominance rule: the two largest companies against the whole cell
        // (programme spending included, which belongs to no company).
        dominated: cell.companies > 0 && Number(cell.top2) > DOMINANCE_SHARE * cents,
      };
    });
    const relations = new Map(
      cellRows.filter((c) => c.parts !== null).map((c) => [c.key, c.parts as string[]]),
    );
    const protectedCells = new Map(
      protectLinkedCells(
        linkedCells,
        [...relations.entries()].map(([total, parts]) => ({ total, parts }) as CellRelation),
        { threshold: this.threshold },
      ).map((r) => [r.key, r]),
    );
    const amountOf = (key: string) =>
      amount(protectedCells.get(key) ?? zeroResult(key), Number(cells.get(key)?.cents ?? 0));
    const inYear = (c: string, s: string) =>
      year === null ? sumKey('*', c, s) : sumKey(year, c, s);
    const spent = amountOf(inYear('*', '*'));
    const lastYear = year ?? years.at(-1) ?? null;
    const toDate =
      lastYear === null
        ? amountOf(sumKey('*', '*', '*'))
        : years.some((y) => y <= lastYear)
          ? amountOf(toDateKey(Math.max(...years.filter((y) => y <= lastYear))))
          : { cents: 0, suppressed: false, reason: null };
    const remaining: AmountCell =
      toDate.cents === null
        ? derivedAmount()
        : { cents: plain.allocatedToDateCents - toDate.cents, suppressed: false, reason: null };

    // Applications reaching each step in the year: the change between two year ends of the
    // programme's funnel (published when both ends are), or the final count.
    const cube = await this.analytics().cube(prepared);
    const reachedIn = (k: number): CountCell => {
      const refs = programme.references;
      if (year === null) return countOf(cube.cell(null, [], S.reached(k), 'APPLICATIONS'));
      const end = `${year}-12-31`;
      if (!refs.includes(end)) {
        return { value: 0, suppressed: false, reason: null }; // no events outside the references
      }
      const now = countOf(cube.cell(end, [], S.reached(k), 'APPLICATIONS'));
      const before = `${year - 1}-12-31`;
      if (!refs.includes(before)) return now;
      const then = countOf(cube.cell(before, [], S.reached(k), 'APPLICATIONS'));
      return now.value === null || then.value === null
        ? { value: null, suppressed: true, reason: 'DERIVED' }
        : // Two perturbed counts: the change is off by up to twice the noise, never below zero.
          { value: Math.max(0, now.value - then.value), suppressed: false, reason: null };
    };
    const costPerStage: ResearchStageCost[] = programme.steps.map((s) => {
      const c = reachedIn(s.position);
      return {
        stage: s.key,
        label: s.label,
        count: c,
        costCents:
          c.value === null || spent.cents === null
            ? derivedStat()
            : stat(c.value > 0 ? Math.round(spent.cents / c.value) : null),
      };
    });

    const yearsShown = plain.byYear.map((y) => y.year);
    return {
      programmeKey: programme.key,
      year,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      allocatedCents: plain.allocatedCents,
      spent,
      allocatedToDateCents: plain.allocatedToDateCents,
      spentToDate: toDate,
      remaining,
      utilisation:
        toDate.cents === null
          ? derivedStat()
          : stat(plain.allocatedToDateCents > 0 ? toDate.cents / plain.allocatedToDateCents : null),
      bySource: [...new Set([...sources, ...plain.bySource.map((s) => s.key)])]
        .sort()
        .map((key) => {
          const p = plain.bySource.find((s) => s.key === key);
          const name = p?.name ?? names.find((r) => r.key === key)?.name ?? key;
          return {
            key,
            name,
            allocatedCents: p?.allocatedCents ?? 0,
            spent: cells.has(inYear('*', key)) ? amountOf(inYear('*', key)) : zeroAmount(),
          };
        }),
      byCategory: categories
        .filter((c) => cells.has(inYear(c, '*')))
        .map((c) => {
          const cell = amountOf(inYear(c, '*'));
          return {
            category: c,
            spent: cell,
            share:
              cell.cents === null || spent.cents === null
                ? derivedStat()
                : stat(spent.cents > 0 ? cell.cents / spent.cents : null),
          };
        }),
      byYear: [
        ...new Set([...yearsShown, ...years.filter((y) => lastYear === null || y <= lastYear)]),
      ]
        .sort((a, b) => (a ?? -1) - (b ?? -1))
        .map((y) => ({
          year: y,
          allocatedCents: plain.byYear.find((b) => b.year === y)?.allocatedCents ?? 0,
          spent:
            y === null || !cells.has(sumKey(y, '*', '*'))
              ? zeroAmount()
              : amountOf(sumKey(y, '*', '*')),
        })),
      allocations: plain.allocations.map((a) => ({
        sourceKey: a.sourceKey,
        sourceName: a.sourceName,
        year: a.year,
        amountCents: a.amountCents,
      })),
      costPerStage,
    };
  }

  async reAim(programmeKey: string, year: number | null): Promise<ResearchReAim> {
    const prepared = await this.analytics().prepare(
      programmeKey,
      year === null ? null : [year],
      null,
      '',
      'programmeKey',
    );
    const meta = await loadProgramme(this.ds, programmeKey, 'programmeKey');
    const editionId = year == null ? null : (editionIdsForYears(meta, [year], 'year')?.[0] ?? null);
    const steps = meta.steps.length;
    const [{ eligibility }] = await this.ds.query(
      'SELECT eligibility FROM programme WHERE id = $1',
      [meta.id],
    );
    const statement = reAimSql(
      meta.id,
      editionId,
      year,
      steps,
      (eligibility ?? {}) as EligibilityRulesJson,
      { keySums: true },
    );
    const [row] = (await this.ds.query(statement.sql, statement.params)) as Record<
      string,
      number | null
    >[];
    if (!row) throw new Error('RE-AIM query returned no row');
    const n = (k: string) => Number(row[k] ?? 0);

    // RE-AIM's own counts (companies, networks, coaches: each a count of distinct entities),
    // with what a denominator holds beyond its numerator as an unpublished cell.
    const pairs: [string, string][] = [
      ['applied_eligible', 'eligible'],
      ['participated_companies', 'applied_companies'],
      ['improved', 'pairs'],
      ['networks_registered', 'networks_in_registry'],
      ['network_member_companies', 'applied_companies'],
      ['coaches_with_applications', 'coaches'],
      ['repeat_companies', 'participated_companies'],
      ['later_measured', 'participated_companies'],
    ];
    const quantities = [...new Set([...pairs.flat(), 'providers'])];
    const cells: LinkedCell[] = quantities.map((q) => ({ key: q, value: n(q) }));
    const relations: CellRelation[] = [];
    for (const [num, den] of pairs) {
      const rest = `${den}-${num}`;
      if (cells.some((c) => c.key === rest)) continue;
      cells.push({ key: rest, value: Math.max(0, n(den) - n(num)), published: false });
      relations.push({ total: den, parts: [num, rest] });
    }
    const protectedCells = new Map(
      protectLinkedCells(cells, relations, { threshold: this.threshold }).map((r) => [r.key, r]),
    );
    // Released counts carry the cell key noise of the records they count (key sums from the
    // query), like every other count of this API: a reAim count equal to an aggregate or funnel
    // cell of the same records shows the same perturbed value, so comparing them reveals nothing.
    const cell = (q: string): CountCell => {
      const r = protectedCells.get(q);
      return !r
        ? { value: null, suppressed: true, reason: 'SECONDARY' }
        : toCountCell(r, n(q), n(`${q}_key`));
    };

    // Funnel numbers come from the funnel cube of the same population (programme and edition).
    const cube = await this.analytics().cube(prepared);
    const funnelCell = (series: string) => countOf(cube.cell(null, [], series, 'APPLICATIONS'));
    const weeks = [0, 1].map((w) => funnelCell(S.week(w)));
    const within14: CountCell = weeks.every((w) => w.value !== null)
      ? {
          value: weeks.reduce((s, w) => s + (w.value as number), 0),
          suppressed: false,
          reason: null,
        }
      : { value: null, suppressed: true, reason: 'DERIVED' };

    const ratio = (num: CountCell, den: CountCell) =>
      num.value === null || den.value === null
        ? derivedStat()
        : stat(den.value > 0 ? num.value / den.value : null);
    const measure = (
      dimension: ReAimDimension,
      key: string,
      definition: string,
      numerator: CountCell | null,
      denominator: CountCell | null,
      value = numerator && denominator ? ratio(numerator, denominator) : derivedStat(),
    ): ResearchReAimMeasure => ({
      dimension,
      key,
      definition,
      numerator,
      denominator,
      value,
      available: !(denominator?.value === 0 || (value.value === null && !value.suppressed)),
    });
    const last = meta.steps[steps - 1] as { label: string };
    const previous = meta.steps[Math.max(0, steps - 2)] as { label: string };
    const first = meta.steps[0] as { label: string };
    const pairsCell = cell('pairs');
    const meanShown = pairsCell.value !== null && n('pairs') >= this.threshold;
    const mean = (q: string) =>
      meanShown && row[q] !== null ? stat(round2(Number(row[q]))) : derivedStat();

    const reach = measure(
      'REACH',
      'eligible-companies-reached',
      `Eligible companies in the registry that applied (${first.label}), counting each company a group registration represents`,
      cell('applied_eligible'),
      cell('eligible'),
    );
    const participation = measure(
      'REACH',
      'participants',
      `Companies that reached "${last.label}" out of the companies that applied`,
      cell('participated_companies'),
      cell('applied_companies'),
    );
    const effectiveness = measure(
      'EFFECTIVENESS',
      'indicator-improved',
      'Participants whose health-policy indicator score (0–100) after taking part is higher than before',
      cell('improved'),
      pairsCell,
    );
    const meanBefore = mean('mean_before');
    const meanAfter = mean('mean_after');
    const meanChange = measure(
      'EFFECTIVENESS',
      'indicator-mean-change',
      'Mean change in indicator score (after − before) over participants measured both times',
      null,
      pairsCell,
      meanBefore.value === null || meanAfter.value === null
        ? derivedStat()
        : stat(round2(meanAfter.value - meanBefore.value)),
    );
    const networks = measure(
      'ADOPTION',
      'networks',
      'Networks (bedrijvenverenigingen) that registered their members, out of the networks in the registry',
      cell('networks_registered'),
      cell('networks_in_registry'),
    );
    const memberCompanies = measure(
      'ADOPTION',
      'network-member-companies',
      'Companies represented by a network registration, out of all companies that applied',
      cell('network_member_companies'),
      cell('applied_companies'),
    );
    const hasCoaches = n('coaches') > 0;
    const coachAdoption = hasCoaches
      ? measure(
          'ADOPTION',
          'coaches-engaged',
          'Coaches with at least one assigned application, out of the coaches available',
          cell('coaches_with_applications'),
          cell('coaches'),
        )
      : null;
    const implementation = measure(
      'IMPLEMENTATION',
      'completion',
      `Applications that reached "${last.label}" out of those that reached "${previous.label}"`,
      funnelCell(S.reached(steps)),
      funnelCell(S.reached(Math.max(1, steps - 1))),
    );
    const leadTime =
      steps > 1
        ? measure(
            'IMPLEMENTATION',
            'decided-within-14-days',
            'Decided applications assessed within 14 calendar days',
            within14,
            funnelCell(S.decided),
          )
        : null;
    const maintenance = measure(
      'MAINTENANCE',
      'repeat-participation',
      'Participating companies that took part in more than one edition',
      cell('repeat_companies'),
      cell('participated_companies'),
    );
    const laterMeasured = measure(
      'MAINTENANCE',
      'later-indicator-measurement',
      'Participants with an indicator measurement at least 180 days after taking part',
      cell('later_measured'),
      cell('participated_companies'),
    );
    return {
      programmeKey: meta.key,
      year,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      reach,
      effectiveness,
      adoption: coachAdoption ?? networks,
      implementation,
      maintenance,
      measures: [
        reach,
        participation,
        effectiveness,
        meanChange,
        networks,
        memberCompanies,
        ...(coachAdoption ? [coachAdoption] : []),
        implementation,
        ...(leadTime ? [leadTime] : []),
        maintenance,
        laterMeasured,
      ],
      coachingCapacity: hasCoaches
        ? {
            coaches: cell('coaches'),
            coachesWithApplications: cell('coaches_with_applications'),
            serviceProviders: cell('providers'),
          }
        : null,
    };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** The dominance rule of @werkgezond/domain (dominanceSuppressed): n = 2, k = 0.85. */
const DOMINANCE_SHARE = 0.85;
const zeroAmount = (): AmountCell => ({ cents: 0, suppressed: false, reason: null });
const zeroResult = (key: string): LinkedResult => ({
  key,
  value: 0,
  suppressed: false,
  reason: null,
});

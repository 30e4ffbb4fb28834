import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { todayInBrussels } from '../../database/sql.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/pagination.js';
import { canManage, canReadAnalytics, type Viewer } from '../../graphql/policy.js';
import { ApplicationEntity } from '../application/application.entity.js';
import { parseInput } from '../auth/auth.service.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import {
  BudgetAllocationEntity,
  ExpenditureEntity,
  FundingSourceEntity,
} from './funding.entity.js';
import type { ExpenditureInput, FundingFilter } from './funding.inputs.js';
import {
  BudgetAllocation,
  Expenditure,
  type FundingOverview,
  type MoneyTotal,
} from './funding.types.js';

interface TotalRow {
  dim: string;
  key: string;
  allocated: string;
  spent: string;
}

export class FundingService {
  constructor(private readonly ds: DataSource) {}

  private async programmeId(key: string | null | undefined): Promise<string | null> {
    if (!key) return null;
    const p = await this.ds.getRepository(ProgrammeEntity).findOneBy({ key });
    if (!p) throw badInput(`Unknown programme "${key}"`, 'programmeKey');
    return p.id;
  }

  /** Analysts see every programme's money; a programme manager only their programmes'. */
  private async scope(viewer: Viewer, key: string | null | undefined) {
    const programmeId = await this.programmeId(key);
    if (canReadAnalytics(viewer)) return { programmeId, allowed: null };
    if (programmeId && !viewer.programmeIds.includes(programmeId)) throw forbidden();
    return { programmeId, allowed: [...viewer.programmeIds] };
  }

  async overview(
    viewer: Viewer,
    filter: FundingFilter | null | undefined,
  ): Promise<FundingOverview> {
    const { programmeId, allowed } = await this.scope(viewer, filter?.programmeKey);
    const year = filter?.year ?? null;
    const categories = filter?.categories?.length ? filter.categories : null;
    // One statement: allocations and spending rolled up per dimension with GROUPING SETS.
    const rows: TotalRow[] = await this.ds.query(
      `WITH money AS (
         SELECT p.key AS programme, coalesce(b.year::text, 'all') AS year, s.key AS source,
                NULL::text AS category, b.amount_cents AS allocated, 0::bigint AS spent
           FROM budget_allocation b JOIN programme p ON p.id = b.programme_id
           JOIN funding_source s ON s.id = b.funding_source_id
          WHERE ($1::uuid IS NULL OR b.programme_id = $1) AND ($2::int IS NULL OR b.year = $2)
            AND $3::text[] IS NULL AND ($4::uuid[] IS NULL OR b.programme_id = ANY($4))
         UNION ALL
         SELECT p.key, extract(year FROM e.spent_on)::int::text, coalesce(s.key, 'unknown'),
                e.category::text, 0, e.amount_cents
           FROM expenditure e JOIN programme p ON p.id = e.programme_id
           LEFT JOIN funding_source s ON s.id = e.funding_source_id
          WHERE ($1::uuid IS NULL OR e.programme_id = $1) AND ($4::uuid[] IS NULL OR e.programme_id = ANY($4))
            AND ($2::int IS NULL OR extract(year FROM e.spent_on) = $2)
            AND ($3::text[] IS NULL OR e.category::text = ANY($3))
       )
       SELECT CASE WHEN GROUPING(programme) = 0 THEN 'programme'
                   WHEN GROUPING(year) = 0 THEN 'year'
                   WHEN GROUPING(source) = 0 THEN 'source'
                   WHEN GROUPING(category) = 0 THEN 'category' ELSE 'total' END AS dim,
              coalesce(programme, year, source, category, '') AS key,
              sum(allocated)::text AS allocated, sum(spent)::text AS spent
         FROM money
        GROUP BY GROUPING SETS ((programme), (year), (source), (category), ())
        ORDER BY 1, 2`,
      [programmeId, year, categories, allowed],
    );
    const pick = (dim: string): MoneyTotal[] =>
      rows
        .filter((r) => r.dim === dim && !(dim === 'category' && r.key === ''))
        .map((r) => ({
          key: r.key,
          allocatedCents: Number(r.allocated),
          spentCents: Number(r.spent),
        }));
    const total = rows.find((r) => r.dim === 'total');
    const allocations = await this.ds
      .getRepository(BudgetAllocationEntity)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.fundingSource', 's')
      .innerJoin('b.programme', 'p')
      .addSelect('p.key', 'programme_key')
      .where(':pid::uuid IS NULL OR b.programme_id = :pid', { pid: programmeId })
      .andWhere(':year::int IS NULL OR b.year = :year', { year })
      .andWhere(':allowed::uuid[] IS NULL OR b.programme_id = ANY(:allowed)', { allowed })
      .orderBy('b.year', 'ASC', 'NULLS FIRST')
      .getRawAndEntities();
    const allocatedCents = Number(total?.allocated ?? 0);
    const spentCents = Number(total?.spent ?? 0);
    return {
      allocatedCents,
      spentCents,
      utilisation: allocatedCents > 0 ? spentCents / allocatedCents : null,
      allocations: allocations.entities.map((a, i) =>
        BudgetAllocation.from({ ...a, programmeKey: allocations.raw[i].programme_key }),
      ),
      byProgramme: pick('programme'),
      byYear: pick('year'),
      bySource: pick('source'),
      byCategory: pick('category').map((t) => ({ ...t, allocatedCents: 0 })),
    };
  }

  async expenditures(
    viewer: Viewer,
    filter: FundingFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ) {
    const size = pageSize(first);
    const { programmeId, allowed } = await this.scope(viewer, filter?.programmeKey);
    const qb = this.ds.getRepository(ExpenditureEntity).createQueryBuilder('e');
    if (allowed) qb.andWhere('e.programme_id = ANY(:allowed)', { allowed });
    if (programmeId) qb.andWhere('e.programme_id = :programmeId', { programmeId });
    if (filter?.year) qb.andWhere('extract(year FROM e.spent_on) = :year', { year: filter.year });
    if (filter?.categories?.length)
      qb.andWhere('e.category IN (:...categories)', { categories: filter.categories });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const pos = decodeCursor(after);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(pos.sort)) throw badInput('Malformed cursor', 'after');
      qb.andWhere('(e.spent_on, e.id) < (:sort::date, :id::uuid)', { sort: pos.sort, id: pos.id });
    }
    const rows = await qb
      .orderBy('e.spent_on', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toPage(
      rows,
      size,
      totalCount,
      !!after,
      (e) => ({ sort: e.spentOn, id: e.id }),
      Expenditure.from,
    );
  }

  /** A programme manager records spending of their programme. */
  async record(viewer: Viewer, raw: ExpenditureInput): Promise<ExpenditureEntity> {
    const today = todayInBrussels();
    const input = parseInput(
      z.object({
        programmeKey: z.string(),
        category: z.string(),
        amountCents: z.number().int('Whole cents only').positive('Must be more than 0').max(1e12),
        spentOn: z.iso
          .date('Use a date like 2026-03-31')
          .refine((d) => d <= today, 'Not in the future'),
        description: z.string().trim().min(3, 'Describe the expense').max(500),
        fundingSourceKey: z.string().nullish(),
        applicationId: z.string().uuid().nullish(),
      }),
      raw,
    );
    const programmeId = await this.programmeId(input.programmeKey);
    if (!programmeId || !canManage(viewer, programmeId)) throw forbidden();
    let fundingSourceId: string | null = null;
    if (input.fundingSourceKey) {
      const source = await this.ds
        .getRepository(FundingSourceEntity)
        .findOneBy({ key: input.fundingSourceKey });
      if (!source)
        throw badInput(
          `Unknown funding source "${input.fundingSourceKey}"`,
          'input.fundingSourceKey',
        );
      fundingSourceId = source.id;
    }
    if (input.applicationId) {
      const app = await this.ds
        .getRepository(ApplicationEntity)
        .findOneBy({ id: input.applicationId });
      if (!app || app.programmeId !== programmeId) {
        throw badInput('No such application in this programme', 'input.applicationId');
      }
    }
    return this.ds.getRepository(ExpenditureEntity).save({
      programmeId,
      category: input.category as ExpenditureEntity['category'],
      amountCents: String(input.amountCents),
      spentOn: input.spentOn,
      description: input.description,
      fundingSourceId,
      applicationId: input.applicationId ?? null,
      editionId: null,
    });
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { badInput, notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canManage, type Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseInput } from '../auth/auth.service.js';
import { EditionEntity, ProgrammeEntity } from '../programme/programme.entity.js';
import { BudgetAllocationEntity, FundingSourceEntity } from './funding.entity.js';
import type { BudgetAllocationInput, UpdateBudgetAllocationInput } from './funding.inputs.js';

const fields = {
  fundingSourceKey: z.string().trim().min(1, 'Choose a funding source').max(64),
  year: z
    .number()
    .int('A calendar year')
    .min(1990, 'Year 1990 or later')
    .max(2100, 'Year 2100 at the latest')
    .nullish(),
  editionId: z.string().nullish(),
  amountCents: z
    .number()
    .int('Whole cents only')
    .positive('Must be more than 0')
    .max(1e12, 'At most € 10,000,000,000'),
  description: z.string().trim().max(500, 'At most 500 characters').nullish(),
};
const createSchema = z.object({ programmeKey: z.string().trim().min(1).max(64), ...fields });
const updateSchema = z.object({ id: z.string(), ...fields });

type Values = Pick<
  BudgetAllocationEntity,
  'fundingSourceId' | 'year' | 'editionId' | 'amountCents' | 'description'
>;

const snapshot = (a: Values & { programmeId: string }, sourceKey: string) => ({
  programmeId: a.programmeId,
  fundingSource: sourceKey,
  year: a.year,
  editionId: a.editionId,
  amountCents: Number(a.amountCents),
  description: a.description,
});

/** Budget allocations as the back office changes them; every change is audited. */
export class BudgetAllocationService {
  constructor(private readonly ds: DataSource) {}

  async create(viewer: Viewer, raw: BudgetAllocationInput) {
    const input = parseInput(createSchema, raw);
    return this.ds.transaction(async (em) => {
      const programme = await em
        .getRepository(ProgrammeEntity)
        .findOneBy({ key: input.programmeKey });
      if (!programme || !canManage(viewer, programme.id)) throw notFound('Programme');
      const { values, source } = await this.values(em, programme.id, input);
      const saved = await em
        .getRepository(BudgetAllocationEntity)
        .save(
          em.getRepository(BudgetAllocationEntity).create({ programmeId: programme.id, ...values }),
        );
      await recordAudit(em, viewer, {
        action: 'budget.create',
        entityType: 'BUDGET_ALLOCATION',
        entityId: saved.id,
        after: snapshot(saved, source.key),
      });
      return { ...saved, fundingSource: source, programmeKey: programme.key };
    });
  }

  async update(viewer: Viewer, raw: UpdateBudgetAllocationInput) {
    const input = parseInput(updateSchema, raw);
    const id = assertId(input.id, 'input.id');
    return this.ds.transaction(async (em) => {
      const { allocation, programme } = await this.managedAllocation(em, viewer, id);
      const beforeSource = await em
        .getRepository(FundingSourceEntity)
        .findOneByOrFail({ id: allocation.fundingSourceId });
      const before = snapshot(allocation, beforeSource.key);
      const { values, source } = await this.values(em, programme.id, input);
      await em.update(BudgetAllocationEntity, { id }, values);
      const after = { ...allocation, ...values };
      await recordAudit(em, viewer, {
        action: 'budget.update',
        entityType: 'BUDGET_ALLOCATION',
        entityId: id,
        before,
        after: snapshot(after, source.key),
      });
      return { ...after, fundingSource: source, programmeKey: programme.key };
    });
  }

  async delete(viewer: Viewer, rawId: string): Promise<string> {
    const id = assertId(rawId, 'id');
    return this.ds.transaction(async (em) => {
      const { allocation } = await this.managedAllocation(em, viewer, id);
      const source = await em
        .getRepository(FundingSourceEntity)
        .findOneByOrFail({ id: allocation.fundingSourceId });
      await em.delete(BudgetAllocationEntity, { id });
      await recordAudit(em, viewer, {
        action: 'budget.delete',
        entityType: 'BUDGET_ALLOCATION',
        entityId: id,
        before: snapshot(allocation, source.key),
      });
      return id;
    });
  }

  private async managedAllocation(em: EntityManager, viewer: Viewer, id: string) {
    const allocation = await em
      .getRepository(BudgetAllocationEntity)
      .createQueryBuilder('b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id })
      .getOne();
    // Someone else's programme answers exactly like a missing allocation.
    if (!allocation || !canManage(viewer, allocation.programmeId))
      throw notFound('Budget allocation');
    const programme = await em
      .getRepository(ProgrammeEntity)
      .findOneByOrFail({ id: allocation.programmeId });
    return { allocation, programme };
  }

  /** Source and call checked against the database; the call's year becomes the year. */
  private async values(
    em: EntityManager,
    programmeId: string,
    input: z.infer<typeof createSchema> | z.infer<typeof updateSchema>,
  ): Promise<{ values: Values; source: FundingSourceEntity }> {
    const source = await em
      .getRepository(FundingSourceEntity)
      .findOneBy({ key: input.fundingSourceKey });
    if (!source)
      throw badInput(
        `Unknown funding source "${input.fundingSourceKey}"`,
        'input.fundingSourceKey',
      );
    let year = input.year ?? null;
    let editionId: string | null = null;
    if (input.editionId) {
      const edition = await em
        .getRepository(EditionEntity)
        .findOneBy({ id: assertId(input.editionId, 'input.editionId') });
      if (!edition || edition.programmeId !== programmeId)
        throw badInput('Choose a call of this programme', 'input.editionId');
      if (year !== null && year !== edition.year)
        throw badInput(`The call is for ${edition.year}`, 'input.year');
      year = edition.year;
      editionId = edition.id;
    }
    return {
      source,
      values: {
        fundingSourceId: source.id,
        year,
        editionId,
        amountCents: String(input.amountCents),
        description: input.description ?? '',
      },
    };
  }
}

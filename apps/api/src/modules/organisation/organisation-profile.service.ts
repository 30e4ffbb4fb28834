import { isValidKbo, naceSectionOf, normaliseKbo, sizeClassOf } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { badInput, notFound } from '../../graphql/errors.js';
import { canActFor, type Viewer } from '../../graphql/policy.js';
import { parseInput } from '../auth/auth.service.js';
import { OrganisationEntity, OrganisationProfileChangeEntity } from './organisation.entity.js';

const profileSchema = z.object({
  organisationId: z.string().uuid(),
  kboNumber: z
    .string()
    .refine(isValidKbo, 'Not a valid KBO number (check the ten digits)')
    .nullish(),
  name: z.string().trim().min(2, 'Enter the name').max(200),
  employeeCount: z.number().int().min(0, 'Cannot be negative').max(1_000_000).nullish(),
  naceCode: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{1,3})?$/, 'NACE code looks like 10.71')
    .nullish(),
  municipality: z.string().trim().max(100).nullish(),
  province: z.string().trim().max(100).nullish(),
  hasPreventionCommittee: z.boolean(),
});
export type ProfileInput = z.input<typeof profileSchema>;

const TRACKED = [
  'kboNumber',
  'name',
  'employeeCount',
  'sizeClass',
  'naceCode',
  'municipality',
  'province',
  'hasPreventionCommittee',
] as const;

export class OrganisationProfileService {
  constructor(private readonly ds: DataSource) {}

  /** Updates the profile and keeps what changed, when and by whom. */
  async update(viewer: Viewer, raw: ProfileInput): Promise<OrganisationEntity> {
    const input = parseInput(profileSchema, raw);
    if (!canActFor(viewer, input.organisationId)) throw notFound('Organisation');
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrganisationEntity);
      const org = await repo.findOneBy({ id: input.organisationId });
      if (!org) throw notFound('Organisation');
      const kbo = input.kboNumber ? normaliseKbo(input.kboNumber) : org.kboNumber;
      if (kbo !== org.kboNumber && kbo && (await repo.existsBy({ kboNumber: kbo }))) {
        throw badInput('Another organisation has this KBO number', 'input.kboNumber');
      }
      const next = {
        kboNumber: kbo,
        name: input.name,
        employeeCount: input.employeeCount ?? null,
        sizeClass:
          input.employeeCount === null || input.employeeCount === undefined
            ? null
            : sizeClassOf(input.employeeCount),
        naceCode: input.naceCode ?? null,
        naceSection: naceSectionOf(input.naceCode),
        municipality: input.municipality ?? null,
        province: input.province ?? null,
        hasPreventionCommittee: input.hasPreventionCommittee,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of TRACKED) {
        if (org[field] !== next[field]) changes[field] = { from: org[field], to: next[field] };
      }
      if (Object.keys(changes).length === 0) return org;
      await repo.update({ id: org.id }, next);
      await em.getRepository(OrganisationProfileChangeEntity).insert({
        organisationId: org.id,
        changedBy: `user:${viewer.userId}`,
        changes: changes as never,
      });
      return repo.findOneByOrFail({ id: org.id });
    });
  }
}

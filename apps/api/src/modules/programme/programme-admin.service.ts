import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { isoDate } from '../../database/sql.js';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canManage, type Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseInput } from '../auth/auth.service.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import {
  EditionEntity,
  type EligibilityRulesJson,
  ProgrammeComponentEntity,
  ProgrammeEntity,
  StageDefinitionEntity,
} from './programme.entity.js';
import type {
  CreateProgrammeInput,
  EditionInput,
  EligibilityRulesInput,
  ProgrammeComponentInput,
  StageTemplateKey,
  UpdateEditionInput,
  UpdateProgrammeInput,
  UpdateStagesInput,
} from './programme-admin.inputs.js';

type StageSeed = Pick<
  StageDefinitionEntity,
  'key' | 'label' | 'kind' | 'position' | 'requiresStep' | 'beforeStep'
>;
const seed = (
  key: string,
  label: string,
  kind: 'STEP' | 'EXIT',
  position: number,
  rule: { requiresStep?: string; beforeStep?: string } = {},
): StageSeed => ({
  key,
  label,
  kind,
  position,
  requiresStep: rule.requiresStep ?? null,
  beforeStep: rule.beforeStep ?? null,
});

/** The two shapes the sources describe; same keys as the bundled programmes, so the manager
 * screens and analytics treat a new programme like the existing ones. */
const STAGE_TEMPLATES: Record<StageTemplateKey, StageSeed[]> = {
  TRAJECTORY: [
    seed('APPLIED', 'Aangevraagd', 'STEP', 1),
    seed('APPROVED', 'Goedgekeurd', 'STEP', 2),
    seed('STARTED', 'Traject gestart', 'STEP', 3),
    seed('COMPLETED', 'Traject afgerond', 'STEP', 4),
    seed('REJECTED', 'Afgekeurd', 'EXIT', 1, { beforeStep: 'APPROVED' }),
    seed('WITHDRAWN', 'Ingetrokken', 'EXIT', 2),
    seed('DROPPED_OUT', 'Afgehaakt', 'EXIT', 3, { requiresStep: 'APPROVED' }),
  ],
  AWARD: [
    seed('REGISTERED', 'Ingeschreven', 'STEP', 1),
    seed('PARTICIPATED', 'Deelnamedossier ingediend', 'STEP', 2),
    seed('WITHDRAWN', 'Ingetrokken', 'EXIT', 1),
  ],
};

const text = (min: number, max: number, message: string) =>
  z.string().trim().min(min, message).max(max, `At most ${max} characters`);
const cents = z
  .number()
  .int('Whole cents')
  .min(0, 'Cannot be negative')
  .max(100_000_000, 'At most € 1,000,000');
const rulesSchema = z
  .object({
    organisationKinds: z.array(z.string()).max(10).nullish(),
    maxEmployees: z.number().int().min(0, 'Cannot be negative').max(1_000_000).nullish(),
    sizeClasses: z.array(z.string()).max(4).nullish(),
    requiresNoPreventionCommittee: z.boolean().nullish(),
    provinces: z
      .array(text(2, 100, 'Enter a province'))
      .max(20)
      .nullish(),
    naceSections: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Ua-u]$/, 'A NACE section is one letter, A to U'),
      )
      .max(21)
      .nullish(),
  })
  .nullish();
const componentSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'Key: lower-case letters, digits and dashes (2–64)'),
  kind: z.string(),
  name: text(2, 200, 'Enter a name'),
  description: z.string().trim().max(4000).nullish(),
});
const createSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{2,63}$/, 'Key: lower-case letters, digits and dashes (3–64)'),
  name: text(2, 200, 'Enter a name'),
  description: z.string().trim().max(4000).nullish(),
  operatorId: z.string(),
  employerContributionCents: cents.nullish(),
  eligibility: rulesSchema,
  components: z.array(componentSchema).max(20).nullish(),
  stageTemplate: z.enum(['TRAJECTORY', 'AWARD']),
});
const updateSchema = createSchema
  .omit({ stageTemplate: true, key: true })
  .partial()
  .extend({
    key: z.string(),
    name: text(2, 200, 'Enter a name').nullish(),
    operatorId: z.string().nullish(),
    clearEmployerContribution: z.boolean().nullish(),
  });
const editionSchema = z.object({
  year: z.number().int().min(2000, 'Year 2000 or later').max(2100, 'Year 2100 at the latest'),
  name: text(2, 200, 'Enter a name'),
});

/** Rules as stored (absent = no restriction), the shape checkEligibility reads. */
export function rulesJson(r: EligibilityRulesInput | null | undefined): EligibilityRulesJson {
  if (!r) return {};
  return {
    ...(r.organisationKinds?.length ? { kinds: [...r.organisationKinds] } : {}),
    ...(r.maxEmployees !== null && r.maxEmployees !== undefined
      ? { maxEmployees: r.maxEmployees }
      : {}),
    ...(r.sizeClasses?.length ? { sizeClasses: [...r.sizeClasses] } : {}),
    ...(r.requiresNoPreventionCommittee ? { requiresNoPreventionCommittee: true } : {}),
    ...(r.provinces?.length ? { provinces: r.provinces.map((p) => p.trim()) } : {}),
    ...(r.naceSections?.length
      ? { naceSections: [...new Set(r.naceSections.map((s) => s.trim().toUpperCase()))].sort() }
      : {}),
  };
}

const snapshot = (p: ProgrammeEntity) => ({
  key: p.key,
  name: p.name,
  description: p.description,
  operatorId: p.operatorId,
  employerContributionCents: p.employerContributionCents,
  eligibility: p.eligibility,
});
const editionSnapshot = (e: EditionEntity) => ({
  programmeId: e.programmeId,
  year: e.year,
  name: e.name,
  opensOn: e.opensOn,
  closesOn: e.closesOn,
  status: e.status,
});

/** Programmes and their calls, as the back office changes them; every change is audited. */
export class ProgrammeAdminService {
  constructor(private readonly ds: DataSource) {}

  async create(viewer: Viewer, raw: CreateProgrammeInput): Promise<ProgrammeEntity> {
    const input = parseInput(createSchema, raw);
    return this.ds.transaction(async (em) => {
      await this.assertOperator(em, input.operatorId, 'input.operatorId');
      if (await em.getRepository(ProgrammeEntity).existsBy({ key: input.key }))
        throw badInput(`A programme with key "${input.key}" already exists`, 'input.key');
      const programme = await em.getRepository(ProgrammeEntity).save(
        em.getRepository(ProgrammeEntity).create({
          key: input.key,
          name: input.name,
          description: input.description ?? '',
          operatorId: input.operatorId,
          employerContributionCents: input.employerContributionCents ?? null,
          eligibility: rulesJson(raw.eligibility),
        }),
      );
      await em.insert(
        StageDefinitionEntity,
        STAGE_TEMPLATES[input.stageTemplate].map((s) => ({ ...s, programmeId: programme.id })),
      );
      await this.replaceComponents(em, programme.id, raw.components ?? []);
      await recordAudit(em, viewer, {
        action: 'programme.create',
        entityType: 'PROGRAMME',
        entityId: programme.id,
        after: { ...snapshot(programme), stageTemplate: input.stageTemplate },
      });
      return programme;
    });
  }

  async update(viewer: Viewer, raw: UpdateProgrammeInput): Promise<ProgrammeEntity> {
    const input = parseInput(updateSchema, raw);
    return this.ds.transaction(async (em) => {
      const programme = await this.managedProgramme(em, viewer, input.key);
      const before = snapshot(programme);
      if (input.operatorId) {
        await this.assertOperator(em, input.operatorId, 'input.operatorId');
        programme.operatorId = input.operatorId;
      }
      if (input.name) programme.name = input.name;
      if (input.description !== null && input.description !== undefined)
        programme.description = input.description;
      if (input.clearEmployerContribution) programme.employerContributionCents = null;
      else if (
        input.employerContributionCents !== null &&
        input.employerContributionCents !== undefined
      )
        programme.employerContributionCents = input.employerContributionCents;
      if (raw.eligibility) programme.eligibility = rulesJson(raw.eligibility);
      await em.update(
        ProgrammeEntity,
        { id: programme.id },
        {
          name: programme.name,
          description: programme.description,
          operatorId: programme.operatorId,
          employerContributionCents: programme.employerContributionCents,
          eligibility: programme.eligibility,
        },
      );
      if (raw.components) await this.replaceComponents(em, programme.id, raw.components);
      await recordAudit(em, viewer, {
        action: 'programme.update',
        entityType: 'PROGRAMME',
        entityId: programme.id,
        before,
        after: snapshot(programme),
      });
      return programme;
    });
  }

  async createEdition(viewer: Viewer, input: EditionInput): Promise<EditionEntity> {
    const { year, name } = parseInput(editionSchema, input);
    const opensOn = isoDate(input.opensOn);
    const closesOn = input.closesOn ? isoDate(input.closesOn) : null;
    if (closesOn && closesOn < opensOn)
      throw badInput('The closing date comes after the opening date', 'input.closesOn');
    return this.ds.transaction(async (em) => {
      const programme = await this.managedProgramme(em, viewer, input.programmeKey);
      if (await em.getRepository(EditionEntity).existsBy({ programmeId: programme.id, year }))
        throw badInput(`${programme.name} already has a call for ${year}`, 'input.year');
      const edition = await em.getRepository(EditionEntity).save(
        em.getRepository(EditionEntity).create({
          programmeId: programme.id,
          year,
          name,
          opensOn,
          closesOn,
          status: input.status ?? 'DRAFT',
        }),
      );
      await recordAudit(em, viewer, {
        action: 'edition.create',
        entityType: 'EDITION',
        entityId: edition.id,
        after: editionSnapshot(edition),
      });
      return edition;
    });
  }

  async updateEdition(viewer: Viewer, input: UpdateEditionInput): Promise<EditionEntity> {
    const id = assertId(input.id, 'input.id');
    if (input.name !== null && input.name !== undefined)
      parseInput(editionSchema.pick({ name: true }), { name: input.name });
    return this.ds.transaction(async (em) => {
      const edition = await em
        .getRepository(EditionEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id })
        .getOne();
      if (!edition || !canManage(viewer, edition.programmeId)) throw notFound('Call');
      const before = editionSnapshot(edition);
      if (input.name) edition.name = input.name.trim();
      if (input.opensOn) edition.opensOn = isoDate(input.opensOn);
      if (input.clearClosesOn) edition.closesOn = null;
      else if (input.closesOn) edition.closesOn = isoDate(input.closesOn);
      if (edition.closesOn && edition.closesOn < edition.opensOn)
        throw badInput('The closing date comes after the opening date', 'input.closesOn');
      if (input.status) {
        // A closed call has a cohort that analytics compare; it is not reopened as a draft.
        if (edition.status !== 'DRAFT' && input.status === 'DRAFT')
          throw badInput('An opened call cannot go back to draft', 'input.status');
        edition.status = input.status;
      }
      await em.update(
        EditionEntity,
        { id },
        {
          name: edition.name,
          opensOn: edition.opensOn,
          closesOn: edition.closesOn,
          status: edition.status,
        },
      );
      await recordAudit(em, viewer, {
        action: 'edition.update',
        entityType: 'EDITION',
        entityId: id,
        before,
        after: editionSnapshot(edition),
      });
      return edition;
    });
  }

  /**
   * Replaces the stages. Steps map onto application.stage1_at … stage4_at by position, so at
   * most 4 steps; a key that events already use keeps its kind and position (only its label
   * may change) — renaming or removing it would rewrite history.
   */
  async updateStages(viewer: Viewer, input: UpdateStagesInput): Promise<StageDefinitionEntity[]> {
    const stages = input.stages.map((s, i) => ({
      key: s.key.trim(),
      label: s.label.trim(),
      kind: s.kind,
      requiresStep: s.requiresStep?.trim() || null,
      beforeStep: s.beforeStep?.trim() || null,
      field: `input.stages.${i}`,
    }));
    for (const s of stages) {
      if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(s.key))
        throw badInput('Key: upper-case letters, digits and _ (2–32)', `${s.field}.key`);
      if (s.label.length < 2 || s.label.length > 100)
        throw badInput('Enter a label of 2–100 characters', `${s.field}.label`);
    }
    if (new Set(stages.map((s) => s.key)).size !== stages.length)
      throw badInput('Stage keys must differ', 'input.stages');
    const steps = stages.filter((s) => s.kind === 'STEP');
    if (steps.length < 1 || steps.length > 4)
      throw badInput('A programme has 1 to 4 steps', 'input.stages');
    const stepKeys = new Set(steps.map((s) => s.key));
    for (const s of stages) {
      for (const ref of [s.requiresStep, s.beforeStep]) {
        if (ref && (s.kind !== 'EXIT' || !stepKeys.has(ref)))
          throw badInput('An exit rule names one of the steps', s.field);
      }
    }
    const positioned = [
      ...steps.map((s, i) => ({ ...s, position: i + 1 })),
      ...stages.filter((s) => s.kind === 'EXIT').map((s, i) => ({ ...s, position: i + 1 })),
    ];
    return this.ds.transaction(async (em) => {
      const programme = await this.managedProgramme(em, viewer, input.programmeKey);
      const existing = await em
        .getRepository(StageDefinitionEntity)
        .find({ where: { programmeId: programme.id }, order: { kind: 'ASC', position: 'ASC' } });
      const used: { stage: string; n: number }[] = await em.query(
        `SELECT e.stage, count(*)::int AS n FROM application_event e
           JOIN application a ON a.id = e.application_id
          WHERE a.programme_id = $1 GROUP BY e.stage`,
        [programme.id],
      );
      for (const u of used) {
        const now = existing.find((d) => d.key === u.stage);
        const next = positioned.find((d) => d.key === u.stage);
        if (now && (!next || next.kind !== now.kind || next.position !== now.position)) {
          throw userError(
            'CONFLICT',
            `Stage ${u.stage} is used by ${u.n} events: it cannot be renamed, moved or removed (its label can change)`,
            { field: 'input.stages', stage: u.stage },
          );
        }
      }
      const keep = new Set(positioned.map((s) => s.key));
      const gone = existing.filter((d) => !keep.has(d.key));
      if (gone.length)
        await em.delete(
          StageDefinitionEntity,
          gone.map((d) => d.id),
        );
      for (const s of positioned) {
        const values = {
          label: s.label,
          kind: s.kind,
          position: s.position,
          requiresStep: s.kind === 'EXIT' ? s.requiresStep : null,
          beforeStep: s.kind === 'EXIT' ? s.beforeStep : null,
        };
        const row = existing.find((d) => d.key === s.key);
        if (row) await em.update(StageDefinitionEntity, { id: row.id }, values);
        else
          await em.insert(StageDefinitionEntity, {
            programmeId: programme.id,
            key: s.key,
            ...values,
          });
      }
      const plain = (d: Pick<StageDefinitionEntity, 'key' | 'label' | 'kind' | 'position'>) => ({
        key: d.key,
        label: d.label,
        kind: d.kind,
        position: d.position,
      });
      await recordAudit(em, viewer, {
        action: 'stage.update',
        entityType: 'STAGE',
        entityId: programme.id,
        before: { stages: existing.map(plain) },
        after: { stages: positioned.map(plain) },
      });
      return em
        .getRepository(StageDefinitionEntity)
        .find({ where: { programmeId: programme.id }, order: { kind: 'ASC', position: 'ASC' } });
    });
  }

  /**
   * How many registered companies the rules admit, counted in PostgreSQL with the same rules
   * checkEligibility applies (size class is derived from the headcount there too).
   */
  async eligibilityPreview(
    raw: EligibilityRulesInput,
  ): Promise<{ eligible: number; registered: number }> {
    parseInput(rulesSchema, raw, 'rules');
    const r = rulesJson(raw);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (r.kinds) conditions.push(`o.kind::text = ANY(${param(r.kinds)}::text[])`);
    if (r.maxEmployees !== undefined)
      conditions.push(`COALESCE(o.employee_count, 0) <= ${param(r.maxEmployees)}`);
    if (r.sizeClasses) {
      conditions.push(
        `(CASE WHEN COALESCE(o.employee_count, 0) < 10 THEN 'MICRO' WHEN o.employee_count < 50 THEN 'SMALL'
          WHEN o.employee_count < 250 THEN 'MEDIUM' ELSE 'LARGE' END) = ANY(${param(r.sizeClasses)}::text[])`,
      );
    }
    if (r.requiresNoPreventionCommittee) conditions.push('NOT o.has_prevention_committee');
    if (r.provinces)
      conditions.push(
        `lower(trim(o.province)) = ANY(${param(r.provinces.map((p) => p.toLowerCase()))}::text[])`,
      );
    // An unknown sector (NULL) fails the rule, as in checkEligibility.
    if (r.naceSections)
      conditions.push(`upper(o.nace_section) = ANY(${param(r.naceSections)}::text[])`);
    const where = conditions.length ? conditions.join(' AND ') : 'TRUE';
    const [row] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE ${where})::int AS eligible, count(*)::int AS registered
         FROM organisation o WHERE o.kind IN ('COMPANY', 'NETWORK')`,
      params,
    );
    return { eligible: row.eligible, registered: row.registered };
  }

  private async managedProgramme(em: EntityManager, viewer: Viewer, key: string) {
    const programme = await em.getRepository(ProgrammeEntity).findOneBy({ key });
    if (!programme || !canManage(viewer, programme.id)) throw notFound('Programme');
    return programme;
  }

  private async assertOperator(em: EntityManager, id: string, field: string) {
    const org = await em.getRepository(OrganisationEntity).findOneBy({ id: assertId(id, field) });
    if (!org || (org.kind !== 'PROGRAMME_OPERATOR' && org.kind !== 'SERVICE_PROVIDER'))
      throw badInput('Choose a programme operator or service provider', field);
  }

  private async replaceComponents(
    em: EntityManager,
    programmeId: string,
    components: ProgrammeComponentInput[],
  ) {
    const parsed = components.map((c, i) =>
      parseInput(componentSchema, c, `input.components.${i}`),
    );
    if (new Set(parsed.map((c) => c.key)).size !== parsed.length)
      throw badInput('Component keys must differ', 'input.components');
    const existing = await em.getRepository(ProgrammeComponentEntity).findBy({ programmeId });
    const keep = new Set(parsed.map((c) => c.key));
    const gone = existing.filter((c) => !keep.has(c.key));
    if (gone.length) {
      // Toolbox use refers to components: a used one stays (its history would vanish).
      const [used] = await em.query(
        'SELECT count(*)::int AS n FROM toolbox_use WHERE component_id = ANY($1::uuid[])',
        [gone.map((c) => c.id)],
      );
      if (used.n > 0)
        throw userError('CONFLICT', 'A component companies already used cannot be removed', {
          field: 'input.components',
        });
      await em.delete(
        ProgrammeComponentEntity,
        gone.map((c) => c.id),
      );
    }
    for (const [position, c] of parsed.entries()) {
      const row = existing.find((e) => e.key === c.key);
      const values = {
        kind: c.kind as ProgrammeComponentEntity['kind'],
        name: c.name,
        description: c.description ?? '',
        position: position + 1,
      };
      if (row) await em.update(ProgrammeComponentEntity, { id: row.id }, values);
      else await em.insert(ProgrammeComponentEntity, { programmeId, key: c.key, ...values });
    }
  }
}

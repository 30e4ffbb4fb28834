import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { isoDate, todayInBrussels } from '../../database/sql.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canManage, isAdmin, type Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseInput } from '../auth/auth.service.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import { CoachEntity } from './coach.entity.js';
import type { CreateCoachInput, UpdateCoachInput } from './coach-admin.inputs.js';

const capacity = z
  .number()
  .int('A whole number')
  .min(1, 'At least 1 trajectory')
  .max(100, 'At most 100 trajectories');
const createSchema = z.object({
  fullName: z.string().trim().min(2, 'Enter the name').max(200),
  capacity,
});
const updateSchema = z.object({
  fullName: z.string().trim().min(2, 'Enter the name').max(200).nullish(),
  capacity: capacity.nullish(),
});

/**
 * A trajectory is running while the application has a coach, has no exit and has not reached
 * its programme's last step. One SQL expression, shared by the roster and the capacity check.
 */
export const RUNNING_TRAJECTORY_SQL = (a: string) => `${a}.exit_stage IS NULL AND NOT EXISTS (
  SELECT 1 FROM stage_definition last WHERE last.programme_id = ${a}.programme_id AND last.kind = 'STEP'
     AND last.position = (SELECT max(position) FROM stage_definition s
                           WHERE s.programme_id = ${a}.programme_id AND s.kind = 'STEP')
     AND (CASE last.position WHEN 1 THEN ${a}.stage1_at WHEN 2 THEN ${a}.stage2_at
          WHEN 3 THEN ${a}.stage3_at ELSE ${a}.stage4_at END) IS NOT NULL)`;

export interface RosterRow {
  coach: CoachEntity;
  runningTrajectories: number;
}

const snapshot = (c: CoachEntity) => ({
  programmeId: c.programmeId,
  serviceProviderId: c.serviceProviderId,
  fullName: c.fullName,
  capacity: c.capacity,
  active: c.active,
});

export class CoachAdminService {
  constructor(private readonly ds: DataSource) {}

  /** The roster with each coach's running trajectories, counted in one grouped query. */
  async roster(viewer: Viewer, programmeKey: string | null | undefined): Promise<RosterRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (programmeKey) {
      params.push(programmeKey);
      where.push(`c.programme_id = (SELECT id FROM programme WHERE key = $${params.length})`);
    }
    if (!isAdmin(viewer)) {
      params.push(viewer.programmeIds);
      where.push(`c.programme_id = ANY($${params.length}::uuid[])`);
    }
    const rows: { id: string; running: number }[] = await this.ds.query(
      `SELECT c.id, count(a.id)::int AS running
         FROM coach c LEFT JOIN application a ON a.coach_id = c.id AND ${RUNNING_TRAJECTORY_SQL('a')}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY c.id`,
      params,
    );
    if (rows.length === 0) return [];
    const coaches = await this.ds
      .getRepository(CoachEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('c.full_name', 'ASC')
      .getMany();
    const running = new Map(rows.map((r) => [r.id, r.running]));
    return coaches.map((coach) => ({ coach, runningTrajectories: running.get(coach.id) ?? 0 }));
  }

  async create(viewer: Viewer, input: CreateCoachInput): Promise<CoachEntity> {
    const parsed = parseInput(createSchema, input);
    return this.ds.transaction(async (em) => {
      const programme = await em
        .getRepository(ProgrammeEntity)
        .findOneBy({ key: input.programmeKey });
      if (!programme || !canManage(viewer, programme.id)) throw notFound('Programme');
      const provider = await em
        .getRepository(OrganisationEntity)
        .findOneBy({ id: assertId(input.serviceProviderId, 'input.serviceProviderId') });
      if (provider?.kind !== 'SERVICE_PROVIDER')
        throw badInput('Choose a service provider', 'input.serviceProviderId');
      const coach = await em.getRepository(CoachEntity).save(
        em.getRepository(CoachEntity).create({
          programmeId: programme.id,
          serviceProviderId: provider.id,
          fullName: parsed.fullName,
          capacity: parsed.capacity,
          active: true,
          activeFrom: input.activeFrom ? isoDate(input.activeFrom) : todayInBrussels(),
          activeUntil: null,
        }),
      );
      await recordAudit(em, viewer, {
        action: 'coach.create',
        entityType: 'COACH',
        entityId: coach.id,
        after: snapshot(coach),
      });
      return coach;
    });
  }

  async update(viewer: Viewer, input: UpdateCoachInput): Promise<CoachEntity> {
    const parsed = parseInput(updateSchema, input);
    return this.ds.transaction(async (em) => {
      const coach = await this.lockedCoach(em, viewer, assertId(input.id, 'input.id'));
      const before = snapshot(coach);
      if (parsed.fullName) coach.fullName = parsed.fullName;
      if (parsed.capacity) coach.capacity = parsed.capacity;
      if (input.active !== null && input.active !== undefined) {
        coach.active = input.active;
        coach.activeUntil = input.active ? null : todayInBrussels();
      }
      await em.update(
        CoachEntity,
        { id: coach.id },
        {
          fullName: coach.fullName,
          capacity: coach.capacity,
          active: coach.active,
          activeUntil: coach.activeUntil,
        },
      );
      await recordAudit(em, viewer, {
        action: 'coach.update',
        entityType: 'COACH',
        entityId: coach.id,
        before,
        after: snapshot(coach),
      });
      return coach;
    });
  }

  private async lockedCoach(em: EntityManager, viewer: Viewer, id: string) {
    const coach = await em
      .getRepository(CoachEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!coach || !canManage(viewer, coach.programmeId)) throw notFound('Coach');
    return coach;
  }
}

/**
 * Refuses a coach who is inactive or already runs as many trajectories as their capacity.
 * Called inside the assignment's transaction after locking the coach row, so two managers
 * assigning the last free place at once cannot both succeed.
 */
export async function assertCoachAvailable(
  em: EntityManager,
  coachId: string,
  applicationId: string,
): Promise<void> {
  const [row] = await em.query('SELECT capacity, active FROM coach WHERE id = $1 FOR UPDATE', [
    coachId,
  ]);
  if (!row?.active)
    throw badInput('This coach is not active and takes no new trajectories', 'input.coachId');
  if (row.capacity === null) return;
  const [{ n }]: [{ n: number }] = await em.query(
    `SELECT count(*)::int AS n FROM application a
      WHERE a.coach_id = $1 AND a.id <> $2 AND ${RUNNING_TRAJECTORY_SQL('a')}`,
    [coachId, applicationId],
  );
  if (n >= row.capacity) {
    throw badInput(
      `This coach already runs ${n} of at most ${row.capacity} trajectories`,
      'input.coachId',
    );
  }
}

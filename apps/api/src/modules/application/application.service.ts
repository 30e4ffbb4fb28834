import type { DataSource } from 'typeorm';
import { dayEnd, dayStart, furthestStepSql, isoDate } from '../../database/sql.js';
import { badInput } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/pagination.js';
import { applicationScope, type Viewer } from '../../graphql/policy.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import { ApplicationEntity } from './application.entity.js';
import { type ApplicationFilter, ApplicationOrder } from './application.inputs.js';
import { Application } from './application.types.js';

/** The sort value in cursors of the id order (never a date, so the orders' cursors differ). */
const ID_ORDER = 'id';

export class ApplicationService {
  constructor(private readonly ds: DataSource) {}

  /** Null both when it does not exist and when the viewer may not see it: no existence leak. */
  findVisible(viewer: Viewer, id: string): Promise<ApplicationEntity | null> {
    const scope = applicationScope(viewer);
    const qb = this.ds
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.id = :id', { id });
    if (scope.where) qb.andWhere(scope.where, scope.params);
    return qb.getOne();
  }

  /** Newest first (keyset on submitted or created time, id) or by id; keyset-paginated. */
  async list(
    viewer: Viewer,
    filter: ApplicationFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    orderBy: ApplicationOrder = ApplicationOrder.NEWEST_FIRST,
  ) {
    const size = pageSize(first);
    const qb = this.ds.getRepository(ApplicationEntity).createQueryBuilder('a');
    const scope = applicationScope(viewer);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    if (filter?.programmeKey) {
      const programme = await this.ds
        .getRepository(ProgrammeEntity)
        .findOneBy({ key: filter.programmeKey });
      if (!programme)
        throw badInput(`Unknown programme "${filter.programmeKey}"`, 'filter.programmeKey');
      qb.andWhere('a.programme_id = :programmeId', { programmeId: programme.id });
    }
    if (filter?.years?.length) {
      qb.andWhere('a.edition_id IN (SELECT id FROM edition WHERE year IN (:...years))', {
        years: filter.years,
      });
    }
    if (filter?.channelKeys?.length) {
      qb.andWhere('a.channel_id IN (SELECT id FROM outreach_channel WHERE key IN (:...channels))', {
        channels: filter.channelKeys,
      });
    }
    if (filter?.stages?.length) {
      // Current stage: the exit if any, else the step at the furthest position reached.
      qb.andWhere(
        `(a.exit_stage IN (:...stages) OR (a.exit_stage IS NULL AND EXISTS (
           SELECT 1 FROM stage_definition sd WHERE sd.programme_id = a.programme_id
             AND sd.kind = 'STEP' AND sd.key IN (:...stages) AND sd.position = ${furthestStepSql('a')})))`,
        { stages: filter.stages },
      );
    }
    if (filter?.submittedFrom && filter?.submittedTo && filter.submittedFrom > filter.submittedTo) {
      throw badInput('submittedFrom must not be after submittedTo', 'filter.submittedFrom');
    }
    if (filter?.submittedFrom)
      qb.andWhere(`a.stage1_at >= ${dayStart(':from')}`, { from: isoDate(filter.submittedFrom) });
    if (filter?.submittedTo)
      qb.andWhere(`a.stage1_at < ${dayEnd(':to')}`, { to: isoDate(filter.submittedTo) });

    if (filter?.waitingMoreThanDays !== null && filter?.waitingMoreThanDays !== undefined) {
      if (
        !Number.isInteger(filter.waitingMoreThanDays) ||
        filter.waitingMoreThanDays < 0 ||
        filter.waitingMoreThanDays > 3650
      ) {
        throw badInput('waitingMoreThanDays must be 0 to 3650', 'filter.waitingMoreThanDays');
      }
      qb.andWhere(
        'a.stage1_at < now() - make_interval(days => :waiting) AND a.stage2_at IS NULL AND a.exit_stage IS NULL',
        { waiting: filter.waitingMoreThanDays },
      );
    }
    if (filter?.organisationId) {
      qb.andWhere(
        '(a.organisation_id = :orgId OR EXISTS (SELECT 1 FROM application_member m WHERE m.application_id = a.id AND m.organisation_id = :orgId))',
        { orgId: assertId(filter.organisationId, 'filter.organisationId') },
      );
    }
    // Counted only when the client asks for totalCount: over a million rows it costs more
    // than the page itself.
    const count = qb.clone();
    const totalCount = () => count.getCount();
    const byId = orderBy === ApplicationOrder.ID;
    const sortExpr = 'COALESCE(a.stage1_at, a.created_at)';
    if (after) {
      const pos = decodeCursor(after);
      if (byId) {
        if (pos.sort !== ID_ORDER) throw badInput('Cursor of another order', 'after');
        qb.andWhere('a.id > :id::uuid', { id: pos.id });
      } else {
        const at = new Date(pos.sort);
        if (Number.isNaN(at.getTime())) throw badInput('Malformed cursor', 'after');
        qb.andWhere(`(${sortExpr}, a.id) < (:sort::timestamptz, :id::uuid)`, {
          sort: at,
          id: pos.id,
        });
      }
    }
    if (byId) qb.orderBy('a.id', 'ASC');
    else qb.orderBy(sortExpr, 'DESC').addOrderBy('a.id', 'DESC');
    const rows = await qb.take(size + 1).getMany();
    return toPage(
      rows,
      size,
      totalCount,
      !!after,
      (a) => ({ sort: byId ? ID_ORDER : (a.stage1At ?? a.createdAt).toISOString(), id: a.id }),
      Application.from,
    );
  }
}

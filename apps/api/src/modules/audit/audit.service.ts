import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/pagination.js';
import type { Viewer } from '../../graphql/policy.js';
import { AuditRecordEntity } from './audit.entity.js';
import type { AuditFilter } from './audit.inputs.js';
import { AuditRecord } from './audit.types.js';

export const AUDIT_ENTITY_TYPES = [
  'PROGRAMME',
  'EDITION',
  'STAGE',
  'COACH',
  'USER',
  'INVITATION',
  'SURVEY',
  'BUDGET_ALLOCATION',
  'OUTREACH_CHANNEL',
  'RESEARCH_KEY',
  'FOLLOW_UP_THRESHOLDS',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditChange {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/**
 * Writes the audit record inside the caller's transaction, so a change and its record are
 * committed together or not at all.
 */
export async function recordAudit(
  em: EntityManager,
  actor: Pick<Viewer, 'userId' | 'email'> | null,
  change: AuditChange,
): Promise<void> {
  await em.insert(AuditRecordEntity, {
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? 'system',
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: (change.before ?? null) as never,
    after: (change.after ?? null) as never,
  });
}

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Newest first, keyset-paginated on (occurred_at, id). */
  async list(filter: AuditFilter | null | undefined, first?: number | null, after?: string | null) {
    const size = pageSize(first);
    const qb = this.ds.getRepository(AuditRecordEntity).createQueryBuilder('r');
    if (filter?.entityType) qb.andWhere('r.entity_type = :type', { type: filter.entityType });
    if (filter?.entityId) qb.andWhere('r.entity_id = :entityId', { entityId: filter.entityId });
    if (filter?.actorEmail) {
      qb.andWhere('r.actor_email ILIKE :actor', {
        actor: `%${filter.actorEmail.trim().replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    if (filter?.action) qb.andWhere('r.action = :action', { action: filter.action });
    if (filter?.from && filter?.to && filter.from > filter.to)
      throw badInput('from must not be after to', 'filter.from');
    if (filter?.from) qb.andWhere('r.occurred_at >= :from', { from: filter.from });
    if (filter?.to)
      qb.andWhere("r.occurred_at < (:to::date + interval '1 day')", {
        to: filter.to.toISOString().slice(0, 10),
      });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const pos = decodeCursor(after);
      const at = new Date(pos.sort);
      if (Number.isNaN(at.getTime())) throw badInput('Malformed cursor', 'after');
      qb.andWhere('(r.occurred_at, r.id) < (:sort::timestamptz, :id::uuid)', {
        sort: pos.sort,
        id: pos.id,
      });
    }
    const rows = await qb
      .orderBy('r.occurred_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toPage(
      rows,
      size,
      totalCount,
      !!after,
      (r) => ({ sort: r.occurredAt.toISOString(), id: r.id }),
      AuditRecord.from,
    );
  }
}

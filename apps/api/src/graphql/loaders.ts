import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import {
  ApplicationEventEntity,
  ApplicationMemberEntity,
  AttachmentEntity,
  ParticipationDossierEntity,
} from '../modules/application/application.entity.js';
import { CoachEntity } from '../modules/coach/coach.entity.js';
import type { FollowUpContactRow } from '../modules/follow-up/follow-up.service.js';
import { OrganisationEntity } from '../modules/organisation/organisation.entity.js';
import { CampaignEntity, OutreachChannelEntity } from '../modules/outreach/outreach.entity.js';
import {
  EditionEntity,
  ProgrammeComponentEntity,
  ProgrammeEntity,
  StageDefinitionEntity,
} from '../modules/programme/programme.entity.js';

function byId<E extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<E>) {
  return new DataLoader<string, E | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function manyBy<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  key: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>>,
) {
  return new DataLoader<string, E[]>(async (ids) => {
    const rows = await ds
      .getRepository(entity)
      .find({ where: { [key]: In([...ids]) } as never, order: order as never });
    const groups = new Map<string, E[]>();
    for (const row of rows) {
      const k = row[key] as string;
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Each loader is made on first use: most requests touch one or two of them, and the context is
 * built for every request. The getters live on a prototype made once, so a request's set costs
 * two small objects, not a property definition per loader.
 */
function lazily<T extends Record<string, (ds: DataSource) => unknown>>(
  makers: T,
): (ds: DataSource) => { readonly [K in keyof T]: ReturnType<T[K]> } {
  const proto: object = {};
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(proto, key, {
      enumerable: true,
      get(this: { ds: DataSource; made: Partial<Record<keyof T, unknown>> }) {
        if (!(key in this.made)) this.made[key] = makers[key]?.(this.ds);
        return this.made[key];
      },
    });
  }
  return (ds) => Object.assign(Object.create(proto), { ds, made: {} });
}

const makeLoaders = lazily({
  organisation: (ds) => byId(ds, OrganisationEntity),
  programme: (ds) => byId(ds, ProgrammeEntity),
  edition: (ds) => byId(ds, EditionEntity),
  channel: (ds) => byId(ds, OutreachChannelEntity),
  coach: (ds) => byId(ds, CoachEntity),
  editionsByProgramme: (ds) => manyBy(ds, EditionEntity, 'programmeId', { year: 'ASC' }),
  stagesByProgramme: (ds) =>
    manyBy(ds, StageDefinitionEntity, 'programmeId', {
      kind: 'ASC', // enum order: STEP before EXIT
      position: 'ASC',
    }),
  componentsByProgramme: (ds) =>
    manyBy(ds, ProgrammeComponentEntity, 'programmeId', { position: 'ASC' }),
  campaignsByChannel: (ds) => manyBy(ds, CampaignEntity, 'channelId', { startsOn: 'ASC' }),
  eventsByApplication: (ds) =>
    manyBy(ds, ApplicationEventEntity, 'applicationId', { occurredAt: 'ASC' }),
  membersByApplication: (ds) =>
    manyBy(ds, ApplicationMemberEntity, 'applicationId', {
      organisationId: 'ASC',
    }),
  attachmentsByApplication: (ds) =>
    manyBy(ds, AttachmentEntity, 'applicationId', { uploadedAt: 'ASC' }),
  dossierByApplication: (ds) =>
    new DataLoader<string, ParticipationDossierEntity | null>(async (ids) => {
      const rows = await ds
        .getRepository(ParticipationDossierEntity)
        .findBy({ applicationId: In([...ids]) });
      const map = new Map(rows.map((r) => [r.applicationId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  /** Follow-up contacts (reminders with their e-mail's status, calls), newest first. */
  contactsByApplication: (ds) =>
    new DataLoader<string, FollowUpContactRow[]>(async (ids) => {
      const rows = (await ds.query(
        `SELECT c.id, c.application_id AS "applicationId", c.kind, c.occurred_at AS "occurredAt",
                  c.outcome, c.note, m.status AS "mailStatus", m.recipient
             FROM application_contact c LEFT JOIN mail_outbox m ON m.id = c.mail_id
            WHERE c.application_id = ANY($1::uuid[])
            ORDER BY c.occurred_at DESC, c.id DESC`,
        [[...ids]],
      )) as FollowUpContactRow[];
      const groups = new Map<string, FollowUpContactRow[]>();
      for (const row of rows) {
        const list = groups.get(row.applicationId);
        if (list) list.push(row);
        else groups.set(row.applicationId, [row]);
      }
      return ids.map((id) => groups.get(id) ?? []);
    }),
});

/** One set of loaders per request: nested fields cost one query per type, not one per row. */
export function createLoaders(ds: DataSource) {
  return makeLoaders(ds);
}

export type Loaders = ReturnType<typeof createLoaders>;

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors.js';
import { canManage, isAdmin, type Viewer } from '../../graphql/policy.js';
import { ApplicationEntity } from '../application/application.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { applicantRecipients } from '../mail/application-mail.js';
import { links } from '../mail/mail.config.js';
import { asLanguage, normaliseEmail, queueMail } from '../mail/mail.service.js';
import {
  DEFAULT_REMINDER_BODY,
  type Language,
  REMINDER_TEMPLATES,
  type ReminderTemplate,
} from '../mail/templates/catalogue.js';
import { type RenderedMail, renderMail } from '../mail/templates/render.js';
import { CALL_OUTCOMES, type CallOutcome } from './follow-up.entity.js';

export type FollowUpReason = 'NOT_STARTED' | 'NO_PROGRESS';

export interface WorklistRow {
  applicationId: string;
  version: number;
  organisation: string;
  programmeKey: string;
  programme: string;
  reason: FollowUpReason;
  since: Date;
  daysWaiting: number;
  channel: string | null;
  coach: string | null;
  recipientEmail: string | null;
  recipientLanguage: string | null;
  contacts: {
    id: string;
    kind: 'REMINDER' | 'CALL';
    occurredAt: string;
    outcome: CallOutcome | null;
    note: string | null;
  }[];
}

export interface ReminderInput {
  applicationId: string;
  template: string;
  text?: string | null;
  recipient?: string | null;
  language?: string | null;
  idempotencyKey?: string | null;
}

const MAX_TEXT = 5000;
const actorOf = (v: Viewer) => `user:${v.userId}`;

/**
 * The managers' follow-up: which approved applications stall (in SQL, scoped to the
 * programmes the viewer manages) and the contacts that try to get them going. Contacts are
 * rows of application_contact, never stage events, so the funnel is untouched.
 */
export class FollowUpService {
  constructor(private readonly ds: DataSource) {}

  private programmeFilter(viewer: Viewer): string[] | null {
    return isAdmin(viewer) ? null : [...viewer.programmeIds];
  }

  async worklist(
    viewer: Viewer,
    input: { programmeKey?: string | null; limit?: number | null },
  ): Promise<{ rows: WorklistRow[]; totalCount: number }> {
    const limit = input.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw badInput('limit must be 1–500', 'limit');
    if (input.programmeKey) await this.managedProgramme(viewer, input.programmeKey);
    const rows = (await this.ds.query(
      `WITH p AS (
         SELECT p.id, p.key, p.name, p.follow_up_start_days, p.follow_up_progress_days FROM programme p
          WHERE ($1::uuid[] IS NULL OR p.id = ANY($1)) AND ($2::text IS NULL OR p.key = $2)
            AND EXISTS (SELECT 1 FROM stage_definition sd
                         WHERE sd.programme_id = p.id AND sd.kind = 'STEP' AND sd.position = 3)
       ), waiting AS (
         SELECT a.*, p.key AS programme_key, p.name AS programme_name,
                CASE WHEN a.stage3_at IS NULL THEN 'NOT_STARTED' ELSE 'NO_PROGRESS' END AS reason,
                COALESCE(a.stage3_at, a.stage2_at) AS since
           FROM application a JOIN p ON p.id = a.programme_id
          WHERE a.exit_stage IS NULL AND a.stage2_at IS NOT NULL AND a.stage4_at IS NULL
            AND ((a.stage3_at IS NULL AND a.stage2_at < now() - make_interval(days => p.follow_up_start_days))
              OR (a.stage3_at IS NOT NULL AND a.stage3_at < now() - make_interval(days => p.follow_up_progress_days)))
       ), page AS (
         SELECT w.*, count(*) OVER () AS total FROM waiting w ORDER BY w.since, w.id LIMIT $3
       )
       SELECT w.id AS "applicationId", w.version, o.name AS organisation, w.programme_key AS "programmeKey",
              w.programme_name AS programme, w.reason, w.since,
              floor(extract(epoch FROM now() - w.since) / 86400)::int AS "daysWaiting",
              ch.name AS channel, c.full_name AS coach, w.total::int AS total,
              r.email AS "recipientEmail", r.language AS "recipientLanguage",
              COALESCE((SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind, 'occurredAt', x.occurred_at,
                                                          'outcome', x.outcome, 'note', x.note)
                                        ORDER BY x.occurred_at DESC)
                          FROM application_contact x WHERE x.application_id = w.id), '[]'::json) AS contacts
         FROM page w
         JOIN organisation o ON o.id = w.organisation_id
         LEFT JOIN outreach_channel ch ON ch.id = w.channel_id
         LEFT JOIN coach c ON c.id = w.coach_id
         LEFT JOIN LATERAL (
           SELECT u.email, u.language FROM app_user u JOIN role_grant g ON g.user_id = u.id
            WHERE g.organisation_id = w.organisation_id AND g.role IN ('PARTICIPANT', 'NETWORK_COORDINATOR')
              AND u.disabled_at IS NULL ORDER BY u.created_at, u.email LIMIT 1) r ON true
        ORDER BY w.since, w.id`,
      [this.programmeFilter(viewer), input.programmeKey ?? null, limit],
    )) as (WorklistRow & { total: number; contacts: WorklistRow['contacts'] | string })[];
    return {
      totalCount: rows[0]?.total ?? 0,
      rows: rows.map(({ total: _t, ...r }) => ({
        ...r,
        contacts: typeof r.contacts === 'string' ? JSON.parse(r.contacts) : r.contacts,
      })),
    };
  }

  /** The reminder as it would be sent (nothing is written). */
  async preview(
    viewer: Viewer,
    input: ReminderInput,
  ): Promise<RenderedMail & { body: string; recipient: string | null; language: Language }> {
    return this.prepare(this.ds.manager, viewer, input, { requireText: false });
  }

  /** Queues the reminder e-mail and records the contact, in one transaction. */
  async sendReminder(viewer: Viewer, input: ReminderInput) {
    if (input.idempotencyKey && !/^[\w-]{8,80}$/.test(input.idempotencyKey))
      throw badInput('idempotencyKey must be 8–80 letters, digits, - or _', 'input.idempotencyKey');
    return this.ds.transaction(async (em) => {
      const p = await this.prepare(em, viewer, input, { requireText: true });
      const key = `reminder:${input.applicationId}:${input.idempotencyKey ?? randomUUID()}`;
      const existing = (await em.query(
        `SELECT c.id FROM application_contact c JOIN mail_outbox m ON m.id = c.mail_id WHERE m.idempotency_key = $1`,
        [key],
      )) as { id: string }[];
      if (existing[0]) return this.contact(em, existing[0].id); // a retried request
      const mailId = await queueMail(em, {
        key,
        template: p.template,
        language: p.language,
        recipient: p.recipient!,
        applicationId: input.applicationId,
        vars: p.vars,
      });
      const [row] = (await em.query(
        `INSERT INTO application_contact (application_id, kind, occurred_at, actor, note, mail_id)
         VALUES ($1, 'REMINDER', now(), $2, $3, $4) RETURNING id`,
        [input.applicationId, actorOf(viewer), p.body, mailId],
      )) as { id: string }[];
      return this.contact(em, row!.id);
    });
  }

  async recordCall(
    viewer: Viewer,
    input: { applicationId: string; outcome: string; note?: string | null },
  ) {
    if (!(CALL_OUTCOMES as readonly string[]).includes(input.outcome))
      throw badInput(`Choose an outcome: ${CALL_OUTCOMES.join(', ')}`, 'input.outcome');
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) throw badInput('At most 2,000 characters', 'input.note');
    return this.ds.transaction(async (em) => {
      await this.managed(em, viewer, input.applicationId);
      const [row] = (await em.query(
        `INSERT INTO application_contact (application_id, kind, occurred_at, actor, outcome, note)
         VALUES ($1, 'CALL', now(), $2, $3, $4) RETURNING id`,
        [input.applicationId, actorOf(viewer), input.outcome, note],
      )) as { id: string }[];
      return this.contact(em, row!.id);
    });
  }

  async setThresholds(
    viewer: Viewer,
    input: { programmeKey: string; startDays: number; progressDays: number },
  ) {
    for (const [field, v] of [
      ['input.startDays', input.startDays],
      ['input.progressDays', input.progressDays],
    ] as const) {
      if (!Number.isInteger(v) || v < 0 || v > 730) throw badInput('Between 0 and 730 days', field);
    }
    const programme = await this.managedProgramme(viewer, input.programmeKey);
    await this.ds.transaction(async (em) => {
      const [before] = (await em.query(
        `SELECT follow_up_start_days AS "startDays", follow_up_progress_days AS "progressDays"
           FROM programme WHERE id = $1 FOR UPDATE`,
        [programme.id],
      )) as { startDays: number; progressDays: number }[];
      await em.query(
        'UPDATE programme SET follow_up_start_days = $2, follow_up_progress_days = $3 WHERE id = $1',
        [programme.id, input.startDays, input.progressDays],
      );
      await recordAudit(em, viewer, {
        action: 'follow-up.thresholds',
        entityType: 'FOLLOW_UP_THRESHOLDS',
        entityId: programme.id,
        before: { programmeKey: input.programmeKey, ...before },
        after: {
          programmeKey: input.programmeKey,
          startDays: input.startDays,
          progressDays: input.progressDays,
        },
      });
    });
    return this.thresholds(viewer);
  }

  /** Thresholds of the programmes with a start step that the viewer manages. */
  async thresholds(viewer: Viewer) {
    return (await this.ds.query(
      `SELECT p.key AS "programmeKey", p.name AS programme, p.follow_up_start_days AS "startDays",
              p.follow_up_progress_days AS "progressDays"
         FROM programme p
        WHERE ($1::uuid[] IS NULL OR p.id = ANY($1))
          AND EXISTS (SELECT 1 FROM stage_definition sd WHERE sd.programme_id = p.id AND sd.kind = 'STEP' AND sd.position = 3)
        ORDER BY p.name`,
      [this.programmeFilter(viewer)],
    )) as { programmeKey: string; programme: string; startDays: number; progressDays: number }[];
  }

  // --- internals ---------------------------------------------------------------------------

  private async prepare(
    em: EntityManager,
    viewer: Viewer,
    input: ReminderInput,
    { requireText }: { requireText: boolean },
  ) {
    if (!(REMINDER_TEMPLATES as readonly string[]).includes(input.template))
      throw badInput(
        `Unknown template "${input.template}": ${REMINDER_TEMPLATES.join(', ')}`,
        'input.template',
      );
    const template = input.template as ReminderTemplate;
    if (input.language && input.language !== 'nl' && input.language !== 'en')
      throw badInput('Language is nl or en', 'input.language');
    const app = await this.managed(em, viewer, input.applicationId);
    const [names] = (await em.query(
      `SELECT o.name AS organisation, p.name AS programme FROM organisation o, programme p WHERE o.id = $1 AND p.id = $2`,
      [app.organisationId, app.programmeId],
    )) as { organisation: string; programme: string }[];
    const [applicant] = await applicantRecipients(em, app.organisationId);
    let recipient: string | null = applicant?.email ?? null;
    if (input.recipient != null && input.recipient.trim() !== '')
      recipient = normaliseEmail(input.recipient, 'input.recipient');
    if (requireText && !recipient)
      throw badInput('This applicant has no account: enter an e-mail address', 'input.recipient');
    const language = asLanguage(input.language ?? applicant?.language);
    const base = {
      organisation: names!.organisation,
      programme: names!.programme,
      link: links.application(app.id),
      recipientName: applicant && applicant.email === recipient ? applicant.name : null,
    };
    const text = input.text?.trim() ?? '';
    if (requireText && !text) throw badInput('Write the reminder text', 'input.text');
    if (text.length > MAX_TEXT) throw badInput('At most 5,000 characters', 'input.text');
    const body = text || DEFAULT_REMINDER_BODY[template][language](base);
    const vars = { ...base, body };
    return { ...renderMail(template, language, vars), body, recipient, language, template, vars };
  }

  private async managed(em: EntityManager, viewer: Viewer, id: string) {
    const app = await em.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app || !canManage(viewer, app.programmeId)) throw notFound('Application');
    return app;
  }

  private async managedProgramme(viewer: Viewer, key: string) {
    const [p] = (await this.ds.query('SELECT id FROM programme WHERE key = $1', [key])) as {
      id: string;
    }[];
    if (!p || !canManage(viewer, p.id))
      throw badInput(`Unknown programme "${key}"`, 'programmeKey');
    return p;
  }

  private async contact(em: EntityManager, id: string) {
    const [c] = (await em.query(
      `SELECT c.id, c.application_id AS "applicationId", c.kind, c.occurred_at AS "occurredAt", c.outcome, c.note,
              m.status AS "mailStatus", m.recipient
         FROM application_contact c LEFT JOIN mail_outbox m ON m.id = c.mail_id WHERE c.id = $1`,
      [id],
    )) as FollowUpContactRow[];
    return c!;
  }
}

export interface FollowUpContactRow {
  id: string;
  applicationId: string;
  kind: 'REMINDER' | 'CALL';
  occurredAt: Date;
  outcome: CallOutcome | null;
  note: string | null;
  mailStatus: string | null;
  recipient: string | null;
}

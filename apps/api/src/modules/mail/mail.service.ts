import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { badInput } from '../../graphql/errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import {
  LANGUAGES,
  type Language,
  type TemplateKey,
  type TemplateVars,
} from './templates/catalogue.js';
import { renderMail } from './templates/render.js';

export const MAIL_SEND_JOB = 'mail.send';

export interface QueueMailInput {
  /** Unique per message, e.g. `decision:<applicationId>:<version>:<recipient>`. */
  key: string;
  template: TemplateKey;
  language: string;
  recipient: string;
  vars: TemplateVars;
  applicationId?: string | null;
}

const email = z.string().trim().toLowerCase().max(254).email();

export function normaliseEmail(value: string, field = 'input.recipient'): string {
  const parsed = email.safeParse(value);
  if (!parsed.success) throw badInput('Not a valid e-mail address', field);
  return parsed.data;
}

export const asLanguage = (value: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'nl';

/**
 * Writes a message to the outbox and queues its send job, both with the caller's transaction:
 * they exist exactly when the change that causes them commits. The same key twice (a retried
 * request) keeps the first row and queues nothing. Returns the outbox row's id.
 */
export async function queueMail(em: EntityManager, input: QueueMailInput): Promise<string> {
  const recipient = normaliseEmail(input.recipient);
  const language = asLanguage(input.language);
  const mail = renderMail(input.template, language, input.vars);
  const inserted = (await em.query(
    `INSERT INTO mail_outbox (idempotency_key, template, language, recipient, subject, text_body, html_body, application_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      input.key,
      input.template,
      language,
      recipient,
      mail.subject,
      mail.text,
      mail.html,
      input.applicationId ?? null,
    ],
  )) as { id: string }[];
  const id = inserted[0]?.id;
  if (!id) {
    const [existing] = (await em.query('SELECT id FROM mail_outbox WHERE idempotency_key = $1', [
      input.key,
    ])) as { id: string }[];
    return existing!.id;
  }
  await JobQueue.for(em.connection as DataSource).enqueue(
    MAIL_SEND_JOB,
    { outboxId: id },
    { manager: em, key: id },
  );
  return id;
}

/**
 * Staff invitation (back office): queues the invitation e-mail with the activation link in the
 * caller's transaction. One message per link.
 */
export function sendStaffInvitation(
  manager: EntityManager,
  input: { email: string; name?: string | null; language?: string | null; link: string },
): Promise<string> {
  return queueMail(manager, {
    key: `staff-invitation:${input.link}`,
    template: 'STAFF_INVITATION',
    language: asLanguage(input.language),
    recipient: input.email,
    vars: { recipientName: input.name ?? null, link: input.link },
  });
}

/**
 * Sends one outbox row. The row, not the job, is the truth: a row already SENT or KEPT makes
 * the job a no-op, so a job that runs twice (a worker died after sending, before completing)
 * sends once as long as the row was marked. The one window left — the SMTP server accepted
 * and the process died before the UPDATE — is covered by a stable Message-ID (the row id)
 * that receivers can use to drop the duplicate.
 */
import { defineJob } from '../../jobs/job-queue.js';
import { mailConfig } from './mail.config.js';
import type { MailOutboxEntity } from './mail.entity.js';
import { MAIL_SEND_JOB } from './mail.service.js';
import { transportFor } from './mail.transport.js';

const RETRY_LIMIT = 5;

defineJob<{ outboxId: string }>(MAIL_SEND_JOB, {
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 30,
  deadLetter: true,
  async handler({ outboxId }, { ds, logger, retryCount }) {
    const [row] = (await ds.query(
      `SELECT id, recipient, subject, text_body AS "textBody", html_body AS "htmlBody", status, template
         FROM mail_outbox WHERE id = $1`,
      [outboxId],
    )) as Pick<
      MailOutboxEntity,
      'id' | 'recipient' | 'subject' | 'textBody' | 'htmlBody' | 'status' | 'template'
    >[];
    if (!row || row.status === 'SENT' || row.status === 'KEPT') return;
    const config = mailConfig();
    if (!config.smtpUrl) {
      await ds.query(
        `UPDATE mail_outbox SET status = 'KEPT', attempts = attempts + 1, processed_at = now() WHERE id = $1 AND status <> 'SENT'`,
        [row.id],
      );
      logger.info(
        { outboxId: row.id, to: row.recipient, subject: row.subject, template: row.template },
        'e-mail kept (no SMTP_URL)',
      );
      return;
    }
    try {
      const info = await transportFor(config.smtpUrl).sendMail({
        from: config.from,
        to: row.recipient,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: `<${row.id}@werkgezond.be>`,
      });
      await ds.query(
        `UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, message_id = $2, last_error = NULL, processed_at = now() WHERE id = $1`,
        [row.id, info.messageId ?? null],
      );
      logger.info({ outboxId: row.id, template: row.template }, 'e-mail sent');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The last attempt marks the row FAILED; its job then lands in mail.send.dead.
      await ds.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN $3 THEN 'FAILED' ELSE status END, processed_at = now()
          WHERE id = $1`,
        [row.id, message.slice(0, 2000), retryCount >= RETRY_LIMIT],
      );
      throw error;
    }
  },
});

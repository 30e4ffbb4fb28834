import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { MAIL_STATUSES, MailOutboxEntity, type MailStatus } from './mail.entity.js';
import { MAIL_SEND_JOB } from './mail.service.js';

/** Reading the outbox for admins: the messages (kept or sent) and the dead letters. */
export class OutboxService {
  constructor(private readonly ds: DataSource) {}

  async page(input: { status?: MailStatus | null; limit?: number | null }) {
    const limit = input.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw badInput('limit must be 1–200', 'limit');
    if (input.status && !MAIL_STATUSES.includes(input.status))
      throw badInput('Unknown status', 'status');
    const where = input.status ? { status: input.status } : {};
    const repo = this.ds.getRepository(MailOutboxEntity);
    const [messages, totalCount] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC' },
      take: limit,
    });
    const dead = await JobQueue.for(this.ds).jobs(`${MAIL_SEND_JOB}.dead`, undefined, limit);
    return {
      messages,
      totalCount,
      deadLetters: dead.map((j) => ({
        jobId: j.id,
        outboxId: (j.data as { outboxId?: string } | null)?.outboxId ?? null,
        createdAt: j.createdOn,
      })),
    };
  }
}

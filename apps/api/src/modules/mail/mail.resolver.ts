import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { MailStatus } from './mail.entity.js';
import { MailDeadLetter, MailStatusEnum, OutboxMessage, OutboxPage } from './mail.types.js';
import { OutboxService } from './outbox.service.js';

@Resolver()
export class MailResolver {
  @Authorized('ADMIN')
  @Query(() => OutboxPage, {
    description: 'E-mail of the outbox, newest first, and the dead-lettered send jobs (ADMIN).',
  })
  async outboxMessages(
    @Ctx() ctx: Context,
    @Arg('status', () => MailStatusEnum, { nullable: true }) status?: MailStatus | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit?: number | null,
  ): Promise<OutboxPage> {
    const page = await new OutboxService(ctx.dataSource).page({ status, limit });
    return Object.assign(new OutboxPage(), {
      messages: page.messages.map((m) => OutboxMessage.from(m)),
      totalCount: page.totalCount,
      deadLetters: page.deadLetters.map((d) => Object.assign(new MailDeadLetter(), d)),
    });
  }
}

import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { assertId } from '../../graphql/ids.js';
import { requireViewer } from '../../graphql/policy.js';
import { FollowUpCallInput, FollowUpThresholdsInput, ReminderInput } from './follow-up.inputs.js';
import { FollowUpService } from './follow-up.service.js';
import {
  FollowUpContact,
  FollowUpItem,
  FollowUpThresholds,
  FollowUpWorklist,
  ReminderPreview,
} from './follow-up.types.js';

const toThresholds = (rows: Awaited<ReturnType<FollowUpService['thresholds']>>) =>
  rows.map((t) => Object.assign(new FollowUpThresholds(), t));

@Resolver()
export class FollowUpResolver {
  @Authorized('PROGRAMME_MANAGER')
  @Query(() => FollowUpWorklist, {
    description:
      'Approved applications that stall, in the programmes you manage, longest waiting first.',
  })
  async followUpWorklist(
    @Ctx() ctx: Context,
    @Arg('programmeKey', () => String, { nullable: true }) programmeKey?: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100 }) limit?: number | null,
  ): Promise<FollowUpWorklist> {
    const viewer = requireViewer(ctx);
    const service = new FollowUpService(ctx.dataSource);
    const { rows, totalCount } = await service.worklist(viewer, { programmeKey, limit });
    return Object.assign(new FollowUpWorklist(), {
      items: rows.map((r) => FollowUpItem.from(r)),
      totalCount,
      thresholds: toThresholds(await service.thresholds(viewer)),
    });
  }

  @Authorized('PROGRAMME_MANAGER')
  @Query(() => ReminderPreview, {
    description: 'The reminder as it would be sent; writes nothing.',
  })
  async reminderPreview(
    @Arg('input', () => ReminderInput) input: ReminderInput,
    @Ctx() ctx: Context,
  ): Promise<ReminderPreview> {
    assertId(input.applicationId, 'input.applicationId');
    const p = await new FollowUpService(ctx.dataSource).preview(requireViewer(ctx), input);
    return Object.assign(new ReminderPreview(), {
      subject: p.subject,
      text: p.text,
      html: p.html,
      body: p.body,
      recipient: p.recipient,
      language: p.language,
    });
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => FollowUpContact, {
    description: 'Sends a reminder e-mail and records the contact.',
  })
  async sendReminder(
    @Arg('input', () => ReminderInput) input: ReminderInput,
    @Ctx() ctx: Context,
  ): Promise<FollowUpContact> {
    assertId(input.applicationId, 'input.applicationId');
    return FollowUpContact.from(
      await new FollowUpService(ctx.dataSource).sendReminder(requireViewer(ctx), input),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => FollowUpContact, {
    description: 'Records a follow-up phone call and its outcome.',
  })
  async recordFollowUpCall(
    @Arg('input', () => FollowUpCallInput) input: FollowUpCallInput,
    @Ctx() ctx: Context,
  ): Promise<FollowUpContact> {
    assertId(input.applicationId, 'input.applicationId');
    return FollowUpContact.from(
      await new FollowUpService(ctx.dataSource).recordCall(requireViewer(ctx), input),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => [FollowUpThresholds], {
    description: 'Sets after how many days an application goes on the worklist, per programme.',
  })
  async setFollowUpThresholds(
    @Arg('input', () => FollowUpThresholdsInput) input: FollowUpThresholdsInput,
    @Ctx() ctx: Context,
  ): Promise<FollowUpThresholds[]> {
    return toThresholds(
      await new FollowUpService(ctx.dataSource).setThresholds(requireViewer(ctx), input),
    );
  }
}

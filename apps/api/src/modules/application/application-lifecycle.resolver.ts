import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { assertId } from '../../graphql/ids.js';
import { requireViewer } from '../../graphql/policy.js';
import { Application } from './application.types.js';
import {
  ApplicationDraftInput,
  AssignCoachInput,
  StageChangeInput,
  WithdrawInput,
} from './application-lifecycle.inputs.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';

const checkIds = (input: { applicationId?: string | null; organisationId?: string }) => {
  if (input.applicationId) assertId(input.applicationId, 'input.applicationId');
  if (input.organisationId) assertId(input.organisationId, 'input.organisationId');
};

@Resolver()
export class ApplicationLifecycleResolver {
  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Application, { description: 'Create or update a draft application.' })
  async saveApplicationDraft(
    @Arg('input', () => ApplicationDraftInput) input: ApplicationDraftInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    checkIds(input);
    return Application.from(
      await new ApplicationLifecycleService(ctx.dataSource).saveDraft(requireViewer(ctx), input),
    );
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Application, {
    description: 'Submit a draft; a repeated submit changes nothing.',
  })
  async submitApplication(
    @Arg('applicationId', () => ID) applicationId: string,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    const app = await new ApplicationLifecycleService(ctx.dataSource).submit(
      requireViewer(ctx),
      assertId(applicationId, 'applicationId'),
    );
    return Application.from(app);
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Application, {
    description:
      'Draft and submit at once; retried with the same idempotencyKey it returns the same application.',
  })
  async applyToProgramme(
    @Arg('input', () => ApplicationDraftInput) input: ApplicationDraftInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    checkIds(input);
    return Application.from(
      await new ApplicationLifecycleService(ctx.dataSource).apply(requireViewer(ctx), input),
    );
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Application, {
    description: 'Withdraw with a reason (the drop-off reason codes).',
  })
  async withdrawApplication(
    @Arg('input', () => WithdrawInput) input: WithdrawInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    checkIds(input);
    return Application.from(
      await new ApplicationLifecycleService(ctx.dataSource).withdraw(requireViewer(ctx), input),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Application, {
    description:
      'Record a decision or progress: APPROVED, REJECTED (reason), STARTED, COMPLETED, DROPPED_OUT (reason).',
  })
  async recordStageChange(
    @Arg('input', () => StageChangeInput) input: StageChangeInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    checkIds(input);
    return Application.from(
      await new ApplicationLifecycleService(ctx.dataSource).recordStage(requireViewer(ctx), input),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Application, { description: 'Assign a coach to an approved application.' })
  async assignCoach(
    @Arg('input', () => AssignCoachInput) input: AssignCoachInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    checkIds(input);
    assertId(input.coachId, 'input.coachId');
    return Application.from(
      await new ApplicationLifecycleService(ctx.dataSource).assignCoach(requireViewer(ctx), input),
    );
  }
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import { Edition, Programme, Stage } from './programme.types.js';
import {
  CreateProgrammeInput,
  EditionInput,
  EligibilityRulesInput,
  UpdateEditionInput,
  UpdateProgrammeInput,
  UpdateStagesInput,
} from './programme-admin.inputs.js';
import { ProgrammeAdminService } from './programme-admin.service.js';
import { EligibilityPreview } from './programme-admin.types.js';

/** Back office: programmes and their calls. Managers change the programmes they manage. */
@Resolver()
export class ProgrammeAdminResolver {
  @Authorized('ADMIN')
  @Mutation(() => Programme, { description: 'Creates a programme with the stages of a template.' })
  async createProgramme(
    @Arg('input', () => CreateProgrammeInput) input: CreateProgrammeInput,
    @Ctx() ctx: Context,
  ): Promise<Programme> {
    const service = new ProgrammeAdminService(ctx.dataSource);
    return Programme.from(await service.create(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Programme)
  async updateProgramme(
    @Arg('input', () => UpdateProgrammeInput) input: UpdateProgrammeInput,
    @Ctx() ctx: Context,
  ): Promise<Programme> {
    const service = new ProgrammeAdminService(ctx.dataSource);
    return Programme.from(await service.update(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Edition, { description: 'Adds a yearly call (edition) to a programme.' })
  async createEdition(
    @Arg('input', () => EditionInput) input: EditionInput,
    @Ctx() ctx: Context,
  ): Promise<Edition> {
    const service = new ProgrammeAdminService(ctx.dataSource);
    return Edition.from(await service.createEdition(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Edition, { description: 'Changes a call: dates, name, status.' })
  async updateEdition(
    @Arg('input', () => UpdateEditionInput) input: UpdateEditionInput,
    @Ctx() ctx: Context,
  ): Promise<Edition> {
    const service = new ProgrammeAdminService(ctx.dataSource);
    return Edition.from(await service.updateEdition(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => [Stage], {
    description: 'Replaces the stages; keys used by events keep their place (labels may change).',
  })
  async updateStages(
    @Arg('input', () => UpdateStagesInput) input: UpdateStagesInput,
    @Ctx() ctx: Context,
  ): Promise<Stage[]> {
    const service = new ProgrammeAdminService(ctx.dataSource);
    return (await service.updateStages(requireViewer(ctx), input)).map(Stage.from);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Query(() => EligibilityPreview, {
    description: 'Live preview for the rules form: how many registered companies are eligible.',
  })
  eligibilityPreview(
    @Arg('rules', () => EligibilityRulesInput) rules: EligibilityRulesInput,
    @Ctx() ctx: Context,
  ): Promise<EligibilityPreview> {
    return new ProgrammeAdminService(ctx.dataSource).eligibilityPreview(rules);
  }
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import { SurveyDefinition } from './survey.types.js';
import {
  CreateSurveyInput,
  SetSurveyStatusInput,
  UpdateSurveyInput,
} from './survey-admin.inputs.js';
import { SurveyAdminService } from './survey-admin.service.js';

/** Back office: surveys of the programmes a manager handles (all for an admin). */
@Resolver()
export class SurveyAdminResolver {
  @Authorized('PROGRAMME_MANAGER')
  @Query(() => [SurveyDefinition], {
    description: 'Surveys with their versions and response counts.',
  })
  surveyDefinitions(
    @Arg('programmeKey', () => String, { nullable: true }) programmeKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<SurveyDefinition[]> {
    return new SurveyAdminService(ctx.dataSource).list(requireViewer(ctx), { programmeKey });
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => SurveyDefinition, { description: 'A new survey (DRAFT, version 1).' })
  createSurvey(
    @Arg('input', () => CreateSurveyInput) input: CreateSurveyInput,
    @Ctx() ctx: Context,
  ): Promise<SurveyDefinition> {
    return new SurveyAdminService(ctx.dataSource).create(requireViewer(ctx), input);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => SurveyDefinition, {
    description: 'Changes a survey; changed questions on an answered version make a new version.',
  })
  updateSurvey(
    @Arg('input', () => UpdateSurveyInput) input: UpdateSurveyInput,
    @Ctx() ctx: Context,
  ): Promise<SurveyDefinition> {
    return new SurveyAdminService(ctx.dataSource).update(requireViewer(ctx), input);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => SurveyDefinition, { description: 'Publish, archive, or back to draft.' })
  setSurveyStatus(
    @Arg('input', () => SetSurveyStatusInput) input: SetSurveyStatusInput,
    @Ctx() ctx: Context,
  ): Promise<SurveyDefinition> {
    return new SurveyAdminService(ctx.dataSource).setStatus(requireViewer(ctx), input);
  }
}

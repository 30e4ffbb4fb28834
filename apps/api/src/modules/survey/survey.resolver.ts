import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { assertId } from '../../graphql/ids.js';
import { requireViewer } from '../../graphql/policy.js';
import { SurveyService } from './survey.service.js';
import { Survey } from './survey.types.js';

@InputType()
export class SurveyAnswerInput {
  @Field(() => String) questionKey!: string;
  @Field(() => String, { nullable: true, description: 'Numbers and yes/no as text ("4", "true").' })
  value!: string | null;
}

@InputType()
export class SurveyResponseInput {
  @Field(() => ID) surveyId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => [SurveyAnswerInput]) answers!: SurveyAnswerInput[];
}

@Resolver()
export class SurveyResolver {
  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Query(() => [Survey], {
    description: "A programme's surveys with your organisation's response.",
  })
  async surveys(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<Survey[]> {
    return new SurveyService(ctx.dataSource).forOrganisation(
      requireViewer(ctx),
      programmeKey,
      assertId(organisationId, 'organisationId'),
    );
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Survey, { description: 'Create or edit your response while the survey is open.' })
  async submitSurveyResponse(
    @Arg('input', () => SurveyResponseInput) input: SurveyResponseInput,
    @Ctx() ctx: Context,
  ): Promise<Survey> {
    assertId(input.surveyId, 'input.surveyId');
    assertId(input.organisationId, 'input.organisationId');
    return new SurveyService(ctx.dataSource).respond(requireViewer(ctx), input);
  }
}

import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { QuestionKind, SurveyMoment, SurveyStatus } from './survey.entity.js';
import { QuestionKindEnum, SurveyMomentEnum, SurveyStatusEnum } from './survey.types.js';

@InputType({ description: 'One question, in the order given.' })
export class SurveyQuestionInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Stable key the answers are stored under (letters, digits, _); left out: a new key. Keep ' +
      'the key of an unchanged question so its answers stay comparable across versions.',
  })
  key?: string | null;
  @Field(() => String) text!: string;
  @Field(() => QuestionKindEnum) kind!: QuestionKind;
  @Field(() => Boolean) required!: boolean;
  @Field(() => [String], { nullable: true, description: 'CHOICE: the allowed answers (2–20).' })
  choices?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'SCALE: lowest value (default 1).' })
  min?: number | null;
  @Field(() => Int, { nullable: true, description: 'SCALE: highest value (default 5).' })
  max?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The programme component (toolbox part) the question is about.',
  })
  componentKey?: string | null;
}

@InputType()
export class CreateSurveyInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => ID, { nullable: true, description: "One of the programme's calls; null: all." })
  editionId?: string | null;
  @Field(() => String) title!: string;
  @Field(() => SurveyMomentEnum, {
    nullable: true,
    description: 'When companies are invited; null: no automatic invitation.',
  })
  moment?: SurveyMoment | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'Default: today.' })
  opensOn?: Date | null;
  @Field(() => GraphQLDate, { nullable: true }) closesOn?: Date | null;
  @Field(() => [SurveyQuestionInput]) questions!: SurveyQuestionInput[];
}

@InputType({
  description:
    'The survey as it should be (programme excepted). Changed questions on a survey with ' +
    'responses become a new version; the responses keep the questions they answered.',
})
export class UpdateSurveyInput {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) editionId?: string | null;
  @Field(() => String) title!: string;
  @Field(() => SurveyMomentEnum, { nullable: true }) moment?: SurveyMoment | null;
  @Field(() => GraphQLDate, { nullable: true }) opensOn?: Date | null;
  @Field(() => GraphQLDate, { nullable: true }) closesOn?: Date | null;
  @Field(() => [SurveyQuestionInput]) questions!: SurveyQuestionInput[];
}

@InputType()
export class SetSurveyStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => SurveyStatusEnum) status!: SurveyStatus;
}

import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { todayInBrussels } from '../../database/sql.js';
import {
  QUESTION_KINDS,
  type QuestionKind,
  SURVEY_MOMENTS,
  SURVEY_STATUSES,
  type SurveyEntity,
  type SurveyMoment,
  type SurveyQuestionEntity,
  type SurveyResponseEntity,
  type SurveyStatus,
} from './survey.entity.js';

export const QuestionKindEnum = Object.fromEntries(QUESTION_KINDS.map((k) => [k, k]));
registerEnumType(QuestionKindEnum, { name: 'QuestionKind' });
export const SurveyStatusEnum = Object.fromEntries(SURVEY_STATUSES.map((k) => [k, k]));
registerEnumType(SurveyStatusEnum, {
  name: 'SurveyStatus',
  description:
    'DRAFT: being built, not shown to companies; PUBLISHED: open for answers and invitations; ARCHIVED: withdrawn.',
});
export const SurveyMomentEnum = Object.fromEntries(SURVEY_MOMENTS.map((k) => [k, k]));
registerEnumType(SurveyMomentEnum, {
  name: 'SurveyMoment',
  description: "When an application's company is invited: at approval or at completion.",
});

@ObjectType()
export class SurveyQuestion {
  @Field(() => String) key!: string;
  @Field(() => String) text!: string;
  @Field(() => QuestionKindEnum) kind!: QuestionKind;
  @Field(() => GraphQLJSON, { description: 'SCALE: {min,max}; CHOICE: {choices:[…]}.' })
  options!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) componentKey!: string | null;
  @Field(() => Int) position!: number;
  @Field(() => Boolean, { description: 'A response without an answer to it is refused.' })
  required!: boolean;

  static from(q: SurveyQuestionEntity): SurveyQuestion {
    return Object.assign(new SurveyQuestion(), {
      key: q.key,
      text: q.text,
      kind: q.kind,
      required: q.required,
      options: q.options,
      componentKey: q.componentKey,
      position: q.position,
    });
  }
}

@ObjectType()
export class SurveyAnswer {
  @Field(() => String) questionKey!: string;
  @Field(() => String, { nullable: true, description: 'The answer as text (numbers too).' })
  value!: string | null;
}

const byPosition = (questions: SurveyQuestionEntity[]) =>
  [...questions].sort((a, b) => a.position - b.position).map(SurveyQuestion.from);

@ObjectType()
export class SurveyResponse {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The survey version this response answered.' })
  version!: number;
  @Field(() => [SurveyQuestion], { description: 'The questions of that version, as answered.' })
  questions!: SurveyQuestion[];
  @Field(() => [SurveyAnswer]) answers!: SurveyAnswer[];
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;

  /** `questions`: the survey's questions of every version at hand; those of r.version are kept. */
  static from(r: SurveyResponseEntity, questions: SurveyQuestionEntity[]): SurveyResponse {
    return Object.assign(new SurveyResponse(), {
      id: r.id,
      version: r.version,
      questions: byPosition(questions.filter((q) => q.version === r.version)),
      answers: Object.entries(r.answers).map(([questionKey, value]) => ({
        questionKey,
        value: value === null ? null : String(value),
      })),
      submittedAt: r.submittedAt,
      updatedAt: r.updatedAt,
    });
  }
}

@ObjectType({ description: 'An evaluation survey of a programme.' })
export class Survey {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) opensOn!: string;
  @Field(() => String, { nullable: true }) closesOn!: string | null;
  @Field(() => Boolean, { description: 'Responses can be given or edited today.' })
  isOpen!: boolean;
  @Field(() => Int, { description: 'The current version: the one new responses answer.' })
  version!: number;
  @Field(() => [SurveyQuestion], { description: 'The questions of the current version.' })
  questions!: SurveyQuestion[];
  @Field(() => SurveyResponse, {
    nullable: true,
    description: "The organisation's response (the one you asked about).",
  })
  response!: SurveyResponse | null;

  /** `questions`: of the current version and of the response's version (if another). */
  static from(
    s: SurveyEntity,
    questions: SurveyQuestionEntity[],
    response: SurveyResponseEntity | null,
  ): Survey {
    return Object.assign(new Survey(), {
      id: s.id,
      key: s.key,
      title: s.title,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      isOpen: surveyIsOpen(s),
      version: s.currentVersion,
      questions: byPosition(questions.filter((q) => q.version === s.currentVersion)),
      response: response ? SurveyResponse.from(response, questions) : null,
    });
  }
}

export function surveyIsOpen(s: SurveyEntity, today = todayInBrussels()): boolean {
  return s.status === 'PUBLISHED' && s.opensOn <= today && (!s.closesOn || s.closesOn >= today);
}

@ObjectType({ description: 'One version of a survey: its questions and how many answered it.' })
export class SurveyVersionSummary {
  @Field(() => Int) version!: number;
  @Field(() => Int) questionCount!: number;
  @Field(() => Int) responseCount!: number;
}

@ObjectType({ description: 'A survey as the back office builds it, with its versions.' })
export class SurveyDefinition {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) programmeKey!: string;
  @Field(() => String) programmeName!: string;
  @Field(() => ID, { nullable: true }) editionId!: string | null;
  @Field(() => Int, { nullable: true }) editionYear!: number | null;
  @Field(() => SurveyMomentEnum, { nullable: true }) moment!: SurveyMoment | null;
  @Field(() => SurveyStatusEnum) status!: SurveyStatus;
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD).' }) opensOn!: string;
  @Field(() => String, { nullable: true }) closesOn!: string | null;
  @Field(() => Int) currentVersion!: number;
  @Field(() => [SurveyQuestion], { description: 'The questions of the current version.' })
  questions!: SurveyQuestion[];
  @Field(() => [SurveyVersionSummary], { description: 'Oldest first.' })
  versions!: SurveyVersionSummary[];
  @Field(() => Int, { description: 'Responses over all versions.' })
  responseCount!: number;
}

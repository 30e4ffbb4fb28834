import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { todayInBrussels } from '../../database/sql.js';
import {
  QUESTION_KINDS,
  type QuestionKind,
  type SurveyEntity,
  type SurveyQuestionEntity,
  type SurveyResponseEntity,
} from './survey.entity.js';

export const QuestionKindEnum = Object.fromEntries(QUESTION_KINDS.map((k) => [k, k]));
registerEnumType(QuestionKindEnum, { name: 'QuestionKind' });

@ObjectType()
export class SurveyQuestion {
  @Field(() => String) key!: string;
  @Field(() => String) text!: string;
  @Field(() => QuestionKindEnum) kind!: QuestionKind;
  @Field(() => GraphQLJSON, { description: 'SCALE: {min,max}; CHOICE: {choices:[…]}.' })
  options!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) componentKey!: string | null;
  @Field(() => Int) position!: number;

  static from(q: SurveyQuestionEntity): SurveyQuestion {
    return Object.assign(new SurveyQuestion(), {
      key: q.key,
      text: q.text,
      kind: q.kind,
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

@ObjectType()
export class SurveyResponse {
  @Field(() => ID) id!: string;
  @Field(() => [SurveyAnswer]) answers!: SurveyAnswer[];
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;

  static from(r: SurveyResponseEntity): SurveyResponse {
    return Object.assign(new SurveyResponse(), {
      id: r.id,
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
  @Field(() => [SurveyQuestion]) questions!: SurveyQuestion[];
  @Field(() => SurveyResponse, {
    nullable: true,
    description: "The organisation's response (the one you asked about).",
  })
  response!: SurveyResponse | null;

  static from(
    s: SurveyEntity,
    questions: SurveyQuestionEntity[],
    response: SurveyResponseEntity | null,
  ): Survey {
    const today = todayInBrussels();
    return Object.assign(new Survey(), {
      id: s.id,
      key: s.key,
      title: s.title,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      isOpen: s.opensOn <= today && (!s.closesOn || s.closesOn >= today),
      questions: questions.sort((a, b) => a.position - b.position).map(SurveyQuestion.from),
      response: response ? SurveyResponse.from(response) : null,
    });
  }
}

import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  FIGURE_CHECKS,
  type FigureCheck,
  type PublishedFigureEntity,
} from './published-figure.entity.js';

export const FigureCheckEnum = Object.fromEntries(FIGURE_CHECKS.map((k) => [k, k]));
registerEnumType(FigureCheckEnum, {
  name: 'FigureCheck',
  description:
    'EXACT: the data must reproduce it; CLAIM: stated by a third party, kept as a claim.',
});

@ObjectType({ description: 'A figure as published in a source document.' })
export class PublishedFigure {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) programmeKey!: string | null;
  @Field(() => String) metric!: string;
  @Field(() => String) period!: string;
  @Field(() => String, { description: 'The published value as text (numbers, dates, names).' })
  value!: string;
  @Field(() => FigureCheckEnum) check!: FigureCheck;
  @Field(() => String) checkRule!: string;
  @Field(() => String) speaker!: string;
  @Field(() => String) sourceDocument!: string;

  static from(f: PublishedFigureEntity): PublishedFigure {
    return Object.assign(new PublishedFigure(), {
      id: f.id,
      programmeKey: f.programmeKey,
      metric: f.metric,
      period: f.period,
      value: f.valueNumber !== null ? String(Number(f.valueNumber)) : (f.valueText ?? ''),
      check: f.check,
      checkRule: f.checkRule,
      speaker: f.speaker,
      sourceDocument: f.sourceDocument,
    });
  }
}

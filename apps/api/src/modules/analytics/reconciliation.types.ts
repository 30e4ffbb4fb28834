import { Field, Int, ObjectType } from 'type-graphql';
import { PublishedFigure } from '../published-figure/published-figure.types.js';

@ObjectType({
  simpleResolvers: true,
  description: 'Published figures against the values the row-level data give.',
})
export class FigureReconciliation {
  @Field(() => Int, { description: 'Figures the data can compute.' }) computed!: number;
  @Field(() => Int) matched!: number;
  @Field(() => Int, { description: 'Computed but different: for claims this is often the point.' })
  differing!: number;
  @Field(() => Int) notComputable!: number;
  @Field(() => [PublishedFigure]) figures!: PublishedFigure[];
}

import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { BackgroundWork } from '../../database/priority.js';
import type { Context } from '../../graphql/context.js';
import { PublishedFigureEntity } from '../published-figure/published-figure.entity.js';
import { PublishedFigure } from '../published-figure/published-figure.types.js';
import { type ReconciliationData, ReconciliationService } from './reconciliation.service.js';
import { FigureReconciliation } from './reconciliation.types.js';

/** One reconciliation per request, however many figures and fields ask for it. */
const perRequest = new WeakMap<object, Promise<Map<string, ReconciliationData>>>();

async function allFigures(ctx: Context): Promise<PublishedFigure[]> {
  const rows = await ctx.readDataSource
    .getRepository(PublishedFigureEntity)
    .find({ order: { id: 'ASC' } });
  return rows.map(PublishedFigure.from);
}

function reconciliation(ctx: Context): Promise<Map<string, ReconciliationData>> {
  let p = perRequest.get(ctx);
  if (!p) {
    p = allFigures(ctx).then((figures) =>
      new ReconciliationService(ctx.readDataSource).reconcile(figures),
    );
    perRequest.set(ctx, p);
  }
  return p;
}

/** Adds the computed side to the published figures (publishedFigures and the report below). */
// Aggregations yield the embedded database's one connection to interactive work.
@UseMiddleware(BackgroundWork)
@Resolver(() => PublishedFigure)
export class PublishedFigureReconciliationResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The value computed from the row-level data; null when the data cannot compute it.',
  })
  async computedValue(@Root() f: PublishedFigure, @Ctx() ctx: Context): Promise<string | null> {
    return (await reconciliation(ctx)).get(f.id)?.computedValue ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the computed value matches the published one (per the figure’s check rule).',
  })
  async matches(@Root() f: PublishedFigure, @Ctx() ctx: Context): Promise<boolean | null> {
    return (await reconciliation(ctx)).get(f.id)?.matches ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The query that computed the value, in short.',
  })
  async computedBy(@Root() f: PublishedFigure, @Ctx() ctx: Context): Promise<string | null> {
    return (await reconciliation(ctx)).get(f.id)?.computedBy ?? null;
  }

  @Authorized('ANALYST')
  @Query(() => FigureReconciliation, {
    description: 'Every published figure next to the value the data give, with a summary.',
  })
  async publishedFigureReconciliation(
    @Arg('programmeKey', () => String, { nullable: true }) programmeKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<FigureReconciliation> {
    const figures = (await allFigures(ctx)).filter(
      (f) => !programmeKey || f.programmeKey === programmeKey,
    );
    const results = await reconciliation(ctx);
    const of = (f: PublishedFigure) => results.get(f.id);
    return Object.assign(new FigureReconciliation(), {
      computed: figures.filter((f) => of(f)?.computedValue != null).length,
      matched: figures.filter((f) => of(f)?.matches === true).length,
      differing: figures.filter((f) => of(f)?.matches === false).length,
      notComputable: figures.filter((f) => of(f)?.computedValue == null).length,
      figures,
    });
  }
}

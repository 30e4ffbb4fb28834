import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { DimensionCatalog } from './dimension-catalog.js';
import type { ResearchFilter } from './research.types.js';
import type { ResearchDimension } from './research-dimensions.js';
import { toFilterValues } from './research-filter.js';

/** What the cost estimators get as context (see research-limits.plugin.ts). */
export interface CostContext {
  catalog: DimensionCatalog;
}

const catalogOf = (args: ComplexityEstimatorArgs) => (args.context as CostContext).catalog;

/**
 * Cost of a grouped answer: one point for the query plus one per group it can return
 * (the product of the value counts of its dimensions, after the filter), as GitHub and
 * Shopify price list fields by the number of nodes they may return.
 */
export const groupedCost =
  (dimensionsOf: (args: Record<string, unknown>) => readonly ResearchDimension[]) =>
  (args: ComplexityEstimatorArgs): number => {
    const dims = dimensionsOf(args.args);
    const filter = toFilterValues(
      (args.args.filter ??
        (args.args.input as { filter?: ResearchFilter })?.filter ??
        null) as ResearchFilter | null,
    );
    return 1 + catalogOf(args).groups(dims.slice(0, 4), filter);
  };

/** A fixed cost for answers of a known, small size. */
export const fixedCost = (points: number) => () => points;

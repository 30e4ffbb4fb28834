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

interface FunnelCostInput {
  programmeKey?: string;
  years?: number[] | null;
  breakdownBy?: string[] | null;
  filter?: {
    editions?: number[] | null;
    channels?: string[] | null;
    sizeClasses?: string[] | null;
    sectors?: string[] | null;
    provinces?: string[] | null;
    registrationTypes?: string[] | null;
    hasPreventionCommittee?: boolean[] | null;
  } | null;
  cohorts?: unknown[] | null;
}

const FUNNEL_TO_RESEARCH: Record<string, ResearchDimension> = {
  EDITION: 'EDITION_YEAR',
  CHANNEL: 'CHANNEL',
  SIZE_CLASS: 'SIZE_CLASS',
  SECTOR: 'SECTOR',
  PROVINCE: 'PROVINCE',
  REGISTRATION_TYPE: 'REGISTRATION_TYPE',
  HAS_PREVENTION_COMMITTEE: 'COMMITTEE',
};

/** Groups a funnel breakdown can return (product of the value counts, after the filter). */
function funnelGroups(args: ComplexityEstimatorArgs, input: FunnelCostInput | undefined): number {
  const f = input?.filter;
  const filter = toFilterValues({
    editionYears: f?.editions ?? input?.years ?? null,
    channels: f?.channels,
    sizeClasses: f?.sizeClasses,
    sectors: f?.sectors,
    provinces: f?.provinces,
    registrationTypes: f?.registrationTypes,
    committee: f?.hasPreventionCommittee,
  });
  const dims = (input?.breakdownBy ?? [])
    .slice(0, 3)
    .map((d) => FUNNEL_TO_RESEARCH[d])
    .filter((d): d is ResearchDimension => !!d);
  return catalogOf(args).groups(dims, filter);
}

/**
 * Funnel-shaped answers: 1 + the number of groups (1 without a breakdown), times the number of
 * dates for snapshots and the number of cohorts for a comparison.
 */
export const funnelCost =
  (per: (args: Record<string, unknown>) => number = () => 1) =>
  (args: ComplexityEstimatorArgs): number => {
    const input = (args.args.input ?? args.args) as FunnelCostInput | undefined;
    return 1 + funnelGroups(args, input) * Math.max(1, per(args.args));
  };

/** A fixed-size answer of `groups` cells (histogram buckets, reasons, budget lines, measures). */
export const groupsCost = (groups: number) => () => 1 + groups;

/** One group per outreach channel (the unknown channel included). */
export const channelCost =
  () =>
  (args: ComplexityEstimatorArgs): number =>
    1 + catalogOf(args).groups(['CHANNEL']);

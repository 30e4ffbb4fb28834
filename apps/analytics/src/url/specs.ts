import type { FunnelDimension, FunnelFilterInput, FunnelUnit } from '@werkgezond/graphql-client';
import {
  boolListParam,
  dateListParam,
  dateParam,
  enumParam,
  intListParam,
  intParam,
  listParam,
  type ParamValues,
  textParam,
} from './params';

export const UNITS: readonly FunnelUnit[] = ['APPLICATIONS', 'COMPANIES'];
export const DIMENSIONS: readonly FunnelDimension[] = [
  'EDITION',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'HAS_PREVENTION_COMMITTEE',
  'SERVICE_PROVIDER',
];
export const SIZE_CLASSES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export const REGISTRATION_TYPES = ['INDIVIDUAL', 'GROUP'] as const;
/** The Flemish provinces, as the API names them. */
export const PROVINCES = [
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
] as const;
/** Dimensions a cohort comparison can split on (each value becomes a cohort). */
export const COHORT_DIMENSIONS = [
  'EDITION',
  'SIZE_CLASS',
  'REGISTRATION_TYPE',
  'HAS_PREVENTION_COMMITTEE',
  'CHANNEL',
  'PROVINCE',
] as const satisfies readonly FunnelDimension[];
export type CohortDimension = (typeof COHORT_DIMENSIONS)[number];

/** The segment filters shared by the funnel-like pages (the API's FunnelFilterInput). */
const segmentFilters = {
  channels: listParam(),
  sizeClasses: listParam<string>({ allowed: SIZE_CLASSES }),
  registrationTypes: listParam<string>({ allowed: REGISTRATION_TYPES }),
  committee: boolListParam(),
  provinces: listParam(),
  sectors: listParam(),
};

export const funnelSpec = {
  programme: textParam(),
  asOf: dateParam(),
  unit: enumParam(UNITS, 'APPLICATIONS'),
  years: intListParam(),
  breakdown: listParam({ allowed: DIMENSIONS, max: 2, sorted: false }),
  ...segmentFilters,
  /** The step whose drop-off reasons are shown. */
  reasonsAt: textParam(),
};
export type FunnelState = ParamValues<typeof funnelSpec>;

export const cohortSpec = {
  programme: textParam(),
  compare: enumParam(COHORT_DIMENSIONS, 'EDITION'),
  cohorts: listParam({ sorted: false, max: 8 }),
  baseline: textParam(),
  asOf: dateParam(),
  unit: enumParam(UNITS, 'APPLICATIONS'),
  years: intListParam(),
  minGroup: intParam(10, { min: 1, max: 1000 }),
};
export type CohortState = ParamValues<typeof cohortSpec>;

export const channelSpec = {
  programme: textParam(),
  asOf: dateParam(),
  unit: enumParam(UNITS, 'APPLICATIONS'),
  years: intListParam(),
};
export type ChannelState = ParamValues<typeof channelSpec>;

export const budgetSpec = {
  programme: textParam(),
  year: intParam(null, { min: 1900, max: 2999 }),
};

export const leadTimeSpec = {
  programme: textParam(),
  asOf: dateParam(),
  years: intListParam(),
  within: intParam(14, { min: 1, max: 365 }),
  bucket: intParam(7, { min: 1, max: 90 }),
};

export const reAimSpec = {
  programme: textParam(),
  year: intParam(null, { min: 1900, max: 2999 }),
};

export const answerSpec = {
  programme: textParam(),
  stages: listParam({ sorted: false, max: 12 }),
  at: dateListParam({ max: 8 }),
  unit: enumParam(UNITS, 'APPLICATIONS'),
  years: intListParam(),
};
export type AnswerState = ParamValues<typeof answerSpec>;

export const overviewSpec = {
  programme: textParam(),
};

/** The API filter for the segment parameters; undefined when nothing is filtered. */
export function toFunnelFilter(state: {
  channels: string[];
  sizeClasses: string[];
  registrationTypes: string[];
  committee: boolean[];
  provinces: string[];
  sectors: string[];
}): FunnelFilterInput | undefined {
  const filter: FunnelFilterInput = {};
  if (state.channels.length) filter.channels = state.channels;
  if (state.sizeClasses.length)
    filter.sizeClasses = state.sizeClasses as FunnelFilterInput['sizeClasses'];
  if (state.registrationTypes.length)
    filter.registrationTypes = state.registrationTypes as FunnelFilterInput['registrationTypes'];
  if (state.committee.length) filter.hasPreventionCommittee = state.committee;
  if (state.provinces.length) filter.provinces = state.provinces;
  if (state.sectors.length) filter.sectors = state.sectors;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** How many segment filters are set (to open the "more filters" panel when any is). */
export function countSegmentFilters(state: Parameters<typeof toFunnelFilter>[0]): number {
  return Object.keys(toFunnelFilter(state) ?? {}).length;
}

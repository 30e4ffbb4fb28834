/**
 * Plain data the analytics services return (no GraphQL, no entities), so the evaluator API and
 * the research API (which adds disclosure control) can both build on them.
 */
import type {
  DimensionFilter,
  FunnelDimension,
  FunnelUnit,
  GroupKeyValue,
} from '../../semantic/dimensions.js';

/** A proportion with its Wilson 95 % interval; all null when the denominator is 0. */
export interface RateData {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface FunnelStepData {
  stage: string;
  label: string;
  position: number;
  /** Counting units that reached this step (as of the date). */
  count: number;
  fromPrevious: RateData | null;
  fromFirst: RateData;
  /** previous.count - count; null for the first step. */
  dropOff: number | null;
  /** Of the drop-off: units that left (an exit) while at the previous step. */
  exited: number | null;
  /** Of the drop-off: units at the previous step that neither converted nor exited yet. */
  inProgress: number | null;
  /** Whole calendar days (Brussels) from the previous step, over units that reached this one. */
  medianDaysFromPrevious: number | null;
  p90DaysFromPrevious: number | null;
}

export interface ExitReasonData {
  /** Reason code (TIME_INVESTMENT, COST, …); null when none was recorded. */
  reason: string | null;
  label: string;
  count: number;
  /** Share of this exit's count. */
  share: number | null;
}

export interface FunnelExitData {
  stage: string;
  label: string;
  count: number;
  reasons: ExitReasonData[];
  /** Where the units were when they left: the furthest step reached (null = before step 1). */
  fromSteps: { stage: string | null; count: number }[];
}

export interface FunnelBody {
  /** Counting units in scope, whether or not they reached the first step. */
  units: number;
  steps: FunnelStepData[];
  exits: FunnelExitData[];
}

export interface FunnelGroupData extends FunnelBody {
  key: GroupKeyValue[];
}

export type FunnelSource = 'ROLLUP' | 'LIVE';

export interface FunnelData extends FunnelBody {
  programmeKey: string;
  programmeName: string;
  unit: FunnelUnit;
  asOf: string | null;
  years: number[] | null;
  breakdownBy: FunnelDimension[];
  groups: FunnelGroupData[];
  /** Which statement answered: the precomputed rollup or the live aggregation. */
  computedFrom: FunnelSource;
}

export interface FunnelQuery {
  programmeKey: string;
  years?: readonly number[] | null;
  asOf?: Date | string | null;
  unit?: FunnelUnit | null;
  breakdownBy?: readonly FunnelDimension[] | null;
  filter?: DimensionFilter | null;
}

export interface StageCountData {
  stage: string;
  label: string;
  count: number;
}

export interface SnapshotBody {
  steps: StageCountData[];
  exits: StageCountData[];
}

export interface FunnelSnapshotData extends SnapshotBody {
  /** Inclusive date (end of the day in Brussels). */
  at: string;
  groups: (SnapshotBody & { key: GroupKeyValue[] })[];
}

export interface FunnelSnapshotsData {
  programmeKey: string;
  unit: FunnelUnit;
  years: number[] | null;
  breakdownBy: FunnelDimension[];
  snapshots: FunnelSnapshotData[];
}

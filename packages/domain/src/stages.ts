/**
 * Programme funnels as data. Each programme lists its stages: STEPs are passed in order of
 * position; an EXIT ends the application. An application's state is never stored: it is
 * derived from its immutable stage events, so any "as of" date can be answered.
 */

export type StageKind = 'STEP' | 'EXIT';

export interface StageDefinition {
  readonly key: string;
  /** Dutch label shown to users. */
  readonly label: string;
  readonly kind: StageKind;
  /** Order of steps in the funnel; for exits only a display order. */
  readonly position: number;
  /** EXIT only: allowed once this step has been reached (e.g. drop out after approval). */
  readonly requiresStep?: string;
  /** EXIT only: allowed only while this step has not been reached (e.g. reject before approval). */
  readonly beforeStep?: string;
}

export interface StageEvent {
  readonly stage: string;
  readonly occurredAt: Date;
}

export interface StageState {
  /** Furthest step reached, or null before the first event. */
  readonly furthestStep: string | null;
  /** The exit taken, if any; the first one wins when the data hold several. */
  readonly exit: string | null;
  readonly exitAt: Date | null;
  /** When each stage was first reached. */
  readonly reachedAt: Readonly<Record<string, Date>>;
}

/** "Gezondheidscoaches in bedrijven": applied → approved → started → completed. */
export const COACHING_STAGES = [
  { key: 'APPLIED', label: 'Aangevraagd', kind: 'STEP', position: 1 },
  { key: 'APPROVED', label: 'Goedgekeurd', kind: 'STEP', position: 2 },
  { key: 'STARTED', label: 'Gestart', kind: 'STEP', position: 3 },
  { key: 'COMPLETED', label: 'Afgerond', kind: 'STEP', position: 4 },
  { key: 'REJECTED', label: 'Afgekeurd', kind: 'EXIT', position: 5, beforeStep: 'APPROVED' },
  { key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT', position: 6 },
  { key: 'DROPPED_OUT', label: 'Afgehaakt', kind: 'EXIT', position: 7, requiresStep: 'APPROVED' },
] as const satisfies readonly StageDefinition[];

/** NV Gezond award: registered → participation dossier submitted. */
export const AWARD_STAGES = [
  { key: 'REGISTERED', label: 'Ingeschreven', kind: 'STEP', position: 1 },
  { key: 'PARTICIPATED', label: 'Deelnamedossier ingediend', kind: 'STEP', position: 2 },
  { key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT', position: 3 },
] as const satisfies readonly StageDefinition[];

export type CoachingStage = (typeof COACHING_STAGES)[number]['key'];
export type AwardStage = (typeof AWARD_STAGES)[number]['key'];

/** Why a company stopped, as the programmes' evaluations report it. */
export type DropOffReason =
  | 'TIME_INVESTMENT'
  | 'COST'
  | 'OTHER_PRIORITIES'
  | 'PAPERWORK'
  | 'UNKNOWN';

export const DROP_OFF_REASONS: readonly DropOffReason[] = [
  'TIME_INVESTMENT',
  'COST',
  'OTHER_PRIORITIES',
  'PAPERWORK',
  'UNKNOWN',
];

export const DROP_OFF_REASON_LABELS: Readonly<Record<DropOffReason, string>> = {
  TIME_INVESTMENT: 'Tijdsinvestering',
  COST: 'Kostprijs',
  OTHER_PRIORITIES: 'Andere prioriteiten',
  PAPERWORK: 'Administratieve last',
  UNKNOWN: 'Onbekend',
};

export type TransitionErrorCode =
  | 'UNKNOWN_STAGE'
  | 'NOT_STARTED'
  | 'OUT_OF_ORDER'
  | 'AFTER_EXIT'
  | 'AFTER_LAST_STEP'
  | 'EXIT_NOT_ALLOWED';

/** A refused stage change; `code` is stable for API error mapping, `message` is for logs. */
export class TransitionError extends Error {
  override readonly name = 'TransitionError';

  constructor(
    readonly code: TransitionErrorCode,
    readonly from: string | null,
    readonly to: string,
    message: string,
  ) {
    super(message);
  }
}

/** The steps (exits left out) in funnel order. */
export function orderedSteps(defs: readonly StageDefinition[]): StageDefinition[] {
  return defs.filter((d) => d.kind === 'STEP').sort((a, b) => a.position - b.position);
}

/**
 * Throws when definitions cannot describe a funnel: duplicate keys or step positions, no
 * steps, or exit conditions that name something other than a step. Run it where a programme's
 * stages are loaded; the other functions trust their definitions.
 */
export function assertValidStages(defs: readonly StageDefinition[]): void {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const d of defs) {
    if (keys.has(d.key)) problems.push(`duplicate key ${d.key}`);
    keys.add(d.key);
  }
  const steps = orderedSteps(defs);
  if (steps.length === 0) problems.push('no steps');
  const positions = new Set(steps.map((s) => s.position));
  if (positions.size !== steps.length) problems.push('duplicate step positions');
  const stepKeys = new Set(steps.map((s) => s.key));
  for (const d of defs) {
    for (const ref of [d.requiresStep, d.beforeStep]) {
      if (ref === undefined) continue;
      if (d.kind !== 'EXIT') problems.push(`${d.key}: only exits take conditions`);
      else if (!stepKeys.has(ref)) problems.push(`${d.key}: ${ref} is not a step`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid stage definitions: ${problems.join('; ')}`);
}

function findStage(defs: readonly StageDefinition[], key: string): StageDefinition | undefined {
  return defs.find((d) => d.key === key);
}

/**
 * Current state from events. Events after `asOf` are ignored (an event at exactly `asOf`
 * counts). Events need not be sorted. It describes the data as they are and does not judge
 * them: use {@link assertTransition} before recording an event.
 */
export function deriveState(
  events: readonly StageEvent[],
  defs: readonly StageDefinition[],
  asOf?: Date,
): StageState {
  const relevant = events
    .filter((e) => asOf === undefined || e.occurredAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const reachedAt: Record<string, Date> = {};
  let furthest: StageDefinition | null = null;
  let exit: StageDefinition | null = null;
  let exitAt: Date | null = null;
  for (const event of relevant) {
    const def = findStage(defs, event.stage);
    if (def === undefined) {
      throw new TransitionError('UNKNOWN_STAGE', null, event.stage, `Unknown stage ${event.stage}`);
    }
    reachedAt[def.key] ??= event.occurredAt;
    if (def.kind === 'EXIT') {
      if (exit === null) {
        exit = def;
        exitAt = event.occurredAt;
      }
    } else if (furthest === null || def.position > furthest.position) {
      furthest = def;
    }
  }
  return { furthestStep: furthest?.key ?? null, exit: exit?.key ?? null, exitAt, reachedAt };
}

function exitAllowed(
  defs: readonly StageDefinition[],
  exit: StageDefinition,
  furthest: StageDefinition,
): boolean {
  if (exit.requiresStep !== undefined) {
    const required = findStage(defs, exit.requiresStep);
    if (required === undefined || furthest.position < required.position) return false;
  }
  if (exit.beforeStep !== undefined) {
    const limit = findStage(defs, exit.beforeStep);
    if (limit === undefined || furthest.position >= limit.position) return false;
  }
  return true;
}

/**
 * Stage keys that may be recorded next: the next step in order, plus the exits whose
 * conditions hold. Nothing after an exit or after the last step; only the first step before
 * any event (a company cannot withdraw what it never submitted).
 */
export function allowedTransitions(
  defs: readonly StageDefinition[],
  current: StageState,
): string[] {
  const steps = orderedSteps(defs);
  if (current.exit !== null) return [];
  if (current.furthestStep === null) return steps.slice(0, 1).map((s) => s.key);
  const index = steps.findIndex((s) => s.key === current.furthestStep);
  const furthest = steps[index];
  const next = steps[index + 1];
  if (furthest === undefined || next === undefined) return [];
  const exits = defs
    .filter((d) => d.kind === 'EXIT' && exitAllowed(defs, d, furthest))
    .sort((a, b) => a.position - b.position);
  return [next.key, ...exits.map((d) => d.key)];
}

/** Throws a {@link TransitionError} unless `nextStage` may follow the given events. */
export function assertTransition(
  defs: readonly StageDefinition[],
  events: readonly StageEvent[],
  nextStage: string,
): void {
  const state = deriveState(events, defs);
  const refusal = refusalFor(defs, state, nextStage);
  if (refusal === null) return;
  const from = state.exit ?? state.furthestStep;
  const [code, why] = refusal;
  throw new TransitionError(code, from, nextStage, `${from ?? '(none)'} → ${nextStage}: ${why}`);
}

/** Why `nextStage` may not follow `state`, most specific reason first; null when it may. */
function refusalFor(
  defs: readonly StageDefinition[],
  state: StageState,
  nextStage: string,
): [TransitionErrorCode, string] | null {
  const target = findStage(defs, nextStage);
  if (target === undefined) return ['UNKNOWN_STAGE', 'unknown stage'];
  if (allowedTransitions(defs, state).includes(nextStage)) return null;
  const steps = orderedSteps(defs);
  if (state.exit !== null) return ['AFTER_EXIT', 'the application has already ended'];
  if (state.furthestStep === steps.at(-1)?.key) return ['AFTER_LAST_STEP', 'already at last step'];
  if (state.furthestStep === null) return ['NOT_STARTED', `${steps[0]?.key} must come first`];
  if (target.kind === 'EXIT') return ['EXIT_NOT_ALLOWED', 'exit not allowed at this stage'];
  return ['OUT_OF_ORDER', 'steps must be passed one at a time, in order'];
}

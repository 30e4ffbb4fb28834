import { describe, expect, it } from 'vitest';
import {
  AWARD_STAGES,
  allowedTransitions,
  assertTransition,
  assertValidStages,
  COACHING_STAGES,
  DROP_OFF_REASON_LABELS,
  DROP_OFF_REASONS,
  deriveState,
  orderedSteps,
  type StageDefinition,
  type StageEvent,
  TransitionError,
} from './stages.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const ev = (stage: string, d: number): StageEvent => ({ stage, occurredAt: day(d) });

function refusal(
  events: StageEvent[],
  next: string,
  defs: readonly StageDefinition[] = COACHING_STAGES,
) {
  try {
    assertTransition(defs, events, next);
  } catch (error) {
    if (error instanceof TransitionError) return error;
    throw error;
  }
  throw new Error(`expected ${next} to be refused`);
}

describe('stage definitions', () => {
  it('are valid funnels with Dutch labels', () => {
    assertValidStages(COACHING_STAGES);
    assertValidStages(AWARD_STAGES);
    expect(orderedSteps(COACHING_STAGES).map((s) => s.label)).toEqual([
      'Aangevraagd',
      'Goedgekeurd',
      'Gestart',
      'Afgerond',
    ]);
    expect(orderedSteps(AWARD_STAGES).map((s) => s.key)).toEqual(['REGISTERED', 'PARTICIPATED']);
    expect(AWARD_STAGES.find((s) => s.key === 'PARTICIPATED')?.label).toBe(
      'Deelnamedossier ingediend',
    );
  });

  it('orders steps by position, not by list order, and leaves exits out', () => {
    const shuffled = [...COACHING_STAGES].reverse();
    expect(orderedSteps(shuffled).map((s) => s.key)).toEqual([
      'APPLIED',
      'APPROVED',
      'STARTED',
      'COMPLETED',
    ]);
  });

  it('rejects broken definitions', () => {
    const step = (key: string, position: number): StageDefinition => ({
      key,
      label: key,
      kind: 'STEP',
      position,
    });
    expect(() => assertValidStages([])).toThrow(/no steps/);
    expect(() => assertValidStages([step('A', 1), step('A', 2)])).toThrow(/duplicate key/);
    expect(() => assertValidStages([step('A', 1), step('B', 1)])).toThrow(/positions/);
    expect(() =>
      assertValidStages([
        step('A', 1),
        { key: 'X', label: 'X', kind: 'EXIT', position: 2, requiresStep: 'NOPE' },
      ]),
    ).toThrow(/NOPE is not a step/);
  });

  it('lists every drop-off reason with a label', () => {
    expect(DROP_OFF_REASONS).toHaveLength(5);
    for (const reason of DROP_OFF_REASONS) expect(DROP_OFF_REASON_LABELS[reason]).toBeTruthy();
  });
});

describe('deriveState', () => {
  const history = [ev('STARTED', 20), ev('APPLIED', 1), ev('APPROVED', 10), ev('DROPPED_OUT', 30)];

  it('is empty without events', () => {
    expect(deriveState([], COACHING_STAGES)).toEqual({
      furthestStep: null,
      exit: null,
      exitAt: null,
      reachedAt: {},
    });
  });

  it('takes the furthest step and the exit, whatever the event order', () => {
    const state = deriveState(history, COACHING_STAGES);
    expect(state.furthestStep).toBe('STARTED');
    expect(state.exit).toBe('DROPPED_OUT');
    expect(state.exitAt).toEqual(day(30));
    expect(state.reachedAt).toEqual({
      APPLIED: day(1),
      APPROVED: day(10),
      STARTED: day(20),
      DROPPED_OUT: day(30),
    });
  });

  it('answers as of a date, counting events at that instant', () => {
    const before = deriveState(history, COACHING_STAGES, day(15));
    expect(before.furthestStep).toBe('APPROVED');
    expect(before.exit).toBeNull();
    expect(Object.keys(before.reachedAt)).toEqual(['APPLIED', 'APPROVED']);
    expect(deriveState(history, COACHING_STAGES, day(20)).furthestStep).toBe('STARTED');
    expect(deriveState(history, COACHING_STAGES, day(0)).furthestStep).toBeNull();
  });

  it('keeps the first time a stage was reached', () => {
    const state = deriveState([ev('APPLIED', 5), ev('APPLIED', 2)], COACHING_STAGES);
    expect(state.reachedAt.APPLIED).toEqual(day(2));
  });

  it('throws on a stage the programme does not define', () => {
    expect(() => deriveState([ev('PARTICIPATED', 1)], COACHING_STAGES)).toThrow(TransitionError);
  });
});

describe('allowedTransitions (coaching)', () => {
  const allowed = (events: StageEvent[]) =>
    allowedTransitions(COACHING_STAGES, deriveState(events, COACHING_STAGES));

  it('follows the funnel, with exits where they make sense', () => {
    expect(allowed([])).toEqual(['APPLIED']);
    expect(allowed([ev('APPLIED', 1)])).toEqual(['APPROVED', 'REJECTED', 'WITHDRAWN']);
    expect(allowed([ev('APPLIED', 1), ev('APPROVED', 2)])).toEqual([
      'STARTED',
      'WITHDRAWN',
      'DROPPED_OUT',
    ]);
    expect(allowed([ev('APPLIED', 1), ev('APPROVED', 2), ev('STARTED', 3)])).toEqual([
      'COMPLETED',
      'WITHDRAWN',
      'DROPPED_OUT',
    ]);
  });

  it('allows nothing after the last step or after an exit', () => {
    const done = [ev('APPLIED', 1), ev('APPROVED', 2), ev('STARTED', 3), ev('COMPLETED', 4)];
    expect(allowed(done)).toEqual([]);
    expect(allowed([ev('APPLIED', 1), ev('REJECTED', 2)])).toEqual([]);
  });

  it('works for the award funnel', () => {
    const state = deriveState([ev('REGISTERED', 1)], AWARD_STAGES);
    expect(allowedTransitions(AWARD_STAGES, state)).toEqual(['PARTICIPATED', 'WITHDRAWN']);
  });
});

describe('assertTransition', () => {
  const applied = [ev('APPLIED', 1)];
  const approved = [...applied, ev('APPROVED', 2)];

  it('accepts allowed moves', () => {
    expect(() => assertTransition(COACHING_STAGES, [], 'APPLIED')).not.toThrow();
    expect(() => assertTransition(COACHING_STAGES, applied, 'REJECTED')).not.toThrow();
    expect(() => assertTransition(COACHING_STAGES, approved, 'STARTED')).not.toThrow();
    expect(() => assertTransition(COACHING_STAGES, approved, 'DROPPED_OUT')).not.toThrow();
    expect(() => assertTransition(AWARD_STAGES, [ev('REGISTERED', 1)], 'WITHDRAWN')).not.toThrow();
  });

  it.each([
    ['START before APPROVED', applied, 'STARTED', 'OUT_OF_ORDER'],
    ['a step twice', applied, 'APPLIED', 'OUT_OF_ORDER'],
    ['a step back', approved, 'APPLIED', 'OUT_OF_ORDER'],
    ['anything before APPLIED', [], 'APPROVED', 'NOT_STARTED'],
    ['withdrawing before applying', [], 'WITHDRAWN', 'NOT_STARTED'],
    ['REJECTED after APPROVED', approved, 'REJECTED', 'EXIT_NOT_ALLOWED'],
    ['DROPPED_OUT before APPROVED', applied, 'DROPPED_OUT', 'EXIT_NOT_ALLOWED'],
    ['anything after an exit', [...applied, ev('WITHDRAWN', 2)], 'APPROVED', 'AFTER_EXIT'],
    ['a second exit', [...applied, ev('REJECTED', 2)], 'WITHDRAWN', 'AFTER_EXIT'],
    [
      'WITHDRAWN after the last step',
      [...approved, ev('STARTED', 3), ev('COMPLETED', 4)],
      'WITHDRAWN',
      'AFTER_LAST_STEP',
    ],
    ['an unknown stage', applied, 'PARTICIPATED', 'UNKNOWN_STAGE'],
  ] as const)('refuses %s', (_why, events, next, code) => {
    const error = refusal([...events], next);
    expect(error.code).toBe(code);
    expect(error.to).toBe(next);
  });

  it('reports where the application stood', () => {
    const error = refusal(approved, 'COMPLETED');
    expect(error.from).toBe('APPROVED');
    expect(error.message).toContain('APPROVED → COMPLETED');
  });

  it('refuses anything after the award dossier is in', () => {
    const done = [ev('REGISTERED', 1), ev('PARTICIPATED', 2)];
    expect(refusal(done, 'WITHDRAWN', AWARD_STAGES).code).toBe('AFTER_LAST_STEP');
  });
});

/** A stage as the programme defines it. */
export interface StageDef {
  key: string;
  label: string;
  kind: 'STEP' | 'EXIT';
  position: number;
}

/**
 * The rows of an answer table in reading order: the steps in funnel order, each exit right
 * after the step that follows the one it leaves from (rejections after approvals: "applied,
 * approved, rejected, started, completed", as the minister's answer reads).
 */
export function answerOrder(stages: readonly StageDef[]): StageDef[] {
  const steps = stages.filter((s) => s.kind === 'STEP').sort((a, b) => a.position - b.position);
  const exits = stages.filter((s) => s.kind === 'EXIT').sort((a, b) => a.position - b.position);
  const out: StageDef[] = [];
  for (const step of steps) {
    out.push(step);
    for (const exit of exits) if (exit.position + 1 === step.position) out.push(exit);
  }
  for (const exit of exits) if (!out.includes(exit)) out.push(exit);
  return out;
}

/** The stages selected by default: every step and the first exit (e.g. rejected). */
export function defaultAnswerStages(stages: readonly StageDef[]): string[] {
  const firstExit = stages
    .filter((s) => s.kind === 'EXIT')
    .sort((a, b) => a.position - b.position)[0];
  return answerOrder(stages)
    .filter((s) => s.kind === 'STEP' || s === firstExit)
    .map((s) => s.key);
}

/** The last day of each edition year: the usual columns of a yearly answer. */
export function defaultAnswerDates(years: readonly number[]): string[] {
  return [...years].sort((a, b) => a - b).map((year) => `${year}-12-31`);
}

import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { canManage, canReadAnalytics, isAdmin, type Viewer } from '../../graphql/policy.js';

export type DrillKind = 'STOPPED' | 'IN_PROGRESS';

export interface DrillDownData {
  programmeKey: string;
  stage: string;
  kind: DrillKind;
  total: number;
  byReason: { reason: string | null; count: number }[];
  /** Rows for managers of the programme (and admins); null for analysts. */
  applications:
    | {
        id: string;
        organisation: string;
        exitStage: string | null;
        exitReason: string | null;
        reachedAt: Date;
      }[]
    | null;
}

/**
 * Who is behind a funnel step's "stopped" (reached the step, then exited before the next) or
 * "still in progress" (reached it, not the next, no exit) count. Managers of the programme see
 * the applications; analysts only counts by reason. Never offered on the research API.
 */
export class DrillDownService {
  constructor(private readonly ds: DataSource) {}

  async drillDown(
    viewer: Viewer,
    input: { programmeKey: string; stage: string; kind: DrillKind; years?: number[] | null },
  ): Promise<DrillDownData> {
    const [programme] = (await this.ds.query('SELECT id FROM programme WHERE key = $1', [
      input.programmeKey,
    ])) as { id: string }[];
    const manages = !!programme && canManage(viewer, programme.id);
    if (!programme || (!manages && !canReadAnalytics(viewer)))
      throw badInput(`Unknown programme "${input.programmeKey}"`, 'input.programmeKey');
    const [step] = (await this.ds.query(
      `SELECT position FROM stage_definition WHERE programme_id = $1 AND key = $2 AND kind = 'STEP'`,
      [programme.id, input.stage],
    )) as { position: number }[];
    if (!step) throw badInput(`"${input.stage}" is not a step of this programme`, 'input.stage');
    const years = input.years?.length ? input.years : null;
    const reached = `stage${step.position}_at`;
    const next = step.position < 4 ? `a.stage${step.position + 1}_at IS NULL` : 'TRUE';
    const condition =
      input.kind === 'STOPPED' ? 'a.exit_stage IS NOT NULL' : 'a.exit_stage IS NULL';
    // Column names come from the step position (1..4), never from the caller.
    const where = `a.programme_id = $1 AND a.${reached} IS NOT NULL AND ${next} AND ${condition}
                   AND ($2::int[] IS NULL OR a.edition_id IN (SELECT id FROM edition WHERE year = ANY($2)))`;
    const byReason = (await this.ds.query(
      `SELECT a.exit_reason AS reason, count(*)::int AS count FROM application a WHERE ${where}
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [programme.id, years],
    )) as { reason: string | null; count: number }[];
    const applications =
      manages || isAdmin(viewer)
        ? ((await this.ds.query(
            `SELECT a.id, o.name AS organisation, a.exit_stage AS "exitStage", a.exit_reason AS "exitReason",
                    a.${reached} AS "reachedAt"
               FROM application a JOIN organisation o ON o.id = a.organisation_id
              WHERE ${where} ORDER BY a.${reached}, a.id LIMIT 500`,
            [programme.id, years],
          )) as NonNullable<DrillDownData['applications']>)
        : null;
    return {
      programmeKey: input.programmeKey,
      stage: input.stage,
      kind: input.kind,
      total: byReason.reduce((n, r) => n + r.count, 0),
      byReason,
      applications,
    };
  }
}

import { fisherExactTest } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { rate } from './funnel.assemble.js';
import type { RateData } from './funnel.model.js';

export interface StartGroup {
  approved: number;
  started: number;
  startRate: RateData;
}

export interface FollowUpEffectData {
  programmeKey: string;
  withReminder: StartGroup;
  withoutReminder: StartGroup;
  /** Fisher's exact test, two-sided; null when a group is empty. */
  pValue: number | null;
}

/**
 * Start rate of approved applications with and without a reminder (sent while they had not
 * started yet). Observational: managers remind the ones that stall, so the groups differ in
 * more than the reminder, and the comparison shows association, not effect.
 */
export class FollowUpEffectService {
  constructor(private readonly ds: DataSource) {}

  async effect(input: {
    programmeKey: string;
    years?: number[] | null;
  }): Promise<FollowUpEffectData> {
    const [programme] = (await this.ds.query(
      `SELECT p.id FROM programme p WHERE p.key = $1 AND EXISTS (
         SELECT 1 FROM stage_definition sd WHERE sd.programme_id = p.id AND sd.kind = 'STEP' AND sd.position = 3)`,
      [input.programmeKey],
    )) as { id: string }[];
    if (!programme)
      throw badInput(`"${input.programmeKey}" has no start step to measure`, 'input.programmeKey');
    const years = input.years?.length ? input.years : null;
    if (years?.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100))
      throw badInput('Years are between 2000 and 2100', 'input.years');
    const rows = (await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM application_contact c
                       WHERE c.application_id = a.id AND c.kind = 'REMINDER'
                         AND (a.stage3_at IS NULL OR c.occurred_at < a.stage3_at)) AS reminded,
              count(*)::int AS approved,
              count(*) FILTER (WHERE a.stage3_at IS NOT NULL)::int AS started
         FROM application a JOIN edition e ON e.id = a.edition_id
        WHERE a.programme_id = $1 AND a.stage2_at IS NOT NULL
          AND ($2::int[] IS NULL OR e.year = ANY($2))
        GROUP BY 1`,
      [programme.id, years],
    )) as { reminded: boolean; approved: number; started: number }[];
    const group = (reminded: boolean): StartGroup => {
      const r = rows.find((x) => x.reminded === reminded) ?? { approved: 0, started: 0 };
      return { approved: r.approved, started: r.started, startRate: rate(r.started, r.approved) };
    };
    const withReminder = group(true);
    const withoutReminder = group(false);
    const pValue =
      withReminder.approved && withoutReminder.approved
        ? fisherExactTest(
            withReminder.started,
            withReminder.approved - withReminder.started,
            withoutReminder.started,
            withoutReminder.approved - withoutReminder.started,
          ).pValue
        : null;
    return { programmeKey: input.programmeKey, withReminder, withoutReminder, pValue };
  }
}

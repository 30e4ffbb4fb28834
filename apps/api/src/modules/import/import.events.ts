import {
  assertTransition,
  DROP_OFF_REASONS,
  orderedSteps,
  type StageDefinition,
  type StageEvent,
  TransitionError,
} from '@werkgezond/domain';
import type { EntityManager } from 'typeorm';
import { todayInBrussels } from '../../database/sql.js';
import { REJECTION_REASONS } from '../application/application-lifecycle.service.js';
import {
  applicationsByReference,
  type BatchOutcome,
  type ImportContext,
  IssueList,
  type MappedRow,
  type ProvenanceRow,
  type RowProcessor,
  recordProvenance,
  rowHash,
} from './import.pipeline.js';

/** What the rules need to know about one application, kept while the file is read. */
interface ApplicationState {
  programmeId: string;
  opensOn: string;
  closesOn: string | null;
  /** Events in the database and valid rows of the file so far. */
  events: StageEvent[];
  /** stage → occurred_at (ms) of the events already in the database. */
  stored: Map<string, number>;
}

const REASONS = new Set<string>([...REJECTION_REASONS, ...DROP_OFF_REASONS]);
const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });

/**
 * A date as files write it: 2019-03-14, 14/03/2019 or a full ISO timestamp. A bare date is
 * taken as noon UTC, inside that day in Brussels whatever the season, so "as of" that day
 * includes it.
 */
export function parseEventDate(raw: string): Date | null {
  let iso: string | null = null;
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (be) iso = `${be[3]}-${be[2]!.padStart(2, '0')}-${be[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) iso = raw;
  if (iso) {
    const d = new Date(`${iso}T12:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : d;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
    const d = new Date(raw.replace(' ', 'T'));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

const TRANSITION_CODES: Record<string, [string, string]> = {
  NOT_STARTED: ['STAGE_SKIPPED', 'the first step must come first'],
  OUT_OF_ORDER: ['STAGE_SKIPPED', 'a required earlier step is missing'],
  AFTER_EXIT: ['AFTER_EXIT', 'the application has already ended'],
  AFTER_LAST_STEP: ['AFTER_LAST_STEP', 'the application is already at its last step'],
  EXIT_NOT_ALLOWED: ['EXIT_NOT_ALLOWED', 'this exit is not allowed at this stage'],
  UNKNOWN_STAGE: ['UNKNOWN_STAGE', 'unknown stage'],
};

/**
 * Stage events, in the file's order per application (as an export writes them). Each row is
 * checked with the programme's stage rules (data in stage_definition) against the events
 * before it, in the database and in the file; valid rows go into application_event, where the
 * projection trigger updates the application exactly as for an event recorded in the portal.
 */
export class StageEventProcessor implements RowProcessor {
  private readonly seen = new Map<string, number>();
  private readonly apps = new Map<string, ApplicationState>();
  private stageDefs: Map<string, StageDefinition[]> | null = null;
  private readonly today = todayInBrussels();

  constructor(private readonly ctx: ImportContext) {}

  private async definitions(em: EntityManager) {
    if (this.stageDefs) return this.stageDefs;
    const rows = (await em.query(
      `SELECT programme_id, key, label, kind::text AS kind, position, requires_step, before_step
         FROM stage_definition`,
    )) as Record<string, unknown>[];
    const defs = new Map<string, StageDefinition[]>();
    for (const r of rows) {
      const list = defs.get(String(r.programme_id)) ?? [];
      list.push({
        key: String(r.key),
        label: String(r.label),
        kind: r.kind as 'STEP' | 'EXIT',
        position: Number(r.position),
        ...(r.requires_step ? { requiresStep: String(r.requires_step) } : {}),
        ...(r.before_step ? { beforeStep: String(r.before_step) } : {}),
      });
      defs.set(String(r.programme_id), list);
    }
    this.stageDefs = defs;
    return defs;
  }

  /** Loads the state of applications not seen before (one query for the batch). */
  private async loadStates(em: EntityManager, ids: string[]) {
    const missing = ids.filter((id) => !this.apps.has(id));
    if (missing.length === 0) return;
    const rows = (await em.query(
      `SELECT a.id::text AS id, a.programme_id, e.opens_on::text AS opens_on, e.closes_on::text AS closes_on,
              COALESCE(json_agg(json_build_object('stage', ev.stage, 'at', ev.occurred_at) ORDER BY ev.occurred_at)
                         FILTER (WHERE ev.id IS NOT NULL), '[]') AS events
         FROM application a
         JOIN edition e ON e.id = a.edition_id
         LEFT JOIN application_event ev ON ev.application_id = a.id
        WHERE a.id = ANY($1::uuid[])
        GROUP BY a.id, e.id`,
      [missing],
    )) as {
      id: string;
      programme_id: string;
      opens_on: string;
      closes_on: string | null;
      events: { stage: string; at: string }[];
    }[];
    for (const r of rows) {
      const events = r.events.map((e) => ({ stage: e.stage, occurredAt: new Date(e.at) }));
      const stored = new Map<string, number>();
      for (const e of events) if (!stored.has(e.stage)) stored.set(e.stage, e.occurredAt.getTime());
      this.apps.set(r.id, {
        programmeId: r.programme_id,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        events,
        stored,
      });
    }
  }

  async processBatch(em: EntityManager, rows: MappedRow[]): Promise<BatchOutcome> {
    const defsByProgramme = await this.definitions(em);
    const issues = new IssueList();
    const refs = await applicationsByReference(em, [
      ...new Set(rows.map((r) => r.values.reference ?? '')),
    ]);
    await this.loadStates(em, [...new Set(refs.values())]);

    const inserts: {
      row: MappedRow;
      appId: string;
      stage: string;
      at: Date;
      reason: string | null;
    }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const v = row.values;
      const n = row.rowNumber;
      const reference = v.reference ?? '';
      const appId = refs.get(reference);
      const app = appId ? this.apps.get(appId) : undefined;
      if (!appId || !app) {
        issues.add(
          n,
          'reference',
          'UNKNOWN_APPLICATION',
          `No application with reference "${reference}": import it first`,
        );
        continue;
      }
      if (this.ctx.programmeIds && !this.ctx.programmeIds.includes(app.programmeId)) {
        issues.add(
          n,
          'reference',
          'PROGRAMME_NOT_MANAGED',
          'You do not manage the programme of this application',
        );
        continue;
      }
      const defs = defsByProgramme.get(app.programmeId) ?? [];
      const stage = (v.stage ?? '').toUpperCase();
      const def = defs.find((d) => d.key === stage);
      if (!def) {
        issues.add(
          n,
          'stage',
          'UNKNOWN_STAGE',
          `Unknown stage "${v.stage ?? ''}"; this programme has ${defs.map((d) => d.key).join(', ')}`,
        );
      }
      const at = parseEventDate(v.occurredAt ?? '');
      if (!at) {
        issues.add(
          n,
          'occurredAt',
          'INVALID_DATE',
          `"${v.occurredAt ?? ''}" is not a date (YYYY-MM-DD, DD/MM/YYYY or ISO 8601)`,
        );
      }
      const reason = v.reasonCode ? v.reasonCode.toUpperCase() : null;
      if (reason && !REASONS.has(reason)) {
        issues.add(
          n,
          'reasonCode',
          'UNKNOWN_REASON',
          `Unknown reason "${v.reasonCode}"; use ${[...REASONS].join(', ')}`,
        );
      }
      const key = `${appId}:${stage}`;
      if (this.seen.has(key)) {
        issues.add(
          n,
          'stage',
          'DUPLICATE_ROW',
          `Stage ${stage} of ${reference} is also on row ${this.seen.get(key)}`,
        );
        continue;
      }
      this.seen.set(key, n);
      if (!def || !at || issues.has(n)) continue;

      const stored = app.stored.get(stage);
      if (stored !== undefined) {
        if (stored === at.getTime()) unchanged += 1;
        else
          issues.add(
            n,
            'occurredAt',
            'EVENT_CHANGED',
            `${reference} already reached ${stage} on ${new Date(stored).toISOString()}; recorded events cannot change`,
          );
        continue;
      }
      const day = brusselsDay.format(at);
      if (day > this.today) {
        issues.add(n, 'occurredAt', 'DATE_IN_FUTURE', `${day} is in the future`);
        continue;
      }
      const first = orderedSteps(defs)[0]?.key;
      if (day < app.opensOn || (stage === first && app.closesOn !== null && day > app.closesOn)) {
        issues.add(
          n,
          'occurredAt',
          'DATE_OUTSIDE_EDITION',
          `${day} is outside the edition (${app.opensOn} – ${app.closesOn ?? 'open'})`,
        );
        continue;
      }
      const last = app.events.at(-1);
      if (last && at.getTime() < last.occurredAt.getTime()) {
        issues.add(
          n,
          'occurredAt',
          'DATE_OUT_OF_ORDER',
          `${day} is before the previous stage (${last.stage} on ${brusselsDay.format(last.occurredAt)})`,
        );
        continue;
      }
      try {
        assertTransition(defs, app.events, stage);
      } catch (error) {
        if (!(error instanceof TransitionError)) throw error;
        const [code, why] = TRANSITION_CODES[error.code] ?? ['INVALID_STAGE', error.message];
        issues.add(n, 'stage', code, `${stage} cannot follow ${error.from ?? 'nothing'}: ${why}`);
        continue;
      }
      app.events.push({ stage, occurredAt: at });
      inserts.push({ row, appId, stage, at, reason });
    }
    if (this.ctx.mode === 'CONFIRM' && inserts.length) {
      for (const i of inserts) this.apps.get(i.appId)!.stored.set(i.stage, i.at.getTime());
      const written = (await em.query(
        `INSERT INTO application_event (application_id, stage, occurred_at, actor, reason_code)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::text[], $5::varchar[])
         RETURNING id::text AS id, application_id::text AS app, stage`,
        [
          inserts.map((i) => i.appId),
          inserts.map((i) => i.stage),
          inserts.map((i) => i.at.toISOString()),
          inserts.map(() => `import:${this.ctx.importId}`),
          inserts.map((i) => i.reason),
        ],
      )) as { id: string; app: string; stage: string }[];
      const idOf = new Map(written.map((w) => [`${w.app}:${w.stage}`, w.id]));
      // A manager's form opened before the import must not record a stage on stale data.
      await em.query('UPDATE application SET version = version + 1 WHERE id = ANY($1::uuid[])', [
        [...new Set(inserts.map((i) => i.appId))],
      ]);
      const provenance: ProvenanceRow[] = inserts.map((i) => ({
        sourceKey: `${i.appId}:${i.stage}`,
        entityId: idOf.get(`${i.appId}:${i.stage}`)!,
        rowNumber: i.row.rowNumber,
        hash: rowHash(i.row.values),
      }));
      await recordProvenance(em, this.ctx, 'STAGE_EVENTS', provenance);
    }
    return {
      issues: issues.issues,
      invalid: issues.invalidCount,
      created: inserts.length,
      updated: 0,
      unchanged,
    };
  }
}

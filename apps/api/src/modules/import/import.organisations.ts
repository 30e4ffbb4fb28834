import { randomUUID } from 'node:crypto';
import { isValidKbo, naceSectionOf, normaliseKbo, sizeClassOf } from '@werkgezond/domain';
import type { EntityManager } from 'typeorm';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation/organisation.entity.js';
import {
  type BatchOutcome,
  type ImportContext,
  IssueList,
  type MappedRow,
  type ProvenanceRow,
  type RowProcessor,
  recordProvenance,
  rowHash,
} from './import.pipeline.js';

/** The organisation columns an import may set (null: empty cell). */
interface OrgValues {
  name: string;
  kind: OrganisationKind;
  employee_count: number | null;
  size_class: string | null;
  nace_code: string | null;
  nace_section: string | null;
  postal_code: string | null;
  municipality: string | null;
  province: string | null;
  has_prevention_committee: boolean;
}

const COLUMN_OF: Record<string, (keyof OrgValues)[]> = {
  name: ['name'],
  kind: ['kind'],
  employeeCount: ['employee_count', 'size_class'],
  naceCode: ['nace_code', 'nace_section'],
  postalCode: ['postal_code'],
  municipality: ['municipality'],
  province: ['province'],
  hasPreventionCommittee: ['has_prevention_committee'],
};

const YES = new Set(['ja', 'yes', 'true', '1', 'j', 'y', 'waar']);
const NO = new Set(['nee', 'no', 'false', '0', 'n', 'onwaar', '']);

/** Organisations keyed by KBO number: new numbers are created, known ones updated field by field. */
export class OrganisationProcessor implements RowProcessor {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: ImportContext) {}

  async processBatch(em: EntityManager, rows: MappedRow[]): Promise<BatchOutcome> {
    const issues = new IssueList();
    const parsed: { row: MappedRow; kbo: string; values: Partial<OrgValues> }[] = [];
    for (const row of rows) {
      const p = this.parse(row, issues);
      if (p) parsed.push(p);
    }
    const existing = new Map<string, Record<string, unknown>>();
    if (parsed.length) {
      const found = (await em.query(
        `SELECT id, kbo_number, name, kind::text AS kind, employee_count, size_class::text AS size_class,
                nace_code, nace_section, postal_code, municipality, province, has_prevention_committee
           FROM organisation WHERE kbo_number = ANY($1::text[])`,
        [parsed.map((p) => p.kbo)],
      )) as Record<string, unknown>[];
      for (const o of found) existing.set(String(o.kbo_number), o);
    }
    const outcome = {
      issues: issues.issues,
      invalid: issues.invalidCount,
      created: 0,
      updated: 0,
      unchanged: 0,
    };
    const inserts: { id: string; kbo: string; values: Partial<OrgValues> }[] = [];
    const updates: { id: string; changes: Partial<OrgValues>; from: Record<string, unknown> }[] =
      [];
    const provenance: ProvenanceRow[] = [];
    for (const p of parsed) {
      const current = existing.get(p.kbo);
      const hash = rowHash(p.row.values);
      if (!current) {
        const id = randomUUID();
        inserts.push({ id, kbo: p.kbo, values: p.values });
        provenance.push({ sourceKey: p.kbo, entityId: id, rowNumber: p.row.rowNumber, hash });
        continue;
      }
      const changes: Partial<OrgValues> = {};
      for (const [column, value] of Object.entries(p.values) as [keyof OrgValues, unknown][]) {
        if (current[column] !== value) (changes as Record<string, unknown>)[column] = value;
      }
      if (Object.keys(changes).length === 0) {
        outcome.unchanged += 1;
        continue;
      }
      updates.push({ id: String(current.id), changes, from: current });
      provenance.push({
        sourceKey: p.kbo,
        entityId: String(current.id),
        rowNumber: p.row.rowNumber,
        hash,
      });
    }
    outcome.created = inserts.length;
    outcome.updated = updates.length;
    if (this.ctx.mode === 'CONFIRM') await this.write(em, inserts, updates, provenance);
    return outcome;
  }

  private parse(row: MappedRow, issues: IssueList) {
    const v = row.values;
    const n = row.rowNumber;
    const kbo = normaliseKbo(v.kboNumber ?? '');
    if (!kbo || !isValidKbo(kbo)) {
      issues.add(
        n,
        'kboNumber',
        'INVALID_KBO',
        `"${v.kboNumber ?? ''}" is not a valid KBO number (check digits)`,
      );
    } else if (this.seen.has(kbo)) {
      issues.add(
        n,
        'kboNumber',
        'DUPLICATE_ROW',
        `KBO number ${kbo} is also on row ${this.seen.get(kbo)}`,
      );
    } else {
      this.seen.set(kbo, n);
    }
    const values: Partial<OrgValues> = {};
    const name = v.name ?? '';
    if (name.length < 2 || name.length > 200) {
      issues.add(n, 'name', 'INVALID_VALUE', 'A name of 2 to 200 characters is required');
    }
    values.name = name;
    if ('kind' in v) {
      const kind = (v.kind || 'COMPANY').toUpperCase() as OrganisationKind;
      if (!ORGANISATION_KINDS.includes(kind)) {
        issues.add(
          n,
          'kind',
          'INVALID_VALUE',
          `Kind must be one of ${ORGANISATION_KINDS.join(', ')}`,
        );
      }
      values.kind = kind;
    }
    if ('employeeCount' in v) {
      const raw = v.employeeCount ?? '';
      const count = raw === '' ? null : Number(raw);
      if (count !== null && (!Number.isInteger(count) || count < 0 || count > 1_000_000)) {
        issues.add(n, 'employeeCount', 'INVALID_VALUE', `"${raw}" is not a number of employees`);
      } else {
        values.employee_count = count;
        values.size_class = count === null ? null : sizeClassOf(count);
      }
    }
    if ('naceCode' in v) {
      const code = v.naceCode || null;
      if (code && !/^\d{2}(\.?\d{1,3})?$/.test(code)) {
        issues.add(n, 'naceCode', 'INVALID_VALUE', `"${code}" is not a NACE code`);
      }
      values.nace_code = code;
      values.nace_section = code ? naceSectionOf(code) : null;
    }
    if ('postalCode' in v) {
      const pc = v.postalCode || null;
      if (pc && !/^\d{4}$/.test(pc)) {
        issues.add(n, 'postalCode', 'INVALID_VALUE', `"${pc}" is not a Belgian postal code`);
      }
      values.postal_code = pc;
    }
    if ('municipality' in v) values.municipality = v.municipality || null;
    if ('province' in v) values.province = v.province || null;
    if ('hasPreventionCommittee' in v) {
      const raw = (v.hasPreventionCommittee ?? '').toLowerCase();
      if (!YES.has(raw) && !NO.has(raw)) {
        issues.add(n, 'hasPreventionCommittee', 'INVALID_VALUE', 'Answer ja or nee');
      }
      values.has_prevention_committee = YES.has(raw);
    }
    if (issues.has(n) || !kbo) return null;
    // Only columns that were mapped are compared and written.
    for (const [field, columns] of Object.entries(COLUMN_OF)) {
      if (!(field in v)) for (const c of columns) delete values[c];
    }
    return { row, kbo, values };
  }

  private async write(
    em: EntityManager,
    inserts: { id: string; kbo: string; values: Partial<OrgValues> }[],
    updates: { id: string; changes: Partial<OrgValues>; from: Record<string, unknown> }[],
    provenance: ProvenanceRow[],
  ) {
    if (inserts.length) {
      const col = <K extends keyof OrgValues>(k: K, fallback: OrgValues[K] | null = null) =>
        inserts.map((i) => (k in i.values ? i.values[k] : fallback));
      await em.query(
        `INSERT INTO organisation (id, kbo_number, name, kind, employee_count, size_class, nace_code,
                                   nace_section, postal_code, municipality, province, has_prevention_committee)
         SELECT * FROM unnest($1::uuid[], $2::char(10)[], $3::text[], $4::organisation_kind[], $5::int[],
                              $6::size_class[], $7::varchar[], $8::char(1)[], $9::varchar[], $10::text[],
                              $11::text[], $12::boolean[])`,
        [
          inserts.map((i) => i.id),
          inserts.map((i) => i.kbo),
          col('name'),
          col('kind', 'COMPANY'),
          col('employee_count'),
          col('size_class'),
          col('nace_code'),
          col('nace_section'),
          col('postal_code'),
          col('municipality'),
          col('province'),
          col('has_prevention_committee', false),
        ],
      );
    }
    for (const u of updates) {
      const entries = Object.entries(u.changes);
      const casts: Record<string, string> = {
        kind: '::organisation_kind',
        size_class: '::size_class',
      };
      await em.query(
        `UPDATE organisation SET ${entries.map(([c], i) => `${c} = $${i + 2}${casts[c] ?? ''}`).join(', ')} WHERE id = $1`,
        [u.id, ...entries.map(([, value]) => value)],
      );
      // The profile's history, as an edit in the portal keeps it.
      const changes = Object.fromEntries(
        entries.map(([c, to]) => [c, { from: u.from[c] ?? null, to }]),
      );
      await em.query(
        `INSERT INTO organisation_profile_change (organisation_id, changed_by, changes) VALUES ($1, $2, $3)`,
        [u.id, `user:${this.ctx.userId}`, JSON.stringify(changes)],
      );
    }
    await recordProvenance(em, this.ctx, 'ORGANISATIONS', provenance);
  }
}

import { randomUUID } from 'node:crypto';
import { isValidKbo, normaliseKbo } from '@werkgezond/domain';
import type { EntityManager } from 'typeorm';
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

interface Catalogue {
  programmes: Map<string, string>;
  /** `${programmeId}:${year}` → edition id. */
  editions: Map<string, string>;
  channels: Map<string, string>;
}

interface ParsedApplication {
  row: MappedRow;
  reference: string;
  kbo: string;
  programmeId: string;
  editionId: string;
  channelId: string | null | undefined;
  registrationType: 'INDIVIDUAL' | 'GROUP';
  memberKbos: string[];
}

const MAX_MEMBERS = 200;

/** Applications keyed by reference; the applicant and group members must exist (by KBO). */
export class ApplicationProcessor implements RowProcessor {
  private readonly seen = new Map<string, number>();
  private catalogue: Catalogue | null = null;

  constructor(private readonly ctx: ImportContext) {}

  private async loadCatalogue(em: EntityManager): Promise<Catalogue> {
    if (this.catalogue) return this.catalogue;
    const programmes = (await em.query('SELECT id, key FROM programme')) as {
      id: string;
      key: string;
    }[];
    const editions = (await em.query('SELECT id, programme_id, year FROM edition')) as {
      id: string;
      programme_id: string;
      year: number;
    }[];
    const channels = (await em.query('SELECT id, key FROM outreach_channel')) as {
      id: string;
      key: string;
    }[];
    this.catalogue = {
      programmes: new Map(programmes.map((p) => [p.key, p.id])),
      editions: new Map(editions.map((e) => [`${e.programme_id}:${e.year}`, e.id])),
      channels: new Map(channels.map((c) => [c.key, c.id])),
    };
    return this.catalogue;
  }

  async processBatch(em: EntityManager, rows: MappedRow[]): Promise<BatchOutcome> {
    const cat = await this.loadCatalogue(em);
    const issues = new IssueList();
    const parsed = rows
      .map((row) => this.parse(row, cat, issues))
      .filter((p): p is ParsedApplication => p !== null);

    const kbos = [...new Set(parsed.flatMap((p) => [p.kbo, ...p.memberKbos]))];
    const orgs = new Map<string, { id: string; kind: string }>();
    if (kbos.length) {
      const found = (await em.query(
        'SELECT id, kbo_number, kind::text AS kind FROM organisation WHERE kbo_number = ANY($1::text[])',
        [kbos],
      )) as { id: string; kbo_number: string; kind: string }[];
      for (const o of found) orgs.set(o.kbo_number, o);
    }
    const refs = await applicationsByReference(
      em,
      parsed.map((p) => p.reference),
    );
    const existingIds = [...new Set(refs.values())];
    const existing = new Map<string, Record<string, unknown>>();
    if (existingIds.length) {
      const found = (await em.query(
        `SELECT a.id::text AS id, a.programme_id, a.edition_id, a.organisation_id, a.channel_id,
                a.registration_type::text AS registration_type,
                COALESCE((SELECT array_agg(o.kbo_number ORDER BY o.kbo_number) FROM application_member m
                            JOIN organisation o ON o.id = m.organisation_id WHERE m.application_id = a.id), '{}') AS members
           FROM application a WHERE a.id = ANY($1::uuid[])`,
        [existingIds],
      )) as Record<string, unknown>[];
      for (const a of found) existing.set(String(a.id), a);
    }

    const inserts: (ParsedApplication & { id: string; orgId: string; memberIds: string[] })[] = [];
    const updates: (ParsedApplication & { id: string; memberIds: string[] })[] = [];
    const provenance: ProvenanceRow[] = [];
    let unchanged = 0;
    for (const p of parsed) {
      const n = p.row.rowNumber;
      const org = orgs.get(p.kbo);
      if (!org) {
        issues.add(
          n,
          'organisationKbo',
          'UNKNOWN_ORGANISATION',
          `No organisation with KBO number ${p.kbo}: import it first`,
        );
        continue;
      }
      if (p.registrationType === 'GROUP' && org.kind !== 'NETWORK') {
        issues.add(n, 'registrationType', 'INVALID_VALUE', 'Only a network can register a group');
      }
      const memberIds: string[] = [];
      for (const m of p.memberKbos) {
        const member = orgs.get(m);
        if (!member)
          issues.add(
            n,
            'memberKbos',
            'UNKNOWN_ORGANISATION',
            `No organisation with KBO number ${m}`,
          );
        else memberIds.push(member.id);
      }
      if (issues.has(n)) continue;
      const hash = rowHash(p.row.values);
      const id = refs.get(p.reference);
      const current = id ? existing.get(id) : undefined;
      if (!id || !current) {
        const newId = randomUUID();
        inserts.push({ ...p, id: newId, orgId: org.id, memberIds });
        provenance.push({ sourceKey: p.reference, entityId: newId, rowNumber: n, hash });
        continue;
      }
      if (
        current.programme_id !== p.programmeId ||
        current.edition_id !== p.editionId ||
        current.organisation_id !== org.id
      ) {
        issues.add(
          n,
          'reference',
          'IMMUTABLE_FIELD',
          `Application ${p.reference} exists with another programme, edition or applicant; these cannot change`,
        );
        continue;
      }
      const channelChanged = p.channelId !== undefined && current.channel_id !== p.channelId;
      const members = [...p.memberKbos].sort();
      const membersChanged =
        p.registrationType !== current.registration_type ||
        JSON.stringify(members) !== JSON.stringify(current.members);
      if (!channelChanged && !membersChanged) {
        unchanged += 1;
        continue;
      }
      updates.push({ ...p, id, memberIds });
      provenance.push({ sourceKey: p.reference, entityId: id, rowNumber: n, hash });
    }
    if (this.ctx.mode === 'CONFIRM') await this.write(em, inserts, updates, provenance);
    return {
      issues: issues.issues,
      invalid: issues.invalidCount,
      created: inserts.length,
      updated: updates.length,
      unchanged,
    };
  }

  private parse(row: MappedRow, cat: Catalogue, issues: IssueList): ParsedApplication | null {
    const v = row.values;
    const n = row.rowNumber;
    const reference = v.reference ?? '';
    if (!/^[\p{L}\p{N}._/-]{1,80}$/u.test(reference)) {
      issues.add(
        n,
        'reference',
        'INVALID_VALUE',
        'A reference of 1 to 80 letters, digits, . _ / - is required',
      );
    } else if (this.seen.has(reference)) {
      issues.add(
        n,
        'reference',
        'DUPLICATE_ROW',
        `Reference ${reference} is also on row ${this.seen.get(reference)}`,
      );
    } else {
      this.seen.set(reference, n);
    }
    const kbo = normaliseKbo(v.organisationKbo ?? '');
    if (!kbo || !isValidKbo(kbo)) {
      issues.add(
        n,
        'organisationKbo',
        'INVALID_KBO',
        `"${v.organisationKbo ?? ''}" is not a valid KBO number (check digits)`,
      );
    }
    const programmeId = cat.programmes.get(v.programmeKey ?? '');
    if (!programmeId) {
      issues.add(
        n,
        'programmeKey',
        'UNKNOWN_PROGRAMME',
        `Unknown programme "${v.programmeKey ?? ''}"`,
      );
    } else if (this.ctx.programmeIds && !this.ctx.programmeIds.includes(programmeId)) {
      issues.add(
        n,
        'programmeKey',
        'PROGRAMME_NOT_MANAGED',
        `You do not manage programme "${v.programmeKey}"`,
      );
    }
    const editionId = programmeId
      ? cat.editions.get(`${programmeId}:${Number(v.editionYear)}`)
      : undefined;
    if (programmeId && !editionId) {
      issues.add(
        n,
        'editionYear',
        'UNKNOWN_EDITION',
        `Programme "${v.programmeKey}" has no edition ${v.editionYear ?? ''}`,
      );
    }
    let channelId: string | null | undefined;
    if ('channelKey' in v) {
      channelId = v.channelKey ? (cat.channels.get(v.channelKey) ?? undefined) : null;
      if (channelId === undefined) {
        issues.add(n, 'channelKey', 'UNKNOWN_CHANNEL', `Unknown channel "${v.channelKey}"`);
      }
    }
    const type = (v.registrationType || 'INDIVIDUAL').toUpperCase();
    if (type !== 'INDIVIDUAL' && type !== 'GROUP') {
      issues.add(
        n,
        'registrationType',
        'INVALID_VALUE',
        'Registration type is INDIVIDUAL or GROUP',
      );
    }
    const memberKbos: string[] = [];
    for (const raw of (v.memberKbos ?? '')
      .split(/[;|\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = normaliseKbo(raw);
      if (!m || !isValidKbo(m))
        issues.add(n, 'memberKbos', 'INVALID_KBO', `Member "${raw}" is not a valid KBO number`);
      else if (!memberKbos.includes(m)) memberKbos.push(m);
    }
    if (type === 'GROUP' && memberKbos.length === 0) {
      issues.add(
        n,
        'memberKbos',
        'INVALID_VALUE',
        'A group registration lists at least one member',
      );
    }
    if (type === 'INDIVIDUAL' && memberKbos.length > 0) {
      issues.add(n, 'memberKbos', 'INVALID_VALUE', 'Only a group registration has members');
    }
    if (memberKbos.length > MAX_MEMBERS) {
      issues.add(n, 'memberKbos', 'INVALID_VALUE', `At most ${MAX_MEMBERS} members`);
    }
    if (issues.has(n)) return null;
    return {
      row,
      reference,
      kbo: kbo!,
      programmeId: programmeId!,
      editionId: editionId!,
      channelId,
      registrationType: type as 'INDIVIDUAL' | 'GROUP',
      memberKbos,
    };
  }

  private async write(
    em: EntityManager,
    inserts: (ParsedApplication & { id: string; orgId: string; memberIds: string[] })[],
    updates: (ParsedApplication & { id: string; memberIds: string[] })[],
    provenance: ProvenanceRow[],
  ) {
    if (inserts.length) {
      await em.query(
        `INSERT INTO application (id, programme_id, edition_id, organisation_id, registration_type, channel_id, company_count)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::registration_type[], $6::uuid[], $7::int[])`,
        [
          inserts.map((i) => i.id),
          inserts.map((i) => i.programmeId),
          inserts.map((i) => i.editionId),
          inserts.map((i) => i.orgId),
          inserts.map((i) => i.registrationType),
          inserts.map((i) => i.channelId ?? null),
          inserts.map((i) => Math.max(1, i.memberIds.length)),
        ],
      );
    }
    for (const u of updates) {
      // The version bump makes a manager's open form with the old values a CONFLICT.
      await em.query(
        `UPDATE application SET registration_type = $2::registration_type, company_count = $3,
                channel_id = CASE WHEN $4 THEN $5::uuid ELSE channel_id END, version = version + 1
          WHERE id = $1`,
        [
          u.id,
          u.registrationType,
          Math.max(1, u.memberIds.length),
          u.channelId !== undefined,
          u.channelId ?? null,
        ],
      );
      await em.query('DELETE FROM application_member WHERE application_id = $1', [u.id]);
    }
    const members = [...inserts, ...updates].flatMap((a) =>
      a.memberIds.map((m) => [a.id, m] as const),
    );
    if (members.length) {
      await em.query(
        `INSERT INTO application_member (application_id, organisation_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [members.map((m) => m[0]), members.map((m) => m[1])],
      );
    }
    await recordProvenance(em, this.ctx, 'APPLICATIONS', provenance);
  }
}

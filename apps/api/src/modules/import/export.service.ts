import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { isAdmin, type Viewer } from '../../graphql/policy.js';
import type { ImportFormat, ImportKind } from './import.entity.js';
import { IMPORT_FIELDS } from './import.fields.js';

const PAGE = 5000;

/**
 * SQL per table, one page after a key (keyset pagination, so a large export never holds more
 * than a page). Columns come out in the order of IMPORT_FIELDS, named by its keys, so the file
 * imports again as it is. `$1` is the last key, `$2` the programmes (null: all).
 */
const QUERIES: Record<ImportKind, { sql: string; key: string }> = {
  ORGANISATIONS: {
    key: 'kboNumber',
    sql: `SELECT o.kbo_number AS "kboNumber", o.name, o.kind::text AS kind, o.employee_count::text AS "employeeCount",
                 o.nace_code AS "naceCode", o.postal_code AS "postalCode", o.municipality, o.province,
                 CASE WHEN o.has_prevention_committee THEN 'ja' ELSE 'nee' END AS "hasPreventionCommittee"
            FROM organisation o
           WHERE o.kbo_number IS NOT NULL AND o.kbo_number > $1
             AND ($2::uuid[] IS NULL OR o.kind <> 'COMPANY' OR o.id IN (
                   SELECT organisation_id FROM application WHERE programme_id = ANY($2::uuid[])
                   UNION SELECT m.organisation_id FROM application_member m
                     JOIN application x ON x.id = m.application_id WHERE x.programme_id = ANY($2::uuid[])))
           ORDER BY o.kbo_number LIMIT ${PAGE}`,
  },
  APPLICATIONS: {
    key: 'id',
    sql: `SELECT a.id::text AS id, COALESCE(r.source_key, a.id::text) AS reference, o.kbo_number AS "organisationKbo",
                 p.key AS "programmeKey", e.year::text AS "editionYear", c.key AS "channelKey",
                 a.registration_type::text AS "registrationType",
                 (SELECT string_agg(mo.kbo_number, ';' ORDER BY mo.kbo_number) FROM application_member m
                    JOIN organisation mo ON mo.id = m.organisation_id WHERE m.application_id = a.id) AS "memberKbos"
            FROM application a
            JOIN organisation o ON o.id = a.organisation_id
            JOIN programme p ON p.id = a.programme_id
            JOIN edition e ON e.id = a.edition_id
            LEFT JOIN outreach_channel c ON c.id = a.channel_id
            LEFT JOIN import_record r ON r.kind = 'APPLICATIONS' AND r.entity_id = a.id::text
           WHERE a.id::text > $1 AND o.kbo_number IS NOT NULL
             AND ($2::uuid[] IS NULL OR a.programme_id = ANY($2::uuid[]))
           ORDER BY a.id::text LIMIT ${PAGE}`,
  },
  STAGE_EVENTS: {
    key: 'id',
    sql: `SELECT lpad(ev.id::text, 20, '0') AS id, COALESCE(r.source_key, a.id::text) AS reference, ev.stage,
                 to_char(ev.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
                 ev.reason_code AS "reasonCode"
            FROM application_event ev
            JOIN application a ON a.id = ev.application_id
            JOIN organisation o ON o.id = a.organisation_id
            LEFT JOIN import_record r ON r.kind = 'APPLICATIONS' AND r.entity_id = a.id::text
           WHERE lpad(ev.id::text, 20, '0') > $1 AND o.kbo_number IS NOT NULL
             AND ($2::uuid[] IS NULL OR a.programme_id = ANY($2::uuid[]))
           ORDER BY ev.id LIMIT ${PAGE}`,
  },
};

/**
 * Exports organisations, applications or stage events in the import's own layout, streamed page
 * by page. Managers get the applications of their programmes and the organisations involved.
 * Events are written in the order they were recorded, which per application is the order the
 * import's stage rules expect.
 */
export class ExportService {
  constructor(private readonly ds: DataSource) {}

  async write(
    viewer: Viewer,
    kind: ImportKind,
    format: ImportFormat,
    out: NodeJS.WritableStream,
  ): Promise<void> {
    const programmes = isAdmin(viewer) ? null : [...viewer.programmeIds];
    const fields = IMPORT_FIELDS[kind].map((f) => f.key);
    const { sql, key } = QUERIES[kind];
    let sink: { row(values: string[]): void | Promise<void>; end(): Promise<void> };
    if (format === 'CSV') {
      const csv = stringify({ header: true, columns: fields, bom: true });
      csv.pipe(out);
      sink = {
        row: (values) => {
          csv.write(values);
        },
        end: () => new Promise((done) => csv.end(done)),
      };
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out as never,
        useSharedStrings: false,
        useStyles: false,
      });
      const sheet = workbook.addWorksheet(kind.toLowerCase());
      sheet.addRow(fields).commit();
      sink = {
        row: (values) => sheet.addRow(values).commit(),
        end: async () => {
          sheet.commit();
          await workbook.commit();
        },
      };
    }
    let after = '';
    for (;;) {
      const page = (await this.ds.query(sql, [after, programmes])) as Record<
        string,
        string | null
      >[];
      for (const r of page) await sink.row(fields.map((f) => r[f] ?? ''));
      if (page.length < PAGE) break;
      after = String(page.at(-1)![key]);
    }
    await sink.end();
  }
}

import type { ColumnMapping, ImportKind } from './import.entity.js';

export interface FieldSpec {
  key: string;
  required: boolean;
  /** Header spellings recognised without a saved mapping (lower case, Dutch and English). */
  aliases: string[];
  description: string;
}

/**
 * The columns each kind of file may hold. The export writes exactly these keys as headers,
 * so an exported file imports again without a mapping (round trip).
 */
export const IMPORT_FIELDS: Record<ImportKind, FieldSpec[]> = {
  ORGANISATIONS: [
    {
      key: 'kboNumber',
      required: true,
      aliases: ['kbo', 'kbo-nummer', 'kbonummer', 'ondernemingsnummer', 'enterprise number'],
      description: 'KBO number (key)',
    },
    { key: 'name', required: true, aliases: ['naam', 'bedrijfsnaam'], description: 'Name' },
    {
      key: 'kind',
      required: false,
      aliases: ['soort', 'type'],
      description: 'COMPANY, NETWORK, SERVICE_PROVIDER… (default COMPANY)',
    },
    {
      key: 'employeeCount',
      required: false,
      aliases: ['werknemers', 'aantal werknemers', 'employees'],
      description: 'Employees',
    },
    { key: 'naceCode', required: false, aliases: ['nace', 'nace-code'], description: 'NACE code' },
    {
      key: 'postalCode',
      required: false,
      aliases: ['postcode', 'postal code'],
      description: 'Postal code',
    },
    {
      key: 'municipality',
      required: false,
      aliases: ['gemeente', 'city'],
      description: 'Municipality',
    },
    { key: 'province', required: false, aliases: ['provincie'], description: 'Province' },
    {
      key: 'hasPreventionCommittee',
      required: false,
      aliases: ['comité', 'comite', 'preventiecomité', 'prevention committee'],
      description: 'Has a prevention committee (ja/nee)',
    },
  ],
  APPLICATIONS: [
    {
      key: 'reference',
      required: true,
      aliases: ['referentie', 'dossiernummer', 'dossier', 'ref', 'id'],
      description: 'Application reference (key)',
    },
    {
      key: 'organisationKbo',
      required: true,
      aliases: ['kbo', 'kbo-nummer', 'ondernemingsnummer', 'organisation'],
      description: 'KBO number of the applicant',
    },
    {
      key: 'programmeKey',
      required: true,
      aliases: ['programma', 'programme'],
      description: 'Programme key',
    },
    {
      key: 'editionYear',
      required: true,
      aliases: ['editie', 'jaar', 'edition', 'year'],
      description: 'Edition (year)',
    },
    {
      key: 'channelKey',
      required: false,
      aliases: ['kanaal', 'channel'],
      description: 'Outreach channel key',
    },
    {
      key: 'registrationType',
      required: false,
      aliases: ['inschrijving', 'registratietype', 'registration type'],
      description: 'INDIVIDUAL or GROUP (default INDIVIDUAL)',
    },
    {
      key: 'memberKbos',
      required: false,
      aliases: ['leden', 'members', 'groepsleden'],
      description: 'KBO numbers of group members, separated by ;',
    },
  ],
  STAGE_EVENTS: [
    {
      key: 'reference',
      required: true,
      aliases: ['referentie', 'dossiernummer', 'dossier', 'aanvraag', 'application'],
      description: 'Application reference',
    },
    { key: 'stage', required: true, aliases: ['fase', 'stap', 'status'], description: 'Stage key' },
    {
      key: 'occurredAt',
      required: true,
      aliases: ['datum', 'date', 'occurred at'],
      description: 'Date (YYYY-MM-DD) or date and time (ISO 8601)',
    },
    {
      key: 'reasonCode',
      required: false,
      aliases: ['reden', 'reason'],
      description: 'Reason code',
    },
  ],
};

/** A mapping from the headers alone: exact field keys first, then the aliases. */
export function guessMapping(kind: ImportKind, headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const norm = (h: string) => h.trim().toLowerCase();
  for (const field of IMPORT_FIELDS[kind]) {
    const hit =
      headers.find((h) => norm(h) === field.key.toLowerCase()) ??
      headers.find((h) => field.aliases.includes(norm(h)));
    if (hit !== undefined) mapping[field.key] = hit;
  }
  return mapping;
}

/** Problems of a mapping against the file's headers; empty when it can be used. */
export function mappingProblems(
  kind: ImportKind,
  headers: string[],
  mapping: ColumnMapping,
): string[] {
  const fields = IMPORT_FIELDS[kind];
  const problems: string[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.some((f) => f.key === field)) problems.push(`Unknown field "${field}"`);
    else if (!headers.includes(column)) problems.push(`The file has no column "${column}"`);
  }
  for (const f of fields) {
    if (f.required && !mapping[f.key]) problems.push(`Map a column to "${f.key}"`);
  }
  return problems;
}

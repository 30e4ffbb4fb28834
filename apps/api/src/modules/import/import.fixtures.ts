/**
 * Test fixtures: the three files of a small import with bad rows, for one run. KBO numbers and
 * references are unique per run (`seed`), so the files create their own organisations and
 * applications on a shared test database and leave the bundled dataset alone.
 */
import { makeKbo } from '@werkgezond/domain';
import ExcelJS from 'exceljs';

export interface FixtureSet {
  kbo: (i: number) => string;
  ref: (i: number) => string;
  /** Semicolon-separated, Dutch headers (as Excel in Belgium saves CSV). */
  organisationsCsv: (employeesOfFirst?: number) => string;
  applicationsRows: string[][];
  eventsCsv: string;
}

export function fixtureSet(seed: number): FixtureSet {
  // Sequences 15,000,000+ are far above the generator's, so no collision with the dataset.
  const kbo = (i: number) => makeKbo(15_000_000 + seed * 10 + i);
  const ref = (i: number) => `T${seed}-${i}`;
  const bad = `${kbo(1).slice(0, 8)}${kbo(1).endsWith('00') ? '01' : '00'}`;
  return {
    kbo,
    ref,
    organisationsCsv: (employeesOfFirst = 12) =>
      [
        'KBO-nummer;Naam;Soort;Werknemers;Postcode;Gemeente;Provincie;Comité',
        `${kbo(1)};Import Bakkerij ${seed};COMPANY;${employeesOfFirst};9000;Gent;Oost-Vlaanderen;nee`,
        `${kbo(2)};Import Drukkerij ${seed};COMPANY;8;2000;Antwerpen;Antwerpen;nee`,
        `${kbo(3)};Import Garage ${seed};COMPANY;30;3000;Leuven;Vlaams-Brabant;nee`,
        `${kbo(4)};Import Schrijnwerkerij ${seed};COMPANY;5;8500;Kortrijk;West-Vlaanderen;nee`,
        `${kbo(5)};Import Netwerk ${seed};NETWORK;;8500;Kortrijk;West-Vlaanderen;nee`,
        // Row 7: wrong check digits. Row 8: the same KBO as row 2. Row 9: no name.
        `${bad};Foute Check BV;COMPANY;3;9000;Gent;Oost-Vlaanderen;nee`,
        `${kbo(2)};Dubbel BV;COMPANY;3;9000;Gent;Oost-Vlaanderen;nee`,
        `${kbo(6)};;COMPANY;3;9000;Gent;Oost-Vlaanderen;nee`,
      ].join('\r\n'),
    applicationsRows: [
      [
        'reference',
        'organisationKbo',
        'programmeKey',
        'editionYear',
        'channelKey',
        'registrationType',
        'memberKbos',
      ],
      [ref(1), kbo(1), 'gezondheidscoaches', '2018', 'website', 'INDIVIDUAL', ''],
      [ref(2), kbo(2), 'gezondheidscoaches', '2018', 'prebes', 'INDIVIDUAL', ''],
      [ref(3), kbo(3), 'gezondheidscoaches', '2018', '', 'INDIVIDUAL', ''],
      [ref(4), kbo(4), 'gezondheidscoaches', '2018', '', 'INDIVIDUAL', ''],
      [ref(5), kbo(5), 'nv-gezond', '2014', '', 'GROUP', `${kbo(3)};${kbo(4)}`],
      // Row 7: unknown programme. Row 8: no such edition. Row 9: unknown organisation.
      // Row 10: the reference of row 2 again.
      [ref(6), kbo(1), 'onbekend-programma', '2018', '', 'INDIVIDUAL', ''],
      [ref(7), kbo(1), 'gezondheidscoaches', '2016', '', 'INDIVIDUAL', ''],
      [ref(8), kbo(9), 'gezondheidscoaches', '2018', '', 'INDIVIDUAL', ''],
      [ref(2), kbo(2), 'gezondheidscoaches', '2018', '', 'INDIVIDUAL', ''],
    ],
    eventsCsv: [
      'reference,stage,occurredAt,reasonCode',
      `${ref(1)},APPLIED,2018-02-01,`,
      `${ref(1)},APPROVED,2018-03-01,`,
      `${ref(1)},STARTED,2018-04-01,`,
      `${ref(1)},COMPLETED,2018-10-01,`,
      `${ref(2)},APPLIED,05/02/2018,`,
      `${ref(2)},REJECTED,2018-03-10,INCOMPLETE`,
      `${ref(3)},APPLIED,2018-03-01,`,
      // Row 9: skips APPROVED. Row 10: before the 2018 edition opened. Row 11: duplicate.
      // Row 12: unknown stage. Row 14: earlier than row 13. Row 15: unknown application.
      `${ref(3)},STARTED,2018-04-01,`,
      `${ref(4)},APPLIED,2017-06-01,`,
      `${ref(1)},APPLIED,2018-02-01,`,
      `${ref(4)},FOO,2018-06-01,`,
      `${ref(5)},REGISTERED,2014-03-01,`,
      `${ref(5)},PARTICIPATED,2014-02-01,`,
      `${ref(99)},APPLIED,2018-02-01,`,
    ].join('\n'),
  };
}

/** Rows as an XLSX workbook (one sheet), as Excel would save it. */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Aanvragen');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

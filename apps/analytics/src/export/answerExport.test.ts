import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type AnswerTable, answerCsv, answerXlsx } from './answerExport';

const table: AnswerTable = {
  title: 'Gezondheidscoaches in bedrijven: gecumuleerd aantal aanvragen per stap',
  meta: [
    {
      label: 'Stand van de gegevens',
      value: 't.e.m. 2017-12-31; t.e.m. 2018-12-31; t.e.m. 2019-07-31',
    },
    {
      label: 'Bevraging',
      value: 'funnelSnapshots(input: {"programmeKey":"gezondheidscoaches"}, at: [...])',
    },
  ],
  stageHeader: 'Stap',
  columns: [
    { date: '2017-12-31', label: '2017' },
    { date: '2018-12-31', label: '2018' },
    { date: '2019-07-31', label: '2019 (t.e.m. 31 juli)' },
  ],
  rows: [
    { stage: 'APPLIED', label: 'Aangevraagd', values: [11, 140, 196] },
    { stage: 'REJECTED', label: 'Afgekeurd', values: [0, 12, 15] },
  ],
  query:
    'query AnalyticsFunnelSnapshots($input: FunnelInput!, $at: [Date!]!) {\n  funnelSnapshots(input: $input, at: $at) { programmeKey }\n}',
  variables: { input: { programmeKey: 'gezondheidscoaches' }, at: ['2017-12-31'] },
  queryLabels: {
    sheet: 'Bevraging',
    answerSheet: 'Antwoord',
    operation: 'GraphQL',
    variables: 'Variabelen',
  },
};

describe('answer exports', () => {
  it('CSV: the metadata first, then the table with plain numbers', () => {
    const rows = Papa.parse<string[]>(answerCsv(table).trim()).data;
    expect(rows[0]?.[0]).toBe(table.title);
    expect(rows).toContainEqual([
      'Stand van de gegevens',
      't.e.m. 2017-12-31; t.e.m. 2018-12-31; t.e.m. 2019-07-31',
    ]);
    expect(rows).toContainEqual(['Stap', '2017', '2018', '2019 (t.e.m. 31 juli)']);
    expect(rows).toContainEqual(['Aangevraagd', '11', '140', '196']);
    expect(rows).toContainEqual(['Afgekeurd', '0', '12', '15']);
  });

  it('XLSX: the table with numbers as numbers, and the query on its own sheet', async () => {
    const blob = await answerXlsx(table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet('Antwoord');
    const values = sheet?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values).toContainEqual(['Aangevraagd', 11, 140, 196]);
    expect(values).toContainEqual(['Stap', '2017', '2018', '2019 (t.e.m. 31 juli)']);
    const query = workbook.getWorksheet('Bevraging');
    const text = query?.getColumn(1).values.join('\n') ?? '';
    expect(text).toContain('funnelSnapshots(input: $input, at: $at)');
    expect(text).toContain('"programmeKey": "gezondheidscoaches"');
    expect(text).toContain('Stand van de gegevens: t.e.m. 2017-12-31');
  });
});

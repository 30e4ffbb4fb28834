import { type CsvValue, toCsv } from '@werkgezond/ui';

/** A minister's answer table: cumulative counts per stage (rows) at each date (columns). */
export interface AnswerTable {
  title: string;
  /** Label / value pairs written above the table: programme, unit, query, data date… */
  meta: readonly { label: string; value: string }[];
  stageHeader: string;
  columns: readonly { date: string; label: string }[];
  rows: readonly { stage: string; label: string; values: readonly (number | null)[] }[];
  /** The GraphQL operation and its variables, for the sheet that documents the query. */
  query: string;
  variables: unknown;
  queryLabels: { sheet: string; operation: string; variables: string; answerSheet: string };
}

/**
 * CSV: the title and the metadata (query, dates, when the data were read) as label/value
 * lines, an empty line, then the table. Numbers are written plainly for spreadsheets.
 */
export function answerCsv(table: AnswerTable): string {
  const meta = toCsv(
    [table.title, ''],
    table.meta.map((m) => [m.label, m.value]),
  );
  const body = toCsv(
    [table.stageHeader, ...table.columns.map((c) => c.label)],
    table.rows.map((r) => [r.label, ...r.values] as CsvValue[]),
  );
  return `${meta}\r\n\r\n${body}`;
}

/** XLSX with the table (and its metadata) on one sheet and the query on another (exceljs). */
export async function answerXlsx(table: AnswerTable): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Werkgezond';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.queryLabels.answerSheet.slice(0, 31));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow([table.stageHeader, ...table.columns.map((c) => c.label)]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'medium' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  for (const row of table.rows) {
    const added = sheet.addRow([row.label, ...row.values]);
    added.eachCell((cell, column) => {
      if (column > 1) cell.numFmt = '#,##0';
    });
  }
  sheet.addRow([]);
  for (const m of table.meta) {
    const added = sheet.addRow([m.label, m.value]);
    added.getCell(1).font = { bold: true };
    added.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(1).width = 34;
  for (let i = 0; i < table.columns.length; i += 1) sheet.getColumn(i + 2).width = 24;

  const query = workbook.addWorksheet(table.queryLabels.sheet.slice(0, 31));
  query.getColumn(1).width = 120;
  query.addRow([table.queryLabels.operation]).font = { bold: true };
  for (const line of table.query.split('\n')) query.addRow([line]).font = { name: 'Consolas' };
  query.addRow([]);
  query.addRow([table.queryLabels.variables]).font = { bold: true };
  for (const line of JSON.stringify(table.variables, null, 2).split('\n'))
    query.addRow([line]).font = { name: 'Consolas' };
  query.addRow([]);
  for (const m of table.meta) query.addRow([`${m.label}: ${m.value}`]);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** Offers a file to download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

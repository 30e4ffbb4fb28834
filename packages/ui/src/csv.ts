import Papa from 'papaparse';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * CSV text for a header row and data rows. Quoting and escaping are papaparse's; numbers are
 * written plainly (1234.5), never locale-formatted, so spreadsheets and scripts read them back.
 * Cells that start with = + - @ are prefixed with ' so a spreadsheet does not run them
 * as formulas (CSV injection).
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const safe = (value: CsvValue): CsvValue =>
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return Papa.unparse(
    { fields: [...headers], data: rows.map((row) => row.map((cell) => safe(cell) ?? '')) },
    { newline: '\r\n' },
  );
}

/** Offers the text as a file download (UTF-8 with BOM, which Excel needs for accents). */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

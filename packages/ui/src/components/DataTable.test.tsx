import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test/render';
import { DataTable, type DataTableColumn } from './DataTable';

interface Row {
  programme: string;
  count: number;
}

const columns: DataTableColumn<Row>[] = [
  {
    key: 'programme',
    header: 'Programma',
    cell: (r) => r.programme,
    csv: (r) => r.programme,
    rowHeader: true,
  },
  {
    key: 'count',
    header: 'Aanvragen',
    cell: (r) => r.count.toLocaleString('nl-BE'),
    csv: (r) => r.count,
    align: 'end',
  },
];

const rows: Row[] = [
  { programme: 'NV Gezond', count: 1234 },
  { programme: 'Gezondheidscoaches', count: 196 },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DataTable', () => {
  it('is a semantic table with a caption, column headers and row headers', () => {
    renderWithI18n(
      <DataTable
        caption="Aanvragen per programma"
        columns={columns}
        rows={rows}
        getRowKey={(r) => r.programme}
      />,
    );
    const table = screen.getByRole('table', { name: 'Aanvragen per programma' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Programma', 'Aanvragen']);
    expect(within(table).getByRole('rowheader', { name: 'NV Gezond' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '1.234' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a message instead of an empty body', () => {
    renderWithI18n(
      <DataTable caption="Leeg" columns={columns} rows={[]} getRowKey={(r) => r.programme} />,
    );
    expect(screen.getByRole('cell', { name: 'Geen gegevens om te tonen.' })).toBeInTheDocument();
  });

  it('exports the raw values, not the formatted ones, as CSV', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    renderWithI18n(
      <DataTable
        caption="Aanvragen per programma"
        csvLabel="aanvragen per programma"
        csvFileName="aanvragen"
        columns={columns}
        rows={rows}
        getRowKey={(r) => r.programme}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Exporteren als CSV: aanvragen per programma' }),
    );
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs).toHaveLength(1);
    const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    expect(new TextDecoder().decode(bytes)).toBe(
      'Programma,Aanvragen\r\nNV Gezond,1234\r\nGezondheidscoaches,196',
    );
  });
});

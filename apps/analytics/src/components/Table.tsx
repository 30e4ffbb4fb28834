import { Button, DataTable, type DataTableColumn, downloadCsv, toCsv } from '@werkgezond/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableColumn<Row> extends DataTableColumn<Row> {
  /** Only in the CSV (e.g. the bounds of an interval shown inside another cell). */
  csvOnly?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row, index: number) => string;
  /** CSV file name (without .csv); every analytics table can be exported. */
  fileName: string;
  emptyMessage?: ReactNode;
  /** False where the page offers its own, richer export (the answer builder). */
  exportable?: boolean;
}

/**
 * The shared DataTable with a CSV export that can carry more than the visible columns: raw
 * numbers (no locale formatting), codes next to names, interval bounds as their own columns.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  getRowKey,
  fileName,
  emptyMessage,
  exportable = true,
}: TableProps<Row>) {
  const { t } = useTranslation('analytics');
  const exported = columns.filter((c) => c.csv);
  const onExport = () =>
    downloadCsv(
      fileName,
      toCsv(
        exported.map((c) => c.header),
        rows.map((row) => exported.map((c) => c.csv?.(row))),
      ),
    );
  return (
    <div className="an-table">
      {exportable ? (
        <div className="wg-table-toolbar">
          <Button
            variant="secondary"
            onClick={onExport}
            disabled={rows.length === 0}
            // The visible text starts the accessible name (WCAG 2.5.3), in every language.
            aria-label={t('table.exportLabel', { caption })}
          >
            {t('ui:exportCsv')}
          </Button>
        </div>
      ) : null}
      <DataTable
        caption={caption}
        columns={columns.filter((c) => !c.csvOnly)}
        rows={rows}
        getRowKey={getRowKey}
        emptyMessage={emptyMessage}
      />
    </div>
  );
}

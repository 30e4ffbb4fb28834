import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvValue, downloadCsv, toCsv } from '../csv';
import { Button } from './Button';

export interface DataTableColumn<Row> {
  key: string;
  header: string;
  /** What the cell shows (formatted for the reader). */
  cell: (row: Row) => ReactNode;
  /** The raw value exported to CSV (unformatted); columns without it are left out of the CSV. */
  csv?: (row: Row) => CsvValue;
  /** Numbers align at the end so digits line up. */
  align?: 'start' | 'end';
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
}

export interface DataTableProps<Row> {
  /** Visible caption: what the table shows. Required, it names the table for everyone. */
  caption: ReactNode;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row, index: number) => string;
  /** File name for the CSV export; no export button without it. */
  csvFileName?: string;
  /** Plain-text name of the table for the export button's accessible name. */
  csvLabel?: string;
  /** Shown in a single cell when there are no rows. */
  emptyMessage?: ReactNode;
  footer?: ReactNode;
}

/** True while the element's content is wider than the element (it scrolls sideways). */
function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

/**
 * A semantic table (caption, th with scope) with an optional CSV export of the same rows.
 * On a narrow screen the table scrolls sideways inside its wrapper, which then becomes a
 * focusable, named region so keyboard users can scroll it too.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  getRowKey,
  csvFileName,
  csvLabel,
  emptyMessage,
  footer,
}: DataTableProps<Row>) {
  const { t } = useTranslation('ui');
  const wrap = useRef<HTMLDivElement>(null);
  const scrolls = useHorizontalOverflow(wrap);
  const captionId = `table-caption-${useId()}`;
  const exportable = columns.filter((column) => column.csv);
  const onExport = () => {
    const csv = toCsv(
      exportable.map((column) => column.header),
      rows.map((row) => exportable.map((column) => column.csv?.(row))),
    );
    downloadCsv(csvFileName ?? 'export.csv', csv);
  };
  return (
    <div>
      {csvFileName && exportable.length > 0 ? (
        <div className="wg-table-toolbar">
          <Button
            variant="secondary"
            onClick={onExport}
            disabled={rows.length === 0}
            aria-label={csvLabel ? t('exportCsvLabel', { caption: csvLabel }) : undefined}
          >
            {t('exportCsv')}
          </Button>
        </div>
      ) : null}
      <div
        ref={wrap}
        className="wg-table-wrap"
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
      >
        <table className="wg-table">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.align === 'end' ? 'wg-table__cell--end' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{emptyMessage ?? t('tableEmpty')}</td>
              </tr>
            ) : (
              rows.map((row, index) => (
                <tr key={getRowKey(row, index)}>
                  {columns.map((column) => {
                    const className = column.align === 'end' ? 'wg-table__cell--end' : undefined;
                    return column.rowHeader ? (
                      <th key={column.key} scope="row" className={className}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={className}>
                        {column.cell(row)}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
          {footer ? <tfoot>{footer}</tfoot> : null}
        </table>
      </div>
    </div>
  );
}

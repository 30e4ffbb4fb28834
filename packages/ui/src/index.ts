export { Alert, type AlertProps, type AlertVariant } from './components/Alert';
export { Button, type ButtonProps, type ButtonVariant } from './components/Button';
export { Card, type CardProps } from './components/Card';
export { Checkbox, type CheckboxProps } from './components/Checkbox';
export { DataTable, type DataTableColumn, type DataTableProps } from './components/DataTable';
export { EmptyState, type EmptyStateProps } from './components/EmptyState';
export { ErrorBoundary, type ErrorBoundaryProps } from './components/ErrorBoundary';
export {
  ErrorSummary,
  type ErrorSummaryProps,
  type FieldErrorLink,
} from './components/ErrorSummary';
export {
  AppFooter,
  AppFrame,
  AppHeader,
  type AppHeaderProps,
  Main,
  type MainProps,
  PrimaryNav,
  type PrimaryNavProps,
} from './components/Layout';
export { PageHeader, type PageHeaderProps } from './components/PageHeader';
export { SelectField, type SelectFieldProps, type SelectOption } from './components/SelectField';
export { SkipLink, type SkipLinkProps } from './components/SkipLink';
export { Spinner, type SpinnerProps } from './components/Spinner';
export { Stat, type StatProps } from './components/Stat';
export { TextField, type TextFieldProps } from './components/TextField';
export { type CsvValue, downloadCsv, toCsv } from './csv';
export { useDocumentTitle } from './hooks/useDocumentTitle';
export { type Catalogues, type CreateI18nOptions, createI18n } from './i18n/createI18n';
export {
  type DateStyle,
  DISPLAY_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  INTL_LOCALE,
  isoDate,
} from './i18n/format';
export {
  DEFAULT_LOCALE,
  initialLocale,
  isLocale,
  type Locale,
  matchLocale,
  readStoredLocale,
  SUPPORTED_LOCALES,
  storeLocale,
} from './i18n/locale';
export { type Formatters, useFormat } from './i18n/useFormat';
export { useStageLabel } from './i18n/useStageLabel';
export { SyncBrowserHistory } from './router/SyncBrowserHistory';
export { chartPalette, OKABE_ITO, seriesColour } from './theme/palette';

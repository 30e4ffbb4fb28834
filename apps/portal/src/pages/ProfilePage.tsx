import { useMutation, useQuery } from '@apollo/client/react';
import { FLEMISH_PROVINCES, formatKbo } from '@werkgezond/domain';
import {
  PortalProfileDocument,
  type ProfileForm_OrganisationFragment,
  type ProfileHistory_ChangeFragment,
  UpdateOrganisationProfileDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Checkbox,
  DataTable,
  type DataTableColumn,
  ErrorSummary,
  isoDate,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actsForOrganisation } from '../access';
import { NoticeBanner, noticeState } from '../components/Notice';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure, inputPath } from '../forms/serverErrors';
import {
  employeeCountProblem,
  kboProblem,
  naceProblem,
  normaliseKbo,
  type Problem,
} from '../forms/validation';
import { useViewer } from '../ViewerContext';

const BRUSSELS = 'Brussels Hoofdstedelijk Gewest';

export interface ProfileValues {
  name: string;
  kboNumber: string;
  employeeCount: string;
  naceCode: string;
  municipality: string;
  province: string;
  hasPreventionCommittee: boolean;
}
type Field = keyof ProfileValues;
const FIELDS: readonly Field[] = [
  'name',
  'kboNumber',
  'employeeCount',
  'naceCode',
  'municipality',
  'province',
  'hasPreventionCommittee',
];
const fieldId = (field: Field) => `profile-${field}`;

export function validateProfile(
  values: ProfileValues,
  options: { isCompany: boolean; hadKbo: boolean },
): Partial<Record<Field, Problem>> {
  const found: Partial<Record<Field, Problem>> = {};
  if (values.name.trim().length < 2) found.name = { key: 'validation.organisationName' };
  const kbo = kboProblem(values.kboNumber, options.hadKbo);
  if (kbo) found.kboNumber = kbo;
  if (options.isCompany || values.employeeCount.trim()) {
    const employees = employeeCountProblem(values.employeeCount);
    if (employees) found.employeeCount = employees;
  }
  const nace = naceProblem(values.naceCode);
  if (nace) found.naceCode = nace;
  if (values.municipality.trim().length > 100)
    found.municipality = { key: 'validation.tooLong', params: { max: 100 } };
  return found;
}

/**
 * The company's (or network's) profile. Every saved change is kept with its date, and the
 * history is listed under the form: the eligibility checks read the current profile.
 */
export function ProfilePage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('profile.title');
  useDocumentTitle(title);
  if (!actsForOrganisation(viewer)) return <RoleNotice title={title} />;
  return <ProfileLoader />;
}

function ProfileLoader() {
  const { t } = useTranslation('portal');
  const { data, error, loading, refetch } = useQuery(PortalProfileDocument);
  const organisation = data?.viewer?.organisation;
  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('profile.loading')} />;
  else if (!organisation)
    body = (
      <QueryFailure title={t('profile.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else
    body = (
      <div className="wg-stack">
        <ProfileForm organisation={organisation} />
        <ProfileHistory changes={organisation.profileHistory} />
      </div>
    );
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        description={
          organisation ? t('profile.lead', { organisation: organisation.name }) : undefined
        }
      />
      <NoticeBanner />
      {body}
    </>
  );
}

/** 0603.793.722 rather than 0603793722; anything unexpected is shown as stored. */
function displayKbo(kbo: string): string {
  try {
    return formatKbo(kbo);
  } catch {
    return kbo;
  }
}

function toValues(o: ProfileForm_OrganisationFragment): ProfileValues {
  return {
    name: o.name,
    kboNumber: o.kboNumber ? displayKbo(o.kboNumber) : '',
    employeeCount:
      o.employeeCount === null || o.employeeCount === undefined ? '' : String(o.employeeCount),
    naceCode: o.naceCode ?? '',
    municipality: o.municipality ?? '',
    province: o.province ?? '',
    hasPreventionCommittee: o.hasPreventionCommittee,
  };
}

function ProfileForm({
  organisation,
}: {
  organisation: ProfileForm_OrganisationFragment & {
    profileHistory: readonly ProfileHistory_ChangeFragment[];
  };
}) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [values, setValues] = useState<ProfileValues>(() => toValues(organisation));
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  // Fixed at submit time, so a field checked on blur does not move the focus to the summary.
  const [summary, setSummary] = useState<{ fieldId: string; message: string }[]>([]);
  const toSummary = (found: Partial<Record<Field, string>>) =>
    FIELDS.filter((f) => found[f]).map((f) => ({ fieldId: fieldId(f), message: found[f] ?? '' }));
  const [formError, setFormError] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const inFlight = useRef(false);
  const [update, { loading }] = useMutation(UpdateOrganisationProfileDocument);
  const isCompany = organisation.kind === 'COMPANY';

  const set = <K extends Field>(key: K, value: ProfileValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const found = validateProfile(values, { isCompany, hadKbo: !!organisation.kboNumber });
    const shown: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const problem = found[field];
      if (problem) shown[field] = t(problem.key, problem.params);
    }
    setProblems(shown);
    setSummary(toSummary(shown));
    setFormError(null);
    setUnchanged(false);
    if (Object.keys(shown).length > 0) return;
    const optional = (value: string) => (value.trim() ? value.trim() : null);
    inFlight.current = true;
    try {
      const before = organisation.profileHistory.length;
      const result = await update({
        variables: {
          input: {
            organisationId: organisation.id,
            name: values.name.trim(),
            kboNumber: values.kboNumber.trim()
              ? (normaliseKbo(values.kboNumber) ?? values.kboNumber.trim())
              : null,
            employeeCount: values.employeeCount.trim() ? Number(values.employeeCount.trim()) : null,
            naceCode: optional(values.naceCode),
            municipality: optional(values.municipality),
            province: optional(values.province),
            hasPreventionCommittee: values.hasPreventionCommittee,
          },
        },
      });
      const after = result.data?.updateOrganisationProfile.profileHistory.length ?? before;
      if (after === before) {
        setUnchanged(true);
        return;
      }
      // In history state: the shell mounts the portal again when the organisation's name changed.
      navigate('.', { replace: true, state: noticeState('profileSaved') });
    } catch (error) {
      const failure = describeFailure<Field>(error, t, (path) => {
        const field = inputPath(path);
        return (FIELDS as readonly string[]).includes(field) ? (field as Field) : undefined;
      });
      setProblems(failure.fields);
      setSummary(toSummary(failure.fields));
      setFormError(failure.form);
    } finally {
      inFlight.current = false;
    }
  };

  const text = (field: Exclude<Field, 'hasPreventionCommittee'>) => ({
    id: fieldId(field),
    name: field,
    value: values[field],
    error: problems[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="wg-card" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title" className="wg-card__title">
        {t('profile.formTitle')}
      </h2>
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      {unchanged ? <Alert variant="info">{t('profile.unchanged')}</Alert> : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
      <TextField {...text('name')} label={t('profile.name')} autoComplete="organization" required />
      <TextField
        {...text('kboNumber')}
        label={t('profile.kboNumber')}
        hint={t('profile.kboHint')}
        inputMode="numeric"
        spellCheck={false}
        required={!!organisation.kboNumber}
        onBlur={() => {
          if (!values.kboNumber.trim()) return;
          const problem = kboProblem(values.kboNumber);
          setProblems((current) => {
            const { kboNumber: _old, ...rest } = current;
            return problem ? { ...rest, kboNumber: t(problem.key) } : rest;
          });
        }}
      />
      <TextField
        {...text('employeeCount')}
        label={t('profile.employeeCount')}
        hint={t('profile.employeeCountHint')}
        inputMode="numeric"
        required={isCompany}
      />
      <TextField
        {...text('naceCode')}
        label={t('profile.naceCode')}
        hint={t('profile.naceHint')}
        spellCheck={false}
      />
      <TextField
        {...text('municipality')}
        label={t('profile.municipality')}
        autoComplete="address-level2"
      />
      <SelectField
        {...text('province')}
        label={t('profile.province')}
        placeholder={t('profile.provincePlaceholder')}
        options={[
          ...FLEMISH_PROVINCES.map((p) => ({ value: p, label: p })),
          { value: BRUSSELS, label: t('profile.provinceBrussels') },
          ...(values.province && ![...FLEMISH_PROVINCES, BRUSSELS].includes(values.province)
            ? [{ value: values.province, label: values.province }]
            : []),
        ]}
      />
      <Checkbox
        id={fieldId('hasPreventionCommittee')}
        name="hasPreventionCommittee"
        label={t('profile.hasPreventionCommittee')}
        hint={t('profile.hasPreventionCommitteeHint')}
        checked={values.hasPreventionCommittee}
        error={problems.hasPreventionCommittee}
        onChange={(e) => set('hasPreventionCommittee', e.target.checked)}
      />
      <Button type="submit" busy={loading}>
        {t('profile.save')}
      </Button>
    </form>
  );
}

const HISTORY_FIELDS = [
  'name',
  'kboNumber',
  'employeeCount',
  'sizeClass',
  'naceCode',
  'municipality',
  'province',
  'hasPreventionCommittee',
];

interface HistoryRow {
  key: string;
  changedAt: string;
  field: string;
  from: unknown;
  to: unknown;
}

function historyRows(changes: readonly ProfileHistory_ChangeFragment[]): HistoryRow[] {
  return changes.flatMap((change, index) => {
    const fields = (change.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
    return Object.entries(fields)
      .sort(([a], [b]) => HISTORY_FIELDS.indexOf(a) - HISTORY_FIELDS.indexOf(b))
      .map(([field, diff]) => ({
        key: `${index}-${field}`,
        changedAt: change.changedAt,
        field,
        from: diff?.from ?? null,
        to: diff?.to ?? null,
      }));
  });
}

export function formatProfileValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'sizeClass')
    return t(`sizeClasses.${String(value)}`, { defaultValue: String(value) });
  return String(value);
}

function ProfileHistory({ changes }: { changes: readonly ProfileHistory_ChangeFragment[] }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const rows = historyRows(changes);
  const columns: DataTableColumn<HistoryRow>[] = [
    {
      key: 'changedAt',
      header: t('profile.history.changedAt'),
      cell: (r) => <time dateTime={isoDate(r.changedAt)}>{format.dateTime(r.changedAt)}</time>,
      csv: (r) => r.changedAt,
    },
    {
      key: 'field',
      header: t('profile.history.field'),
      cell: (r) => t(`profile.fields.${r.field}`, { defaultValue: r.field }),
      csv: (r) => r.field,
      rowHeader: true,
    },
    {
      key: 'from',
      header: t('profile.history.from'),
      cell: (r) => formatProfileValue(t, r.field, r.from),
      csv: (r) => (r.from === null ? null : String(r.from)),
    },
    {
      key: 'to',
      header: t('profile.history.to'),
      cell: (r) => formatProfileValue(t, r.field, r.to),
      csv: (r) => (r.to === null ? null : String(r.to)),
    },
  ];
  return (
    <section className="wg-card" aria-labelledby="profile-history">
      <h2 id="profile-history" className="wg-card__title">
        {t('profile.history.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="wg-card__lead">{t('profile.history.empty')}</p>
      ) : (
        <DataTable
          caption={t('profile.history.caption')}
          columns={columns}
          rows={rows}
          getRowKey={(r) => r.key}
        />
      )}
    </section>
  );
}

import { useQuery } from '@apollo/client/react';
import {
  AnalyticsChannelOptionsDocument,
  type FunnelDimension,
  type FunnelUnit,
  type ProgrammeOverview_ProgrammeFragment,
} from '@werkgezond/graphql-client';
import { Checkbox, SelectField, TextField } from '@werkgezond/ui';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../url/params';
import {
  countSegmentFilters,
  DIMENSIONS,
  PROVINCES,
  REGISTRATION_TYPES,
  SIZE_CLASSES,
  UNITS,
} from '../url/specs';

/** The filter area of a page: a labelled form whose every change is written to the URL. */
export function FilterPanel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form
      className="an-filters"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
      noValidate
    >
      {children}
    </form>
  );
}

export function FilterGrid({ children }: { children: ReactNode }) {
  return <div className="an-filters__grid">{children}</div>;
}

export function ProgrammeSelect({
  programmes,
  value,
  onChange,
}: {
  programmes: readonly ProgrammeOverview_ProgrammeFragment[];
  value: string | null;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <SelectField
      label={t('filters.programme')}
      name="programme"
      value={value ?? ''}
      options={programmes.map((p) => ({ value: p.key, label: p.name }))}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function DateField({
  name,
  label,
  hint,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string | null;
  onChange: (date: string | null) => void;
}) {
  return (
    <TextField
      type="date"
      name={name}
      label={label}
      hint={hint}
      value={value ?? ''}
      min="2000-01-01"
      max="2999-12-31"
      onChange={(event) => {
        const next = event.target.value;
        if (next === '') onChange(null);
        else if (isIsoDate(next)) onChange(next);
      }}
    />
  );
}

export function AsOfField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (date: string | null) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <DateField
      name="asOf"
      label={t('filters.asOf')}
      hint={t('filters.asOfHint')}
      value={value}
      onChange={onChange}
    />
  );
}

export function UnitSelect({
  value,
  onChange,
}: {
  value: FunnelUnit;
  onChange: (unit: FunnelUnit) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <SelectField
      label={t('filters.unit')}
      name="unit"
      hint={t('filters.unitHint')}
      value={value}
      options={UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
      onChange={(event) => onChange(event.target.value as FunnelUnit)}
    />
  );
}

export interface Choice<T extends string | number | boolean> {
  value: T;
  label: string;
}

/** A group of checkboxes: several values of one filter. None ticked = no filter. */
export function Choices<T extends string | number | boolean>({
  legend,
  hint,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: readonly Choice<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  const hintId = `choices-hint-${useId()}`;
  return (
    <fieldset className="an-choices" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span id={hintId} className="wg-field__hint">
          {hint}
        </span>
      ) : null}
      <div className="an-choices__list">
        {options.map((option) => (
          <Checkbox
            key={String(option.value)}
            name={name}
            label={option.label}
            checked={value.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value, option.value]
                  : value.filter((v) => v !== option.value),
              )
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

export function YearChoices({
  programme,
  value,
  onChange,
  legend,
}: {
  programme: ProgrammeOverview_ProgrammeFragment | null;
  value: readonly number[];
  onChange: (years: number[]) => void;
  legend?: string;
}) {
  const { t } = useTranslation('analytics');
  const years = (programme?.editions ?? []).map((e) => e.year).sort((a, b) => a - b);
  return (
    <Choices
      legend={legend ?? t('filters.years')}
      hint={t('filters.yearsHint')}
      name="years"
      options={years.map((year) => ({ value: year, label: String(year) }))}
      value={value}
      onChange={(next) => onChange([...next].sort((a, b) => a - b))}
    />
  );
}

/** Up to two breakdowns: the second splits each value of the first. */
export function BreakdownSelects({
  value,
  onChange,
}: {
  value: readonly FunnelDimension[];
  onChange: (dimensions: FunnelDimension[]) => void;
}) {
  const { t } = useTranslation('analytics');
  const [first, second] = value;
  const options = DIMENSIONS.map((d) => ({ value: d, label: t(`dimensions.${d}`) }));
  return (
    <>
      <SelectField
        label={t('filters.breakdown1')}
        name="breakdown1"
        placeholder={t('filters.noBreakdown')}
        value={first ?? ''}
        options={options}
        onChange={(event) => {
          const next = event.target.value as FunnelDimension | '';
          onChange(next ? [next, ...(second && second !== next ? [second] : [])] : []);
        }}
      />
      <SelectField
        label={t('filters.breakdown2')}
        name="breakdown2"
        placeholder={t('filters.noBreakdown')}
        value={second ?? ''}
        disabled={!first}
        options={options.filter((o) => o.value !== first)}
        onChange={(event) => {
          const next = event.target.value as FunnelDimension | '';
          onChange(first ? [first, ...(next ? [next] : [])] : []);
        }}
      />
    </>
  );
}

export interface SegmentState {
  channels: string[];
  sizeClasses: string[];
  registrationTypes: string[];
  committee: boolean[];
  provinces: string[];
  sectors: string[];
}

/** The segment filters (channel, size, registration, committee, province) behind a toggle. */
export function SegmentFilters({
  value,
  onChange,
}: {
  value: SegmentState;
  onChange: (patch: Partial<SegmentState>) => void;
}) {
  const { t } = useTranslation('analytics');
  const channels = useQuery(AnalyticsChannelOptionsDocument);
  const active = countSegmentFilters(value);
  return (
    <details className="an-more" open={active > 0 || undefined}>
      <summary>
        {active > 0 ? t('filters.moreActive', { count: active }) : t('filters.more')}
      </summary>
      <Choices
        legend={t('dimensions.CHANNEL')}
        name="channels"
        options={(channels.data?.outreachChannels ?? []).map((c) => ({
          value: c.key,
          label: c.name,
        }))}
        value={value.channels}
        onChange={(next) => onChange({ channels: next })}
      />
      <Choices
        legend={t('dimensions.SIZE_CLASS')}
        name="sizeClasses"
        options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizeClasses.${s}`) }))}
        value={value.sizeClasses}
        onChange={(next) => onChange({ sizeClasses: next })}
      />
      <Choices
        legend={t('dimensions.REGISTRATION_TYPE')}
        name="registrationTypes"
        options={REGISTRATION_TYPES.map((s) => ({ value: s, label: t(`registrationTypes.${s}`) }))}
        value={value.registrationTypes}
        onChange={(next) => onChange({ registrationTypes: next })}
      />
      <Choices
        legend={t('dimensions.HAS_PREVENTION_COMMITTEE')}
        name="committee"
        options={[
          { value: true, label: t('committee.true') },
          { value: false, label: t('committee.false') },
        ]}
        value={value.committee}
        onChange={(next) => onChange({ committee: next })}
      />
      <Choices
        legend={t('dimensions.PROVINCE')}
        name="provinces"
        options={PROVINCES.map((p) => ({ value: p, label: p }))}
        value={value.provinces}
        onChange={(next) => onChange({ provinces: next })}
      />
    </details>
  );
}

import { useQuery } from '@apollo/client/react';
import { NACE_SECTIONS } from '@werkgezond/domain';
import {
  AdminEligibilityPreviewDocument,
  type EligibilityRulesInput,
  type OrganisationKind,
  type SizeClass,
} from '@werkgezond/graphql-client';
import { Checkbox, TextField, useFormat } from '@werkgezond/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The rules as the form edits them (text fields stay text until sent). */
export interface RulesForm {
  organisationKinds: OrganisationKind[];
  maxEmployees: string;
  sizeClasses: SizeClass[];
  requiresNoPreventionCommittee: boolean;
  provinces: string;
  /** NACE section letters (A–U). */
  naceSections: string[];
}

export const EMPTY_RULES: RulesForm = {
  organisationKinds: [],
  maxEmployees: '',
  sizeClasses: [],
  requiresNoPreventionCommittee: false,
  provinces: '',
  naceSections: [],
};

export function rulesFromProgramme(e: {
  organisationKinds: string[];
  maxEmployees?: number | null;
  sizeClasses: string[];
  requiresNoPreventionCommittee: boolean;
  provinces: string[];
  naceSections?: string[] | null;
}): RulesForm {
  return {
    organisationKinds: e.organisationKinds as OrganisationKind[],
    maxEmployees:
      e.maxEmployees === null || e.maxEmployees === undefined ? '' : String(e.maxEmployees),
    sizeClasses: e.sizeClasses as SizeClass[],
    requiresNoPreventionCommittee: e.requiresNoPreventionCommittee,
    provinces: e.provinces.join(', '),
    naceSections: [...(e.naceSections ?? [])],
  };
}

/** The input the API takes; a headcount that is not a number is sent as-is to be refused there. */
export function rulesInput(r: RulesForm): EligibilityRulesInput {
  const max = r.maxEmployees.trim();
  return {
    organisationKinds: r.organisationKinds,
    maxEmployees: max === '' ? null : Number(max),
    sizeClasses: r.sizeClasses,
    requiresNoPreventionCommittee: r.requiresNoPreventionCommittee,
    provinces: r.provinces
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    naceSections: [...r.naceSections].sort(),
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

const KINDS: OrganisationKind[] = ['COMPANY', 'NETWORK'];
const SIZES: SizeClass[] = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];

/** Eligibility rules as data, with the live count of registered companies they admit. */
export function EligibilityFields({
  value,
  onChange,
  error,
}: {
  value: RulesForm;
  onChange: (next: RulesForm) => void;
  error?: string | null;
}) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const rules = useDebounced(rulesInput(value), 300);
  const valid = rules.maxEmployees === null || Number.isInteger(rules.maxEmployees);
  const preview = useQuery(AdminEligibilityPreviewDocument, {
    variables: { rules },
    skip: !valid,
  });
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const counts = preview.data?.eligibilityPreview;
  return (
    <fieldset className="wg-admin-fieldset">
      <legend>{t('eligibility.legend')}</legend>
      <fieldset className="wg-admin-inline">
        <legend>{t('eligibility.kinds')}</legend>
        {KINDS.map((k) => (
          <Checkbox
            key={k}
            name={`kind-${k}`}
            label={t(`kinds.${k}`)}
            checked={value.organisationKinds.includes(k)}
            onChange={() =>
              onChange({ ...value, organisationKinds: toggle(value.organisationKinds, k) })
            }
          />
        ))}
      </fieldset>
      <TextField
        name="maxEmployees"
        label={t('eligibility.maxEmployees')}
        hint={t('eligibility.maxEmployeesHint')}
        inputMode="numeric"
        value={value.maxEmployees}
        error={error ?? (valid ? undefined : t('eligibility.maxEmployeesInvalid'))}
        onChange={(e) => onChange({ ...value, maxEmployees: e.target.value })}
      />
      <fieldset className="wg-admin-inline">
        <legend>{t('eligibility.sizeClasses')}</legend>
        {SIZES.map((s) => (
          <Checkbox
            key={s}
            name={`size-${s}`}
            label={t(`sizes.${s}`)}
            checked={value.sizeClasses.includes(s)}
            onChange={() => onChange({ ...value, sizeClasses: toggle(value.sizeClasses, s) })}
          />
        ))}
      </fieldset>
      <Checkbox
        name="requiresNoPreventionCommittee"
        label={t('eligibility.noCommittee')}
        checked={value.requiresNoPreventionCommittee}
        onChange={(e) => onChange({ ...value, requiresNoPreventionCommittee: e.target.checked })}
      />
      <TextField
        name="provinces"
        label={t('eligibility.provinces')}
        hint={t('eligibility.provincesHint')}
        value={value.provinces}
        onChange={(e) => onChange({ ...value, provinces: e.target.value })}
      />
      <fieldset className="wg-admin-inline wg-admin-sectors">
        <legend>{t('eligibility.sectors')}</legend>
        {NACE_SECTIONS.map((s) => (
          <Checkbox
            key={s}
            name={`sector-${s}`}
            label={`${s} – ${t(`sectors.${s}`)}`}
            checked={value.naceSections.includes(s)}
            onChange={() => onChange({ ...value, naceSections: toggle(value.naceSections, s) })}
          />
        ))}
      </fieldset>
      <p className="wg-admin-preview" role="status" aria-live="polite">
        {counts
          ? t('eligibility.preview', {
              eligible: format.number(counts.eligible),
              registered: format.number(counts.registered),
            })
          : t('eligibility.previewPending')}
      </p>
    </fieldset>
  );
}

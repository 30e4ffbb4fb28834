import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreateProgrammeDocument,
  AdminOrganisationsOfKindDocument,
  AdminProgrammesDocument,
  type StageTemplate,
} from '@werkgezond/graphql-client';
import { Button, PageHeader, SelectField, TextField, useDocumentTitle } from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type ComponentRow,
  ComponentsFields,
  componentsInput,
} from '../components/ComponentsFields';
import { EligibilityFields, EMPTY_RULES, rulesInput } from '../components/EligibilityFields';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';

/** Euro amount as typed ("500" or "500,50") to cents; null when empty, NaN when not a number. */
export function euroToCents(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
}

/** A new programme (ADMIN): name, key, operator, contribution, stages template and rules. */
export function ProgrammeNewPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('programmeNew.title'));
  const navigate = useNavigate();
  const operators = useQuery(AdminOrganisationsOfKindDocument, {
    variables: { kinds: ['PROGRAMME_OPERATOR', 'SERVICE_PROVIDER'] },
  });
  const [create, { loading }] = useMutation(AdminCreateProgrammeDocument, {
    refetchQueries: [AdminProgrammesDocument],
  });
  const [form, setForm] = useState({
    name: '',
    key: '',
    description: '',
    operatorId: '',
    contribution: '',
    stageTemplate: 'TRAJECTORY' as StageTemplate,
  });
  const [rules, setRules] = useState(EMPTY_RULES);
  const [components, setComponents] = useState<ComponentRow[]>([]);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const fieldError = (name: string) =>
    problem?.field === `input.${name}` ? problem.message : undefined;
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const cents = euroToCents(form.contribution);
    if (Number.isNaN(cents)) {
      setProblem({
        local: true,
        code: 'BAD_USER_INPUT',
        message: t('programmeNew.contributionInvalid'),
        field: 'input.employerContributionCents',
      });
      return;
    }
    try {
      const result = await create({
        variables: {
          input: {
            key: form.key.trim(),
            name: form.name,
            description: form.description,
            operatorId: form.operatorId,
            employerContributionCents: cents,
            stageTemplate: form.stageTemplate,
            eligibility: rulesInput(rules),
            components: componentsInput(components),
          },
        },
      });
      const key = result.data?.createProgramme.key;
      if (key) navigate(`/programmas/${key}`, { state: { created: true } });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const operatorOptions = (operators.data?.organisations.edges ?? []).map((e) => ({
    value: e.node.id,
    label: e.node.name,
  }));
  return (
    <div className="wg-stack">
      <PageHeader title={t('programmeNew.title')} description={t('programmeNew.intro')} />
      <ProblemAlert problem={problem} />
      <form className="wg-stack" onSubmit={onSubmit} noValidate>
        <TextField
          name="name"
          label={t('programme.name')}
          required
          value={form.name}
          onChange={set('name')}
          error={fieldError('name')}
        />
        <TextField
          name="key"
          label={t('programme.key')}
          hint={t('programme.keyHint')}
          required
          value={form.key}
          onChange={set('key')}
          error={fieldError('key')}
        />
        <TextField
          name="description"
          label={t('programme.description')}
          value={form.description}
          onChange={set('description')}
        />
        <SelectField
          name="operatorId"
          label={t('programme.operator')}
          required
          placeholder={t('choose')}
          options={operatorOptions}
          value={form.operatorId}
          onChange={set('operatorId')}
          error={fieldError('operatorId')}
        />
        <TextField
          name="contribution"
          label={t('programme.contribution')}
          hint={t('programme.contributionHint')}
          inputMode="decimal"
          value={form.contribution}
          onChange={set('contribution')}
          error={fieldError('employerContributionCents')}
        />
        <SelectField
          name="stageTemplate"
          label={t('programme.stageTemplate')}
          options={[
            { value: 'TRAJECTORY', label: t('stageTemplates.TRAJECTORY') },
            { value: 'AWARD', label: t('stageTemplates.AWARD') },
          ]}
          value={form.stageTemplate}
          onChange={set('stageTemplate')}
        />
        <EligibilityFields
          value={rules}
          onChange={setRules}
          error={fieldError('eligibility.maxEmployees')}
        />
        <ComponentsFields value={components} onChange={setComponents} fieldError={fieldError} />
        <div>
          <Button type="submit" busy={loading}>
            {t('programmeNew.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ApplicationPage_ApplicationFragment,
  ApplyToProgrammeDocument,
  apiErrors,
  PortalApplicationDocument,
  PortalApplyFormDocument,
  type PortalApplyFormQuery,
  SaveApplicationDraftDocument,
  SubmitApplicationDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
} from '@werkgezond/ui';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { actsForApplicant, actsForOrganisation } from '../access';
import { eligibilityReasonText } from '../components/eligibility';
import { RadioGroup } from '../components/fields/RadioGroup';
import { NoticeBanner, noticeState } from '../components/Notice';
import { isNotFound, QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { kboProblem, newIdempotencyKey, normaliseKbo } from '../forms/validation';
import { useViewer } from '../ViewerContext';
import { PortalNotFoundPage } from './PortalNotFoundPage';

type RegistrationType = 'INDIVIDUAL' | 'GROUP';

interface NewMemberRow {
  rowId: string;
  kboNumber: string;
  name: string;
}

export interface ApplyValues {
  programmeKey: string;
  registrationType: RegistrationType;
  channelKey: string;
  memberIds: string[];
  newMembers: NewMemberRow[];
}

/** Field names of the form: fixed ones, and `newMember.<rowId>.kboNumber|name` per added row. */
type Problems = Record<string, string>;

const MAX_MEMBERS = 200;
let rowSequence = 0;
const newRow = (): NewMemberRow => ({ rowId: `row${++rowSequence}`, kboNumber: '', name: '' });

const fieldId = (field: string) => `apply-${field.replace(/\./g, '-')}`;
const FIELD_TARGET: Record<string, string> = {
  programmeKey: 'apply-programmeKey-0',
  registrationType: 'apply-registrationType-0',
  members: 'apply-members-filter',
};
const targetOf = (field: string) => FIELD_TARGET[field] ?? fieldId(field);
const toSummary = (problems: Problems) =>
  Object.entries(problems).map(([field, message]) => ({ fieldId: targetOf(field), message }));

/**
 * Apply to a programme: individually, or as a network coordinator for a group of member
 * companies (picked from the network or added by KBO number). A draft can be saved and resumed
 * later; submitting sends an idempotency key made when the form opened, so a double click or a
 * retry after a network error never creates a second application.
 */
export function ApplyPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const { id } = useParams();
  const title = id ? t('apply.editTitle') : t('apply.title');
  if (!actsForOrganisation(viewer)) return <RoleNotice title={title} />;
  return <ApplyLoader key={id ?? 'new'} applicationId={id ?? null} title={title} />;
}

function ApplyLoader({ applicationId, title }: { applicationId: string | null; title: string }) {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  useDocumentTitle(title);
  const organisationId = viewer.organisation?.id ?? '';
  const form = useQuery(PortalApplyFormDocument, { variables: { organisationId } });
  const draft = useQuery(PortalApplicationDocument, {
    variables: { id: applicationId ?? '' },
    skip: !applicationId,
  });

  let body: React.ReactNode;
  if ((form.loading && !form.data) || (draft.loading && !draft.data)) {
    body = <Spinner label={t('apply.loading')} />;
  } else if (applicationId && !draft.data) {
    if (isNotFound(draft.error))
      return (
        <PortalNotFoundPage
          title={t('application.notFoundTitle')}
          description={t('application.notFoundText')}
        />
      );
    body = (
      <QueryFailure
        title={t('apply.errorTitle')}
        error={draft.error}
        onRetry={() => void draft.refetch()}
      />
    );
  } else if (!form.data?.viewer?.organisation) {
    body = (
      <QueryFailure
        title={t('apply.errorTitle')}
        error={form.error}
        onRetry={() => void form.refetch()}
      />
    );
  } else {
    const existing = draft.data?.application ?? null;
    if (existing && (existing.submittedAt || !actsForApplicant(viewer, existing.organisation.id))) {
      body = (
        <Alert variant="info" title={t('apply.notDraftTitle')}>
          <p>
            <Link to={`/aanvragen/${existing.id}`}>{t('apply.notDraftLink')}</Link>
          </p>
        </Alert>
      );
    } else {
      body = <ApplyForm data={form.data} draft={existing} />;
    }
  }
  return (
    <>
      <PageHeader title={title} description={t('apply.lead')} />
      <NoticeBanner />
      {body}
    </>
  );
}

function initialValues(
  data: PortalApplyFormQuery,
  draft: ApplicationPage_ApplicationFragment | null,
  programmeParam: string | null,
): ApplyValues {
  const organisation = data.viewer?.organisation;
  const isNetwork = organisation?.kind === 'NETWORK';
  if (draft) {
    return {
      programmeKey: draft.programme.key,
      registrationType: draft.registrationType as RegistrationType,
      channelKey: organisation?.firstTouchChannel?.key ?? draft.channel?.key ?? '',
      memberIds: draft.members.map((m) => m.id),
      newMembers: [],
    };
  }
  const known = data.programmes.some((p) => p.key === programmeParam && p.openCall);
  return {
    programmeKey: known && programmeParam ? programmeParam : '',
    registrationType: isNetwork ? 'GROUP' : 'INDIVIDUAL',
    // Signed up through a referral partner's link: that channel is known, the question skipped.
    channelKey: organisation?.firstTouchChannel?.key ?? '',
    memberIds: [],
    newMembers: [],
  };
}

/** Checks before sending. A draft only needs what the API needs to store it. */
export function validateApply(
  values: ApplyValues,
  options: { submit: boolean; eligible: boolean | null },
): Record<string, { key: string; params?: Record<string, unknown> }> {
  const found: Record<string, { key: string; params?: Record<string, unknown> }> = {};
  if (!values.programmeKey) found.programmeKey = { key: 'validation.chooseProgramme' };
  else if (options.submit && values.registrationType === 'INDIVIDUAL' && options.eligible === false)
    found.programmeKey = { key: 'validation.notEligible' };
  if (options.submit && !values.channelKey) found.channelKey = { key: 'validation.chooseChannel' };
  if (values.registrationType === 'GROUP') {
    const total = values.memberIds.length + values.newMembers.length;
    if (total === 0) found.members = { key: 'validation.membersRequired' };
    else if (total > MAX_MEMBERS)
      found.members = { key: 'validation.tooManyMembers', params: { max: MAX_MEMBERS } };
    const seen = new Set<string>();
    for (const row of values.newMembers) {
      const kbo = kboProblem(row.kboNumber);
      const normalised = normaliseKbo(row.kboNumber);
      if (kbo) found[`newMember.${row.rowId}.kboNumber`] = kbo;
      else if (normalised && seen.has(normalised))
        found[`newMember.${row.rowId}.kboNumber`] = { key: 'validation.kboDuplicate' };
      if (normalised) seen.add(normalised);
      if (row.name.trim().length < 2)
        found[`newMember.${row.rowId}.name`] = { key: 'validation.memberName' };
    }
  }
  return found;
}

function conflictingApplicationId(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const id = e.extensions?.applicationId;
    if (e.extensions?.code === 'CONFLICT' && typeof id === 'string') return id;
  }
  return null;
}

function ApplyForm({
  data,
  draft,
}: {
  data: PortalApplyFormQuery;
  draft: ApplicationPage_ApplicationFragment | null;
}) {
  const { t, i18n } = useTranslation('portal');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const organisation = data.viewer?.organisation;
  const isNetwork = organisation?.kind === 'NETWORK';
  const [values, setValues] = useState<ApplyValues>(() =>
    initialValues(data, draft, params.get('programma')),
  );
  const [problems, setProblems] = useState<Problems>({});
  // The summary lists the problems of the last submit: fixing a field (checked on blur) must
  // not change it, or it would take the focus away from the field being typed in.
  const [summary, setSummary] = useState<{ fieldId: string; message: string }[]>([]);
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const [memberFilter, setMemberFilter] = useState('');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  // Made once when the form opens: every attempt of this form sends the same key.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [applicationId, setApplicationId] = useState<string | null>(draft?.id ?? null);
  const inFlight = useRef(false);

  const [saveDraft] = useMutation(SaveApplicationDraftDocument);
  const [submitDraft] = useMutation(SubmitApplicationDocument);
  const [apply] = useMutation(ApplyToProgrammeDocument, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'applications' });
      cache.gc();
    },
  });

  const programme = data.programmes.find((p) => p.key === values.programmeKey);
  const verdict = programme?.eligibilityFor ?? null;
  const members = organisation?.members ?? [];
  const visibleMembers = useMemo(() => {
    const needle = memberFilter.trim().toLowerCase();
    const digits = needle.replace(/\D/g, '');
    return members.filter(
      (m) =>
        !needle ||
        m.name.toLowerCase().includes(needle) ||
        (digits.length >= 3 && (m.kboNumber ?? '').includes(digits)),
    );
  }, [members, memberFilter]);

  const set = <K extends keyof ApplyValues>(key: K, value: ApplyValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setRow = (rowId: string, patch: Partial<NewMemberRow>) =>
    setValues((current) => ({
      ...current,
      newMembers: current.newMembers.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)),
    }));
  const clearProblem = (field: string) =>
    setProblems((current) => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });

  const toInput = () => {
    const group = values.registrationType === 'GROUP';
    return {
      organisationId: organisation?.id ?? '',
      programmeKey: values.programmeKey,
      registrationType: values.registrationType,
      channelKey: values.channelKey || null,
      memberOrganisationIds: group ? values.memberIds : null,
      newMembers: group
        ? values.newMembers.map((r) => ({
            kboNumber: normaliseKbo(r.kboNumber) ?? r.kboNumber.trim(),
            name: r.name.trim(),
          }))
        : null,
    };
  };

  /** Server field paths → form fields (new members by their position in the list sent). */
  const fieldFor = (rows: NewMemberRow[]) => (path: string) => {
    const field = inputPath(path);
    const member = /^newMembers\.(\d+)\.(kboNumber|name)$/.exec(field);
    if (member) {
      const row = rows[Number(member[1])];
      return row ? `newMember.${row.rowId}.${member[2]}` : 'members';
    }
    if (field === 'memberOrganisationIds') return 'members';
    if (field === 'organisationId' || field === 'programmeKey') return 'programmeKey';
    if (field === 'channelKey' || field === 'registrationType') return field;
    return undefined;
  };

  const check = (submit: boolean) => {
    const found = validateApply(values, { submit, eligible: verdict ? verdict.eligible : null });
    const shown: Problems = {};
    for (const [field, problem] of Object.entries(found))
      shown[field] = t(problem.key, problem.params);
    setProblems(shown);
    setSummary(toSummary(shown));
    setFormError(null);
    return Object.keys(shown).length === 0;
  };

  const fail = (error: unknown, rows: NewMemberRow[]) => {
    const other = conflictingApplicationId(error);
    if (other) {
      setFormError(
        <>
          {t('apply.alreadyApplied')}{' '}
          <Link to={`/aanvragen/${other}`}>{t('apply.alreadyAppliedLink')}</Link>
        </>,
      );
      return;
    }
    const failure = describeFailure<string>(error, t, fieldFor(rows));
    setProblems(failure.fields as Problems);
    setSummary(toSummary(failure.fields as Problems));
    setFormError(failure.form);
  };

  const onSaveDraft = async () => {
    if (inFlight.current || !check(false)) return;
    inFlight.current = true;
    setBusy('draft');
    const rows = values.newMembers;
    try {
      const result = await saveDraft({
        variables: {
          input: applicationId ? { ...toInput(), applicationId } : { ...toInput(), idempotencyKey },
        },
        update(cache) {
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'applications' });
          cache.gc();
        },
      });
      const saved = result.data?.saveApplicationDraft;
      if (!saved) throw new Error('Empty answer');
      if (!applicationId) {
        setApplicationId(saved.id);
        // Resumable: the draft now has its own address.
        navigate(`/aanvragen/${saved.id}/bewerken`, {
          replace: true,
          state: noticeState('draftSaved'),
        });
        return;
      }
      setValues((current) => ({
        ...current,
        memberIds: saved.members.map((m) => m.id),
        newMembers: [],
      }));
      setSavedAt(new Date());
    } catch (error) {
      fail(error, rows);
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current || !check(true)) return;
    inFlight.current = true;
    setBusy('submit');
    const rows = values.newMembers;
    try {
      let id: string | undefined;
      if (applicationId) {
        try {
          await saveDraft({ variables: { input: { ...toInput(), applicationId } } });
        } catch (error) {
          // Already submitted (a retry after the first attempt went through): just continue.
          const submitted = apiErrors(error).some((e) => /no longer be edited/.test(e.message));
          if (!submitted) throw error;
        }
        const result = await submitDraft({
          variables: { applicationId },
          update(cache) {
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'applications' });
            cache.gc();
          },
        });
        id = result.data?.submitApplication.id;
      } else {
        const result = await apply({ variables: { input: { ...toInput(), idempotencyKey } } });
        id = result.data?.applyToProgramme.id;
      }
      if (!id) throw new Error('Empty answer');
      navigate(`/aanvragen/${id}`, { state: noticeState('submitted') });
    } catch (error) {
      fail(error, rows);
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-describedby="apply-intro" className="wg-form-column">
      <p id="apply-intro" className="wg-muted">
        {t('apply.intro', { organisation: organisation?.name })}
      </p>
      {formError ? (
        <Alert variant="error" title={t('apply.failedTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      {savedAt ? (
        <Alert variant="success">
          {t('apply.draftSavedAt', {
            time: savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'nl-BE', {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </Alert>
      ) : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />

      {draft ? (
        <p>
          <strong>{t('apply.programme')}:</strong> {draft.programme.name}
        </p>
      ) : (
        <RadioGroup
          id="apply-programmeKey"
          legend={t('apply.programme')}
          name="programmeKey"
          required
          value={values.programmeKey}
          onChange={(value) => {
            set('programmeKey', value);
            clearProblem('programmeKey');
          }}
          error={problems.programmeKey}
          options={data.programmes
            .filter((p) => p.openCall)
            .map((p) => ({
              value: p.key,
              label: p.name,
              hint: [p.openCall?.name, ...p.components.map((c) => c.name)].join(' · '),
            }))}
        />
      )}
      {programme && verdict && values.registrationType === 'INDIVIDUAL' ? (
        verdict.eligible ? (
          <Alert variant="success">
            {t('eligibility.eligible', { programme: programme.name })}
          </Alert>
        ) : (
          <Alert
            variant="warning"
            title={t('eligibility.notEligible', { programme: programme.name })}
          >
            <ul className="wg-plain-list">
              {verdict.reasons.map((reason) => (
                <li key={reason.code}>{eligibilityReasonText(t, i18n.language, reason)}</li>
              ))}
            </ul>
            <p>
              <Link to="/profiel">{t('eligibility.checkProfile')}</Link>
            </p>
          </Alert>
        )
      ) : null}

      {isNetwork ? (
        <RadioGroup
          id="apply-registrationType"
          legend={t('apply.registrationType')}
          name="registrationType"
          required
          value={values.registrationType}
          onChange={(value) => set('registrationType', value as RegistrationType)}
          error={problems.registrationType}
          options={[
            { value: 'GROUP', label: t('apply.group'), hint: t('apply.groupHint') },
            {
              value: 'INDIVIDUAL',
              label: t('apply.individualNetwork'),
              hint: t('apply.individualNetworkHint'),
            },
          ]}
        />
      ) : null}

      {values.registrationType === 'GROUP' ? (
        <fieldset
          className="wg-fieldset"
          aria-describedby={problems.members ? 'apply-members-error' : undefined}
        >
          <legend>{t('apply.membersLegend')}</legend>
          <p className="wg-field__hint" style={{ marginTop: 0 }}>
            {t('apply.membersHint', { count: values.memberIds.length + values.newMembers.length })}
          </p>
          {problems.members ? (
            <p id="apply-members-error" className="wg-field__error">
              {problems.members}
            </p>
          ) : null}
          <TextField
            id="apply-members-filter"
            name="memberFilter"
            type="search"
            label={t('apply.membersFilter')}
            value={memberFilter}
            onChange={(e) => setMemberFilter(e.target.value)}
          />
          {members.length === 0 ? (
            <p>{t('apply.noNetworkMembers')}</p>
          ) : (
            <div className="wg-members">
              {visibleMembers.length === 0 ? <p>{t('apply.noMembersMatch')}</p> : null}
              {visibleMembers.map((member) => (
                <Checkbox
                  key={member.id}
                  id={`apply-member-${member.id}`}
                  name="memberIds"
                  value={member.id}
                  label={member.name}
                  hint={
                    member.kboNumber ? t('apply.kboShort', { kbo: member.kboNumber }) : undefined
                  }
                  checked={values.memberIds.includes(member.id)}
                  onChange={(e) => {
                    clearProblem('members');
                    set(
                      'memberIds',
                      e.target.checked
                        ? [...values.memberIds, member.id]
                        : values.memberIds.filter((m) => m !== member.id),
                    );
                  }}
                />
              ))}
            </div>
          )}
          <h3 style={{ fontSize: '1.125rem', margin: '0 0 var(--wg-space-2)' }}>
            {t('apply.addByKbo')}
          </h3>
          <p className="wg-field__hint" style={{ marginTop: 0 }}>
            {t('apply.addByKboHint')}
          </p>
          {values.newMembers.map((row, index) => {
            const kboField = `newMember.${row.rowId}.kboNumber`;
            const nameField = `newMember.${row.rowId}.name`;
            return (
              <fieldset className="wg-fieldset wg-new-member" key={row.rowId}>
                <legend>{t('apply.newMember', { number: index + 1 })}</legend>
                <TextField
                  id={fieldId(kboField)}
                  name={kboField}
                  label={t('apply.newMemberKbo')}
                  inputMode="numeric"
                  spellCheck={false}
                  required
                  value={row.kboNumber}
                  error={problems[kboField]}
                  onChange={(e) => setRow(row.rowId, { kboNumber: e.target.value })}
                  onBlur={() => {
                    if (!row.kboNumber.trim()) return;
                    const problem = kboProblem(row.kboNumber);
                    setProblems((current) => {
                      const { [kboField]: _old, ...rest } = current;
                      return problem ? { ...rest, [kboField]: t(problem.key) } : rest;
                    });
                  }}
                />
                <TextField
                  id={fieldId(nameField)}
                  name={nameField}
                  label={t('apply.newMemberName')}
                  hint={t('apply.newMemberNameHint')}
                  required
                  value={row.name}
                  error={problems[nameField]}
                  onChange={(e) => setRow(row.rowId, { name: e.target.value })}
                />
                <Button
                  variant="secondary"
                  onClick={() =>
                    set(
                      'newMembers',
                      values.newMembers.filter((r) => r.rowId !== row.rowId),
                    )
                  }
                >
                  {t('apply.removeMember')}
                  <span className="wg-visually-hidden">
                    {' '}
                    {t('apply.newMember', { number: index + 1 })}
                  </span>
                </Button>
              </fieldset>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => {
              clearProblem('members');
              set('newMembers', [...values.newMembers, newRow()]);
            }}
          >
            {t('apply.addMember')}
          </Button>
        </fieldset>
      ) : null}

      {organisation?.firstTouchChannel ? (
        <p id={fieldId('channelKey')}>
          {t('apply.channelTracked', { channel: organisation.firstTouchChannel.name })}
        </p>
      ) : (
        <SelectField
          id={fieldId('channelKey')}
          name="channelKey"
          label={t('apply.channel')}
          hint={t('apply.channelHint')}
          placeholder={t('common.choose')}
          required
          options={data.outreachChannels.map((c) => ({ value: c.key, label: c.name }))}
          value={values.channelKey}
          error={problems.channelKey}
          onChange={(e) => {
            set('channelKey', e.target.value);
            clearProblem('channelKey');
          }}
        />
      )}

      <div className="wg-form-actions">
        <Button type="submit" busy={busy === 'submit'} disabled={busy === 'draft'}>
          {busy === 'submit' ? t('apply.submitting') : t('apply.submit')}
        </Button>
        <Button
          variant="secondary"
          busy={busy === 'draft'}
          disabled={busy === 'submit'}
          onClick={() => void onSaveDraft()}
        >
          {t('apply.saveDraft')}
        </Button>
        <Link to={applicationId ? `/aanvragen/${applicationId}` : '/'}>{t('common.cancel')}</Link>
      </div>
    </form>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreateSurveyDocument,
  AdminProgrammesDocument,
  AdminSetSurveyStatusDocument,
  type AdminSurveyFragment,
  AdminSurveysDocument,
  AdminUpdateSurveyDocument,
  type SurveyStatus,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  PageHeader,
  SelectField,
  Spinner,
  useDocumentTitle,
} from '@werkgezond/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState, toProblem } from '../components/Problem';
import {
  emptySurvey,
  formFromSurvey,
  SurveyBuilder,
  type SurveyForm,
  surveyInput,
  translateProblem,
} from '../components/SurveyBuilder';
import { isAdmin, useViewer } from '../ViewerContext';

type Editing = { mode: 'new' } | { mode: 'edit'; survey: AdminSurveyFragment } | null;

/** Surveys per programme: build, edit (a new version once answered), publish, archive. */
export function SurveysPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('surveys.title'));
  const viewer = useViewer();
  const programmes = useQuery(AdminProgrammesDocument);
  const choices = (programmes.data?.programmes ?? []).filter(
    (p) => isAdmin(viewer) || viewer.programmeKeys.includes(p.key),
  );
  const [filter, setFilter] = useState('');
  const surveys = useQuery(AdminSurveysDocument, {
    variables: { programmeKey: filter || null },
    fetchPolicy: 'cache-and-network',
  });
  const refetch = { refetchQueries: [AdminSurveysDocument], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(AdminCreateSurveyDocument, refetch);
  const [update, { loading: updating }] = useMutation(AdminUpdateSurveyDocument, refetch);
  const [setStatus, { loading: changing }] = useMutation(AdminSetSurveyStatusDocument, refetch);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [formProblem, setFormProblem] = useState<ProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const open = (next: Editing) => {
    setProblem(null);
    setFormProblem(null);
    setDone(null);
    setEditing(next);
  };

  const save = async (form: SurveyForm) => {
    setFormProblem(null);
    setDone(null);
    try {
      if (editing?.mode === 'edit') {
        const res = await update({
          variables: { input: { id: editing.survey.id, ...surveyInput(form) } },
        });
        const saved = res.data!.updateSurvey;
        setDone(t('surveys.saved', { title: saved.title, version: saved.currentVersion }));
      } else {
        const res = await create({
          variables: { input: { programmeKey: form.programmeKey, ...surveyInput(form) } },
        });
        setDone(t('surveys.created', { title: res.data!.createSurvey.title }));
      }
      setEditing(null);
    } catch (error) {
      setFormProblem(toProblem(error));
    }
  };

  const changeStatus = async (survey: AdminSurveyFragment, status: SurveyStatus) => {
    setProblem(null);
    setDone(null);
    try {
      await setStatus({ variables: { input: { id: survey.id, status } } });
      setDone(t(`surveys.statusDone.${status}`, { title: survey.title }));
    } catch (error) {
      setProblem(translateProblem(toProblem(error), t));
    }
  };

  const columns: DataTableColumn<AdminSurveyFragment>[] = [
    {
      key: 'title',
      header: t('surveys.columns.title'),
      rowHeader: true,
      cell: (s) => s.title,
      csv: (s) => s.title,
    },
    {
      key: 'programme',
      header: t('surveys.columns.programme'),
      cell: (s) => (s.editionYear ? `${s.programmeName} (${s.editionYear})` : s.programmeName),
      csv: (s) => s.programmeName,
    },
    {
      key: 'moment',
      header: t('surveys.columns.moment'),
      cell: (s) => t(`surveys.moments.${s.moment ?? 'NONE'}`),
    },
    {
      key: 'status',
      header: t('surveys.columns.status'),
      cell: (s) => t(`surveys.statuses.${s.status}`),
      csv: (s) => s.status,
    },
    {
      key: 'version',
      header: t('surveys.columns.version'),
      align: 'end',
      cell: (s) => s.currentVersion,
      csv: (s) => s.currentVersion,
    },
    {
      key: 'questions',
      header: t('surveys.columns.questions'),
      align: 'end',
      cell: (s) => s.questions.length,
    },
    {
      key: 'responses',
      header: t('surveys.columns.responses'),
      cell: (s) =>
        s.versions.length > 1
          ? `${s.responseCount} (${s.versions
              .map((v) => t('surveys.perVersion', { version: v.version, count: v.responseCount }))
              .join(', ')})`
          : s.responseCount,
      csv: (s) => s.responseCount,
    },
    {
      key: 'actions',
      header: t('surveys.columns.actions'),
      cell: (s) => (
        <span className="wg-admin-actions">
          <Button
            variant="secondary"
            aria-label={t('surveys.editNamed', { title: s.title })}
            onClick={() => open({ mode: 'edit', survey: s })}
          >
            {t('surveys.edit')}
          </Button>
          {s.status === 'PUBLISHED' ? (
            <Button
              variant="secondary"
              busy={changing}
              aria-label={t('surveys.archiveNamed', { title: s.title })}
              onClick={() => changeStatus(s, 'ARCHIVED')}
            >
              {t('surveys.archive')}
            </Button>
          ) : (
            <Button
              variant="secondary"
              busy={changing}
              aria-label={t('surveys.publishNamed', { title: s.title })}
              onClick={() => changeStatus(s, 'PUBLISHED')}
            >
              {t('surveys.publish')}
            </Button>
          )}
        </span>
      ),
    },
  ];

  const defaultProgramme =
    filter || choices.find((p) => p.key === 'gezondheidscoaches')?.key || choices[0]?.key || '';
  return (
    <div className="wg-stack wg-admin-surveys">
      <PageHeader
        title={t('surveys.title')}
        description={t('surveys.intro')}
        actions={
          editing ? null : (
            <Button onClick={() => open({ mode: 'new' })} disabled={!choices.length}>
              {t('surveys.new')}
            </Button>
          )
        }
      />
      <ProblemAlert problem={problem ?? (surveys.error ? toProblem(surveys.error) : null)} />
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert variant="success" title={done} />
        </div>
      ) : null}
      {editing ? (
        <Card
          title={
            editing.mode === 'edit'
              ? t('surveys.builder.editTitle', { title: editing.survey.title })
              : t('surveys.builder.newTitle')
          }
          asSection
        >
          <SurveyBuilder
            key={editing.mode === 'edit' ? editing.survey.id : 'new'}
            initial={
              editing.mode === 'edit'
                ? formFromSurvey(editing.survey)
                : emptySurvey(defaultProgramme)
            }
            editing={editing.mode === 'edit' ? editing.survey : null}
            programmes={choices}
            busy={creating || updating}
            problem={formProblem}
            onSubmit={save}
            onCancel={() => open(null)}
          />
        </Card>
      ) : null}
      <SelectField
        name="programmeFilter"
        label={t('surveys.filter')}
        placeholder={t('surveys.allProgrammes')}
        options={choices.map((p) => ({ value: p.key, label: p.name }))}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {surveys.loading && !surveys.data ? <Spinner label={t('loading')} /> : null}
      {surveys.data ? (
        <DataTable
          caption={t('surveys.caption')}
          columns={columns}
          rows={surveys.data.surveyDefinitions}
          getRowKey={(s) => s.id}
          csvFileName="enquetes.csv"
          csvLabel={t('surveys.caption')}
          emptyMessage={t('surveys.empty')}
        />
      ) : null}
    </div>
  );
}

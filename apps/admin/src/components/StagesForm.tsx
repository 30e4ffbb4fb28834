import { useMutation } from '@apollo/client/react';
import {
  type AdminProgrammeFragment,
  AdminProgrammesDocument,
  AdminUpdateStagesDocument,
} from '@werkgezond/graphql-client';
import { Alert, Button, Card, TextField } from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState, toProblem } from './Problem';

/**
 * The programme's stages in order, with their labels editable. Keys that applications already
 * passed through cannot be renamed or removed; the API refuses it with a clear error.
 */
export function StagesForm({ programme }: { programme: AdminProgrammeFragment }) {
  const { t } = useTranslation('admin');
  const [labels, setLabels] = useState<Record<string, string>>(
    Object.fromEntries(programme.stages.map((s) => [s.key, s.label])),
  );
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(AdminUpdateStagesDocument, {
    refetchQueries: [AdminProgrammesDocument],
    awaitRefetchQueries: true,
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            programmeKey: programme.key,
            stages: programme.stages.map((s) => ({
              key: s.key,
              label: labels[s.key] ?? s.label,
              kind: s.kind,
              requiresStep: s.requiresStep ?? null,
              beforeStep: s.beforeStep ?? null,
            })),
          },
        },
      });
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <Card title={t('stages.title')} asSection>
      <p>{t('stages.intro')}</p>
      <ProblemAlert problem={problem} />
      {saved ? <Alert variant="success" title={t('stages.saved')} /> : null}
      <form className="wg-stack" onSubmit={onSubmit} noValidate>
        {programme.stages.map((s) => (
          <TextField
            key={s.key}
            name={`stage-${s.key}`}
            label={t('stages.labelFor', {
              key: s.key,
              kind: t(`stageKinds.${s.kind}`),
              position: s.position,
            })}
            value={labels[s.key] ?? ''}
            onChange={(e) => setLabels({ ...labels, [s.key]: e.target.value })}
          />
        ))}
        <div>
          <Button type="submit" busy={loading}>
            {t('stages.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

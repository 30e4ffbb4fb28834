import type { DossierSection_ApplicationFragment } from '@werkgezond/graphql-client';
import { isoDate, useFormat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { DOSSIER_QUESTIONS, fileSize } from './dossierQuestions';

/** The dossier as it stands: status, the answers given and the attached files. */
export function DossierSummary({
  application,
  submittedStage = false,
}: {
  application: DossierSection_ApplicationFragment;
  /** The stage "dossier submitted" was reached (possibly outside the portal). */
  submittedStage?: boolean;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const dossier = application.dossier;
  const answers = new Map(dossier?.answers.map((a) => [a.key, a.value]) ?? []);
  return (
    <div className="wg-stack">
      <p style={{ margin: 0 }}>
        {dossier?.submittedAt
          ? t('dossier.statusSubmitted', { date: format.dateTime(dossier.submittedAt) })
          : dossier
            ? t('dossier.statusSaved', { date: format.dateTime(dossier.updatedAt) })
            : submittedStage
              ? t('dossier.statusOutside')
              : t('dossier.statusEmpty')}
      </p>
      {dossier && dossier.answers.length > 0 ? (
        <dl className="wg-stack" style={{ margin: 0 }}>
          {DOSSIER_QUESTIONS.filter((key) => answers.get(key)).map((key) => (
            <div key={key}>
              <dt style={{ fontWeight: 600 }}>{t(`dossier.questions.${key}.label`)}</dt>
              <dd style={{ margin: 0, whiteSpace: 'pre-line' }}>{answers.get(key)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <AttachmentList application={application} />
    </div>
  );
}

export function AttachmentList({
  application,
}: {
  application: DossierSection_ApplicationFragment;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  if (application.attachments.length === 0)
    return <p style={{ margin: 0 }}>{t('dossier.noAttachments')}</p>;
  return (
    <div>
      <h3 style={{ margin: '0 0 var(--wg-space-2)', fontSize: '1.125rem' }}>
        {t('dossier.attachmentsTitle', { count: application.attachments.length })}
      </h3>
      <ul className="wg-plain-list">
        {application.attachments.map((file) => (
          <li key={file.id}>
            <a href={file.downloadPath} download={file.fileName}>
              {file.fileName}
            </a>{' '}
            <span className="wg-muted">
              ({fileSize(file.sizeBytes, format.number)},{' '}
              <time dateTime={isoDate(file.uploadedAt)}>{format.date(file.uploadedAt)}</time>)
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

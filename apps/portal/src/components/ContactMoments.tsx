import type { ContactMoments_ContactFragment } from '@werkgezond/graphql-client';
import { isoDate, useFormat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';

export interface ContactMomentsProps {
  /** As the API gives them (newest first); shown oldest first, like the stage history. */
  contacts: readonly ContactMoments_ContactFragment[];
}

/** Oldest first, ties by id so the order is stable. */
export function inTimeOrder(
  contacts: readonly ContactMoments_ContactFragment[],
): ContactMoments_ContactFragment[] {
  return [...contacts].sort(
    (a, b) =>
      Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The follow-up contacts of an application for its managers: each reminder e-mail with the
 * status of its message and its text, each phone call with its outcome and note. They sit
 * beside the stage history ("Verloop") in the same reading order; they are not stages.
 */
export function ContactMoments({ contacts }: ContactMomentsProps) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  if (contacts.length === 0) return <p>{t('contacts.empty')}</p>;
  return (
    <ol className="wg-timeline">
      {inTimeOrder(contacts).map((c) => (
        <li key={c.id} className="wg-timeline__item wg-timeline__item--done">
          <span className="wg-timeline__marker" aria-hidden="true" />
          <p className="wg-timeline__title">{t(`contacts.kind.${c.kind}`)}</p>
          <p className="wg-timeline__meta">
            <time dateTime={isoDate(c.occurredAt)}>{format.dateTime(c.occurredAt)}</time>
          </p>
          {c.kind === 'REMINDER' ? (
            <>
              <p className="wg-timeline__text">
                {c.mailStatus
                  ? t(`contacts.mailStatus.${c.mailStatus}`, { defaultValue: c.mailStatus })
                  : null}
                {c.mailStatus && c.recipient ? ' ' : null}
                {c.recipient ? t('contacts.to', { recipient: c.recipient }) : null}
              </p>
              {c.note ? (
                <details className="wg-timeline__text">
                  <summary>{t('contacts.reminderText')}</summary>
                  <p style={{ whiteSpace: 'pre-line' }}>{c.note}</p>
                </details>
              ) : null}
            </>
          ) : (
            <>
              {c.outcome ? (
                <p className="wg-timeline__text">
                  {t('contacts.outcome', { outcome: t(`followUp.outcome.${c.outcome}`) })}
                </p>
              ) : null}
              {c.note ? (
                <p className="wg-timeline__text">
                  {t('contacts.note')} <q>{c.note}</q>
                </p>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

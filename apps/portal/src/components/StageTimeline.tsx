import type { StageTimeline_EventFragment } from '@werkgezond/graphql-client';
import { isoDate, useFormat, useStageLabel } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { reasonLabel } from './reasons';

export interface TimelineStage {
  key: string;
  label: string;
  kind: string;
  position: number;
}

export interface StageTimelineProps {
  events: readonly StageTimeline_EventFragment[];
  /** The programme's stages: the steps not reached yet are shown as what comes next. */
  stages: readonly TimelineStage[];
  /** Null for a draft. */
  currentStage: { key: string; kind: string } | null;
}

/**
 * The application's history from its events, oldest first, in plain language with dates and
 * reasons, followed by the steps still to come (unless the application has left the funnel).
 */
export function StageTimeline({ events, stages, currentStage }: StageTimelineProps) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const stageLabel = useStageLabel();
  const steps = stages.filter((s) => s.kind === 'STEP').sort((a, b) => a.position - b.position);
  const reached = new Set(events.map((e) => e.stage));
  const furthest = Math.max(0, ...steps.filter((s) => reached.has(s.key)).map((s) => s.position));
  const exited = currentStage?.kind === 'EXIT';
  const upcoming = exited ? [] : steps.filter((s) => s.position > furthest);

  return (
    <ol className="wg-timeline">
      {events.length === 0 ? (
        <li className="wg-timeline__item wg-timeline__item--upcoming">
          <span className="wg-timeline__marker" aria-hidden="true" />
          <p className="wg-timeline__title">{t('timeline.draftTitle')}</p>
          <p className="wg-timeline__text">{t('timeline.draftText')}</p>
        </li>
      ) : null}
      {events.map((event) => {
        const isExit = stages.some((s) => s.key === event.stage && s.kind === 'EXIT');
        const describe = t(`timeline.describe.${event.stage}`, { defaultValue: '' });
        return (
          <li
            key={event.id}
            className={`wg-timeline__item ${isExit ? 'wg-timeline__item--exit' : 'wg-timeline__item--done'}`}
          >
            <span className="wg-timeline__marker" aria-hidden="true" />
            <p className="wg-timeline__title">
              {stageLabel({ key: event.stage, label: event.label })}
            </p>
            <p className="wg-timeline__meta">
              <time dateTime={isoDate(event.occurredAt)}>
                {format.date(event.occurredAt, 'long')}
              </time>
            </p>
            {describe ? <p className="wg-timeline__text">{describe}</p> : null}
            {event.reasonCode ? (
              <p className="wg-timeline__text">
                {t('timeline.reason', { reason: reasonLabel(t, event.reasonCode) })}
              </p>
            ) : null}
            {event.reasonText ? (
              <p className="wg-timeline__text">
                {t('timeline.explanation')} <q>{event.reasonText}</q>
              </p>
            ) : null}
          </li>
        );
      })}
      {events.length > 0
        ? upcoming.map((step) => (
            <li key={step.key} className="wg-timeline__item wg-timeline__item--upcoming">
              <span className="wg-timeline__marker" aria-hidden="true" />
              <p className="wg-timeline__title">
                {stageLabel(step)} <span className="wg-muted">{t('timeline.upcoming')}</span>
              </p>
              <p className="wg-timeline__text">
                {t(`timeline.next.${step.key}`, { defaultValue: '' })}
              </p>
            </li>
          ))
        : null}
    </ol>
  );
}

import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createPortalI18n } from '../i18n/i18n';
import { AWARD_STAGES, COACHING_STAGES, event } from '../test/fixtures';
import { StageTimeline, type StageTimelineProps } from './StageTimeline';

function renderTimeline(props: StageTimelineProps, locale: 'nl-BE' | 'en' = 'nl-BE') {
  return render(
    <I18nextProvider i18n={createPortalI18n(locale)}>
      <StageTimeline {...props} />
    </I18nextProvider>,
  );
}

const items = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('StageTimeline', () => {
  it('tells the history in plain language with dates, then what comes next', () => {
    renderTimeline({
      events: [
        event('1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z'),
        event('2', 'APPROVED', 'Goedgekeurd', '2026-03-09T15:30:00.000Z'),
      ],
      stages: COACHING_STAGES,
      currentStage: { key: 'APPROVED', kind: 'STEP' },
    });
    const [applied, approved, started, completed] = items();
    expect(items()).toHaveLength(4);
    expect(applied).toHaveTextContent('Aangevraagd');
    expect(applied).toHaveTextContent('De aanvraag is ingediend.');
    expect(within(applied as HTMLElement).getByText('2 maart 2026')).toHaveAttribute(
      'datetime',
      '2026-03-02',
    );
    expect(approved).toHaveTextContent('Goedgekeurd9 maart 2026De aanvraag is goedgekeurd.');
    expect(started).toHaveTextContent('Traject gestart (nog niet)');
    expect(started).toHaveTextContent('wijst de programmabeheerder een gezondheidscoach toe');
    expect(completed).toHaveTextContent('Traject afgerond (nog niet)');
  });

  it('shows the reason of a rejection and its explanation, and nothing after an exit', () => {
    renderTimeline({
      events: [
        event('1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z'),
        event('2', 'REJECTED', 'Afgekeurd', '2026-03-05T10:00:00.000Z', {
          reasonCode: 'HAS_PREVENTION_COMMITTEE',
          reasonText: 'Er is een comité sinds januari.',
        }),
      ],
      stages: COACHING_STAGES,
      currentStage: { key: 'REJECTED', kind: 'EXIT' },
    });
    expect(items()).toHaveLength(2);
    const rejected = items()[1] as HTMLElement;
    expect(rejected).toHaveTextContent('De aanvraag is afgekeurd.');
    expect(rejected).toHaveTextContent(
      'Reden: Heeft een comité voor preventie en bescherming op het werk.',
    );
    expect(within(rejected).getByText('Er is een comité sinds januari.').tagName).toBe('Q');
    expect(screen.queryByText(/nog niet/)).toBeNull();
  });

  it('says a draft has not been submitted yet', () => {
    renderTimeline({ events: [], stages: AWARD_STAGES, currentStage: null });
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent('Concept');
    expect(items()[0]).toHaveTextContent('nog niet ingediend');
  });

  it('speaks English: stage names, reasons and dates', () => {
    renderTimeline(
      {
        events: [
          event('1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z'),
          event('2', 'DROPPED_OUT', 'Afgehaakt', '2026-06-01T09:00:00.000Z', {
            reasonCode: 'TIME_INVESTMENT',
          }),
        ],
        stages: COACHING_STAGES,
        currentStage: { key: 'DROPPED_OUT', kind: 'EXIT' },
      },
      'en',
    );
    expect(items()[0]).toHaveTextContent('Applied2 March 2026The application has been submitted.');
    expect(items()[1]).toHaveTextContent('Dropped out1 June 2026The trajectory has been stopped.');
    expect(items()[1]).toHaveTextContent('Reason: Time investment.');
  });
});

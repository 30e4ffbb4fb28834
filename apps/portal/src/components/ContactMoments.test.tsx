import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createPortalI18n } from '../i18n/i18n';
import { contact } from '../test/fixtures';
import { ContactMoments, type ContactMomentsProps } from './ContactMoments';

function renderContacts(props: ContactMomentsProps, locale: 'nl-BE' | 'en' = 'nl-BE') {
  return render(
    <I18nextProvider i18n={createPortalI18n(locale)}>
      <ContactMoments {...props} />
    </I18nextProvider>,
  );
}

const items = () => within(screen.getByRole('list')).getAllByRole('listitem');

// As the API answers: newest first.
const contacts = [
  contact('c2', 'CALL', '2026-04-20T13:15:00.000Z', {
    outcome: 'WILL_START',
    note: 'Start in mei',
  }),
  contact('c1', 'REMINDER', '2026-04-14T08:00:00.000Z', {
    mailStatus: 'SENT',
    recipient: 'jan@bakkerij.be',
    note: 'Uw coach heeft volgende week tijd.\n\nPlannen we de start?',
  }),
];

describe('ContactMoments', () => {
  it('lists the reminders and calls in time order with date, kind, mail status, outcome and note', async () => {
    renderContacts({ contacts });
    const [reminder, call] = items() as HTMLElement[];
    expect(items()).toHaveLength(2);
    expect(reminder).toHaveTextContent('Herinnering per e-mail');
    expect(reminder).toHaveTextContent('E-mail verzonden aan jan@bakkerij.be');
    expect(within(reminder!).getByText('14 apr 2026, 10:00')).toHaveAttribute(
      'datetime',
      '2026-04-14',
    );
    // The reminder's text is folded away in a native <details> (its summary is keyboard-usable).
    const summary = within(reminder!).getByText('Tekst van de herinnering');
    expect(summary.tagName).toBe('SUMMARY');
    expect(within(reminder!).getByText(/Plannen we de start\?/)).not.toBeVisible();
    await userEvent.click(summary);
    expect(within(reminder!).getByText(/Plannen we de start\?/)).toBeVisible();

    expect(call).toHaveTextContent('Telefoongesprek');
    expect(call).toHaveTextContent('Uitkomst: Start binnenkort');
    expect(within(call!).getByText('Start in mei').tagName).toBe('Q');
    expect(within(call!).getByText('20 apr 2026, 15:15')).toHaveAttribute('datetime', '2026-04-20');
  });

  it('shows a queued or failed reminder as such, and says when there are none', () => {
    const { unmount } = renderContacts({
      contacts: [
        contact('c3', 'REMINDER', '2026-05-02T09:00:00.000Z', { mailStatus: 'FAILED' }),
        contact('c4', 'REMINDER', '2026-05-01T09:00:00.000Z', { mailStatus: 'QUEUED' }),
      ],
    });
    expect(items().map((i) => i.textContent)).toEqual([
      expect.stringContaining('E-mail in de wachtrij'),
      expect.stringContaining('E-mail niet verzonden'),
    ]);
    unmount();
    renderContacts({ contacts: [] });
    expect(screen.getByText('Nog geen contactmomenten.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('speaks English', () => {
    renderContacts({ contacts }, 'en');
    const [reminder, call] = items() as HTMLElement[];
    expect(reminder).toHaveTextContent('Reminder by e-mail');
    expect(reminder).toHaveTextContent('E-mail sent to jan@bakkerij.be');
    expect(reminder).toHaveTextContent('14 Apr 2026');
    expect(call).toHaveTextContent('Phone call');
    expect(call).toHaveTextContent('Outcome: Will start soon');
    expect(call).toHaveTextContent('Note: Start in mei');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, contact, detail, event, manager } from '../test/fixtures';
import { answer, callsOf, renderPortal } from '../test/render';

const ID = detail().id;
const coaches = {
  data: {
    coaches: [
      {
        __typename: 'Coach',
        id: 'c1',
        fullName: 'Aline Smets',
        activeFrom: '2018-03-26',
        activeUntil: null,
        serviceProvider: { __typename: 'Organisation', id: 's1', name: 'Securex' },
      },
    ],
  },
};
const approved = detail({
  version: 2,
  decisionLeadTimeDays: 3.5,
  currentStage: { __typename: 'Stage', key: 'APPROVED', label: 'Goedgekeurd', kind: 'STEP' },
  nextStages: [
    { __typename: 'Stage', key: 'STARTED', label: 'Traject gestart', kind: 'STEP' },
    { __typename: 'Stage', key: 'DROPPED_OUT', label: 'Afgehaakt', kind: 'EXIT' },
    { __typename: 'Stage', key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT' },
  ],
  events: [
    event('ev1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z'),
    event('ev2', 'APPROVED', 'Goedgekeurd', '2026-03-05T21:00:00.000Z'),
  ],
});

describe('the application page', () => {
  it("shows someone else's (or an unknown) application as not found, with none of its data", async () => {
    renderPortal(`/aanvragen/${ID}`, {
      PortalApplication: apiError('NOT_FOUND', 'Application not found'),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aanvraag niet gevonden' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Aanvraag niet gevonden · Werkgezond');
    expect(screen.queryByText(/Bakkerij/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Naar mijn aanvragen' })).toHaveAttribute(
      'href',
      '/portaal',
    );
  });

  it('shows the coach, the dates and the lead time to the applicant, and offers to withdraw', async () => {
    renderPortal(`/aanvragen/${ID}`, {
      PortalApplication: {
        data: {
          application: {
            ...approved,
            coach: {
              __typename: 'Coach',
              id: 'c1',
              fullName: 'Aline Smets',
              serviceProvider: { __typename: 'Organisation', id: 's1', name: 'Securex' },
            },
          },
        },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Gezondheidscoaches in bedrijven 2026' });
    const coach = screen.getByRole('heading', { name: 'Gezondheidscoach en traject' })
      .parentElement as HTMLElement;
    expect(coach).toHaveTextContent('Aline Smets');
    expect(coach).toHaveTextContent('Securex');
    expect(coach).toHaveTextContent('Goedgekeurd op5 maart 2026');
    expect(screen.getByText('Doorlooptijd tot beslissing').nextElementSibling).toHaveTextContent(
      '3,5 dagen',
    );
    expect(screen.getByRole('link', { name: 'Aanvraag intrekken' })).toHaveAttribute(
      'href',
      `/portaal/aanvragen/${ID}/intrekken`,
    );
    expect(screen.queryByRole('heading', { name: 'Behandeling' })).toBeNull();
  });

  it('shows a manager the contacts beside the history, in time order; never the applicant', async () => {
    const withContacts = {
      ...approved,
      contacts: [
        contact('k2', 'CALL', '2026-04-20T13:15:00.000Z', { outcome: 'NEEDS_TIME' }),
        contact('k1', 'REMINDER', '2026-04-14T08:00:00.000Z', {
          mailStatus: 'SENT',
          recipient: 'jan@bakkerij.be',
          note: 'Plannen we de start?',
        }),
      ],
    };
    const { unmount } = renderPortal(
      `/aanvragen/${ID}`,
      { PortalApplication: { data: { application: withContacts } }, ProgrammeCoaches: coaches },
      { viewer: manager },
    );
    const heading = await screen.findByRole('heading', { level: 2, name: 'Contactmomenten' });
    const section = heading.closest('section') as HTMLElement;
    const rows = within(section).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Herinnering per e-mail');
    expect(rows[0]).toHaveTextContent('E-mail verzonden aan jan@bakkerij.be');
    expect(rows[1]).toHaveTextContent('Telefoongesprek');
    expect(rows[1]).toHaveTextContent('Uitkomst: Heeft meer tijd nodig');
    unmount();

    renderPortal(`/aanvragen/${ID}`, {
      PortalApplication: { data: { application: approved } },
    });
    await screen.findByRole('heading', { level: 1, name: 'Gezondheidscoaches in bedrijven 2026' });
    expect(screen.queryByRole('heading', { name: 'Contactmomenten' })).toBeNull();
  });

  it('lets a manager approve with the version seen, then assign a coach', async () => {
    let current = detail();
    const { api } = renderPortal(
      `/aanvragen/${ID}`,
      {
        PortalApplication: answer(() => ({ data: { application: current } })),
        ProgrammeCoaches: coaches,
        RecordStageChange: answer(() => {
          current = approved;
          return { data: { recordStageChange: approved } };
        }),
        AssignCoach: answer(() => ({
          data: {
            assignCoach: {
              ...approved,
              version: 3,
              coach: {
                __typename: 'Coach',
                id: 'c1',
                fullName: 'Aline Smets',
                serviceProvider: { __typename: 'Organisation', id: 's1', name: 'Securex' },
              },
            },
          },
        })),
      },
      { viewer: manager },
    );
    await screen.findByRole('heading', { name: 'Behandeling' });
    expect(screen.queryByRole('link', { name: 'Aanvraag intrekken' })).toBeNull();
    // A rejection needs a reason before anything is sent.
    await userEvent.click(screen.getByRole('radio', { name: 'Afkeuren (met reden)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(
      screen.getByRole('combobox', { name: /Reden van afkeuring/ }),
    ).toHaveAccessibleDescription('Kies een reden.');
    expect(callsOf(api, 'RecordStageChange')).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: 'Goedkeuren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText('Vastgelegd: Goedgekeurd.')).toBeInTheDocument();
    expect(callsOf(api, 'RecordStageChange')[0]?.variables.input).toEqual({
      applicationId: ID,
      stage: 'APPROVED',
      expectedVersion: 1,
      reasonCode: null,
      reasonText: null,
    });

    const coach = await screen.findByRole('combobox', { name: /^Coach/ });
    await userEvent.selectOptions(coach, 'c1');
    await userEvent.click(screen.getByRole('button', { name: 'Coach toewijzen' }));
    expect(await screen.findByText('Aline Smets is toegewezen.')).toBeInTheDocument();
    expect(callsOf(api, 'AssignCoach')[0]?.variables.input).toEqual({
      applicationId: ID,
      coachId: 'c1',
      expectedVersion: 2,
    });
  });

  it('on a conflict reloads the application and keeps what the manager typed', async () => {
    let loads = 0;
    const { api } = renderPortal(
      `/aanvragen/${ID}`,
      {
        PortalApplication: answer(() => {
          loads += 1;
          return { data: { application: loads === 1 ? detail() : approved } };
        }),
        ProgrammeCoaches: coaches,
        RecordStageChange: apiError(
          'CONFLICT',
          'Someone else changed this application in the meantime. Reload it to see the change; nothing was saved.',
          { applicationId: ID },
        ),
      },
      { viewer: manager },
    );
    await screen.findByRole('heading', { name: 'Behandeling' });
    await userEvent.click(screen.getByRole('radio', { name: 'Afkeuren (met reden)' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: /Reden van afkeuring/ }),
      'INCOMPLETE',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Toelichting/ }),
      'Handtekening ontbreekt.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Iemand anders heeft deze aanvraag intussen gewijzigd');
    expect(alert).toHaveTextContent('Er werd niets bewaard');
    // Reloaded: the page shows the other manager's approval…
    await waitFor(() => expect(loads).toBe(2));
    const facts = screen.getByRole('heading', { name: 'Gegevens' }).parentElement as HTMLElement;
    await waitFor(() => expect(within(facts).getByText('Goedgekeurd')).toBeInTheDocument());
    // …and the typed explanation is still there.
    expect(screen.getByRole('textbox', { name: /Toelichting/ })).toHaveValue(
      'Handtekening ontbreekt.',
    );
    expect(
      screen.getByText(/Je keuze “Afkeuren \(met reden\)” kan nu niet meer/),
    ).toBeInTheDocument();
    expect(callsOf(api, 'RecordStageChange')[0]?.variables.input).toMatchObject({
      stage: 'REJECTED',
      reasonCode: 'INCOMPLETE',
      expectedVersion: 1,
    });
  });
});

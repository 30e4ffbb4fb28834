import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COACHING_STAGES, manager, page, participant } from '../test/fixtures';
import { answer, callsOf, renderPortal } from '../test/render';

const options = {
  data: {
    programmes: [
      {
        __typename: 'Programme',
        id: 'p2',
        key: 'gezondheidscoaches',
        name: 'Gezondheidscoaches in bedrijven',
        editions: [{ __typename: 'Edition', id: 'e2026', year: 2026 }],
        stages: COACHING_STAGES,
      },
    ],
    outreachChannels: [{ __typename: 'OutreachChannel', id: 'c1', key: 'prebes', name: 'Prebes' }],
  },
};
const row = (id: string, name: string, extra: Record<string, unknown>) => ({
  __typename: 'Application',
  id,
  submittedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
  exitAt: null,
  decisionLeadTimeDays: null,
  registrationType: 'INDIVIDUAL',
  companyCount: 1,
  currentStage: { __typename: 'Stage', key: 'APPLIED', label: 'Aangevraagd', kind: 'STEP' },
  programme: {
    __typename: 'Programme',
    id: 'p2',
    key: 'gezondheidscoaches',
    name: 'Gezondheidscoaches in bedrijven',
  },
  edition: { __typename: 'Edition', id: 'e2026', year: 2026 },
  organisation: { __typename: 'Organisation', id: `o-${id}`, name },
  channel: { __typename: 'OutreachChannel', id: 'c1', key: 'prebes', name: 'Prebes' },
  ...extra,
});

describe('the manager queue', () => {
  it('filters by programme, stage, edition, channel and waiting time, and shows lead times', async () => {
    const { api } = renderPortal(
      '/beheer',
      {
        ManagerQueueOptions: options,
        ManagerQueue: answer(() =>
          page(
            [
              row('a1', 'Drukkerij Peeters', {}),
              row('a2', 'Garage Weert', {
                decisionLeadTimeDays: 2.5,
                currentStage: {
                  __typename: 'Stage',
                  key: 'APPROVED',
                  label: 'Goedgekeurd',
                  kind: 'STEP',
                },
              }),
            ] as never,
            2,
          ),
        ),
      },
      { viewer: manager },
    );
    const table = await screen.findByRole('table', { name: "Aanvragen van mijn programma's" });
    const [waiting, decided] = within(table).getAllByRole('row').slice(1) as [
      HTMLElement,
      HTMLElement,
    ];
    expect(waiting).toHaveTextContent('wacht al 10 dagen');
    expect(decided).toHaveTextContent('2,5 dagen');
    expect(within(waiting).getByRole('link', { name: 'Drukkerij Peeters' })).toHaveAttribute(
      'href',
      '/portaal/aanvragen/a1',
    );

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Programma' }),
      'gezondheidscoaches',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Huidige fase' }),
      'APPLIED',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Editie' }), '2026');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kanaal' }), 'prebes');
    await userEvent.type(screen.getByRole('textbox', { name: /Wacht langer dan/ }), 'veel');
    await userEvent.click(screen.getByRole('button', { name: 'Filters toepassen' }));
    expect(screen.getByRole('textbox', { name: /Wacht langer dan/ })).toHaveAccessibleDescription(
      'Vul een geheel aantal dagen in.',
    );
    await userEvent.clear(screen.getByRole('textbox', { name: /Wacht langer dan/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Wacht langer dan/ }), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Filters toepassen' }));
    expect(window.location.search).toBe(
      '?programma=gezondheidscoaches&fase=APPLIED&editie=2026&kanaal=prebes&wacht=7',
    );
    await screen.findByRole('table');
    expect(callsOf(api, 'ManagerQueue').at(-1)?.variables.filter).toEqual({
      programmeKey: 'gezondheidscoaches',
      stages: ['APPLIED'],
      years: [2026],
      channelKeys: ['prebes'],
      waitingMoreThanDays: 7,
    });
  });

  it('is not for participants', async () => {
    renderPortal('/beheer', {}, { viewer: participant });
    expect(
      await screen.findByText('Deze pagina hoort niet bij jouw rol in het portaal.'),
    ).toBeInTheDocument();
  });
});

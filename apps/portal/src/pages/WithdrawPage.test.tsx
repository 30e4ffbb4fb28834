import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { detail, event } from '../test/fixtures';
import { callsOf, renderPortal } from '../test/render';

const withdrawn = detail({
  version: 2,
  currentStage: { __typename: 'Stage', key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT' },
  nextStages: [],
  events: [
    event('ev1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z'),
    event('ev2', 'WITHDRAWN', 'Ingetrokken', '2026-03-04T09:00:00.000Z', {
      reasonCode: 'COST',
      reasonText: 'Te duur dit jaar.',
    }),
  ],
});

describe('withdrawing an application', () => {
  it('asks for a reason, sends it with the version seen and shows it in the timeline', async () => {
    const { api } = renderPortal(`/aanvragen/${detail().id}/intrekken`, {
      PortalApplication: { data: { application: detail() } },
      WithdrawApplication: { data: { withdrawApplication: withdrawn } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Aanvraag intrekken' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies een reden.');
    expect(callsOf(api, 'WithdrawApplication')).toHaveLength(0);
    await userEvent.click(screen.getByRole('radio', { name: 'Kostprijs' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Toelichting/ }), 'Te duur dit jaar.');
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag intrekken' }));
    expect(await screen.findByText('Je aanvraag is ingetrokken.')).toBeInTheDocument();
    expect(screen.getByText('Reden: Kostprijs.')).toBeInTheDocument();
    expect(callsOf(api, 'WithdrawApplication')[0]?.variables.input).toEqual({
      applicationId: detail().id,
      expectedVersion: 1,
      reasonCode: 'COST',
      reasonText: 'Te duur dit jaar.',
    });
  });
});

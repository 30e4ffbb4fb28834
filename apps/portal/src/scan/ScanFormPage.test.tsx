import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError } from '../test/fixtures';
import { callsOf, renderPortal } from '../test/render';

const level = (points: number, label: string, labelEn: string) => ({
  __typename: 'ScanLevel',
  points,
  label,
  labelEn,
});
const instrument = {
  __typename: 'ScanInstrument',
  id: 'i1',
  key: 'gezondheidsbeleid-scan',
  version: 1,
  title: 'Gezondheidsbeleid-scan',
  titleEn: 'Health-policy scan',
  levels: [
    level(0, 'Niet', 'Not at all'),
    level(1, 'Gedeeltelijk', 'Partly'),
    level(2, 'Volledig', 'Fully'),
  ],
  domains: [
    {
      __typename: 'ScanDomain',
      key: 'beleid',
      label: 'Beleid en planning',
      labelEn: 'Policy',
      position: 1,
    },
    {
      __typename: 'ScanDomain',
      key: 'voeding',
      label: 'Voeding',
      labelEn: 'Nutrition',
      position: 2,
    },
  ],
  items: [
    ['beleid-visie', 'beleid', 'Er is een visie.', 'There is a vision.', 1],
    ['voeding-aanbod', 'voeding', 'Er is gezond eten.', 'There is healthy food.', 2],
  ].map(([key, domainKey, text, textEn, position]) => ({
    __typename: 'ScanItem',
    key,
    domainKey,
    text,
    textEn,
    maxPoints: 2,
    required: true,
    position,
  })),
};
const scan = (status: string, answers: [string, number][]) => ({
  __typename: 'HealthPolicyScan',
  id: status === 'DRAFT' ? 'd1' : 's1',
  status,
  instrumentVersion: 1,
  score: status === 'DRAFT' ? null : 50,
  startedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  submittedAt: status === 'DRAFT' ? null : '2026-11-01T10:00:00.000Z',
  answers: answers.map(([itemKey, points]) => ({ __typename: 'ScanAnswer', itemKey, points })),
});

describe('filling in the health-policy scan', () => {
  it('lists unanswered items before sending, and saves a draft with every item', async () => {
    const { api } = renderPortal('/scan/invullen', {
      PortalScans: { data: { scanInstrument: instrument, healthPolicyScans: [] } },
      SaveHealthPolicyScan: {
        data: { saveHealthPolicyScan: scan('DRAFT', [['beleid-visie', 2]]) },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Gezondheidsbeleid-scan invullen' });
    expect(screen.getByRole('heading', { level: 2, name: 'Voeding' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Scan indienen' }));
    expect(within(screen.getByRole('alert')).getAllByRole('link')).toHaveLength(2);
    expect(callsOf(api, 'SubmitHealthPolicyScan')).toHaveLength(0);

    const visie = screen.getByRole('group', { name: /Er is een visie/ });
    await userEvent.click(within(visie).getByRole('radio', { name: 'Volledig' }));
    await userEvent.click(screen.getByRole('button', { name: 'Concept bewaren' }));
    expect(await screen.findByText(/Uw concept is bewaard/)).toBeInTheDocument();
    expect(callsOf(api, 'SaveHealthPolicyScan')[0]?.variables.input).toEqual({
      organisationId: 'o1',
      answers: [
        { itemKey: 'beleid-visie', points: 2 },
        { itemKey: 'voeding-aanbod', points: null },
      ],
    });
  });

  it('starts a re-take from the last submitted answers and shows a server error at its item', async () => {
    renderPortal('/scan/invullen', {
      PortalScans: {
        data: {
          scanInstrument: instrument,
          healthPolicyScans: [
            scan('SUBMITTED', [
              ['beleid-visie', 1],
              ['voeding-aanbod', 0],
            ]),
          ],
        },
      },
      SubmitHealthPolicyScan: apiError(
        'BAD_USER_INPUT',
        'Choose a whole number of points from 0 to 2',
        {
          field: 'input.answers.1.points',
        },
      ),
    });
    await screen.findByText(/Uw antwoorden van de vorige scan staan al ingevuld/);
    const voeding = screen.getByRole('group', { name: /Er is gezond eten/ });
    expect(within(voeding).getByRole('radio', { name: 'Niet' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Scan indienen' }));
    expect(
      await within(voeding).findByText(/Kies een van de antwoorden bij deze uitspraak/),
    ).toBeInTheDocument();
  });
});

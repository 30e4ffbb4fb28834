import { render, screen, within } from '@testing-library/react';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticsApp } from '../AnalyticsApp';
import { analyst, generalFigures, headlines, programmes } from '../test/fixtures';

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderAnalytics(
  resolvers: Parameters<typeof createFakeApi>[0],
  locale: 'nl-BE' | 'en' = 'nl-BE',
) {
  const api = createFakeApi({ GeneralPublishedFigures: generalFigures, ...resolvers });
  render(<AnalyticsApp client={api.client} locale={locale} viewer={analyst} basePath="/analyse" />);
  return api;
}

beforeEach(() => {
  window.history.pushState({}, '', '/analyse');
});

describe('analytics overview', () => {
  it('shows each programme with headline figures, budget per year and the published figures', async () => {
    const api = renderAnalytics({
      AnalyticsProgrammes: programmes,
      ProgrammeHeadlines: headlines,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: "Overzicht van de programma's" }),
    ).toBeInTheDocument();
    const region = await screen.findByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    const budget = await within(region).findByRole('table', {
      name: /budget en uitgaven per jaar/,
    });
    const stats = within(region)
      .getAllByText(/./, { selector: '.wg-stat__value' })
      .map((el) => plain(el.textContent));
    expect(stats).toEqual([
      '3 (2017–2019)',
      '€ 3.000.000',
      '€ 258.525',
      '8,6%',
      '2',
      '196 (100%)',
      '181 (92%)',
    ]);
    expect(within(budget).getByRole('rowheader', { name: '2016' })).toBeInTheDocument();
    expect(plain(within(budget).getAllByRole('cell')[0]?.textContent ?? '')).toBe('€ 3.000.000,00');
    const figures = within(region).getByRole('table', { name: /parlementaire vragen/ });
    expect(
      within(figures).getByRole('rowheader', { name: 'applications, cumulative' }),
    ).toBeInTheDocument();
    expect(within(figures).getByText('Antwoord')).toBeInTheDocument();
    // A published figure that the data contradict is flagged in words, with its source.
    const row = within(figures)
      .getByRole('rowheader', { name: 'SMEs that used the offer' })
      .closest('tr');
    expect(row).toHaveTextContent('≠ Wijkt af');
    const warning = within(region).getByText('1 gepubliceerd cijfer wijkt af van de gegevens');
    expect(warning.closest('[role=status]')).toHaveTextContent(
      'SMEs that used the offer (as stated in the question (2019)): gepubliceerd 74, de gegevens geven 80 — bron: Vraag, 001_answer.txt.',
    );
    expect(api.calls.find((c) => c.operationName === 'ProgrammeHeadlines')?.variables).toEqual({
      programmeKey: 'gezondheidscoaches',
    });
  });

  it('shows an error with a retry when the programmes cannot be loaded', async () => {
    renderAnalytics({
      AnalyticsProgrammes: {
        errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Het overzicht kon niet geladen worden');
    expect(within(alert).getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument();
  });

  it('says so when there are no programmes', async () => {
    renderAnalytics({ AnalyticsProgrammes: { data: { programmes: [] } } });
    expect(await screen.findByRole('heading', { name: "Geen programma's" })).toBeInTheDocument();
  });

  it('keeps a failing programme to its own card', async () => {
    renderAnalytics({
      AnalyticsProgrammes: programmes,
      ProgrammeHeadlines: {
        errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }],
      },
    });
    const region = await screen.findByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    expect(await within(region).findByRole('alert')).toHaveTextContent(
      'konden niet geladen worden',
    );
  });

  it('speaks English', async () => {
    renderAnalytics({ AnalyticsProgrammes: programmes, ProgrammeHeadlines: headlines }, 'en');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Programme overview' }),
    ).toBeInTheDocument();
    const region = await screen.findByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    expect(
      await within(region).findByRole('table', { name: /budget and spending per year/ }),
    ).toBeInTheDocument();
    expect(within(region).getByText('€3,000,000')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import dropOff from '../test/api/drop-off-approved-2019-07-31.json';
import funnel from '../test/api/funnel-coaching-2019-07-31.json';
import { renderAnalyticsAt } from '../test/render';

describe('funnel page', () => {
  it('shows the coaching funnel as of the URL’s date: 196 / 181 / 80 / 7 and 15 rejected', async () => {
    const { api } = renderAnalyticsAt('/trechter?programme=gezondheidscoaches&asOf=2019-07-31', {
      AnalyticsFunnel: funnel,
      AnalyticsDropOffReasons: dropOff,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Trechter' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /aantallen en percentages per stap/ });
    const counts = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(counts).toEqual(['196', '181', '80', '7']);
    const exits = screen.getByRole('table', { name: /Uitstroom per soort/ });
    const rejected = within(exits).getByRole('rowheader', { name: 'Afgekeurd' }).closest('tr');
    expect(within(rejected as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('15');
    expect(screen.getByText('31 juli 2019')).toBeInTheDocument();
    const call = api.calls.find((c) => c.operationName === 'AnalyticsFunnel');
    expect(call?.variables).toEqual({
      input: {
        programmeKey: 'gezondheidscoaches',
        asOf: '2019-07-31',
        unit: 'APPLICATIONS',
        years: null,
        breakdownBy: null,
        filter: null,
      },
    });
    // Why approved applications did not start: time investment before cost.
    const reasons = await screen.findByRole('table', {
      name: /Redenen om te stoppen na “Goedgekeurd”/,
    });
    expect(within(reasons).getAllByRole('rowheader')[0]).toHaveTextContent('Tijdsinvestering');
  });

  it('writes every filter to the URL and asks the API again', async () => {
    const { api } = renderAnalyticsAt('/trechter?programme=gezondheidscoaches&asOf=2019-07-31', {
      AnalyticsFunnel: funnel,
      AnalyticsDropOffReasons: dropOff,
    });
    await screen.findByRole('table', { name: /aantallen en percentages per stap/ });
    await userEvent.selectOptions(screen.getByLabelText(/^Eenheid/), 'COMPANIES');
    await userEvent.selectOptions(screen.getByLabelText('Opsplitsen naar'), 'SIZE_CLASS');
    await userEvent.click(screen.getByRole('checkbox', { name: '2018' }));
    expect(window.location.pathname).toBe('/analyse/trechter');
    expect(new URLSearchParams(window.location.search).toString()).toBe(
      'programme=gezondheidscoaches&asOf=2019-07-31&unit=COMPANIES&years=2018&breakdown=SIZE_CLASS',
    );
    await waitFor(() =>
      expect(
        api.calls.filter((c) => c.operationName === 'AnalyticsFunnel').at(-1)?.variables,
      ).toEqual({
        input: {
          programmeKey: 'gezondheidscoaches',
          asOf: '2019-07-31',
          unit: 'COMPANIES',
          years: [2018],
          breakdownBy: ['SIZE_CLASS'],
          filter: null,
        },
      }),
    );
  });

  it('puts a programme in a URL that has none, without a new history entry', async () => {
    renderAnalyticsAt('/trechter', { AnalyticsFunnel: funnel, AnalyticsDropOffReasons: dropOff });
    await waitFor(() => expect(window.location.search).toBe('?programme=gezondheidscoaches'));
  });

  it('explains a refused choice instead of showing empty charts', async () => {
    renderAnalyticsAt('/trechter?programme=gezondheidscoaches&asOf=2001-01-01', {
      AnalyticsFunnel: {
        errors: [
          {
            message: 'asOf is before the programme started',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.asOf' },
          },
        ],
      },
      AnalyticsDropOffReasons: dropOff,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De trechter kon niet berekend worden');
    expect(alert).toHaveTextContent('asOf is before the programme started');
  });
  it('shows the effect of follow-up with intervals and Fisher’s test, labelled observational', async () => {
    renderAnalyticsAt('/trechter?programme=gezondheidscoaches&asOf=2019-07-31', {
      AnalyticsFunnel: funnel,
      AnalyticsDropOffReasons: dropOff,
    });
    const section = await screen.findByRole('region', { name: 'Effect van opvolging' });
    expect(within(section).getByText('Observationeel, niet causaal')).toBeInTheDocument();
    const row = within(section).getByRole('rowheader', { name: 'Met herinnering' }).closest('tr');
    const cells = within(row as HTMLElement).getAllByRole('cell');
    expect(cells.map((c) => c.textContent?.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      '4',
      '3',
      '75,0% (30,1–95,4%)',
    ]);
    expect(
      within(section).getByText(/Exacte toets van Fisher \(tweezijdig\): p = 0,41/),
    ).toBeInTheDocument();
  });

  it('opens who stopped after a step from its count: counts by reason for the analyst', async () => {
    const { api } = renderAnalyticsAt(
      '/trechter?programme=gezondheidscoaches&asOf=2019-07-31&years=2018',
      {
        AnalyticsFunnel: funnel,
        AnalyticsDropOffReasons: dropOff,
        AnalyticsFunnelDrillDown: drillAnswer(null),
      },
    );
    const table = await screen.findByRole('table', { name: /aantallen en percentages per stap/ });
    // The "stopped" count of the STARTED row: approved, then stopped before starting.
    const button = within(table).getByRole('button', {
      name: '62 gestopt na “Goedgekeurd”: toon wie',
    });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await userEvent.keyboard('{Enter}');
    const panel = await screen.findByRole('region', { name: 'Gestopt na “Goedgekeurd”' });
    const reasons = await within(panel).findByRole('table', { name: /Aantallen per reden/ });
    const rows = within(reasons)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['Tijdsinvestering24', 'Kostprijs20', 'Geen reden geregistreerd18']);
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(await within(panel).findByRole('heading', { level: 2 })).toHaveFocus();
    expect(
      api.calls.find((c) => c.operationName === 'AnalyticsFunnelDrillDown')?.variables,
    ).toEqual({
      input: {
        programmeKey: 'gezondheidscoaches',
        stage: 'APPROVED',
        kind: 'STOPPED',
        years: [2018],
      },
    });
    await userEvent.click(within(panel).getByRole('button', { name: /^Sluiten/ }));
    expect(screen.queryByRole('region', { name: 'Gestopt na “Goedgekeurd”' })).toBeNull();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('lists the applications with a link to their case when the API gives them (managers)', async () => {
    renderAnalyticsAt('/trechter?programme=gezondheidscoaches&asOf=2019-07-31', {
      AnalyticsFunnel: funnel,
      AnalyticsDropOffReasons: dropOff,
      AnalyticsFunnelDrillDown: drillAnswer([
        {
          __typename: 'DrillApplication',
          id: 'a1',
          organisation: 'Bakkerij De Zonnebloem BV',
          reachedAt: '2018-03-01T10:00:00.000Z',
          exitStage: 'DROPPED_OUT',
          exitReason: 'COST',
        },
      ]),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: '62 gestopt na “Goedgekeurd”: toon wie' }),
    );
    const panel = await screen.findByRole('region', { name: 'Gestopt na “Goedgekeurd”' });
    const list = await within(panel).findByRole('table', { name: /Aanvragen/ });
    const row = within(list).getByRole('rowheader', { name: 'Bakkerij De Zonnebloem BV' });
    const cells = within(row.closest('tr') as HTMLElement).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      '1 mrt 2018',
      'Afgehaakt',
      'Kostprijs',
      'Dossier openen',
    ]);
    expect(
      within(list).getByRole('link', { name: 'Dossier openen van Bakkerij De Zonnebloem BV' }),
    ).toHaveAttribute('href', '/portaal/aanvragen/a1');
  });
});

function drillAnswer(applications: Record<string, unknown>[] | null) {
  return {
    data: {
      funnelDrillDown: {
        __typename: 'FunnelDrillDown',
        programmeKey: 'gezondheidscoaches',
        stage: 'APPROVED',
        kind: 'STOPPED',
        total: 62,
        byReason: [
          { __typename: 'DrillReasonCount', reason: 'TIME_INVESTMENT', count: 24 },
          { __typename: 'DrillReasonCount', reason: 'COST', count: 20 },
          { __typename: 'DrillReasonCount', reason: null, count: 18 },
        ],
        applications,
      },
    },
  };
}

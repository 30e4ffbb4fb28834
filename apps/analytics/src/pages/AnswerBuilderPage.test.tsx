import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { downloadCsv } from '@werkgezond/ui';
import { describe, expect, it, vi } from 'vitest';
import snapshots from '../test/api/snapshots-coaching.json';
import { renderAnalyticsAt } from '../test/render';

vi.mock('@werkgezond/ui', async (original) => ({
  ...(await original<typeof import('@werkgezond/ui')>()),
  downloadCsv: vi.fn(),
}));

describe('answer builder', () => {
  it('builds the 2017 / 2018 / 2019 table of the minister’s answer and exports it with the query', async () => {
    const answerFor = (variables: Record<string, unknown>) =>
      JSON.stringify(variables.at) === JSON.stringify(['2017-12-31', '2018-12-31', '2019-07-31'])
        ? snapshots
        : { data: { funnelSnapshots: { ...snapshots.data.funnelSnapshots, snapshots: [] } } };
    const { api } = renderAnalyticsAt('/antwoord?programme=gezondheidscoaches', {
      AnalyticsFunnelSnapshots: answerFor,
    });
    // Default columns are the year ends; the answer's last column is the end of July 2019.
    const third = await screen.findByLabelText('Datum 3');
    expect(third).toHaveValue('2019-12-31');
    // A date input reports a whole day at a time (jsdom cannot type into one key by key).
    fireEvent.change(third, { target: { value: '2019-07-31' } });
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('at')).toBe(
        '2017-12-31,2018-12-31,2019-07-31',
      ),
    );
    const table = await screen.findByRole('table', {
      name: /gecumuleerd aantal aanvragen per stap/,
    });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(6));
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Stap', '2017', '2018', '2019 (t.e.m. 31 juli)'],
      ['Aangevraagd', '11', '140', '196'],
      ['Goedgekeurd', '11', '128', '181'],
      ['Afgekeurd', '0', '12', '15'],
      ['Traject gestart', '0', '42', '80'],
      ['Traject afgerond', '0', '0', '7'],
    ]);
    expect(
      api.calls.filter((c) => c.operationName === 'AnalyticsFunnelSnapshots').at(-1)?.variables,
    ).toEqual({
      input: { programmeKey: 'gezondheidscoaches', unit: 'APPLICATIONS', years: null },
      at: ['2017-12-31', '2018-12-31', '2019-07-31'],
    });

    await userEvent.click(screen.getByRole('button', { name: 'CSV downloaden (met bevraging)' }));
    const [fileName, csv] = vi.mocked(downloadCsv).mock.calls.at(-1) ?? [];
    expect(fileName).toBe('antwoord-gezondheidscoaches-2017-12-31_2018-12-31_2019-07-31.csv');
    const text = String(csv);
    expect(text).toContain(
      'Aangevraagd,11,140,196\r\nGoedgekeurd,11,128,181\r\nAfgekeurd,0,12,15\r\nTraject gestart,0,42,80\r\nTraject afgerond,0,0,7',
    );
    expect(text).toContain(
      'Stand van de gegevens,t.e.m. 2017-12-31; t.e.m. 2018-12-31; t.e.m. 2019-07-31',
    );
    expect(text).toMatch(
      /Bevraging,"funnelSnapshots\(input: \{""programmeKey"":""gezondheidscoaches""/,
    );
    expect(text).toMatch(/Gegevens opgevraagd op,\d{4}-\d{2}-\d{2}T/);
  });

  it('drops a row when its stage is unticked, and keeps that in the URL', async () => {
    renderAnalyticsAt(
      '/antwoord?programme=gezondheidscoaches&at=2017-12-31,2018-12-31,2019-07-31',
      {
        AnalyticsFunnelSnapshots: snapshots,
      },
    );
    await screen.findByRole('table', { name: /gecumuleerd aantal/ });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Afgekeurd' }));
    expect(new URLSearchParams(window.location.search).get('stages')).toBe(
      'APPLIED,APPROVED,STARTED,COMPLETED',
    );
    const table = screen.getByRole('table', { name: /gecumuleerd aantal/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Aangevraagd', 'Goedgekeurd', 'Traject gestart', 'Traject afgerond']);
  });
});

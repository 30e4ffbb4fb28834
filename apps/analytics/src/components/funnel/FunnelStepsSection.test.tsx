import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { downloadCsv } from '@werkgezond/ui';
import { describe, expect, it, vi } from 'vitest';
import funnel from '../../test/api/funnel-coaching-2019-07-31.json';
import { plain, renderWithI18n } from '../../test/render';
import { ConversionSection, DropOffSection } from './FunnelDetails';
import { FunnelStepsSection } from './FunnelStepsSection';

vi.mock('@werkgezond/ui', async (original) => ({
  ...(await original<typeof import('@werkgezond/ui')>()),
  downloadCsv: vi.fn(),
}));

const steps = funnel.data.funnel.steps;
const context = 'Gezondheidscoaches in bedrijven, stand 31 juli 2019';

describe('funnel steps: chart and table with the same numbers', () => {
  it('describes the chart with every count and share, and lists them in the table', async () => {
    renderWithI18n(
      <FunnelStepsSection
        steps={steps}
        unit="APPLICATIONS"
        context={context}
        fileName="trechter"
      />,
    );
    const chart = screen.getByRole('img', { name: /Liggend staafdiagram van de trechter/ });
    expect(plain(chart.getAttribute('aria-label'))).toContain(
      'Aangevraagd: 196 (100,0%); Goedgekeurd: 181 (92,3%); Traject gestart: 80 (40,8%); Traject afgerond: 7 (3,6%)',
    );
    const table = screen.getByRole('table', { name: /aantallen en percentages per stap/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => plain(cell.textContent)),
      );
    const headers = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Aangevraagd', 'Goedgekeurd', 'Traject gestart', 'Traject afgerond']);
    // count, of first step, of previous step, dropped, stopped, still in progress, median, p90
    expect(rows[1]?.slice(0, 6)).toEqual([
      '181',
      '92,3% (87,8–95,3%)',
      '92,3% (87,8–95,3%)',
      '15',
      '15',
      '0',
    ]);
    expect(rows[2]?.slice(0, 6)).toEqual([
      '80',
      '40,8% (34,2–47,8%)',
      '44,2% (37,2–51,5%)',
      '101',
      '62',
      '39',
    ]);
    expect(rows[2]?.slice(6)).toEqual(['45,5 dagen', '88,1 dagen']);
  });

  it('exports raw numbers, codes and interval bounds to CSV', async () => {
    renderWithI18n(
      <FunnelStepsSection
        steps={steps}
        unit="APPLICATIONS"
        context={context}
        fileName="trechter-x"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Exporteren als CSV: Trechter/ }));
    const [fileName, csv] = vi.mocked(downloadCsv).mock.calls.at(-1) ?? [];
    expect(fileName).toBe('trechter-x');
    const lines = String(csv).split('\r\n');
    expect(lines[0]).toContain('Stap,Aantal,T.o.v. eerste stap');
    expect(lines[0]).toContain('T.o.v. eerste stap, ondergrens 95%');
    expect(lines[2]).toMatch(
      /^APPROVED,181,0\.923469387755102,0\.923469387755102,15,15,0,11,37,0\.877/,
    );
  });

  it('splits the drop-off into stopped and still in progress, in chart and table', () => {
    renderWithI18n(<DropOffSection steps={steps} context={context} fileName="trechter" />);
    expect(screen.getByRole('img', { name: /uitval tussen de stappen/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Uitval tussen de stappen/ });
    const row = within(table)
      .getByRole('rowheader', { name: 'Goedgekeurd → Traject gestart' })
      .closest('tr');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['101', '62', '39']);
  });

  it('shows the conversion with its Wilson interval next to the chart', () => {
    renderWithI18n(<ConversionSection steps={steps} context={context} fileName="trechter" />);
    expect(
      screen.getByRole('img', { name: /conversie per stap met 95%-intervallen/ }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Conversie per stap/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Goedgekeurd', 'Traject gestart', 'Traject afgerond']);
    expect(plain(within(table).getAllByRole('cell')[4]?.textContent)).toBe('8,8% (4,3–17,0%)');
  });

  it('speaks English', () => {
    renderWithI18n(
      <FunnelStepsSection steps={steps} unit="COMPANIES" context="x" fileName="f" />,
      'en',
    );
    const table = screen.getByRole('table', { name: /counts and percentages per step/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Applied', 'Approved', 'Trajectory started', 'Trajectory completed']);
    expect(screen.getByText(/Number of companies that reached each step/)).toBeInTheDocument();
  });
});

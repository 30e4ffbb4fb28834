import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import cohorts from '../test/api/cohorts-award-2013-2015.json';
import { plain, renderAnalyticsAt } from '../test/render';

describe('cohort comparison', () => {
  it('compares the 2015 award against 2013 with a p-value and a verdict', async () => {
    const { api } = renderAnalyticsAt(
      '/cohorten?programme=nv-gezond&cohorts=2013,2015&baseline=2013',
      {
        AnalyticsCohortComparison: cohorts,
      },
    );
    const verdicts = await screen.findByRole('region', { name: 'Besluit per stap' });
    expect(plain(verdicts.textContent)).toContain('p = 0,431');
    expect(verdicts).toHaveTextContent('Geen aantoonbaar verschil');
    const tests = screen.getByRole('table', { name: /Verschil met de basisgroep/ });
    expect(within(tests).getByText('chi-kwadraattoets')).toBeInTheDocument();
    expect(
      api.calls.find((c) => c.operationName === 'AnalyticsCohortComparison')?.variables,
    ).toMatchObject({
      input: {
        programmeKey: 'nv-gezond',
        baseline: '2013',
        cohorts: [
          { label: '2013', filter: { editions: [2013] } },
          { label: '2015', filter: { editions: [2015] } },
        ],
        minGroupSize: 10,
      },
    });
  });

  it('refuses to conclude when a group is too small, however small the p-value', async () => {
    const small = structuredClone(cohorts);
    const comparison = small.data.cohortComparison.cohorts[1]?.comparisons?.[1]?.fromFirst;
    if (comparison) Object.assign(comparison, { pValue: 0.0004, tooSmall: true, test: 'FISHER' });
    renderAnalyticsAt('/cohorten?programme=nv-gezond&cohorts=2013,2015&minGroup=40', {
      AnalyticsCohortComparison: small,
    });
    const verdicts = await screen.findByRole('region', { name: 'Besluit per stap' });
    expect(verdicts).toHaveTextContent('Geen besluit mogelijk');
    expect(verdicts).not.toHaveTextContent('verschilt duidelijk');
    expect(plain(verdicts.textContent)).toContain('p < 0,001');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { manager } from '../test/fixtures';
import { answer, callsOf, renderPortal } from '../test/render';

const options = {
  data: {
    programmes: [
      {
        __typename: 'Programme',
        id: 'p2',
        key: 'gezondheidscoaches',
        name: 'Gezondheidscoaches in bedrijven',
        editions: [],
        stages: [],
      },
    ],
    outreachChannels: [],
  },
};
const spending = (rows: unknown[]) => ({
  data: {
    funding: {
      __typename: 'FundingOverview',
      allocations: [
        {
          __typename: 'BudgetAllocation',
          id: 'b1',
          source: {
            __typename: 'FundingSource',
            id: 'f1',
            key: 'vlaamse-overheid',
            name: 'Vlaamse overheid',
          },
        },
      ],
    },
    expenditures: {
      __typename: 'ExpenditureConnection',
      totalCount: rows.length,
      edges: rows.map((node, i) => ({ __typename: 'ExpenditureEdge', cursor: String(i), node })),
    },
  },
});

describe('recording an expenditure', () => {
  it('checks the amount and sends it in cents', async () => {
    const saved = {
      __typename: 'Expenditure',
      id: 'x1',
      category: 'COACH_FEES',
      amountCents: 123456,
      spentOn: '2026-11-20',
      description: 'Coachingvergoeding',
    };
    let recorded = false;
    const { api } = renderPortal(
      '/beheer/uitgaven?programma=gezondheidscoaches&aanvraag=a1',
      {
        ManagerQueueOptions: options,
        ManagerExpenditures: answer(() => spending(recorded ? [saved] : [])),
        RecordExpenditure: answer(() => {
          recorded = true;
          return { data: { recordExpenditure: saved } };
        }),
      },
      { viewer: manager },
    );
    expect(await screen.findByText('Nog geen uitgaven')).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: /Categorie/ }),
      'COACH_FEES',
    );
    await userEvent.type(screen.getByRole('textbox', { name: /Bedrag/ }), 'twaalf');
    await userEvent.type(
      screen.getByRole('textbox', { name: /Omschrijving/ }),
      'Coachingvergoeding',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Uitgave vastleggen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vul een bedrag in euro in, bv. 1.250,00.');
    expect(callsOf(api, 'RecordExpenditure')).toHaveLength(0);

    await userEvent.clear(screen.getByRole('textbox', { name: /Bedrag/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Bedrag/ }), '1.234,56');
    const date = screen.getByLabelText(/Datum van de uitgave/);
    await userEvent.clear(date);
    await userEvent.type(date, '2026-11-20');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: /Financieringsbron/ }),
      'vlaamse-overheid',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Uitgave vastleggen' }));
    expect(
      await screen.findByText(/Uitgave van € 1\.234,56 op 20 november 2026 vastgelegd\./),
    ).toBeInTheDocument();
    expect(callsOf(api, 'RecordExpenditure')[0]?.variables.input).toEqual({
      programmeKey: 'gezondheidscoaches',
      category: 'COACH_FEES',
      amountCents: 123456,
      spentOn: '2026-11-20',
      description: 'Coachingvergoeding',
      fundingSourceKey: 'vlaamse-overheid',
      applicationId: 'a1',
    });
    expect(
      await screen.findByRole('rowheader', { name: 'Coachingvergoeding' }),
    ).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { plain, renderAdminAt } from '../test/render';
import { allocationForm, allocationInput, EMPTY_ALLOCATION } from './BudgetPage';

const budget = (allocatedCents: number) => ({
  data: {
    budget: {
      __typename: 'Budget',
      programmeKey: 'gezondheidscoaches',
      allocatedCents,
      spentCents: 250_000,
      allocatedToDateCents: allocatedCents,
      spentToDateCents: 250_000,
      remainingCents: allocatedCents - 250_000,
      utilisation: 250_000 / allocatedCents,
      bySource: [
        {
          __typename: 'BudgetBySource',
          key: 'esf',
          name: 'Europees Sociaal Fonds',
          allocatedCents,
          spentCents: 250_000,
        },
      ],
      byYear: [{ __typename: 'BudgetByYear', year: 2019, allocatedCents, spentCents: 250_000 }],
      allocations: [
        {
          __typename: 'BudgetAllocationLine',
          id: 'b1',
          editionId: null,
          sourceKey: 'esf',
          sourceName: 'Europees Sociaal Fonds',
          year: 2019,
          amountCents: allocatedCents,
          description: 'ESF-tranche',
        },
      ],
    },
    fundingSources: [
      { __typename: 'FundingSource', id: 's1', key: 'esf', name: 'Europees Sociaal Fonds' },
      { __typename: 'FundingSource', id: 's2', key: 'vlaamse-overheid', name: 'Vlaamse overheid' },
    ],
  },
});

describe('budget page', () => {
  it('form values: euro to cents, an empty year is the whole programme, a call sets the year', () => {
    expect(
      allocationInput({
        ...EMPTY_ALLOCATION,
        sourceKey: 'esf',
        amount: '1.250,50'.replace('.', ''),
      }),
    ).toEqual({
      fundingSourceKey: 'esf',
      year: null,
      editionId: null,
      amountCents: 125_050,
      description: '',
    });
    expect(
      allocationInput({ ...EMPTY_ALLOCATION, year: '2025', editionId: 'e1', amount: '10' }),
    ).toMatchObject({ year: null, editionId: 'e1', amountCents: 1000 });
    expect(Number.isNaN(allocationInput({ ...EMPTY_ALLOCATION, amount: 'veel' }).amountCents)).toBe(
      true,
    );
    expect(
      allocationForm({
        id: 'b1',
        editionId: null,
        sourceKey: 'esf',
        sourceName: 'ESF',
        year: 2019,
        amountCents: 100_050,
        description: 'x',
      }),
    ).toEqual({
      id: 'b1',
      sourceKey: 'esf',
      year: '2019',
      editionId: '',
      amount: '1000.5',
      description: 'x',
    });
  });

  it('shows allocations beside spending and utilisation, adds, edits and deletes an allocation', {
    timeout: 30_000,
  }, async () => {
    let allocated = 1_000_000;
    const answerBudget = () => budget(allocated);
    const answerCreate = () => {
      allocated += 500_000;
      return { data: { createBudgetAllocation: { __typename: 'BudgetAllocation', id: 'b2' } } };
    };
    const { api } = renderAdminAt('/programmas/gezondheidscoaches/budget', {
      AdminBudget: answerBudget,
      AdminCreateBudgetAllocation: answerCreate,
      AdminUpdateBudgetAllocation: {
        data: { updateBudgetAllocation: { __typename: 'BudgetAllocation', id: 'b1' } },
      },
      AdminDeleteBudgetAllocation: { data: { deleteBudgetAllocation: 'b1' } },
    });
    const user = userEvent.setup();
    expect(
      await screen.findByRole('heading', { name: 'Budget van Gezondheidscoaches in bedrijven' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Budgettoekenningen van dit programma' });
    expect(plain(within(table).getByRole('rowheader').textContent)).toBe('2019');
    expect(plain(table.textContent)).toContain('€ 10.000,00');
    expect(
      plain(
        screen.getByText('Benutting', { selector: '.wg-stat__label' }).nextSibling?.textContent,
      ),
    ).toBe('25,0%');

    // Add: the amount in euro reaches the API in cents.
    await user.selectOptions(screen.getByLabelText(/Financieringsbron/), 'vlaamse-overheid');
    await user.type(screen.getByLabelText(/Budgetjaar/), '2019');
    await user.type(screen.getByLabelText(/Bedrag/), '5000');
    await user.click(screen.getByRole('button', { name: 'Toekenning toevoegen' }));
    expect(await screen.findByText('De toekenning is toegevoegd.')).toBeInTheDocument();
    expect(
      api.calls.find((c) => c.operationName === 'AdminCreateBudgetAllocation')?.variables,
    ).toEqual({
      input: {
        programmeKey: 'gezondheidscoaches',
        fundingSourceKey: 'vlaamse-overheid',
        year: 2019,
        editionId: null,
        amountCents: 500_000,
        description: '',
      },
    });
    await waitFor(() =>
      expect(
        plain(
          screen.getByText('Benutting', { selector: '.wg-stat__label' }).nextSibling?.textContent,
        ),
      ).toBe('16,7%'),
    );

    // Edit: the form is filled with the allocation; saving sends its id.
    await user.click(screen.getByRole('button', { name: 'Wijzigen: Europees Sociaal Fonds 2019' }));
    expect(screen.getByLabelText(/Bedrag/)).toHaveValue('15000');
    await user.clear(screen.getByLabelText(/Bedrag/));
    await user.type(screen.getByLabelText(/Bedrag/), '12000');
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('De toekenning is gewijzigd.')).toBeInTheDocument();
    expect(
      api.calls.find((c) => c.operationName === 'AdminUpdateBudgetAllocation')?.variables,
    ).toMatchObject({
      input: { id: 'b1', fundingSourceKey: 'esf', year: 2019, amountCents: 1_200_000 },
    });

    // Delete asks for a confirmation first.
    await user.click(
      screen.getByRole('button', { name: 'Verwijderen: Europees Sociaal Fonds 2019' }),
    );
    expect(api.calls.some((c) => c.operationName === 'AdminDeleteBudgetAllocation')).toBe(false);
    await user.click(
      screen.getByRole('button', { name: 'Ja, verwijderen: Europees Sociaal Fonds 2019' }),
    );
    expect(await screen.findByText('De toekenning is verwijderd.')).toBeInTheDocument();
    expect(
      api.calls.find((c) => c.operationName === 'AdminDeleteBudgetAllocation')?.variables,
    ).toEqual({
      id: 'b1',
    });
  });

  it('shows a typed error from the API beside the field and keeps the form', async () => {
    renderAdminAt('/programmas/gezondheidscoaches/budget', {
      AdminBudget: budget(1_000_000),
      AdminCreateBudgetAllocation: {
        errors: [
          {
            message: 'Unknown funding source "x"',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.fundingSourceKey' },
          },
        ],
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Bedrag/), '10');
    await user.click(screen.getByRole('button', { name: 'Toekenning toevoegen' }));
    // In the alert and beside the field.
    expect(await screen.findAllByText('Unknown funding source "x"', { exact: false })).toHaveLength(
      2,
    );
    expect(screen.getByLabelText(/Bedrag/)).toHaveValue('10');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { componentsInput } from '../components/ComponentsFields';
import { operators, programmeFixture, renderAdminAt } from '../test/render';

const preview = {
  data: {
    eligibilityPreview: { __typename: 'EligibilityPreview', eligible: 40, registered: 100 },
  },
};

describe('programme form: operator and components', () => {
  it('sends components trimmed, in the order shown', () => {
    expect(
      componentsInput([
        { uid: 'a', key: ' toolbox ', kind: 'TOOLBOX', name: ' Toolbox ', description: ' ' },
      ]),
    ).toEqual([{ key: 'toolbox', kind: 'TOOLBOX', name: 'Toolbox', description: '' }]);
  });

  it('changes the operator and adds and removes components; a server error lands on its field', async () => {
    const saved: Record<string, unknown>[] = [];
    const answerSave = (vars: Record<string, unknown>) => {
      saved.push(vars.input as Record<string, unknown>);
      return saved.length === 1
        ? {
            errors: [
              {
                message: 'Key: lower-case letters, digits and dashes (2–64)',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.components.1.key' },
              },
            ],
          }
        : {
            data: {
              updateProgramme: programmeFixture({
                operator: { __typename: 'Organisation', id: 'o2', name: 'VIGeZ' },
              }),
            },
          };
    };
    renderAdminAt('/programmas/gezondheidscoaches', {
      AdminOrganisationsOfKind: operators,
      AdminEligibilityPreview: preview,
      AdminUpdateProgramme: answerSave,
    });
    const user = userEvent.setup();
    const details = await screen.findByRole('region', { name: 'Gegevens en voorwaarden' });
    const operator = within(details).getByRole('combobox', { name: /Uitvoerder/ });
    await waitFor(() => expect(operator).toHaveValue('o1'));
    await user.selectOptions(operator, 'o2');

    const components = within(details).getByRole('group', { name: 'Onderdelen' });
    expect(
      within(components).getByRole('group', {
        name: 'Onderdeel 1: Begeleiding door een gezondheidscoach',
      }),
    ).toBeInTheDocument();
    await user.click(within(components).getByRole('button', { name: 'Onderdeel toevoegen' }));
    const second = within(components).getByRole('group', { name: /Onderdeel 2/ });
    await waitFor(() => expect(within(second).getByLabelText(/Sleutel/)).toHaveFocus());
    await user.type(within(second).getByLabelText(/Sleutel/), 'Toolbox!');
    await user.selectOptions(within(second).getByLabelText(/Soort/), 'TOOLBOX');
    await user.type(within(second).getByLabelText(/^Naam/), 'Online toolbox');
    await user.click(within(details).getByRole('button', { name: 'Opslaan' }));

    // The API refuses the new key: the message is shown beside that field.
    await waitFor(() =>
      expect(within(second).getByLabelText(/Sleutel/)).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(saved[0]).toMatchObject({
      key: 'gezondheidscoaches',
      operatorId: 'o2',
      components: [
        { key: 'coaching', kind: 'COACHING', name: 'Begeleiding door een gezondheidscoach' },
        { key: 'Toolbox!', kind: 'TOOLBOX', name: 'Online toolbox', description: '' },
      ],
    });

    // Fixed, and the first component removed: only the toolbox is sent.
    await user.clear(within(second).getByLabelText(/Sleutel/));
    await user.type(within(second).getByLabelText(/Sleutel/), 'toolbox');
    await user.click(
      within(components).getByRole('button', {
        name: 'Verwijderen: onderdeel 1 Begeleiding door een gezondheidscoach',
      }),
    );
    await user.click(within(details).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De wijzigingen zijn opgeslagen.')).toBeInTheDocument();
    expect(saved[1]?.components).toEqual([
      { key: 'toolbox', kind: 'TOOLBOX', name: 'Online toolbox', description: '' },
    ]);
  }, 30_000);

  it('a new programme is created with its components', async () => {
    const sent: Record<string, unknown>[] = [];
    const answerCreate = (vars: Record<string, unknown>) => {
      sent.push(vars.input as Record<string, unknown>);
      return { errors: [{ message: 'stop', extensions: { code: 'CONFLICT' } }] };
    };
    renderAdminAt('/programmas/nieuw', {
      AdminOrganisationsOfKind: operators,
      AdminEligibilityPreview: preview,
      AdminCreateProgramme: answerCreate,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Naam/), 'Gezond op het werk');
    await user.type(screen.getByLabelText(/^Sleutel/), 'gezond-werk');
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'VIGeZ' })).toHaveLength(1));
    await user.selectOptions(screen.getByRole('combobox', { name: /Uitvoerder/ }), 'o2');
    await user.click(screen.getByRole('button', { name: 'Onderdeel toevoegen' }));
    const first = screen.getByRole('group', { name: /Onderdeel 1/ });
    await user.type(within(first).getByLabelText(/Sleutel/), 'award');
    await user.selectOptions(within(first).getByLabelText(/Soort/), 'AWARD');
    await user.type(within(first).getByLabelText(/^Naam/), 'De award');
    await user.type(within(first).getByLabelText(/Omschrijving/), 'Een prijs voor de beste aanpak');
    await user.click(screen.getByRole('button', { name: 'Programma aanmaken' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      key: 'gezond-werk',
      operatorId: 'o2',
      components: [
        {
          key: 'award',
          kind: 'AWARD',
          name: 'De award',
          description: 'Een prijs voor de beste aanpak',
        },
      ],
    });
  }, 30_000);
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, manager } from '../test/fixtures';
import { callsOf, renderPortal } from '../test/render';

const organisation = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Organisation',
  id: 'o1',
  name: 'Bakkerij De Zonnebloem BV',
  kind: 'COMPANY',
  kboNumber: '0603793722',
  employeeCount: 14,
  sizeClass: 'SMALL',
  naceCode: '10.71',
  sector: 'C',
  municipality: 'Roeselare',
  province: 'West-Vlaanderen',
  hasPreventionCommittee: false,
  profileHistory: [],
  ...overrides,
});
const profile = (org = organisation()) => ({
  data: { viewer: { __typename: 'Viewer', id: 'u1', organisation: org } },
});

describe('company profile', () => {
  it('shows the KBO number readably and checks it before saving', async () => {
    const { api } = renderPortal('/profiel', { PortalProfile: profile() });
    const kbo = await screen.findByRole('textbox', { name: /Ondernemingsnummer/ });
    expect(kbo).toHaveValue('0603.793.722');
    expect(
      screen.getByText('Het profiel is nog niet gewijzigd sinds de registratie.'),
    ).toBeInTheDocument();
    await userEvent.clear(kbo);
    await userEvent.type(kbo, '0603.793.723');
    await userEvent.clear(screen.getByRole('textbox', { name: /Aantal werknemers/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Profiel bewaren' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Dit ondernemingsnummer bestaat niet');
    expect(summary).toHaveTextContent('Vul het aantal werknemers in.');
    expect(callsOf(api, 'UpdateOrganisationProfile')).toHaveLength(0);
  });

  it('puts the server’s answer next to the field it concerns, translated', async () => {
    renderPortal('/profiel', {
      PortalProfile: profile(),
      UpdateOrganisationProfile: apiError(
        'BAD_USER_INPUT',
        'Another organisation has this KBO number',
        {
          field: 'input.kboNumber',
        },
      ),
    });
    const kbo = await screen.findByRole('textbox', { name: /Ondernemingsnummer/ });
    await userEvent.clear(kbo);
    await userEvent.type(kbo, '0123 456 749');
    await userEvent.click(screen.getByRole('button', { name: 'Profiel bewaren' }));
    await waitFor(() =>
      expect(kbo).toHaveAccessibleDescription(
        'Tien cijfers, bv. 0123.456.749. Een andere organisatie heeft dit ondernemingsnummer al.',
      ),
    );
  });

  it('saves the change and lists the history with readable values', async () => {
    const changed = organisation({
      employeeCount: 55,
      sizeClass: 'MEDIUM',
      hasPreventionCommittee: true,
      profileHistory: [
        {
          __typename: 'ProfileChange',
          changedAt: '2026-11-25T10:15:00.000Z',
          changes: {
            employeeCount: { from: 14, to: 55 },
            sizeClass: { from: 'SMALL', to: 'MEDIUM' },
            hasPreventionCommittee: { from: false, to: true },
          },
        },
      ],
    });
    const { api } = renderPortal('/profiel', {
      PortalProfile: profile(),
      UpdateOrganisationProfile: { data: { updateOrganisationProfile: changed } },
    });
    const employees = await screen.findByRole('textbox', { name: /Aantal werknemers/ });
    await userEvent.clear(employees);
    await userEvent.type(employees, '55');
    await userEvent.click(screen.getByRole('checkbox', { name: /comité voor preventie/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Profiel bewaren' }));
    expect(await screen.findByText(/Het profiel is bewaard/)).toBeInTheDocument();
    expect(callsOf(api, 'UpdateOrganisationProfile')[0]?.variables.input).toEqual({
      organisationId: 'o1',
      name: 'Bakkerij De Zonnebloem BV',
      kboNumber: '0603793722',
      employeeCount: 55,
      naceCode: '10.71',
      municipality: 'Roeselare',
      province: 'West-Vlaanderen',
      hasPreventionCommittee: true,
    });
    const table = await screen.findByRole('table', { name: 'Wijzigingen, de nieuwste eerst' });
    expect(table).toHaveTextContent('Aantal werknemers1455');
    expect(table).toHaveTextContent('Grootteklasseklein (10 tot 49)middelgroot (50 tot 249)');
    expect(table).toHaveTextContent('Comité voor preventie en beschermingNeeJa');
  });

  it('is not a page for a programme manager', async () => {
    renderPortal('/profiel', {}, { viewer: manager });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bedrijfsprofiel' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Deze pagina hoort niet bij jouw rol in het portaal.'),
    ).toBeInTheDocument();
  });
});

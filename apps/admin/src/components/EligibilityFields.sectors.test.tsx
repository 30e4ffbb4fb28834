import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAdminAt } from '../test/render';

describe('eligibility sectors', () => {
  it('ticking sectors asks the preview with their NACE letters and saves them with the programme', async () => {
    const answerPreview = (vars: Record<string, unknown>) => {
      const rules = vars.rules as { naceSections: string[] };
      return {
        data: {
          eligibilityPreview: {
            __typename: 'EligibilityPreview',
            eligible: rules.naceSections.length ? 12 : 40,
            registered: 100,
          },
        },
      };
    };
    // The save is answered with an error: the test only looks at what was sent.
    const answerSave = () => ({
      errors: [{ message: 'stop', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const { api } = renderAdminAt('/programmas/gezondheidscoaches', {
      AdminEligibilityPreview: answerPreview,
      AdminOrganisationsOfKind: {
        data: { organisations: { __typename: 'OrganisationConnection', edges: [] } },
      },
      AdminUpdateProgramme: answerSave,
    });
    const user = userEvent.setup();
    const sectors = await screen.findByRole('group', { name: /Sector \(NACE-sectie/ });
    await user.click(screen.getByRole('checkbox', { name: 'C – Industrie' }));
    await user.click(screen.getByRole('checkbox', { name: 'F – Bouw' }));
    expect(sectors).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        '12 van de 100 geregistreerde ondernemingen',
      ),
    );
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.operationName === 'AdminEligibilityPreview')
          .map((c) => (c.variables.rules as { naceSections: string[] }).naceSections),
      ).toContainEqual(['C', 'F']),
    );
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.operationName === 'AdminUpdateProgramme')).toBe(true),
    );
    const sent = api.calls.find((c) => c.operationName === 'AdminUpdateProgramme')?.variables
      .input as { eligibility: { naceSections: string[] } };
    expect(sent.eligibility.naceSections).toEqual(['C', 'F']);
  }, 30_000);
});

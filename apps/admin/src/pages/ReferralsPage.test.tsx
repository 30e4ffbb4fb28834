import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdminAt } from '../test/render';

const channel = (code: string | null, signUps = 0) => ({
  __typename: 'ReferralChannel',
  id: 'c1',
  key: 'prebes',
  name: 'Prebes-mailing',
  kind: 'MEMBER_ASSOCIATION_MAILING',
  code,
  path: code ? `/aanmelden?via=${code}` : null,
  issuedAt: code ? '2026-12-01T10:00:00.000Z' : null,
  signUps,
  applications: 0,
});

describe('referral links page', () => {
  it('creates a link, shows it as a full address to copy, and revokes it after confirmation', async () => {
    const { api } = renderAdminAt('/kanalen', {
      AdminReferralChannels: { data: { referralChannels: [channel(null, 2)] } },
      AdminCreateReferralLink: { data: { createReferralLink: channel('abc234def567', 2) } },
      AdminRevokeReferralLink: { data: { revokeReferralLink: channel(null, 2) } },
    });
    const user = userEvent.setup();
    // After setup: user-event installs its own clipboard.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const table = await screen.findByRole('table', {
      name: 'Kanalen met hun aanmeldlink en wat die opleverde',
    });
    expect(within(table).getByText('Geen link')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Link aanmaken voor Prebes-mailing' }));
    expect(
      await screen.findByText('De aanmeldlink voor Prebes-mailing is aangemaakt.'),
    ).toBeInTheDocument();
    const link = screen.getByRole('textbox', { name: 'Aanmeldlink van Prebes-mailing' });
    expect(link).toHaveValue(`${window.location.origin}/aanmelden?via=abc234def567`);
    await user.click(
      screen.getByRole('button', { name: 'Kopiëren: aanmeldlink van Prebes-mailing' }),
    );
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/aanmelden?via=abc234def567`);

    await user.click(
      screen.getByRole('button', { name: 'Intrekken: aanmeldlink van Prebes-mailing' }),
    );
    expect(api.calls.some((c) => c.operationName === 'AdminRevokeReferralLink')).toBe(false);
    await user.click(
      screen.getByRole('button', { name: 'Ja, intrekken: aanmeldlink van Prebes-mailing' }),
    );
    expect(await screen.findByText(/werkt niet meer/)).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'AdminRevokeReferralLink')?.variables).toEqual(
      {
        channelKey: 'prebes',
      },
    );
    expect(within(table).getByText('Geen link')).toBeInTheDocument();
  }, 30_000);
});

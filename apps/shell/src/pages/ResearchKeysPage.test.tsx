import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi, type FakeResolver } from '@werkgezond/graphql-client/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createShellI18n } from '../i18n/i18n';
import { viewer } from '../test/fixtures';

const key = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'ResearchApiKey',
  id: 'k1',
  name: 'Demo researcher (bundled dataset)',
  prefix: 'wg_demo_r',
  createdAt: '2026-11-25T10:00:00.000Z',
  createdBy: null,
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

function renderAt(roles: string[], resolvers: Parameters<typeof createFakeApi>[0] = {}) {
  window.history.pushState({}, '', '/beheer/onderzoekssleutels');
  const api = createFakeApi({
    Viewer: { data: { viewer: viewer({ roles: roles as never, organisation: null }) } },
    ...resolvers,
  });
  render(<App client={api.client} i18n={createShellI18n('nl-BE')} loadRemote={vi.fn()} />);
  return api;
}

beforeEach(() => {
  Object.assign(navigator, { clipboard: { writeText: vi.fn(async () => undefined) } });
});
afterEach(() => {
  localStorage.clear();
});

describe('research keys page', () => {
  it('lists the keys by prefix, creates one and shows the secret once with a warning', async () => {
    let keys = [key()];
    const list: FakeResolver = () => ({ data: { researchApiKeys: keys } });
    const create: FakeResolver = (vars) => {
      const name = (vars.input as { name: string }).name;
      const created = key({ id: 'k2', name, prefix: 'wg_secret', createdBy: 'admin@demo' });
      keys = [created, ...keys];
      return { data: { createResearchApiKey: { key: 'wg_secret_value', apiKey: created } } };
    };
    const api = renderAt(['ADMIN'], {
      AdminResearchKeys: list,
      AdminCreateResearchKey: create,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Onderzoekssleutels' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('wg_demo_r…')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Sleutel aanmaken' }));
    expect(screen.getByLabelText(/Voor wie of waarvoor/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.map((c) => c.operationName)).not.toContain('AdminCreateResearchKey');

    await userEvent.type(screen.getByLabelText(/Voor wie of waarvoor/), 'KU Leuven{Enter}');
    expect(await screen.findByText('Sleutel voor KU Leuven aangemaakt')).toBeInTheDocument();
    expect(screen.getByText(/maar één keer getoond/)).toBeInTheDocument();
    expect(screen.getByLabelText('Sleutel')).toHaveValue('wg_secret_value');
    await userEvent.click(screen.getByRole('button', { name: 'Sleutel kopiëren' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('wg_secret_value');
    expect(await screen.findByText('De sleutel staat op het klembord.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Klaar, de sleutel is bewaard' }));
    expect(screen.queryByLabelText('Sleutel')).toBeNull();
    expect(screen.queryByText('wg_secret_value')).toBeNull();
  });

  it('revokes a key only after confirmation', async () => {
    let keys = [key()];
    const list: FakeResolver = () => ({ data: { researchApiKeys: keys } });
    const revoke: FakeResolver = () => {
      keys = [key({ revokedAt: '2026-11-25T11:00:00.000Z' })];
      return { data: { revokeResearchApiKey: keys[0] } };
    };
    const api = renderAt(['ADMIN'], {
      AdminResearchKeys: list,
      AdminRevokeResearchKey: revoke,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Sleutel Demo researcher (bundled dataset) intrekken',
      }),
    );
    const confirm = screen.getByRole('alert');
    expect(confirm).toHaveTextContent(
      'Elk volgend verzoek met deze sleutel wordt meteen geweigerd',
    );
    expect(api.calls.map((c) => c.operationName)).not.toContain('AdminRevokeResearchKey');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, intrekken' }));
    expect(
      await screen.findByText('De sleutel Demo researcher (bundled dataset) is ingetrokken.'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/Ingetrokken op/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /intrekken/ })).toBeNull();
  });

  it('is not open to other roles', async () => {
    const api = renderAt(['ANALYST']);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }),
    ).toBeInTheDocument();
    expect(api.calls.map((c) => c.operationName)).toEqual(['Viewer']);
  });
});

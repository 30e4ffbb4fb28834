import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RemoteMount } from '@werkgezond/graphql-client';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { createShellI18n } from './i18n/i18n';
import type { AppKey } from './navigation/apps';
import { signedOut, viewer } from './test/fixtures';

/** A stand-in remote: writes which app was mounted, with the options it got. */
function fakeRemote(app: AppKey, seen: unknown[]): RemoteMount {
  return (element, options) => {
    seen.push({ app, ...options });
    const marker = document.createElement('h1');
    marker.textContent = `${app} remote (${options.locale}, ${options.basePath})`;
    element.append(marker);
    return () => marker.remove();
  };
}

function renderShell(
  resolvers: Parameters<typeof createFakeApi>[0],
  load = vi.fn(async (app: AppKey) => fakeRemote(app, [])),
) {
  const api = createFakeApi(resolvers);
  render(<App client={api.client} i18n={createShellI18n('nl-BE')} loadRemote={load} />);
  return { api, load };
}

beforeEach(() => {
  window.history.pushState({}, '', '/');
});
afterEach(() => {
  localStorage.clear();
});

describe('sign-in', () => {
  it('sends a visitor to the sign-in page', async () => {
    renderShell({ Viewer: signedOut });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/aanmelden');
  });

  it('shows missing fields next to them without asking the server', async () => {
    const { api } = renderShell({ Viewer: signedOut });
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }));
    expect(screen.getByLabelText(/E-mailadres/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/E-mailadres/)).toHaveAccessibleDescription(
      'E-mailadres is verplicht.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Aanmelden is niet gelukt');
    expect(api.calls.map((c) => c.operationName)).toEqual(['Viewer']);
  });

  it('says the credentials are wrong without saying which one', async () => {
    renderShell({
      Viewer: signedOut,
      SignIn: {
        errors: [
          {
            message: 'E-mail address or password is incorrect',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    });
    await userEvent.type(
      await screen.findByLabelText(/E-mailadres/),
      'deelnemer@demo.werkgezond.be',
    );
    await userEvent.type(screen.getByLabelText(/Wachtwoord/), 'fout');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    expect(screen.getByLabelText(/Wachtwoord/)).toHaveValue('');
  });

  it('tells how long to wait when rate limited', async () => {
    renderShell({
      Viewer: signedOut,
      SignIn: {
        errors: [
          { message: 'Too many', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 90 } },
        ],
      },
    });
    await userEvent.type(await screen.findByLabelText(/E-mailadres/), 'a@b.be');
    await userEvent.type(screen.getByLabelText(/Wachtwoord/), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'kun je pas over 2 minuten opnieuw proberen',
    );
  });

  it('lands an analyst in analytics with the shared client, locale, viewer and base path', async () => {
    const seen: unknown[] = [];
    const analyst = viewer({
      roles: ['ANALYST'],
      organisation: null,
      displayName: 'Pieter De Smet',
    });
    const { api, load } = renderShell(
      { Viewer: signedOut, SignIn: { data: { signIn: analyst } } },
      vi.fn(async (app: AppKey) => fakeRemote(app, seen)),
    );
    await userEvent.type(await screen.findByLabelText(/E-mailadres/), 'analist@demo.werkgezond.be');
    await userEvent.type(screen.getByLabelText(/Wachtwoord/), 'werkgezond-demo');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(
      await screen.findByRole('heading', { name: 'analytics remote (nl-BE, /analyse)' }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/analyse');
    expect(load).toHaveBeenCalledWith('analytics', { retry: false });
    expect(seen).toEqual([
      expect.objectContaining({
        app: 'analytics',
        client: api.client,
        viewer: expect.objectContaining({ id: 'u1' }),
      }),
    ]);
    const nav = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Analyse']);
    expect(screen.getByText('Aangemeld als Pieter De Smet')).toBeInTheDocument();
  });
});

describe('navigation by role', () => {
  it('gives an admin every app (and the research keys page) and remounts the remote in the new language', async () => {
    const seen: { app: string; locale: string }[] = [];
    window.history.pushState({}, '', '/');
    renderShell(
      { Viewer: { data: { viewer: viewer({ roles: ['ADMIN'], organisation: null }) } } },
      vi.fn(async (app: AppKey) => fakeRemote(app, seen)),
    );
    expect(
      await screen.findByRole('heading', { name: 'portal remote (nl-BE, /portaal)' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Portaal', 'Analyse', 'Beheer', 'Onderzoekssleutels', 'Verzonden berichten']);
    await userEvent.click(within(nav).getByRole('link', { name: 'Analyse' }));
    expect(
      await screen.findByRole('heading', { name: 'analytics remote (nl-BE, /analyse)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /portal remote/ })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Taal'), 'en');
    expect(
      await screen.findByRole('heading', { name: 'analytics remote (en, /analyse)' }),
    ).toBeInTheDocument();
    expect(localStorage.getItem('werkgezond.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('refuses an app the role does not open, without loading it', async () => {
    window.history.pushState({}, '', '/analyse');
    const { load } = renderShell({ Viewer: { data: { viewer: viewer() } } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }),
    ).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();
  });
});

describe('a remote that fails to load', () => {
  it('explains in an alert and loads again on request', async () => {
    window.history.pushState({}, '', '/portaal');
    let attempts = 0;
    const load = vi.fn(async (app: AppKey) => {
      attempts += 1;
      if (attempts === 1) throw new Error('remoteEntry.js: 502');
      return fakeRemote(app, []);
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderShell({ Viewer: { data: { viewer: viewer() } } }, load);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Portaal kon niet geladen worden');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw laden' }));
    expect(
      await screen.findByRole('heading', { name: 'portal remote (nl-BE, /portaal)' }),
    ).toBeInTheDocument();
    expect(load).toHaveBeenLastCalledWith('portal', { retry: true });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    error.mockRestore();
  });
});

describe('sign-up', () => {
  it('checks the KBO number with the domain rule before sending anything', async () => {
    window.history.pushState({}, '', '/registreren');
    const { api } = renderShell({ Viewer: signedOut });
    const kbo = await screen.findByLabelText(/Ondernemingsnummer/);
    await userEvent.type(kbo, '0123.456.748');
    await userEvent.tab();
    expect(kbo).toHaveAttribute('aria-invalid', 'true');
    expect(kbo).toHaveAccessibleDescription(/bestaat niet: controleer de cijfers/);
    await userEvent.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Controleer de gegevens');
    expect(api.calls.some((c) => c.operationName === 'SignUp')).toBe(false);
  });

  it('puts a server error on the field it names and sends the ten-digit KBO number', async () => {
    window.history.pushState({}, '', '/registreren');
    const { api } = renderShell({
      Viewer: signedOut,
      SignUp: {
        errors: [
          {
            message: 'An account with this e-mail address already exists',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
          },
        ],
      },
    });
    await userEvent.type(await screen.findByLabelText(/Naam van de onderneming/), 'Bakkerij Test');
    await userEvent.type(screen.getByLabelText(/Ondernemingsnummer/), 'BE 0123.456.749');
    await userEvent.type(screen.getByLabelText(/Aantal werknemers/), '12');
    await userEvent.type(screen.getByLabelText(/Je naam/), 'An Test');
    await userEvent.type(screen.getByLabelText(/E-mailadres/), 'an@bakkerij.be');
    await userEvent.type(screen.getByLabelText(/Wachtwoord/), 'een lang wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Registreren' }));
    const email = screen.getByLabelText(/E-mailadres/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('An account with this e-mail address already exists');
    const sent = api.calls.find((c) => c.operationName === 'SignUp')?.variables.input as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      kboNumber: '0123456749',
      employeeCount: 12,
      province: null,
      hasPreventionCommittee: false,
    });
  });

  it('a referral link on the sign-in address leads to the sign-up form and carries its code', async () => {
    window.history.pushState({}, '', '/aanmelden?via=abc234def567');
    const { api } = renderShell({
      Viewer: signedOut,
      SignUpReferral: {
        data: {
          referralLink: {
            __typename: 'ReferralLinkInfo',
            code: 'abc234def567',
            channelName: 'Prebes',
          },
        },
      },
      SignUp: {
        errors: [
          { message: 'stop here', extensions: { code: 'BAD_USER_INPUT', field: 'input.email' } },
        ],
      },
    });
    expect(
      await screen.findByText(
        'Je registreert je via Prebes. Je aanvragen worden aan dat kanaal toegeschreven.',
      ),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/registreren');
    expect(window.location.search).toBe('?via=abc234def567');
    await userEvent.type(screen.getByLabelText(/Naam van de onderneming/), 'Bakkerij Test');
    await userEvent.type(screen.getByLabelText(/Ondernemingsnummer/), 'BE 0123.456.749');
    await userEvent.type(screen.getByLabelText(/Aantal werknemers/), '12');
    await userEvent.type(screen.getByLabelText(/Je naam/), 'An Test');
    await userEvent.type(screen.getByLabelText(/E-mailadres/), 'an@bakkerij.be');
    await userEvent.type(screen.getByLabelText(/Wachtwoord/), 'een lang wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(api.calls.some((c) => c.operationName === 'SignUp')).toBe(true));
    const sent = api.calls.find((c) => c.operationName === 'SignUp')?.variables.input;
    expect(sent).toMatchObject({ via: 'abc234def567' });
  }, 30_000);

  it('an unknown referral code is said so, and the sign-up goes on without it', async () => {
    window.history.pushState({}, '', '/registreren?via=bestaatniet');
    renderShell({ Viewer: signedOut, SignUpReferral: { data: { referralLink: null } } });
    expect(await screen.findByText('Deze aanmeldlink werkt niet meer')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Registreren' })).toBeEnabled();
  });
});

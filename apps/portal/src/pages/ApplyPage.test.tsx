import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, applyForm, detail, network } from '../test/fixtures';
import { answer, callsOf, renderPortal } from '../test/render';

const submitted = (id = detail().id) => ({
  data: { applyToProgramme: detail({ id }) },
});

describe('applying to a programme', () => {
  it('checks the form before sending: a programme and a channel are required', async () => {
    const { api } = renderPortal('/aanvragen/nieuw', { PortalApplyForm: applyForm() });
    await screen.findByRole('heading', { level: 1, name: 'Nieuwe aanvraag' });
    await userEvent.click(await screen.findByRole('button', { name: 'Aanvraag indienen' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Controleer het formulier');
    expect(summary).toHaveTextContent('Kies een programma.');
    expect(summary).toHaveTextContent('Kies hoe je van het programma hoorde.');
    expect(summary).toHaveFocus();
    expect(screen.getByRole('combobox', { name: /Hoe heb je van ons gehoord/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(callsOf(api, 'ApplyToProgramme')).toHaveLength(0);
  });

  it('preselects the programme from the catalogue and shows the eligibility verdict', async () => {
    renderPortal('/aanvragen/nieuw?programma=gezondheidscoaches', {
      PortalApplyForm: applyForm({ coachingEligible: false }),
    });
    expect(await screen.findByRole('radio', { name: /Gezondheidscoaches/ })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Je organisatie komt niet in aanmerking voor Gezondheidscoaches in bedrijven',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'richt zich op organisaties zonder comité',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /gehoord/ }), 'prebes');
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Je organisatie komt niet in aanmerking voor dit programma',
    );
  });

  it('submits once with an idempotency key, even on a double click, and opens the application', async () => {
    let release: () => void = () => {};
    const { api } = renderPortal('/aanvragen/nieuw?programma=gezondheidscoaches', {
      PortalApplyForm: applyForm(),
      ApplyToProgramme: answer(
        () =>
          new Promise((resolve) => {
            release = () => resolve(submitted());
          }),
      ),
      PortalApplication: { data: { application: detail() } },
    });
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: /gehoord/ }),
      'prebes',
    );
    const button = screen.getByRole('button', { name: 'Aanvraag indienen' });
    await userEvent.dblClick(button);
    await waitFor(() => expect(callsOf(api, 'ApplyToProgramme')).toHaveLength(1));
    release();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Gezondheidscoaches in bedrijven 2026',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Je aanvraag is ingediend/)).toBeInTheDocument();
    const [call] = callsOf(api, 'ApplyToProgramme');
    expect(call?.variables.input).toMatchObject({
      programmeKey: 'gezondheidscoaches',
      organisationId: 'o1',
      registrationType: 'INDIVIDUAL',
      channelKey: 'prebes',
      idempotencyKey: expect.stringMatching(/^[\w-]{8,80}$/),
    });
  });

  it('skips "how did you hear of us?" for a company that signed up through a referral link', async () => {
    const { api } = renderPortal('/aanvragen/nieuw?programma=gezondheidscoaches', {
      PortalApplyForm: applyForm({ firstTouchChannel: { key: 'prebes', name: 'Prebes' } }),
      ApplyToProgramme: { data: { applyToProgramme: submitted() } },
      PortalApplication: { data: { application: detail() } },
    });
    expect(
      await screen.findByText(/Je onderneming registreerde zich via Prebes/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /gehoord/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    await waitFor(() => expect(callsOf(api, 'ApplyToProgramme')).toHaveLength(1));
    expect(callsOf(api, 'ApplyToProgramme')[0]?.variables.input).toMatchObject({
      channelKey: 'prebes',
    });
  });

  it('retries with the same idempotency key after a network error', async () => {
    let attempt = 0;
    const { api } = renderPortal('/aanvragen/nieuw?programma=nv-gezond', {
      PortalApplyForm: applyForm(),
      ApplyToProgramme: answer(() => {
        attempt += 1;
        return attempt === 1 ? { networkError: 'reset' } : submitted();
      }),
      PortalApplication: { data: { application: detail() } },
    });
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: /gehoord/ }),
      'website',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    expect(await screen.findByText(/De server is niet bereikbaar/)).toBeInTheDocument();
    // What was typed stays.
    expect(screen.getByRole('combobox', { name: /gehoord/ })).toHaveValue('website');
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    await screen.findByRole('heading', { level: 1, name: 'Gezondheidscoaches in bedrijven 2026' });
    const keys = callsOf(api, 'ApplyToProgramme').map(
      (c) => (c.variables.input as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('lets a network pick members and add one by KBO number, checked on the client', async () => {
    const { api } = renderPortal(
      '/aanvragen/nieuw?programma=nv-gezond',
      {
        PortalApplyForm: applyForm({
          kind: 'NETWORK',
          members: [
            { id: 'm1', name: 'Bakkerij Devos CVBA', kboNumber: '0490972923' },
            { id: 'm2', name: 'Transport Peeters BV', kboNumber: '0712520329' },
          ],
        }),
        ApplyToProgramme: apiError('BAD_USER_INPUT', 'This KBO number is not a company', {
          field: 'input.newMembers.0.kboNumber',
        }),
      },
      { viewer: network },
    );
    expect(
      await screen.findByRole('radio', { name: 'Groepsinschrijving voor leden van het netwerk' }),
    ).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: /Transport Peeters BV/ }));
    expect(screen.getByText('1 onderneming gekozen.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: /Zoek in de leden/ }), 'devos');
    expect(screen.queryByRole('checkbox', { name: /Transport Peeters/ })).toBeNull();
    await userEvent.clear(screen.getByRole('searchbox', { name: /Zoek in de leden/ }));

    await userEvent.click(screen.getByRole('button', { name: 'Onderneming toevoegen' }));
    const added = screen.getByRole('group', { name: 'Toegevoegde onderneming 1' });
    const kbo = within(added).getByRole('textbox', { name: /Ondernemingsnummer/ });
    await userEvent.type(kbo, '0123.456.748');
    await userEvent.tab();
    expect(kbo).toHaveAccessibleDescription(
      'Dit ondernemingsnummer bestaat niet: controleer de cijfers.',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /gehoord/ }), 'prebes');
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vul de naam van de onderneming in.');
    expect(callsOf(api, 'ApplyToProgramme')).toHaveLength(0);

    // Valid on the client; the server's answer lands next to the same field.
    await userEvent.clear(kbo);
    await userEvent.type(kbo, '0123.456.749');
    await userEvent.type(within(added).getByRole('textbox', { name: /Naam/ }), 'Nieuwe Buur BV');
    await userEvent.click(screen.getByRole('button', { name: 'Aanvraag indienen' }));
    await waitFor(() =>
      expect(kbo).toHaveAccessibleDescription(
        'Dit ondernemingsnummer is niet van een onderneming.',
      ),
    );
    const [call] = callsOf(api, 'ApplyToProgramme');
    expect(call?.variables.input).toMatchObject({
      registrationType: 'GROUP',
      organisationId: 'n1',
      memberOrganisationIds: ['m2'],
      newMembers: [{ kboNumber: '0123456749', name: 'Nieuwe Buur BV' }],
    });
  });

  it('saves a draft, which then gets its own address to resume from', async () => {
    const draft = detail({
      id: '22222222-2222-4222-8222-222222222222',
      submittedAt: null,
      currentStage: null,
      events: [],
      nextStages: [],
    });
    const { api } = renderPortal('/aanvragen/nieuw?programma=gezondheidscoaches', {
      PortalApplyForm: applyForm(),
      SaveApplicationDraft: { data: { saveApplicationDraft: draft } },
      PortalApplication: { data: { application: draft } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Concept bewaren' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aanvraag verder invullen' }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/portaal/aanvragen/${draft.id}/bewerken`);
    expect(await screen.findByText(/Je concept is bewaard/)).toBeInTheDocument();
    expect(callsOf(api, 'SaveApplicationDraft')[0]?.variables.input).toMatchObject({
      programmeKey: 'gezondheidscoaches',
      channelKey: null,
      idempotencyKey: expect.any(String),
    });
  });

  it('speaks English', async () => {
    renderPortal('/aanvragen/nieuw', { PortalApplyForm: applyForm() }, { locale: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'New application' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('combobox', { name: /How did you hear of us/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeInTheDocument();
  });
});

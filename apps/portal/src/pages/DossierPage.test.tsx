import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AWARD_STAGES, apiError, detail, event } from '../test/fixtures';
import { callsOf, renderPortal } from '../test/render';

const registered = detail({
  programme: {
    __typename: 'Programme',
    id: 'p1',
    key: 'nv-gezond',
    name: 'NV Gezond',
    stages: AWARD_STAGES,
  },
  currentStage: { __typename: 'Stage', key: 'REGISTERED', label: 'Ingeschreven', kind: 'STEP' },
  nextStages: [
    { __typename: 'Stage', key: 'PARTICIPATED', label: 'Deelnamedossier ingediend', kind: 'STEP' },
    { __typename: 'Stage', key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT' },
  ],
  version: 4,
  events: [event('ev1', 'REGISTERED', 'Ingeschreven', '2026-03-02T09:00:00.000Z')],
});
const dossier = (answers: { key: string; value: string }[] = []) => ({
  data: {
    application: {
      __typename: 'Application',
      id: registered.id,
      dossier: answers.length
        ? {
            __typename: 'ParticipationDossier',
            answers: answers.map((a) => ({ __typename: 'DossierAnswer', ...a })),
            submittedAt: null,
            updatedAt: '2026-11-20T10:00:00.000Z',
          }
        : null,
      attachments: [],
    },
  },
});

describe('participation dossier', () => {
  it('requires every answer to submit, but saves what is there', async () => {
    const { api } = renderPortal(`/aanvragen/${registered.id}/dossier`, {
      PortalApplication: { data: { application: registered } },
      PortalApplicationDossier: dossier([{ key: 'results', value: 'Minder verzuim.' }]),
      SaveParticipationDossier: {
        data: {
          saveParticipationDossier: {
            ...registered,
            ...dossier([
              { key: 'results', value: 'Minder verzuim.' },
              { key: 'healthPolicyVision', value: 'Gezond werken.' },
            ]).data.application,
          },
        },
      },
    });
    const vision = await screen.findByRole('textbox', { name: /Visie op gezondheidsbeleid/ });
    expect(screen.getByRole('textbox', { name: /Resultaten/ })).toHaveValue('Minder verzuim.');
    await userEvent.click(screen.getByRole('button', { name: 'Dossier indienen' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Visie op gezondheidsbeleid: Beantwoord deze vraag.',
    );
    expect(vision).toHaveAttribute('aria-invalid', 'true');
    expect(callsOf(api, 'SaveParticipationDossier')).toHaveLength(0);

    await userEvent.type(vision, 'Gezond werken.');
    await userEvent.click(screen.getByRole('button', { name: 'Tussentijds bewaren' }));
    expect(await screen.findByText(/Je antwoorden zijn bewaard/)).toBeInTheDocument();
    expect(callsOf(api, 'SaveParticipationDossier')[0]?.variables.input).toEqual({
      applicationId: registered.id,
      expectedVersion: 4,
      submit: false,
      answers: [
        { key: 'healthPolicyVision', value: 'Gezond werken.' },
        { key: 'actionsTaken', value: '' },
        { key: 'employeeInvolvement', value: '' },
        { key: 'collaboration', value: '' },
        { key: 'results', value: 'Minder verzuim.' },
      ],
    });
  });

  it('shows a server error next to the answer it names', async () => {
    renderPortal(`/aanvragen/${registered.id}/dossier`, {
      PortalApplication: { data: { application: registered } },
      PortalApplicationDossier: dossier(),
      SaveParticipationDossier: apiError(
        'BAD_USER_INPUT',
        'Answer every question before submitting',
        {
          field: 'input.answers.collaboration',
        },
      ),
    });
    for (const label of [/Visie/, /^Acties/, /Betrokkenheid/, /Samenwerking/, /Resultaten/])
      await userEvent.type(await screen.findByRole('textbox', { name: label }), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Dossier indienen' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Samenwerking/ })).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
    expect(screen.getByRole('textbox', { name: /Samenwerking/ })).toHaveAccessibleDescription(
      expect.stringContaining('Beantwoord elke vraag voor je indient.'),
    );
  });

  it('checks the type and size of a file before uploading it', async () => {
    renderPortal(`/aanvragen/${registered.id}/dossier`, {
      PortalApplication: { data: { application: registered } },
      PortalApplicationDossier: dossier(),
    });
    const input = await screen.findByLabelText('Bestand kiezen');
    fireEvent.change(input, {
      target: { files: [new File(['hallo'], 'notities.txt', { type: 'text/plain' })] },
    });
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Dit soort bestand kan niet'),
    );
    const big = new File(['x'], 'plan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Dit bestand is te groot: hoogstens 10 MB.'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Bestand toevoegen' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('reloads and keeps the answers when someone else changed the application', async () => {
    renderPortal(`/aanvragen/${registered.id}/dossier`, {
      PortalApplication: { data: { application: registered } },
      PortalApplicationDossier: dossier(),
      SaveParticipationDossier: apiError('CONFLICT', 'Someone else changed this application'),
    });
    for (const label of [/Visie/, /^Acties/, /Betrokkenheid/, /Samenwerking/, /Resultaten/])
      await userEvent.type(await screen.findByRole('textbox', { name: label }), 'Ons antwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Dossier indienen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Iemand anders heeft deze aanvraag intussen gewijzigd',
    );
    expect(screen.getByRole('textbox', { name: /Resultaten/ })).toHaveValue('Ons antwoord');
  });
});

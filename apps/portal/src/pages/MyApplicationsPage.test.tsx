import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi, type FakeResolver } from '@werkgezond/graphql-client/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { PortalApp } from '../PortalApp';
import { application, manager, page, participant } from '../test/fixtures';

function renderPortal(
  resolver: FakeResolver,
  viewer = participant,
  locale: 'nl-BE' | 'en' = 'nl-BE',
) {
  const api = createFakeApi({ MyApplications: resolver });
  render(<PortalApp client={api.client} locale={locale} viewer={viewer} basePath="/portaal" />);
  return api;
}

beforeEach(() => {
  window.history.pushState({}, '', '/portaal');
});

describe('Mijn aanvragen', () => {
  it("lists the organisation's applications with programme, edition, stage and date", async () => {
    renderPortal(() =>
      page(
        [
          application('a1'),
          application('a2', {
            submittedAt: '2014-03-21T10:00:00.000Z',
            currentStage: {
              __typename: 'Stage',
              key: 'PARTICIPATED',
              label: 'Deelnamedossier ingediend',
              kind: 'STEP',
            },
            programme: { __typename: 'Programme', id: 'p1', key: 'nv-gezond', name: 'NV Gezond' },
            edition: { __typename: 'Edition', id: 'e2014', year: 2014 },
          }),
        ],
        2,
      ),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mijn aanvragen' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Aanvragen van Bakkerij De Zonnebloem BV',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('Traject gestart')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('16 mei 2018')).toHaveAttribute(
      'datetime',
      '2018-05-16',
    );
    expect(within(rows[1] as HTMLElement).getByText('NV Gezond')).toBeInTheDocument();
    expect(screen.getByText('2 van 2 aanvragen')).toBeInTheDocument();
    expect(document.title).toBe('Mijn aanvragen · Werkgezond');
  });

  it('shows a loading state first, then an empty state without applications', async () => {
    renderPortal(() => page([], 0));
    expect(screen.getByRole('status')).toHaveTextContent('Aanvragen worden geladen…');
    expect(await screen.findByRole('heading', { name: 'Nog geen aanvragen' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an error with a retry that asks again', async () => {
    let attempts = 0;
    renderPortal(() => {
      attempts += 1;
      return attempts === 1 ? { networkError: 'down' } : page([application('a1')], 1);
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De aanvragen konden niet geladen worden');
    expect(alert).toHaveTextContent('De server is niet bereikbaar');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it("gives a programme manager their programmes' applications and loads more pages", async () => {
    const api = renderPortal(
      ({ after }) =>
        after
          ? page(
              [
                application('a3', {
                  organisation: { __typename: 'Organisation', id: 'o3', name: 'Garage Weert BVBA' },
                }),
              ],
              3,
            )
          : page(
              [
                application('a1'),
                application('a2', {
                  organisation: { __typename: 'Organisation', id: 'o2', name: 'Logistiek Dewilde' },
                }),
              ],
              3,
              true,
            ),
      manager,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: "Aanvragen van mijn programma's" }),
    ).toBeInTheDocument();
    await screen.findByText('2 van 3 aanvragen');
    await userEvent.click(screen.getByRole('button', { name: 'Meer aanvragen laden' }));
    expect(await screen.findByText('3 van 3 aanvragen')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Garage Weert BVBA' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Meer aanvragen laden' })).toBeNull();
    expect(api.calls.map((c) => c.variables.after ?? null)).toEqual([null, 'a2']);
  });

  it('speaks English when the shell does, stage names included', async () => {
    renderPortal(() => page([application('a1')], 1), participant, 'en');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'My applications' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Trajectory started')).toBeInTheDocument();
    expect(screen.getByText('16 May 2018')).toBeInTheDocument();
  });
});

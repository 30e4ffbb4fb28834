import { render } from '@testing-library/react';
import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import { AdminApp } from '../AdminApp';

export type Resolvers = Parameters<typeof createFakeApi>[0];

export const admin: AppShell_ViewerFragment = {
  id: 'u5',
  email: 'admin@demo.werkgezond.be',
  displayName: 'Els Maes',
  roles: ['ADMIN'],
  programmeKeys: [],
  organisation: null,
};

/** A programme as AdminProgrammes answers it. */
export function programmeFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Programme',
    id: 'p2',
    key: 'gezondheidscoaches',
    name: 'Gezondheidscoaches in bedrijven',
    description: 'Coaching',
    employerContributionCents: null,
    operator: { __typename: 'Organisation', id: 'o1', name: 'Idewe' },
    eligibility: {
      __typename: 'EligibilityRules',
      organisationKinds: [],
      maxEmployees: 49,
      sizeClasses: [],
      requiresNoPreventionCommittee: true,
      provinces: [],
      naceSections: [],
    },
    components: [
      {
        __typename: 'ProgrammeComponent',
        key: 'coaching',
        kind: 'COACHING',
        name: 'Begeleiding door een gezondheidscoach',
        description: 'Een coach helpt een jaar lang.',
      },
    ],
    stages: [],
    editions: [
      {
        __typename: 'Edition',
        id: 'e2019',
        year: 2019,
        name: 'Oproep 2019',
        opensOn: '2019-01-01',
        closesOn: '2019-12-31',
        status: 'CLOSED',
        acceptsApplications: false,
      },
    ],
    ...overrides,
  };
}

/** Operators and service providers, as AdminOrganisationsOfKind answers them. */
export const operators = {
  data: {
    organisations: {
      __typename: 'OrganisationConnection',
      edges: [
        { id: 'o1', name: 'Idewe', kind: 'SERVICE_PROVIDER' },
        { id: 'o2', name: 'VIGeZ', kind: 'PROGRAMME_OPERATOR' },
      ].map((node) => ({
        __typename: 'OrganisationEdge',
        node: { __typename: 'Organisation', ...node },
      })),
    },
  },
};

/** The whole back office at a URL (under /beheer) over a fake API. */
export function renderAdminAt(url: string, resolvers: Resolvers, viewer = admin) {
  window.history.pushState({}, '', `/beheer${url}`);
  const api = createFakeApi({
    AdminProgrammes: { data: { programmes: [programmeFixture()] } },
    ...resolvers,
  });
  const view = render(
    <AdminApp client={api.client} locale="nl-BE" viewer={viewer} basePath="/beheer" />,
  );
  return { api, view };
}

/** Text without the narrow and non-breaking spaces Intl puts in numbers. */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

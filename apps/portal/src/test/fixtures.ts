import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';

export const participant: AppShell_ViewerFragment = {
  id: 'u1',
  email: 'deelnemer@demo.werkgezond.be',
  displayName: 'Sofie Peeters',
  roles: ['PARTICIPANT'],
  programmeKeys: [],
  organisation: { id: 'o1', name: 'Bakkerij De Zonnebloem BV' },
};

export const manager: AppShell_ViewerFragment = {
  id: 'u3',
  email: 'beheerder@demo.werkgezond.be',
  displayName: 'An Janssens',
  roles: ['PROGRAMME_MANAGER'],
  programmeKeys: ['nv-gezond', 'gezondheidscoaches'],
  organisation: null,
};

export function application(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Application',
    id,
    submittedAt: '2018-05-16T08:30:00.000Z',
    registrationType: 'INDIVIDUAL',
    companyCount: 1,
    currentStage: { __typename: 'Stage', key: 'STARTED', label: 'Traject gestart', kind: 'STEP' },
    programme: {
      __typename: 'Programme',
      id: 'p2',
      key: 'gezondheidscoaches',
      name: 'Gezondheidscoaches in bedrijven',
    },
    edition: { __typename: 'Edition', id: 'e2018', year: 2018 },
    organisation: { __typename: 'Organisation', id: 'o1', name: 'Bakkerij De Zonnebloem BV' },
    ...overrides,
  };
}

export function page(
  nodes: ReturnType<typeof application>[],
  totalCount: number,
  hasNextPage = false,
) {
  return {
    data: {
      applications: {
        __typename: 'ApplicationConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.at(-1)?.id ?? null },
        edges: nodes.map((node) => ({ __typename: 'ApplicationEdge', cursor: node.id, node })),
      },
    },
  };
}

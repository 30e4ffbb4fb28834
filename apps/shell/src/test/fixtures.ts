import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';

export function viewer(overrides: Partial<AppShell_ViewerFragment> = {}) {
  return {
    __typename: 'Viewer',
    id: 'u1',
    email: 'deelnemer@demo.werkgezond.be',
    displayName: 'Sofie Peeters',
    roles: ['PARTICIPANT'],
    programmeKeys: [],
    organisation: { __typename: 'Organisation', id: 'o1', name: 'Bakkerij De Zonnebloem BV' },
    ...overrides,
  } as AppShell_ViewerFragment & { __typename: 'Viewer' };
}

export const signedOut = { data: { viewer: null } };

/** Who may call each root field. Adding a field to the schema without a row here fails a test. */
export const PERSONAS = [
  'anonymous',
  'participant',
  'coordinator',
  'manager',
  'analyst',
  'admin',
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface AccessRule {
  query: string;
  variables?: Record<string, unknown>;
  /** 'everyone' includes anonymous; 'signed-in' any role; or the personas allowed. */
  allowed: 'everyone' | 'signed-in' | Persona[];
  /** Run with a session of its own (the call ends or changes it). */
  freshSession?: boolean;
}

const ANALYTICS: Persona[] = ['analyst', 'admin'];

export const ACCESS_MATRIX: Record<string, AccessRule> = {
  'Query.viewer': { query: '{ viewer { id } }', allowed: 'everyone' },
  'Query.programmes': { query: '{ programmes { key } }', allowed: 'everyone' },
  'Query.programme': { query: '{ programme(key: "nv-gezond") { key } }', allowed: 'everyone' },
  'Query.organisations': {
    query: '{ organisations(first: 1) { totalCount } }',
    allowed: 'signed-in',
  },
  'Query.organisation': {
    query: '{ organisation(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: 'signed-in',
  },
  'Query.applications': {
    query: '{ applications(first: 1) { totalCount } }',
    allowed: 'signed-in',
  },
  'Query.application': {
    query: '{ application(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: 'signed-in',
  },
  'Query.outreachChannels': { query: '{ outreachChannels { key } }', allowed: 'signed-in' },
  'Query.funding': {
    query: '{ funding { spentCents } }',
    allowed: ['manager', 'analyst', 'admin'],
  },
  'Query.expenditures': {
    query: '{ expenditures(first: 1) { totalCount } }',
    allowed: ['manager', 'analyst', 'admin'],
  },
  'Query.publishedFigures': { query: '{ publishedFigures { id } }', allowed: ANALYTICS },
  'Mutation.signIn': {
    query:
      'mutation { signIn(input: { email: "analist@demo.werkgezond.be", password: "werkgezond-demo" }) { id } }',
    allowed: 'everyone',
  },
  'Mutation.signUp': {
    query: `mutation { signUp(input: { email: "bad", password: "short", displayName: "", kboNumber: "1",
      organisationName: "", employeeCount: 1, hasPreventionCommittee: false }) { id } }`,
    allowed: 'everyone',
  },
  'Mutation.signOut': { query: 'mutation { signOut }', allowed: 'signed-in', freshSession: true },
};

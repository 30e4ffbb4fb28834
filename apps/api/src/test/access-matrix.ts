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
const COMPANIES: Persona[] = ['participant', 'coordinator', 'admin'];
const MANAGERS: Persona[] = ['manager', 'admin'];
const NOBODY = '00000000-0000-4000-8000-000000000000';

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
  'Query.funnel': {
    query: '{ funnel(input: { programmeKey: "nv-gezond", years: [2014] }) { units } }',
    allowed: ANALYTICS,
  },
  'Query.funnelSnapshots': {
    query:
      '{ funnelSnapshots(input: { programmeKey: "gezondheidscoaches" }, at: ["2018-12-31"]) { programmeKey } }',
    allowed: ANALYTICS,
  },
  'Query.cohortComparison': {
    query: `{ cohortComparison(input: { programmeKey: "nv-gezond", cohorts: [{ label: "2014", filter: { editions: [2014] } }] }) {
      baseline } }`,
    allowed: ANALYTICS,
  },
  'Query.channelPerformance': {
    query:
      '{ channelPerformance(input: { programmeKey: "gezondheidscoaches", asOf: "2019-07-31" }) { totalApplications } }',
    allowed: ANALYTICS,
  },
  'Query.budget': {
    query: '{ budget(programmeKey: "nv-gezond", year: 2014) { allocatedCents } }',
    allowed: ANALYTICS,
  },
  'Query.decisionLeadTime': {
    query:
      '{ decisionLeadTime(programmeKey: "gezondheidscoaches", asOf: "2019-07-31") { decided } }',
    allowed: ANALYTICS,
  },
  'Query.dropOffReasons': {
    query:
      '{ dropOffReasons(programmeKey: "gezondheidscoaches", stage: "APPROVED", asOf: "2019-07-31") { left } }',
    allowed: ANALYTICS,
  },
  'Query.reAim': {
    query: '{ reAim(programmeKey: "nv-gezond", year: 2014) { year } }',
    allowed: ANALYTICS,
  },
  'Query.publishedFigureReconciliation': {
    query: '{ publishedFigureReconciliation(programmeKey: "nv-gezond") { matched } }',
    allowed: ANALYTICS,
  },
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
  'Query.surveys': {
    query: `{ surveys(programmeKey: "nv-gezond", organisationId: "${NOBODY}") { id } }`,
    allowed: COMPANIES,
  },
  'Query.coaches': {
    query: '{ coaches(programmeKey: "gezondheidscoaches") { id } }',
    allowed: MANAGERS,
  },
  'Mutation.saveApplicationDraft': {
    query: `mutation { saveApplicationDraft(input: { programmeKey: "nv-gezond", organisationId: "${NOBODY}",
      registrationType: INDIVIDUAL }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.applyToProgramme': {
    query: `mutation { applyToProgramme(input: { programmeKey: "nv-gezond", organisationId: "${NOBODY}",
      registrationType: INDIVIDUAL }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.submitApplication': {
    query: `mutation { submitApplication(applicationId: "${NOBODY}") { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.withdrawApplication': {
    query: `mutation { withdrawApplication(input: { applicationId: "${NOBODY}", expectedVersion: 1,
      reasonCode: "COST" }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.saveParticipationDossier': {
    query: `mutation { saveParticipationDossier(input: { applicationId: "${NOBODY}", answers: [],
      submit: false, expectedVersion: 1 }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.submitSurveyResponse': {
    query: `mutation { submitSurveyResponse(input: { surveyId: "${NOBODY}", organisationId: "${NOBODY}",
      answers: [] }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.updateOrganisationProfile': {
    query: `mutation { updateOrganisationProfile(input: { organisationId: "${NOBODY}", name: "X BV",
      hasPreventionCommittee: false }) { id } }`,
    allowed: COMPANIES,
  },
  'Mutation.recordToolboxUse': {
    query: `mutation { recordToolboxUse(programmeKey: "nv-gezond", componentKey: "x",
      organisationId: "${NOBODY}") { componentKey } }`,
    allowed: COMPANIES,
  },
  'Mutation.recordStageChange': {
    query: `mutation { recordStageChange(input: { applicationId: "${NOBODY}", stage: "APPROVED",
      expectedVersion: 1 }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.assignCoach': {
    query: `mutation { assignCoach(input: { applicationId: "${NOBODY}", coachId: "${NOBODY}",
      expectedVersion: 1 }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.recordExpenditure': {
    query: `mutation { recordExpenditure(input: { programmeKey: "gezondheidscoaches", category: ADMINISTRATION,
      amountCents: -1, spentOn: "2019-01-01", description: "refused" }) { id } }`,
    allowed: MANAGERS,
  },
  'Query.imports': { query: '{ imports { id } }', allowed: MANAGERS },
  'Query.importRun': { query: `{ importRun(id: "${NOBODY}") { id } }`, allowed: MANAGERS },
  'Query.importMappings': {
    query: '{ importMappings(kind: ORGANISATIONS) { id } }',
    allowed: MANAGERS,
  },
  'Mutation.startImportDryRun': {
    query: `mutation { startImportDryRun(id: "${NOBODY}") { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.confirmImport': {
    query: `mutation { confirmImport(id: "${NOBODY}") { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.saveImportMapping': {
    // A name too short to pass: BAD_USER_INPUT, and no mapping is saved.
    query: `mutation { saveImportMapping(input: { name: "x", kind: ORGANISATIONS, columns: [] }) { id } }`,
    allowed: MANAGERS,
  },
  'Query.researchApiKeys': { query: '{ researchApiKeys { id prefix } }', allowed: ['admin'] },
  'Mutation.createResearchApiKey': {
    // A name too short to pass: the admin gets BAD_USER_INPUT and no key is created.
    query: 'mutation { createResearchApiKey(input: { name: "x" }) { key } }',
    allowed: ['admin'],
  },
  'Mutation.revokeResearchApiKey': {
    query: `mutation { revokeResearchApiKey(id: "${NOBODY}") { id } }`,
    allowed: ['admin'],
  },
};

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
  'Query.referralChannels': { query: '{ referralChannels { key signUps } }', allowed: ['admin'] },
  'Query.referralLink': {
    query: '{ referralLink(code: "onbekend123") { channelName } }',
    allowed: 'everyone',
  },
  'Mutation.createReferralLink': {
    // An unknown channel: NOT_FOUND, nothing changes.
    query: 'mutation { createReferralLink(channelKey: "geen-kanaal") { code } }',
    allowed: ['admin'],
  },
  'Mutation.revokeReferralLink': {
    query: 'mutation { revokeReferralLink(channelKey: "geen-kanaal") { code } }',
    allowed: ['admin'],
  },
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
    // Managers: the programmes they manage (the demo manager manages nv-gezond).
    query: '{ budget(programmeKey: "nv-gezond", year: 2014) { allocatedCents } }',
    allowed: ['manager', 'analyst', 'admin'],
  },
  'Query.fundingSources': {
    query: '{ fundingSources { key } }',
    allowed: ['manager', 'analyst', 'admin'],
  },
  'Mutation.createBudgetAllocation': {
    // A negative amount: BAD_USER_INPUT, nothing is written.
    query: `mutation { createBudgetAllocation(input: { programmeKey: "nv-gezond", fundingSourceKey: "esf",
      year: 2014, amountCents: -1 }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.updateBudgetAllocation': {
    query: `mutation { updateBudgetAllocation(input: { id: "${NOBODY}", fundingSourceKey: "esf",
      amountCents: 100 }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.deleteBudgetAllocation': {
    query: `mutation { deleteBudgetAllocation(id: "${NOBODY}") }`,
    allowed: MANAGERS,
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
  'Query.scanInstrument': {
    query: '{ scanInstrument { version } }',
    allowed: ['participant', 'admin'],
  },
  'Query.healthPolicyScans': {
    query: `{ healthPolicyScans(organisationId: "${NOBODY}") { id } }`,
    allowed: ['participant', 'admin'],
  },
  'Query.healthPolicyScanResult': {
    query: `{ healthPolicyScanResult(scanId: "${NOBODY}") { change } }`,
    allowed: ['participant', 'admin'],
  },
  'Mutation.saveHealthPolicyScan': {
    query: `mutation { saveHealthPolicyScan(input: { organisationId: "${NOBODY}", answers: [] }) { id } }`,
    allowed: ['participant', 'admin'],
  },
  'Mutation.submitHealthPolicyScan': {
    query: `mutation { submitHealthPolicyScan(input: { organisationId: "${NOBODY}", answers: [] }) { change } }`,
    allowed: ['participant', 'admin'],
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
  'Query.researchQueryLog': {
    query: '{ researchQueryLog(limit: 1) { id cost outcome } }',
    allowed: ['admin'],
  },
  'Mutation.createResearchApiKey': {
    // A name too short to pass: the admin gets BAD_USER_INPUT and no key is created.
    query: 'mutation { createResearchApiKey(input: { name: "x" }) { key } }',
    allowed: ['admin'],
  },
  'Mutation.revokeResearchApiKey': {
    query: `mutation { revokeResearchApiKey(id: "${NOBODY}") { id } }`,
    allowed: ['admin'],
  },
  // Back office (issue 11): every call below is refused as bad input or NOT_FOUND for the
  // allowed personas, so the matrix changes nothing.
  'Query.auditTrail': { query: '{ auditTrail(first: 1) { totalCount } }', allowed: ['admin'] },
  'Query.eligibilityPreview': {
    query: '{ eligibilityPreview(rules: { maxEmployees: 49 }) { eligible registered } }',
    allowed: MANAGERS,
  },
  'Query.coachRoster': {
    query: '{ coachRoster(programmeKey: "gezondheidscoaches") { runningTrajectories } }',
    allowed: MANAGERS,
  },
  'Query.staffUsers': { query: '{ staffUsers { id } }', allowed: ['admin'] },
  'Query.pendingInvitations': { query: '{ pendingInvitations { id } }', allowed: ['admin'] },
  'Query.invitation': { query: '{ invitation(token: "x") { email } }', allowed: 'everyone' },
  'Mutation.createProgramme': {
    query: `mutation { createProgramme(input: { key: "X", name: "", operatorId: "${NOBODY}",
      stageTemplate: TRAJECTORY }) { id } }`,
    allowed: ['admin'],
  },
  'Mutation.updateProgramme': {
    query: 'mutation { updateProgramme(input: { key: "nv-gezond", name: "x" }) { id } }',
    allowed: MANAGERS,
  },
  'Mutation.createEdition': {
    query: `mutation { createEdition(input: { programmeKey: "nv-gezond", year: 1900, name: "x",
      opensOn: "2020-01-01" }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.updateEdition': {
    query: `mutation { updateEdition(input: { id: "${NOBODY}", status: OPEN }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.updateStages': {
    query: 'mutation { updateStages(input: { programmeKey: "nv-gezond", stages: [] }) { key } }',
    allowed: MANAGERS,
  },
  'Mutation.createCoach': {
    query: `mutation { createCoach(input: { programmeKey: "gezondheidscoaches",
      serviceProviderId: "${NOBODY}", fullName: "", capacity: 0 }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.updateCoach': {
    query: `mutation { updateCoach(input: { id: "${NOBODY}", capacity: 2 }) { id } }`,
    allowed: MANAGERS,
  },
  'Query.surveyDefinitions': {
    query: '{ surveyDefinitions(programmeKey: "gezondheidscoaches") { id versions { version } } }',
    allowed: MANAGERS,
  },
  'Mutation.createSurvey': {
    query: `mutation { createSurvey(input: { programmeKey: "gezondheidscoaches", title: "",
      questions: [] }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.updateSurvey': {
    query: `mutation { updateSurvey(input: { id: "${NOBODY}", title: "x", questions: [] }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.setSurveyStatus': {
    query: `mutation { setSurveyStatus(input: { id: "${NOBODY}", status: PUBLISHED }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.inviteUser': {
    query: 'mutation { inviteUser(input: { email: "bad", roles: [ANALYST] }) { acceptPath } }',
    allowed: ['admin'],
  },
  'Mutation.revokeInvitation': {
    query: `mutation { revokeInvitation(id: "${NOBODY}") { id } }`,
    allowed: ['admin'],
  },
  'Mutation.acceptInvitation': {
    query:
      'mutation { acceptInvitation(input: { token: "x", displayName: "X", password: "short" }) { id } }',
    allowed: 'everyone',
  },
  'Mutation.setUserRoles': {
    query: `mutation { setUserRoles(input: { userId: "${NOBODY}", roles: [ANALYST] }) { id } }`,
    allowed: ['admin'],
  },
  'Mutation.deactivateUser': {
    query: `mutation { deactivateUser(userId: "${NOBODY}") { id } }`,
    allowed: ['admin'],
  },
  'Mutation.reactivateUser': {
    query: `mutation { reactivateUser(userId: "${NOBODY}") { id } }`,
    allowed: ['admin'],
  },
  'Query.followUpWorklist': {
    query: '{ followUpWorklist(limit: 1) { totalCount } }',
    allowed: MANAGERS,
  },
  'Query.reminderPreview': {
    // An application nobody manages: managers get NOT_FOUND, which still passes the role check.
    query: `{ reminderPreview(input: { applicationId: "${NOBODY}", template: "REMINDER_START" }) { subject } }`,
    allowed: MANAGERS,
  },
  'Mutation.sendReminder': {
    query: `mutation { sendReminder(input: { applicationId: "${NOBODY}", template: "REMINDER_START", text: "x" }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.recordFollowUpCall': {
    query: `mutation { recordFollowUpCall(input: { applicationId: "${NOBODY}", outcome: "NO_ANSWER" }) { id } }`,
    allowed: MANAGERS,
  },
  'Mutation.setFollowUpThresholds': {
    // Out of range: BAD_USER_INPUT, nothing changes.
    query:
      'mutation { setFollowUpThresholds(input: { programmeKey: "gezondheidscoaches", startDays: -1, progressDays: 90 }) { startDays } }',
    allowed: MANAGERS,
  },
  'Query.followUpEffect': {
    query: '{ followUpEffect(input: { programmeKey: "gezondheidscoaches" }) { pValue } }',
    allowed: ANALYTICS,
  },
  'Query.funnelDrillDown': {
    query:
      '{ funnelDrillDown(input: { programmeKey: "gezondheidscoaches", stage: "APPROVED", kind: STOPPED }) { total } }',
    allowed: ['manager', 'analyst', 'admin'],
  },
  'Query.outboxMessages': {
    query: '{ outboxMessages(limit: 1) { totalCount } }',
    allowed: ['admin'],
  },
};

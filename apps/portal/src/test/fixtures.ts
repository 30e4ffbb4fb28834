import type {
  AppShell_ViewerFragment,
  CallOutcome,
  ContactMoments_ContactFragment,
} from '@werkgezond/graphql-client';

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

export const network: AppShell_ViewerFragment = {
  id: 'u2',
  email: 'netwerk@demo.werkgezond.be',
  displayName: 'Koen Vermeulen',
  roles: ['NETWORK_COORDINATOR'],
  programmeKeys: [],
  organisation: { id: 'n1', name: 'Bedrijvenvereniging Kortrijk-Noord' },
};

const stage = (key: string, label: string, kind: 'STEP' | 'EXIT', position: number) => ({
  __typename: 'Stage',
  key,
  label,
  kind,
  position,
});

export const COACHING_STAGES = [
  stage('APPLIED', 'Aangevraagd', 'STEP', 1),
  stage('APPROVED', 'Goedgekeurd', 'STEP', 2),
  stage('STARTED', 'Traject gestart', 'STEP', 3),
  stage('COMPLETED', 'Traject afgerond', 'STEP', 4),
  stage('REJECTED', 'Afgekeurd', 'EXIT', 1),
  stage('WITHDRAWN', 'Ingetrokken', 'EXIT', 2),
  stage('DROPPED_OUT', 'Afgehaakt', 'EXIT', 3),
];

export const AWARD_STAGES = [
  stage('REGISTERED', 'Ingeschreven', 'STEP', 1),
  stage('PARTICIPATED', 'Deelnamedossier ingediend', 'STEP', 2),
  stage('WITHDRAWN', 'Ingetrokken', 'EXIT', 1),
];

export function event(
  id: string,
  stageKey: string,
  label: string,
  occurredAt: string,
  reason: { reasonCode?: string; reasonText?: string } = {},
) {
  return {
    __typename: 'ApplicationEvent',
    id,
    stage: stageKey,
    label,
    occurredAt,
    reasonCode: reason.reasonCode ?? null,
    reasonText: reason.reasonText ?? null,
  };
}

/** A follow-up contact as the application page asks for it. */
export function contact(
  id: string,
  kind: 'REMINDER' | 'CALL',
  occurredAt: string,
  fields: { outcome?: CallOutcome; note?: string; mailStatus?: string; recipient?: string } = {},
): ContactMoments_ContactFragment & { __typename: 'FollowUpContact' } {
  return {
    __typename: 'FollowUpContact',
    id,
    kind,
    occurredAt,
    outcome: fields.outcome ?? null,
    note: fields.note ?? null,
    mailStatus: fields.mailStatus ?? null,
    recipient: fields.recipient ?? null,
  };
}

/** An application as the application page asks for it (a coaching one, just applied). */
export function detail(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Application',
    id: '11111111-1111-4111-8111-111111111111',
    version: 1,
    registrationType: 'INDIVIDUAL',
    companyCount: 1,
    submittedAt: '2026-03-02T09:00:00.000Z',
    exitAt: null,
    decisionLeadTimeDays: null,
    currentStage: { __typename: 'Stage', key: 'APPLIED', label: 'Aangevraagd', kind: 'STEP' },
    nextStages: [
      { __typename: 'Stage', key: 'APPROVED', label: 'Goedgekeurd', kind: 'STEP' },
      { __typename: 'Stage', key: 'REJECTED', label: 'Afgekeurd', kind: 'EXIT' },
      { __typename: 'Stage', key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT' },
    ],
    programme: {
      __typename: 'Programme',
      id: 'p2',
      key: 'gezondheidscoaches',
      name: 'Gezondheidscoaches in bedrijven',
      stages: COACHING_STAGES,
    },
    edition: { __typename: 'Edition', id: 'e2026', year: 2026, name: 'Gezondheidscoaches 2026' },
    organisation: {
      __typename: 'Organisation',
      id: 'o1',
      name: 'Bakkerij De Zonnebloem BV',
      kind: 'COMPANY',
      kboNumber: '0603793722',
    },
    channel: { __typename: 'OutreachChannel', id: 'c1', key: 'prebes', name: 'Prebes' },
    coach: null,
    members: [],
    events: [event('ev1', 'APPLIED', 'Aangevraagd', '2026-03-02T09:00:00.000Z')],
    contacts: [],
    ...overrides,
  };
}

export function verdict(eligible: boolean, reasons: { code: string; message: string }[] = []) {
  return {
    __typename: 'EligibilityVerdict',
    eligible,
    reasons: reasons.map((r) => ({ __typename: 'EligibilityReason', ...r })),
  };
}

/** The apply form's query answer for a company (or, with members, a network). */
export function applyForm(
  options: {
    kind?: 'COMPANY' | 'NETWORK';
    members?: { id: string; name: string; kboNumber: string }[];
    coachingEligible?: boolean;
    /** The channel whose referral link the company signed up through. */
    firstTouchChannel?: { key: string; name: string } | null;
  } = {},
) {
  const kind = options.kind ?? 'COMPANY';
  return {
    data: {
      viewer: {
        __typename: 'Viewer',
        id: kind === 'NETWORK' ? 'u2' : 'u1',
        organisation: {
          __typename: 'Organisation',
          id: kind === 'NETWORK' ? 'n1' : 'o1',
          name:
            kind === 'NETWORK' ? 'Bedrijvenvereniging Kortrijk-Noord' : 'Bakkerij De Zonnebloem BV',
          kind,
          kboNumber: '0603793722',
          employeeCount: 14,
          hasPreventionCommittee: false,
          firstTouchChannel: options.firstTouchChannel
            ? { __typename: 'OutreachChannel', id: 'ch1', ...options.firstTouchChannel }
            : null,
          members: (options.members ?? []).map((m) => ({ __typename: 'Organisation', ...m })),
        },
      },
      programmes: [
        {
          __typename: 'Programme',
          id: 'p2',
          key: 'gezondheidscoaches',
          name: 'Gezondheidscoaches in bedrijven',
          openCall: { __typename: 'Edition', id: 'e2-2026', name: 'Gezondheidscoaches 2026' },
          components: [
            {
              __typename: 'ProgrammeComponent',
              key: 'coaching',
              kind: 'COACHING',
              name: 'Begeleiding door een gezondheidscoach',
            },
          ],
          eligibilityFor:
            options.coachingEligible === false
              ? verdict(false, [
                  {
                    code: 'HAS_COMMITTEE',
                    message:
                      'De organisatie heeft een comité voor preventie en bescherming op het werk; dit programma richt zich op organisaties zonder comité.',
                  },
                ])
              : verdict(true),
        },
        {
          __typename: 'Programme',
          id: 'p1',
          key: 'nv-gezond',
          name: 'NV Gezond',
          openCall: { __typename: 'Edition', id: 'e1-2026', name: 'NV Gezond 2026' },
          components: [
            {
              __typename: 'ProgrammeComponent',
              key: 'award',
              kind: 'AWARD',
              name: 'NV Gezond award',
            },
          ],
          eligibilityFor: verdict(true),
        },
      ],
      outreachChannels: [
        { __typename: 'OutreachChannel', id: 'c1', key: 'prebes', name: 'Prebes' },
        { __typename: 'OutreachChannel', id: 'c2', key: 'website', name: 'Website' },
      ],
    },
  };
}

/** A GraphQL error answer as the API gives it. */
export function apiError(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

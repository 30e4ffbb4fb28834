import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';

export const analyst: AppShell_ViewerFragment = {
  id: 'u4',
  email: 'analist@demo.werkgezond.be',
  displayName: 'Pieter De Smet',
  roles: ['ANALYST'],
  programmeKeys: [],
  organisation: null,
};

export const programmes = {
  data: {
    programmes: [
      {
        __typename: 'Programme',
        id: 'p2',
        key: 'gezondheidscoaches',
        name: 'Gezondheidscoaches in bedrijven',
        description: 'Een gezondheidscoach helpt kleine ondernemingen.',
        launchedOn: '2017-09-01',
        editions: [2017, 2018, 2019].map((year) => ({
          __typename: 'Edition',
          id: `e${year}`,
          year,
        })),
        stages: [
          { __typename: 'Stage', key: 'APPLIED', label: 'Aangevraagd', kind: 'STEP', position: 1 },
          { __typename: 'Stage', key: 'REJECTED', label: 'Afgekeurd', kind: 'EXIT', position: 1 },
        ],
      },
    ],
  },
};

export const headlines = {
  data: {
    funding: {
      __typename: 'FundingOverview',
      allocatedCents: 300_000_000,
      spentCents: 25_852_500,
      utilisation: 25_852_500 / 300_000_000,
      byYear: [
        { __typename: 'MoneyTotal', key: '2016', allocatedCents: 300_000_000, spentCents: 0 },
        { __typename: 'MoneyTotal', key: '2017', allocatedCents: 0, spentCents: 8_039_200 },
      ],
    },
    headlineFunnel: {
      __typename: 'Funnel',
      asOf: null,
      units: 196,
      steps: [
        {
          __typename: 'FunnelStep',
          stage: 'APPLIED',
          label: 'Aangevraagd',
          count: 196,
          fromFirst: { __typename: 'Rate', value: 1, lower: 0.98, upper: 1 },
        },
        {
          __typename: 'FunnelStep',
          stage: 'APPROVED',
          label: 'Goedgekeurd',
          count: 181,
          fromFirst: { __typename: 'Rate', value: 0.9235, lower: 0.8776, upper: 0.9531 },
        },
      ],
    },
    publishedFigureReconciliation: {
      __typename: 'FigureReconciliation',
      computed: 2,
      matched: 1,
      differing: 1,
      notComputable: 0,
      figures: [
        {
          __typename: 'PublishedFigure',
          id: 'f1',
          programmeKey: 'gezondheidscoaches',
          metric: 'applications, cumulative',
          period: 'through 2018-12-31',
          value: '140',
          check: 'EXACT',
          checkRule: 'exact',
          computedValue: '140',
          computedBy: 'funnelSnapshots(…) → APPLIED',
          matches: true,
          speaker: 'answer',
          sourceDocument: '001_answer.txt',
        },
        {
          __typename: 'PublishedFigure',
          id: 'f2',
          programmeKey: 'gezondheidscoaches',
          metric: 'SMEs that used the offer',
          period: 'as stated in the question (2019)',
          value: '74',
          check: 'CLAIM',
          checkRule: 'claim',
          computedValue: '80',
          computedBy: 'funnel(…) → STARTED',
          matches: false,
          speaker: 'question',
          sourceDocument: '001_answer.txt',
        },
      ],
    },
  },
};

export const generalFigures = {
  data: {
    publishedFigureReconciliation: {
      __typename: 'FigureReconciliation',
      computed: 0,
      matched: 0,
      differing: 0,
      notComputable: 0,
      figures: [],
    },
  },
};

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
      byYear: [
        { __typename: 'MoneyTotal', key: '2016', allocatedCents: 300_000_000, spentCents: 0 },
        { __typename: 'MoneyTotal', key: '2017', allocatedCents: 0, spentCents: 8_039_200 },
      ],
    },
    publishedFigures: [
      {
        __typename: 'PublishedFigure',
        id: 'f1',
        metric: 'applications, cumulative',
        period: 'through 2018-12-31',
        value: '140',
        check: 'EXACT',
        speaker: 'answer',
        sourceDocument: '001_answer.txt',
      },
    ],
  },
};

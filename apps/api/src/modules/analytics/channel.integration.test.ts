import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const CHANNELS = `query ($input: ChannelPerformanceInput!) {
  channelPerformance(input: $input) {
    attribution totalApplications computedFrom
    channels { key name kind rank applications share { value lower upper } costCents campaignYears
      campaigns { name agency startsOn endsOn costCents }
      steps { stage count fromFirst { value } costPerUnitCents } }
  }
}`;

interface Channel {
  key: string | null;
  name: string;
  rank: number;
  applications: number;
  share: { value: number | null };
  costCents: number;
  campaignYears: number[];
  campaigns: { agency: string | null; startsOn: string }[];
  steps: { stage: string; count: number; costPerUnitCents: number | null }[];
}
interface Result {
  channelPerformance: { attribution: string; totalApplications: number; channels: Channel[] };
}

describe('channelPerformance (coaching, through 2019-07-31)', () => {
  let result: Result['channelPerformance'];
  beforeAll(async () => {
    const res = await server.gql<Result>(CHANNELS, {
      input: { programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    result = res.data!.channelPerformance;
  });

  it('attributes every application to its first-touch channel', () => {
    expect(result.attribution).toBe('FIRST_TOUCH');
    expect(result.totalApplications).toBe(196);
    expect(result.channels.reduce((s, c) => s + c.applications, 0)).toBe(196);
    expect(result.channels.map((c) => c.rank)).toEqual(result.channels.map((_, i) => i + 1));
  });

  // Published figure coaches-top-channel: "Prebes (member mailing)".
  it('has Prebes as the channel with the most applications', () => {
    const top = result.channels[0]!;
    expect(top.key).toBe('prebes');
    expect(top.name).toMatch(/Prebes/);
    expect(top.applications).toBeGreaterThan(result.channels[1]!.applications);
  });

  // Published figure coaches-2018-campaign: Metro, HR magazines, Facebook; limited impact.
  it.each(['metro-carriere', 'hr-magazines', 'facebook-professionals'])(
    '%s ran campaigns only in 2018 and brought few applications',
    (key) => {
      const c = result.channels.find((x) => x.key === key)!;
      expect(c.campaignYears).toEqual([2018]);
      expect(c.costCents).toBeGreaterThan(0);
      expect(c.campaigns.every((k) => k.agency === 'Mindshare')).toBe(true);
      expect(c.applications).toBeGreaterThan(0);
      expect(c.share.value!).toBeLessThan(0.05);
      const first = c.steps[0]!;
      expect(first.costPerUnitCents).toBe(Math.round(c.costCents / first.count));
    },
  );

  it('has no campaign channel other than the three of 2018', () => {
    const withCampaigns = result.channels.filter((c) => c.campaigns.length > 0).map((c) => c.key);
    expect(withCampaigns.sort()).toEqual([
      'facebook-professionals',
      'hr-magazines',
      'metro-carriere',
    ]);
  });

  it('leaves out campaigns that had not started by the as-of date', async () => {
    const res = await server.gql<Result>(CHANNELS, {
      input: { programmeKey: 'gezondheidscoaches', asOf: '2018-01-31' },
    });
    expect(res.data!.channelPerformance.channels.every((c) => c.costCents === 0)).toBe(true);
  });

  it('refuses bad input', async () => {
    for (const [input, field] of [
      [{ programmeKey: 'onbekend' }, 'input.programmeKey'],
      [
        { programmeKey: 'gezondheidscoaches', filter: { channels: ['nope'] } },
        'input.filter.channels',
      ],
      [{ programmeKey: 'gezondheidscoaches', asOf: '2010-01-01' }, 'input.asOf'],
    ] as const) {
      const res = await server.gql(CHANNELS, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

import type { DataSource } from 'typeorm';
import { UNKNOWN_LABEL } from '../../semantic/dimensions.js';
import { rate } from './funnel.assemble.js';
import type { FunnelQuery, FunnelSource, RateData } from './funnel.model.js';
import { FunnelService, type FunnelServiceOptions } from './funnel.service.js';

export type ChannelPerformanceQuery = Omit<FunnelQuery, 'breakdownBy'>;

export interface CampaignData {
  name: string;
  agency: string | null;
  startsOn: string;
  endsOn: string;
  costCents: number;
}

export interface ChannelStepData {
  stage: string;
  label: string;
  count: number;
  /** Conversion from the channel's first step (Wilson 95 %). */
  fromFirst: RateData;
  /** Campaign cost divided by this count; null without cost or count. */
  costPerUnitCents: number | null;
}

export interface ChannelData {
  /** Channel key; null for applications that named no channel. */
  key: string | null;
  name: string;
  kind: string | null;
  /** 1 = the channel with the most first-step entries. */
  rank: number;
  /** First-step entries (applications or registrations) through this channel. */
  applications: number;
  /** Share of all first-step entries, with its interval. */
  share: RateData;
  steps: ChannelStepData[];
  costCents: number;
  campaigns: CampaignData[];
  /** Calendar years in which the channel ran a campaign for the programme. */
  campaignYears: number[];
}

export interface ChannelPerformanceData {
  programmeKey: string;
  unit: string;
  asOf: string | null;
  years: number[] | null;
  /** First-touch attribution: each application counts for the channel it named first. */
  attribution: 'FIRST_TOUCH';
  totalApplications: number;
  channels: ChannelData[];
  computedFrom: FunnelSource;
}

interface ChannelRow {
  key: string;
  name: string;
  kind: string;
  campaigns: CampaignData[];
}

/** Every calendar year a campaign ran in (from its start to its end). */
export function campaignYears(
  campaigns: readonly Pick<CampaignData, 'startsOn' | 'endsOn'>[],
): number[] {
  const years = new Set<number>();
  for (const k of campaigns) {
    for (let y = Number(k.startsOn.slice(0, 4)); y <= Number(k.endsOn.slice(0, 4)); y++)
      years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Per outreach channel: the funnel (first-touch attribution), campaign costs for the programme
 * and cost per application, start and completion. Campaigns count when they started on or
 * before `asOf` and, with `years`, in one of those calendar years.
 */
export class ChannelService {
  private readonly funnels: FunnelService;

  constructor(
    private readonly ds: DataSource,
    options: FunnelServiceOptions = {},
  ) {
    this.funnels = new FunnelService(ds, options);
  }

  async performance(
    query: ChannelPerformanceQuery,
    field = 'input',
  ): Promise<ChannelPerformanceData> {
    const scope = await this.funnels.scope({ ...query, breakdownBy: ['CHANNEL'] }, field);
    const [funnel, channelRows] = await Promise.all([
      this.funnels.run(this.funnels.plan(scope)),
      this.ds.query(
        `SELECT c.key, c.name, c.kind::text AS kind,
                COALESCE(json_agg(json_build_object('name', k.name, 'agency', k.agency,
                           'startsOn', k.starts_on, 'endsOn', k.ends_on, 'costCents', k.cost_cents)
                           ORDER BY k.starts_on) FILTER (WHERE k.id IS NOT NULL), '[]') AS campaigns
           FROM outreach_channel c
           LEFT JOIN campaign k ON k.channel_id = c.id AND k.programme_id = $1
                AND ($2::date IS NULL OR k.starts_on <= $2::date)
                AND ($3::int[] IS NULL OR extract(year FROM k.starts_on)::int = ANY($3::int[]))
          GROUP BY c.id, c.key, c.name, c.kind
          ORDER BY c.name`,
        [scope.programme.id, scope.asOf, scope.years],
      ) as Promise<ChannelRow[]>,
    ]);
    const total = funnel.steps[0]?.count ?? 0;
    const groups = new Map(funnel.groups.map((g) => [g.key[0]?.key ?? null, g]));
    const listed: {
      key: string | null;
      name: string;
      kind: string | null;
      campaigns: CampaignData[];
    }[] = channelRows.map((c) => ({
      key: c.key,
      name: c.name,
      kind: c.kind,
      campaigns: c.campaigns.map((k) => ({ ...k, costCents: Number(k.costCents) })),
    }));
    if (groups.has(null))
      listed.push({ key: null, name: UNKNOWN_LABEL, kind: null, campaigns: [] });
    const channels = listed.map((c) => {
      const g = groups.get(c.key);
      const costCents = c.campaigns.reduce((s, k) => s + k.costCents, 0);
      const steps: ChannelStepData[] = scope.programme.steps.map((s, i) => {
        const count = g?.steps[i]?.count ?? 0;
        return {
          stage: s.key,
          label: s.label,
          count,
          fromFirst: rate(count, g?.steps[0]?.count ?? 0),
          costPerUnitCents: costCents > 0 && count > 0 ? Math.round(costCents / count) : null,
        };
      });
      const applications = steps[0]?.count ?? 0;
      return {
        key: c.key,
        name: c.name,
        kind: c.kind,
        rank: 0,
        applications,
        share: rate(applications, total),
        steps,
        costCents,
        campaigns: c.campaigns,
        campaignYears: campaignYears(c.campaigns),
      };
    });
    channels.sort((a, b) => b.applications - a.applications || a.name.localeCompare(b.name, 'nl'));
    channels.forEach((c, i) => {
      c.rank = i + 1;
    });
    return {
      programmeKey: scope.programme.key,
      unit: scope.unit,
      asOf: scope.asOf,
      years: scope.years,
      attribution: 'FIRST_TOUCH',
      totalApplications: total,
      channels,
      computedFrom: funnel.computedFrom,
    };
  }
}

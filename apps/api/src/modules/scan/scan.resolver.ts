import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { assertId } from '../../graphql/ids.js';
import { requireViewer } from '../../graphql/policy.js';
import { researchConfig } from '../../research/research.config.js';
import { HealthPolicyScanInput } from './scan.inputs.js';
import { ScanService } from './scan.service.js';
import { HealthPolicyScan, HealthPolicyScanResult, ScanInstrument } from './scan.types.js';

// The peer benchmark uses the research API's disclosure threshold (RESEARCH_MIN_CELL).
const service = (ctx: Context) => new ScanService(ctx.dataSource, researchConfig().minCell);

@Resolver()
export class ScanResolver {
  @Authorized('PARTICIPANT')
  @Query(() => ScanInstrument, { description: 'The current health-policy scan instrument.' })
  scanInstrument(@Ctx() ctx: Context): Promise<ScanInstrument> {
    return service(ctx).currentInstrument().then(ScanInstrument.from);
  }

  @Authorized('PARTICIPANT')
  @Query(() => [HealthPolicyScan], {
    description: "Your company's scans: the open draft first, then submitted ones, newest first.",
  })
  async healthPolicyScans(
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<HealthPolicyScan[]> {
    const scans = await service(ctx).scans(
      requireViewer(ctx),
      assertId(organisationId, 'organisationId'),
    );
    return scans.map(HealthPolicyScan.from);
  }

  @Authorized('PARTICIPANT')
  @Query(() => HealthPolicyScanResult, {
    description: 'A submitted scan: scores, change since the previous scan, suggestions, peers.',
  })
  async healthPolicyScanResult(
    @Arg('scanId', () => ID) scanId: string,
    @Ctx() ctx: Context,
  ): Promise<HealthPolicyScanResult> {
    const r = await service(ctx).result(requireViewer(ctx), assertId(scanId, 'scanId'));
    return HealthPolicyScanResult.from(r);
  }

  @Authorized('PARTICIPANT')
  @Mutation(() => HealthPolicyScan, {
    description: 'Save answers in your company’s draft scan (started when there is none).',
  })
  async saveHealthPolicyScan(
    @Arg('input', () => HealthPolicyScanInput) input: HealthPolicyScanInput,
    @Ctx() ctx: Context,
  ): Promise<HealthPolicyScan> {
    const scan = await service(ctx).saveDraft(
      requireViewer(ctx),
      assertId(input.organisationId, 'input.organisationId'),
      input.answers,
    );
    return HealthPolicyScan.from(scan);
  }

  @Authorized('PARTICIPANT')
  @Mutation(() => HealthPolicyScanResult, {
    description: 'Submit the draft with these last answers; every required item must be answered.',
  })
  async submitHealthPolicyScan(
    @Arg('input', () => HealthPolicyScanInput) input: HealthPolicyScanInput,
    @Ctx() ctx: Context,
  ): Promise<HealthPolicyScanResult> {
    const r = await service(ctx).submit(
      requireViewer(ctx),
      assertId(input.organisationId, 'input.organisationId'),
      input.answers,
    );
    return HealthPolicyScanResult.from(r);
  }
}

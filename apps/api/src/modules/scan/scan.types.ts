import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { SCAN_STATUSES, type ScanStatus } from './scan.entity.js';
import {
  type DomainResultData,
  type InstrumentData,
  PEER_GROUPS,
  type PeerBenchmarkData,
  type PeerGroupKind,
  type ScanData,
  type ScanResultData,
  type SuggestionData,
} from './scan.model.js';

export const ScanStatusEnum = Object.fromEntries(SCAN_STATUSES.map((k) => [k, k]));
registerEnumType(ScanStatusEnum, { name: 'ScanStatus' });
export const PeerGroupEnum = Object.fromEntries(PEER_GROUPS.map((k) => [k, k]));
registerEnumType(PeerGroupEnum, {
  name: 'PeerGroup',
  description: 'Which companies a scan is compared with, from fine to coarse.',
});

@ObjectType({ simpleResolvers: true, description: 'One answer level of the points scale.' })
export class ScanLevel {
  @Field(() => Int) points!: number;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
}

@ObjectType({ simpleResolvers: true })
export class ScanDomain {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => Int) position!: number;
}

@ObjectType({ simpleResolvers: true })
export class ScanItem {
  @Field(() => String) key!: string;
  @Field(() => String) domainKey!: string;
  @Field(() => String) text!: string;
  @Field(() => String) textEn!: string;
  @Field(() => Int) maxPoints!: number;
  @Field(() => Boolean) required!: boolean;
  @Field(() => Int) position!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A version of the health-policy scan (gezondheidsbeleid-scan): domains and items.',
})
export class ScanInstrument {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => [ScanLevel]) levels!: ScanLevel[];
  @Field(() => [ScanDomain]) domains!: ScanDomain[];
  @Field(() => [ScanItem]) items!: ScanItem[];

  static from(i: InstrumentData): ScanInstrument {
    return Object.assign(new ScanInstrument(), {
      ...i,
      levels: i.levels.map((l) => Object.assign(new ScanLevel(), l)),
      domains: i.domains.map((d) => Object.assign(new ScanDomain(), d)),
      items: i.items.map((x) => Object.assign(new ScanItem(), x)),
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class ScanAnswer {
  @Field(() => String) itemKey!: string;
  @Field(() => Int) points!: number;
}

@ObjectType({ simpleResolvers: true, description: "A company's health-policy scan." })
export class HealthPolicyScan {
  @Field(() => ID) id!: string;
  @Field(() => ScanStatusEnum) status!: ScanStatus;
  @Field(() => Int) instrumentVersion!: number;
  @Field(() => [ScanAnswer]) answers!: ScanAnswer[];
  @Field(() => Float, { nullable: true, description: 'Overall score 0–100, once submitted.' })
  score!: number | null;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;

  static from(s: ScanData): HealthPolicyScan {
    return Object.assign(new HealthPolicyScan(), {
      ...s,
      answers: s.answers.map((a) => Object.assign(new ScanAnswer(), a)),
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class ScanDomainResult {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'In the previous scan, if any.' })
  previousScore!: number | null;
  @Field(() => Float, { nullable: true }) change!: number | null;

  static from(d: DomainResultData): ScanDomainResult {
    return Object.assign(new ScanDomainResult(), d);
  }
}

@ObjectType({ simpleResolvers: true, description: 'A suggestion for a low-scoring domain.' })
export class ScanSuggestion {
  @Field(() => String) domainKey!: string;
  @Field(() => String) text!: string;
  @Field(() => String) textEn!: string;
  @Field(() => String) programmeKey!: string;
  @Field(() => String, { description: 'The toolbox component to open.' }) componentKey!: string;
  @Field(() => String, { nullable: true }) componentName!: string | null;

  static from(s: SuggestionData): ScanSuggestion {
    return Object.assign(new ScanSuggestion(), s);
  }
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Peers' latest health-policy scores in the finest group with at least `threshold` companies.",
})
export class PeerBenchmark {
  @Field(() => PeerGroupEnum) group!: PeerGroupKind;
  @Field(() => String, { nullable: true }) sizeClass!: string | null;
  @Field(() => String, { nullable: true, description: 'NACE section letter.' })
  sector!: string | null;
  @Field(() => String, { nullable: true }) province!: string | null;
  @Field(() => Int) companies!: number;
  @Field(() => Int) threshold!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Float) p25!: number;
  @Field(() => Float) median!: number;
  @Field(() => Float) p75!: number;
  @Field(() => Float) shareBelow!: number;

  static from(p: PeerBenchmarkData): PeerBenchmark {
    return Object.assign(new PeerBenchmark(), p);
  }
}

@ObjectType({ simpleResolvers: true, description: 'A submitted scan with what it means.' })
export class HealthPolicyScanResult {
  @Field(() => HealthPolicyScan) scan!: HealthPolicyScan;
  @Field(() => ScanInstrument) instrument!: ScanInstrument;
  @Field(() => HealthPolicyScan, { nullable: true }) previous!: HealthPolicyScan | null;
  @Field(() => Float, { nullable: true, description: 'Overall score minus the previous one.' })
  change!: number | null;
  @Field(() => [ScanDomainResult]) domains!: ScanDomainResult[];
  @Field(() => [ScanSuggestion]) suggestions!: ScanSuggestion[];
  @Field(() => PeerBenchmark, {
    nullable: true,
    description: 'Null when no peer group holds enough companies.',
  })
  peers!: PeerBenchmark | null;

  static from(r: ScanResultData): HealthPolicyScanResult {
    return Object.assign(new HealthPolicyScanResult(), {
      scan: HealthPolicyScan.from(r.scan),
      instrument: ScanInstrument.from(r.instrument),
      previous: r.previous ? HealthPolicyScan.from(r.previous) : null,
      change: r.change,
      domains: r.domains.map(ScanDomainResult.from),
      suggestions: r.suggestions.map(ScanSuggestion.from),
      peers: r.peers ? PeerBenchmark.from(r.peers) : null,
    });
  }
}

import type { ScanLevel } from './scan.entity.js';

/** The service's results; scan.types.ts maps them to GraphQL objects. */
export interface InstrumentData {
  id: string;
  key: string;
  version: number;
  title: string;
  titleEn: string;
  levels: ScanLevel[];
  domains: { key: string; label: string; labelEn: string; position: number }[];
  items: {
    key: string;
    domainKey: string;
    text: string;
    textEn: string;
    maxPoints: number;
    required: boolean;
    position: number;
  }[];
}

export interface ScanData {
  id: string;
  organisationId: string;
  status: 'DRAFT' | 'SUBMITTED';
  instrumentVersion: number;
  answers: { itemKey: string; points: number }[];
  score: number | null;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface DomainResultData {
  key: string;
  label: string;
  labelEn: string;
  score: number | null;
  previousScore: number | null;
  change: number | null;
}

export interface SuggestionData {
  domainKey: string;
  text: string;
  textEn: string;
  programmeKey: string;
  componentKey: string;
  componentName: string | null;
}

export const PEER_GROUPS = [
  'SIZE_AND_SECTOR',
  'SIZE_AND_PROVINCE',
  'SIZE',
  'SECTOR',
  'PROVINCE',
  'ALL',
] as const;
export type PeerGroupKind = (typeof PEER_GROUPS)[number];

export interface PeerBenchmarkData {
  group: PeerGroupKind;
  sizeClass: string | null;
  sector: string | null;
  province: string | null;
  /** Peer companies (the company itself not counted); never below the threshold. */
  companies: number;
  threshold: number;
  mean: number;
  p25: number;
  median: number;
  p75: number;
  /** Share of the peers with a lower score than this scan. */
  shareBelow: number;
}

export interface ScanResultData {
  scan: ScanData;
  instrument: InstrumentData;
  previous: ScanData | null;
  change: number | null;
  domains: DomainResultData[];
  suggestions: SuggestionData[];
  /** Null when no peer group holds enough companies. */
  peers: PeerBenchmarkData | null;
}

/** The roles an organisation plays in the programmes (see DESIGN.md, "The domain"). */
export type OrgKind =
  | 'COMPANY'
  | 'NETWORK'
  | 'SERVICE_PROVIDER'
  | 'PROGRAMME_OPERATOR'
  | 'FUNDER'
  | 'INTERMEDIARY';

export const ORG_KINDS: readonly OrgKind[] = [
  'COMPANY',
  'NETWORK',
  'SERVICE_PROVIDER',
  'PROGRAMME_OPERATOR',
  'FUNDER',
  'INTERMEDIARY',
];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  COMPANY: 'onderneming',
  NETWORK: 'bedrijvennetwerk',
  SERVICE_PROVIDER: 'dienstverlener',
  PROGRAMME_OPERATOR: 'programma-organisator',
  FUNDER: 'financier',
  INTERMEDIARY: 'intermediaire organisatie',
};

/** The five Flemish provinces, spelled as the KBO spells them in Dutch. */
export const FLEMISH_PROVINCES: readonly string[] = [
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
];

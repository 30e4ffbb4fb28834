/** NACE-BEL 2008 sections (A–U): the sector of a company, from the first two digits of its code. */
export const NACE_SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('') as readonly string[];

/** Short Dutch labels of the sections, for forms and reasons. */
export const NACE_SECTION_LABELS: Readonly<Record<string, string>> = {
  A: 'Landbouw, bosbouw en visserij',
  B: 'Winning van delfstoffen',
  C: 'Industrie',
  D: 'Energie',
  E: 'Water en afval',
  F: 'Bouw',
  G: 'Handel',
  H: 'Vervoer en opslag',
  I: 'Horeca',
  J: 'Informatie en communicatie',
  K: 'Financiële diensten',
  L: 'Vastgoed',
  M: 'Vrije beroepen en technische diensten',
  N: 'Administratieve en ondersteunende diensten',
  O: 'Openbaar bestuur',
  P: 'Onderwijs',
  Q: 'Gezondheidszorg en welzijn',
  R: 'Kunst, amusement en recreatie',
  S: 'Overige diensten',
  T: 'Huishoudens als werkgever',
  U: 'Extraterritoriale organisaties',
};

const DIVISIONS: readonly [number, number, string][] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/** The section letter of a NACE code (10.71 → C); null when the division does not exist. */
export function naceSectionOf(code: string | null | undefined): string | null {
  const digits = (code ?? '').replace(/\D/g, '');
  if (digits.length < 2) return null;
  const division = Number(digits.slice(0, 2));
  return DIVISIONS.find(([lo, hi]) => division >= lo && division <= hi)?.[2] ?? null;
}

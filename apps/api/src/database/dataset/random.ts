import { createHash } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Three hex digits: the rest of the version-4 group after its leading '4'.
const HEX16 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

/**
 * Small, fast, seedable PRNG (sfc32). The dataset must be identical on every run and every
 * machine, so nothing here may touch Math.random or the clock.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    // Expand the seed through SHA-256 so nearby seeds (chunk 1, chunk 2…) are unrelated.
    const h = createHash('sha256').update(String(seed)).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /**
   * A version-4-shaped UUID from the stream: deterministic like everything here, and far cheaper
   * than hashing a name, for the millions of synthetic rows.
   */
  uuid(): string {
    const a = (this.next() * 4294967296) >>> 0;
    const b = (this.next() * 4294967296) >>> 0;
    const c = (this.next() * 4294967296) >>> 0;
    const d = (this.next() * 4294967296) >>> 0;
    return (
      `${HEX[a >>> 24]}${HEX[(a >>> 16) & 255]}${HEX[(a >>> 8) & 255]}${HEX[a & 255]}-` +
      `${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-4${HEX16[(b >>> 4) & 4095]}-` +
      `${HEX[0x80 | ((c >>> 24) & 0x3f)]}${HEX[(c >>> 16) & 255]}-` +
      `${HEX[(c >>> 8) & 255]}${HEX[c & 255]}${HEX[d >>> 24]}${HEX[(d >>> 16) & 255]}` +
      `${HEX[(d >>> 8) & 255]}${HEX[d & 255]}`
    );
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// Fixed namespace for every dataset id (uuid v5 of a stable name), so ids survive code changes
// that reorder generation: the demo organisations keep their ids across releases.
const NAMESPACE = Buffer.from('6f1c2b7e9a4d4c0e8b5f3a2d1e0c9b8a', 'hex');

/** RFC 4122 version-5 UUID of `name` in the dataset namespace. */
export function uuidFor(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * A valid enterprise number (KBO/BCE) whose first eight digits are `first8`: ten digits, the last
 * two being 97 - (first eight mod 97). Same rule as @werkgezond/domain's makeKbo/isValidKbo;
 * kept here so the dataset does not depend on that package's build.
 */
export function kboFromFirst8(first8: number): string {
  if (!Number.isInteger(first8) || first8 < 0 || first8 > 9_999_999) {
    // Leading digit 0: the range every company number of the period starts with.
    throw new RangeError(`KBO body out of range: ${first8}`);
  }
  const body = String(first8).padStart(8, '0');
  return body + String(97 - (first8 % 97)).padStart(2, '0');
}

export function isValidKbo(kbo: string): boolean {
  if (!/^0\d{9}$/.test(kbo)) return false;
  return kboFromFirst8(Number(kbo.slice(0, 8))) === kbo;
}

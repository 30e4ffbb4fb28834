import { describe, expect, it } from 'vitest';
import { Random } from '../test/fuzz/random.js';
import { isoTimestamptz, parseTimestamptz, parseTimestamptzSlow } from './pg-types.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const same = (text: string) => {
  const fast = parseTimestamptz(text);
  const slow = parseTimestamptzSlow(text);
  expect(fast instanceof Date ? fast.getTime() : fast, text).toEqual(
    slow instanceof Date ? slow.getTime() : slow,
  );
};

describe('timestamptz parsing', () => {
  it("gives what pg's parser gives for PostgreSQL's ISO output", () => {
    const random = new Random(20261207);
    for (let i = 0; i < 5_000; i++) {
      const date = `${1000 + random.int(9000)}-${pad(1 + random.int(12))}-${pad(1 + random.int(28))}`;
      const time = `${pad(random.int(24))}:${pad(random.int(60))}:${pad(random.int(60))}`;
      const digits = random.int(7);
      const fraction = digits ? `.${String(random.int(10 ** digits)).padStart(digits, '0')}` : '';
      const hours = random.int(15);
      const sign = random.int(2) ? '+' : '-';
      const zone = random.int(3)
        ? `${sign}${pad(hours)}`
        : `${sign}${pad(hours)}:${pad([0, 30, 45][random.int(3)]!)}`;
      const text = `${date} ${time}${fraction}${zone}`;
      expect(isoTimestamptz(text), text).not.toBeNull();
      same(text);
    }
  });

  it("leaves the unusual forms to pg's parser", () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '12345-01-01 00:00:00+00',
      '1883-11-18 11:59:59+00:17:30',
      '2017-03-04 10:00:00Z',
    ]) {
      expect(isoTimestamptz(text), text).toBeNull();
      same(text);
    }
  });
});

import { randomInt } from 'node:crypto';
import { makeKbo } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';

/**
 * Tests draw from 10_000_000..14_999_999 (first eight digits): the bundled dataset's numbers
 * start with 0, the import fixtures use 15_000_000 and up.
 */
const FIRST = 10_000_000;
const END = 15_000_000;
const handedOut = new Set<string>();

/**
 * A valid enterprise number (check digits included) that no organisation in the test database
 * has: drawn with crypto randomness, then checked against the database and against the numbers
 * this process handed out already. The database may be reused across runs (DATABASE_URL), so a
 * clock-derived number (Date.now() % 10000) could repeat one an earlier run registered.
 */
export async function freshKbo(ds: DataSource): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const kbo = makeKbo(randomInt(FIRST, END));
    if (handedOut.has(kbo)) continue;
    const [taken] = await ds.query('SELECT 1 FROM organisation WHERE kbo_number = $1', [kbo]);
    if (taken) continue;
    handedOut.add(kbo);
    return kbo;
  }
  throw new Error('freshKbo: no free enterprise number after 20 draws');
}

import type { DataSource } from 'typeorm';
import { todayInBrussels } from '../sql.js';

/**
 * Open calls for the demo: this year's round of both programmes, open all year, so the demo
 * participant can apply today. They hold no applications, so no published figure changes;
 * the bundled editions (2012–2019) are all CLOSED. A call that already exists for this year
 * (an admin changed it) is left alone.
 */
export async function loadDemoCalls(ds: DataSource, today = todayInBrussels()): Promise<void> {
  const year = Number(today.slice(0, 4));
  await ds.query(
    `INSERT INTO edition (programme_id, year, name, opens_on, closes_on, status)
     SELECT p.id, $1::int, p.name || ' ' || $1::int, make_date($1::int, 1, 1), make_date($1::int, 12, 31), 'OPEN'
       FROM programme p WHERE p.key IN ('nv-gezond', 'gezondheidscoaches')
     ON CONFLICT (programme_id, year) DO NOTHING`,
    [year],
  );
}

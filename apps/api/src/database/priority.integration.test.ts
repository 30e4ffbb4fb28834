import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from './data-source.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.js';
import { inBackground, type PriorityGate, prioritiseDataSource } from './priority.js';

/**
 * The embedded database as `npm start` runs it (PGlite, one pooled connection, the gate in front),
 * in memory of its own. Ordering, not timing: the connection is held until every query is queued.
 */
let embedded: EmbeddedDatabase;
let ds: DataSource;
let gate: PriorityGate;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase();
  ds = createDataSource({ url: embedded.url, embedded: true });
  await ds.initialize();
  gate = prioritiseDataSource(ds);
});

afterAll(async () => {
  await ds?.destroy();
  await embedded?.stop();
});

async function untilQueued(interactive: number, background: number): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    const q = gate.queued;
    if (q.interactive === interactive && q.background === background) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(
    `queue never reached ${interactive}/${background}: ${JSON.stringify(gate.queued)}`,
  );
}

describe('embedded database under concurrency', () => {
  it('answers a sign-in before the analytics queued ahead of it, and every query succeeds', async () => {
    const holder = ds.createQueryRunner();
    await holder.connect(); // the one connection, as a long statement would hold it
    const done: string[] = [];
    const analytics = [1, 2, 3, 4].map((i) =>
      inBackground(() => ds.query('SELECT $1::int AS n', [i])).then((rows) => {
        done.push(`analytics ${rows[0].n}`);
      }),
    );
    await untilQueued(0, 4);
    const signIn = ds.query(`SELECT 'sign-in' AS what`).then(() => done.push('sign-in'));
    await untilQueued(1, 4);
    await holder.release();
    await Promise.all([...analytics, signIn]);
    expect(done).toEqual(['sign-in', 'analytics 1', 'analytics 2', 'analytics 3', 'analytics 4']);
  });

  it('keeps transactions whole: the connection goes back to the gate only when they end', async () => {
    const done: string[] = [];
    let started!: () => void;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const tx = ds.transaction(async (em) => {
      await em.query('SELECT 1');
      started();
      await untilQueued(1, 0); // the query below waits for this transaction's connection
      await em.query('SELECT 2');
      done.push('transaction');
    });
    await inside;
    const other = ds.query('SELECT 3').then(() => done.push('after'));
    await Promise.all([tx, other]);
    expect(done).toEqual(['transaction', 'after']);
  });
});

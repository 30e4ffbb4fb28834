import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.js';
import { defineJob, JobQueue } from './job-queue.js';

const seen: { tag: string; attempt: number }[] = [];
defineJob<{ tag: string; fail?: boolean }>('test.echo', {
  retryLimit: 1,
  retryDelaySeconds: 1,
  deadLetter: true,
  async handler(data, job) {
    seen.push({ tag: data.tag, attempt: job.retryCount });
    if (data.fail) throw new Error(`failing on purpose: ${data.tag}`);
  },
});

let server: TestServer;
let queue: JobQueue;
beforeAll(async () => {
  server = await startTestServer();
  queue = JobQueue.for(server.dataSource);
  await queue.runUntilIdle({ names: ['test.echo'], ignoreStartAfter: true });
  seen.length = 0;
});
afterAll(() => server.close());

const tags = () => seen.map((s) => s.tag);

describe('job queue in PostgreSQL', () => {
  it('a job written in a transaction exists only if the transaction commits', async () => {
    const kept = randomUUID();
    const dropped = randomUUID();
    await server.dataSource.transaction((manager) =>
      queue.enqueue('test.echo', { tag: kept }, { manager }),
    );
    await expect(
      server.dataSource.transaction(async (manager) => {
        await queue.enqueue('test.echo', { tag: dropped }, { manager });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await queue.runUntilIdle({ names: ['test.echo'] })).toBe(1);
    expect(tags()).toEqual([kept]);
  });

  it('a second job with the same key is not created while the first is pending', async () => {
    seen.length = 0;
    const key = randomUUID();
    const first = await queue.enqueue('test.echo', { tag: 'a' }, { key });
    const second = await queue.enqueue('test.echo', { tag: 'b' }, { key });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await queue.runUntilIdle({ names: ['test.echo'] });
    expect(tags()).toEqual(['a']);
  });

  it('a delayed job waits, unless the caller asks to run it now', async () => {
    seen.length = 0;
    await queue.enqueue('test.echo', { tag: 'later' }, { startAfterSeconds: 3600 });
    expect(await queue.runUntilIdle({ names: ['test.echo'] })).toBe(0);
    expect(await queue.runUntilIdle({ names: ['test.echo'], ignoreStartAfter: true })).toBe(1);
    expect(tags()).toEqual(['later']);
  });

  it('a failing job is retried, then lands in the dead-letter queue', async () => {
    seen.length = 0;
    const tag = randomUUID();
    const id = await queue.enqueue('test.echo', { tag, fail: true });
    await queue.runUntilIdle({ names: ['test.echo'], ignoreStartAfter: true });
    expect(seen).toEqual([
      { tag, attempt: 0 },
      { tag, attempt: 1 },
    ]);
    const [failed] = (await queue.jobs('test.echo', 'failed')).filter((j) => j.id === id);
    expect(failed?.output).toMatchObject({ message: `failing on purpose: ${tag}` });
    const dead = await queue.jobs('test.echo.dead');
    expect(dead.map((j) => (j.data as { tag: string }).tag)).toContain(tag);
  });

  it('every failed attempt is an internal error: logged with the job id and counted', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const { metrics } = server.app;
    queue.reportFailuresTo(metrics, pino({ level: 'error' }, sink));
    const counted = async () =>
      (await metrics.internalErrors.get()).values.find((v) => v.labels.endpoint === 'jobs')
        ?.value ?? 0;
    const before = await counted();
    const tag = randomUUID();
    const id = await queue.enqueue('test.echo', { tag, fail: true });
    await queue.runUntilIdle({ names: ['test.echo'], ignoreStartAfter: true });
    // Two attempts (retryLimit 1), two internal errors.
    expect((await counted()) - before).toBe(2);
    const logged = lines.filter((l) => l.jobId === id);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      msg: 'internal error',
      requestId: id,
      endpoint: 'jobs',
      job: 'test.echo',
      err: { message: `failing on purpose: ${tag}` },
    });
    queue.reportFailuresTo(metrics, pino({ level: 'silent' }));
  });
});

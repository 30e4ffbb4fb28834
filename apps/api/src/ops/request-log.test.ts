import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.js';

const lines: Record<string, unknown>[] = [];
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  const app = express();
  app.use(requestLog(logger, { ignore: (url) => url.startsWith('/health') }));
  app.get('/work', (req, res) => {
    req.log.info('inside');
    res.json({ id: req.id });
  });
  app.get('/health', (_req, res) => void res.json({ ok: true }));
  app.get('/broken', (_req, res) => void res.status(500).end());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((done) => server.close(() => done()));
});
afterAll(() => close());

describe('requestLog', () => {
  it('one line per request with the request id, method, url, status and time; no headers', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/work?x=1`, {
      headers: { 'x-request-id': 'client-id-1', cookie: 'wg_session=secret-token' },
    });
    expect(res.headers.get('x-request-id')).toBe('client-id-1');
    expect(await res.json()).toEqual({ id: 'client-id-1' });
    await new Promise((r) => setTimeout(r, 20));
    const inside = lines.filter((l) => l.msg === 'inside');
    expect(inside).toEqual([expect.objectContaining({ reqId: 'client-id-1' })]);
    const done = lines.filter((l) => l.msg === 'request completed');
    expect(done).toEqual([
      expect.objectContaining({
        reqId: 'client-id-1',
        method: 'GET',
        url: '/work?x=1',
        status: 200,
      }),
    ]);
    expect(typeof done[0]?.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('makes its own id for a missing or odd x-request-id, skips ignored paths, 5xx at error', async () => {
    lines.length = 0;
    const odd = await fetch(`${base}/work`, { headers: { 'x-request-id': 'no spaces allowed' } });
    const id = odd.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${base}/health`);
    await fetch(`${base}/broken`);
    await new Promise((r) => setTimeout(r, 20));
    const finished = lines.filter((l) => l.msg !== 'inside');
    expect(finished.map((l) => [l.url, l.status, l.level])).toEqual([
      ['/work', 200, 30],
      ['/broken', 500, 50],
    ]);
    expect(finished[0]?.reqId).toBe(id);
  });
});

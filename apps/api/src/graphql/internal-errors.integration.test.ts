import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../database/data-source.js';
import { createApp } from '../server.js';

/**
 * With the database gone, every entry point fails internally: the answer is a generic 500 and
 * the log line carries the request id the client sent (or was given) in x-request-id.
 */
const lines: Record<string, unknown>[] = [];
/** Well-formed (43 base64url characters), so the server looks it up. */
const SESSION = `wg_session=${'a'.repeat(43)}`;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const dataSource = createDataSource({
    url: inject('databaseUrl'),
    embedded: inject('embedded'),
    poolSize: 1,
  });
  await dataSource.initialize();
  const logger = pino(
    { level: 'error' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  const { httpServer } = await createApp({
    dataSource,
    logger,
    attachmentDir: join(tmpdir(), `werkgezond-test-attachments-${process.pid}`),
  });
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  close = () => new Promise<void>((done) => httpServer.close(() => done()));
  await dataSource.destroy();
});
afterAll(() => close?.());

const loggedFor = (requestId: string) =>
  lines.filter((l) => l.msg === 'internal error' && l.requestId === requestId);

describe('internal errors are logged with the request id', () => {
  it('a resolver failure on /graphql', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'fuzz-resolver-1' },
      body: JSON.stringify({ query: '{ programmes { key } }' }),
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(loggedFor('fuzz-resolver-1')).toHaveLength(1);
    expect(loggedFor('fuzz-resolver-1')[0]).toMatchObject({
      endpoint: 'graphql',
      path: ['programmes'],
    });
  });

  it('a failed session lookup (context creation) on /graphql and a failed key lookup on /research/graphql', async () => {
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'fuzz-context-1',
        cookie: SESSION,
      },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(graphql.status).toBe(500);
    expect(await graphql.text()).not.toMatch(/Connection|pool|terminated|TypeORM|at /);
    const research = await fetch(`${url}/research/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'fuzz-context-2',
        authorization: 'Bearer wg_demo_research_key',
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(research.status).toBe(500);
    for (const id of ['fuzz-context-1', 'fuzz-context-2']) {
      expect(loggedFor(id), id).toHaveLength(1);
      expect(loggedFor(id)[0], id).toMatchObject({ stage: 'context' });
    }
  });

  it('a failing attachment route answers JSON without internals and is logged', async () => {
    const res = await fetch(`${url}/api/attachments/00000000-0000-4000-8000-000000000000`, {
      headers: { 'x-request-id': 'fuzz-route-1', cookie: SESSION },
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      requestId: 'fuzz-route-1',
    });
    expect(loggedFor('fuzz-route-1')).toHaveLength(1);
  });
});

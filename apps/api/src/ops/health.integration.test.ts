import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import type { MigrationInterface } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../database/data-source.js';
import { migrations } from '../database/migrations/index.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { healthRoutes } from './health.routes.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const json = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
};

describe('health endpoints', () => {
  it('keeps /health and answers liveness and readiness', async () => {
    expect(await json(`${server.url}/health`)).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
    expect(await json(`${server.url}/health/live`)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await json(`${server.url}/health/ready`)).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', migrations: 'applied' },
    });
  });

  it('is not ready while a migration of this build is not applied', async () => {
    class NotYetApplied9999999999999 implements MigrationInterface {
      name = 'NotYetApplied9999999999999';
      async up() {}
      async down() {}
    }
    const ds = createDataSource({ url: inject('databaseUrl'), embedded: inject('embedded') });
    // A build that knows one migration more than the database has.
    (ds.options as { migrations: unknown[] }).migrations = [
      ...migrations,
      NotYetApplied9999999999999,
    ];
    await ds.initialize();
    const app = express().use(healthRoutes(ds, pino({ level: 'silent' })));
    const http = app.listen(0, '127.0.0.1');
    await new Promise((done) => http.once('listening', done));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      expect(await json(`${url}/health/ready`)).toEqual({
        status: 503,
        body: { status: 'unavailable', database: 'up', migrations: 'pending' },
      });
      expect((await json(`${url}/health/live`)).status).toBe(200);
      // And once the database is gone: not ready, still alive.
      await ds.destroy();
      expect(await json(`${url}/health/ready`)).toMatchObject({
        status: 503,
        body: { database: 'down' },
      });
      expect((await json(`${url}/health`)).status).toBe(503);
      expect((await json(`${url}/health/live`)).status).toBe(200);
    } finally {
      await new Promise((done) => http.close(done));
      if (ds.isInitialized) await ds.destroy();
    }
  });
});

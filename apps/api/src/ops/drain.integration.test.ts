import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.js';

/** A route that answers only when the test says so: "in flight" without any timing. */
function addHeldRoute(server: TestServer) {
  let entered!: () => void;
  let release!: () => void;
  const inside = new Promise<void>((done) => {
    entered = done;
  });
  const released = new Promise<void>((done) => {
    release = done;
  });
  server.app.app.get('/test/held', async (_req, res) => {
    entered();
    await released;
    res.json({ finished: true });
  });
  return { inside, release };
}

let server: TestServer;
let stuck: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  stuck = await startTestServer({ keepRateLimits: true });
});
afterAll(async () => {
  await server?.close();
  await stuck?.close();
});

describe('SIGTERM drain', () => {
  it('lets requests in flight finish, answers new ones 503, then stops listening', async () => {
    const held = addHeldRoute(server);
    const inFlight = fetch(`${server.url}/test/held`);
    await held.inside;
    const drained = server.app.drain(10_000);

    const refused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('UNAVAILABLE');
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);

    held.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ finished: true });
    expect(await drained).toEqual({ finished: true, abandoned: 0 });
    await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
  });

  it('gives up on a request that never finishes after the timeout and still closes', async () => {
    const held = addHeldRoute(stuck);
    const inFlight = fetch(`${stuck.url}/test/held`);
    await held.inside;
    expect(await stuck.app.drain(100)).toEqual({ finished: false, abandoned: 1 });
    await expect(inFlight).rejects.toThrow();
    held.release();
  });
});

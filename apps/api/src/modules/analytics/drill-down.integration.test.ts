import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let manager: string;
let analyst: string;
beforeAll(async () => {
  // Compares with the funnel's own counts: the bundled dataset, not what other files wrote.
  server = await startTestServer({ freshDataset: true });
  manager = (await server.signIn(DEMO.manager)).cookie;
  analyst = (await server.signIn(DEMO.analyst)).cookie;
});
afterAll(() => server.close());

const DRILL = `query ($input: FunnelDrillDownInput!) { funnelDrillDown(input: $input) {
  total byReason { reason count } applications { id organisation exitStage exitReason } } }`;
const FUNNEL = `{ funnel(input: { programmeKey: "gezondheidscoaches", unit: APPLICATIONS }) {
  steps { stage exited inProgress } } }`;

interface Drill {
  total: number;
  byReason: { reason: string | null; count: number }[];
  applications: { id: string; exitStage: string | null; exitReason: string | null }[] | null;
}
const drill = async (cookie: string, kind: string, stage = 'APPROVED') => {
  const res = await server.gql<{ funnelDrillDown: Drill }>(
    DRILL,
    { input: { programmeKey: 'gezondheidscoaches', stage, kind } },
    { cookie },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.funnelDrillDown;
};

describe('funnel drill-down', () => {
  it("matches the funnel's stopped and in-progress counts; managers get rows, analysts counts", async () => {
    const funnel = await server.gql<{
      funnel: { steps: { stage: string; exited: number | null; inProgress: number | null }[] };
    }>(FUNNEL, {}, { cookie: analyst });
    const started = funnel.data!.funnel.steps.find((s) => s.stage === 'STARTED')!;
    const stoppedForAnalyst = await drill(analyst, 'STOPPED');
    expect(stoppedForAnalyst.total).toBe(started.exited);
    expect(stoppedForAnalyst.applications).toBeNull();
    expect(stoppedForAnalyst.byReason.reduce((n, r) => n + r.count, 0)).toBe(started.exited);
    const stoppedForManager = await drill(manager, 'STOPPED');
    expect(stoppedForManager.applications).toHaveLength(started.exited!);
    expect(stoppedForManager.applications!.every((a) => a.exitStage !== null)).toBe(true);
    const waiting = await drill(manager, 'IN_PROGRESS');
    expect(waiting.total).toBe(started.inProgress);
    expect(waiting.applications!.every((a) => a.exitStage === null)).toBe(true);
  });

  it('answers an unknown step or programme with a typed error', async () => {
    for (const input of [
      { programmeKey: 'gezondheidscoaches', stage: 'WITHDRAWN', kind: 'STOPPED' },
      { programmeKey: 'geen-programma', stage: 'APPROVED', kind: 'STOPPED' },
    ]) {
      const res = await server.gql(DRILL, { input }, { cookie: analyst });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

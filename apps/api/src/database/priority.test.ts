import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import {
  BackgroundWork,
  currentPriority,
  inBackground,
  PriorityGate,
  prioritiseDataSource,
} from './priority.js';

describe('the priority gate in front of the one embedded connection', () => {
  it('hands the slot to queued interactive work before queued background work, FIFO within each', async () => {
    const gate = new PriorityGate(1);
    const order: string[] = [];
    const releaseFirst = await gate.acquire('background');
    const waiters = [
      gate.acquire('background').then((release) => (order.push('analytics 1'), release())),
      gate.acquire('background').then((release) => (order.push('analytics 2'), release())),
      gate.acquire('interactive').then((release) => (order.push('sign-in'), release())),
      gate.acquire('interactive').then((release) => (order.push('portal list'), release())),
    ];
    expect(gate.queued).toEqual({ interactive: 2, background: 2 });
    releaseFirst();
    await Promise.all(waiters);
    expect(order).toEqual(['sign-in', 'portal list', 'analytics 1', 'analytics 2']);
    expect(gate.queued).toEqual({ interactive: 0, background: 0 });
  });

  it('frees a slot once per release, however often release is called', async () => {
    const gate = new PriorityGate(1);
    const release = await gate.acquire();
    release();
    release();
    const a = await gate.acquire();
    let second = false;
    const b = gate.acquire().then((r) => {
      second = true;
      return r;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    a();
    (await b)();
  });

  it('takes the priority from the async context: interactive unless run in the background', async () => {
    expect(currentPriority()).toBe('interactive');
    expect(
      await inBackground(async () => {
        await Promise.resolve();
        return currentPriority();
      }),
    ).toBe('background');
    expect(currentPriority()).toBe('interactive');
  });

  it('marks analytics fields as background work only on a data source with a gate', async () => {
    const embedded = { driver: {} } as unknown as DataSource;
    prioritiseDataSource(embedded);
    const server = { driver: {} } as unknown as DataSource;
    const seenOn = (dataSource: DataSource) =>
      BackgroundWork({ context: { dataSource } } as never, async () => currentPriority());
    expect(await seenOn(embedded)).toBe('background');
    // Without a gate no AsyncLocalStorage is entered (it would switch on promise hooks for good).
    expect(await seenOn(server)).toBe('interactive');
  });
});

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import type { MiddlewareFn } from 'type-graphql';
import type { DataSource } from 'typeorm';

/**
 * Priorities in front of the embedded database's single connection. PGlite runs one statement at a
 * time and the pool holds one connection, so every statement waits for the ones queued before it:
 * with plain FIFO, a burst of analytics queries would make a sign-in wait for all of them. Here
 * interactive work (the default) is always handed the connection before queued background work
 * (analytics aggregations); within a priority the order stays first come, first served. A
 * statement already running is never interrupted, so a sign-in waits for at most that one.
 */
export type Priority = 'interactive' | 'background';

const priority = new AsyncLocalStorage<Priority>();

export const currentPriority = (): Priority => priority.getStore() ?? 'interactive';

/** Runs fn, and every statement it starts, as background work. */
export function inBackground<T>(fn: () => T): T {
  return priority.run('background', fn);
}

/** Data sources with a gate in front (the embedded database): only there priorities matter. */
const gated = new WeakSet<DataSource>();

/**
 * Resolver middleware: on a gated data source the whole field (and what it awaits) runs as
 * background work. Elsewhere it does nothing: the first AsyncLocalStorage.run switches on Node's
 * promise hooks for the whole process for good, a cost on every promise of every request that
 * buys nothing without a gate.
 */
export const BackgroundWork: MiddlewareFn<{ dataSource?: DataSource }> = ({ context }, next) =>
  context?.dataSource && gated.has(context.dataSource) ? inBackground(next) : next();

export class PriorityGate {
  private held = 0;
  private readonly waiting: Record<Priority, (() => void)[]> = { interactive: [], background: [] };

  constructor(private readonly capacity = 1) {}

  /** Resolves with a release function once a slot is free and no more urgent waiter is queued. */
  acquire(level: Priority = currentPriority()): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.held++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.held--;
          this.next();
        });
      };
      this.waiting[level].push(grant);
      this.next();
    });
  }

  /** Waiters per priority (for tests and diagnostics). */
  get queued(): Record<Priority, number> {
    return {
      interactive: this.waiting.interactive.length,
      background: this.waiting.background.length,
    };
  }

  private next() {
    while (this.held < this.capacity) {
      const grant = this.waiting.interactive.shift() ?? this.waiting.background.shift();
      if (!grant) return;
      grant();
    }
  }
}

type Connect = {
  (): Promise<PoolClient>;
  (callback: (err: Error | undefined, client?: PoolClient, done?: () => void) => void): void;
};

/**
 * Puts a PriorityGate in front of a pg pool: a client is checked out only through the gate, and
 * releasing it frees the slot. TypeORM checks out with a callback, pg's pool.query and others with
 * a promise; both go through here.
 */
export function prioritisePool(pool: Pool, gate: PriorityGate): void {
  const checkout = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const connect = (async () => {
    const release = await gate.acquire();
    try {
      const client = await checkout();
      const giveBack = client.release;
      client.release = (err?: Error | boolean) => {
        release();
        return giveBack.call(client, err);
      };
      return client;
    } catch (error) {
      release();
      throw error;
    }
  }) as () => Promise<PoolClient>;
  (pool as { connect: Connect }).connect = ((
    callback?: (err: Error | undefined, client?: PoolClient, done?: () => void) => void,
  ) => {
    const promise = connect();
    if (!callback) return promise;
    promise.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as Connect;
}

/** For the embedded database: one slot, like its one pooled connection. */
export function prioritiseDataSource(ds: DataSource): PriorityGate {
  const pool = (ds.driver as unknown as { master?: Pool }).master;
  const gate = new PriorityGate(1);
  if (pool) prioritisePool(pool, gate);
  gated.add(ds);
  return gate;
}

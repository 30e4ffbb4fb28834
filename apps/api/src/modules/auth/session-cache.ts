import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { isEmbedded } from '../../database/data-source.js';
import type { Viewer } from '../../graphql/policy.js';

/** The channel the auth tables' triggers notify (migration AuthChangeNotify). */
export const AUTH_CHANNEL = 'wg_auth_changed';
/** How long a viewer may be served from memory without reading the session again. */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = [250, 1_000, 5_000];
const PROBE_TIMEOUT_MS = 5_000;

interface Entry {
  viewer: Viewer;
  userId: string;
}

/**
 * Signed-in viewers by session-token hash, kept for a few seconds so a request need not read its
 * session from PostgreSQL every time (a round trip and a statement on every signed-in request).
 *
 * Safe on several instances because PostgreSQL tells every instance what changed: triggers on the
 * session, user and role tables notify AUTH_CHANNEL with the user id, and each instance LISTENs and
 * drops that user's entries. The cache is only used while the LISTEN connection is up: when it
 * drops, the cache is emptied and bypassed until LISTEN is back, so a missed notice can never leave
 * a revoked session usable. The instance that makes a change also evicts at once (evictUser), so its
 * own next request never sees the old viewer; other instances see it when the notice arrives
 * (PostgreSQL delivers it right after the commit). Reads that overlap a notice are not cached
 * (generation check), so a lookup that began before a change cannot put the old viewer back.
 * Sliding renewal happens on the reads the cache does not answer (at least every TTL).
 * Not used on the embedded database (one process, one connection: nothing to save there).
 */
export class SessionCache {
  private static readonly byDataSource = new WeakMap<DataSource, SessionCache>();
  static for(ds: DataSource): SessionCache {
    let cache = SessionCache.byDataSource.get(ds);
    if (!cache) {
      cache = new SessionCache(ds);
      SessionCache.byDataSource.set(ds, cache);
    }
    return cache;
  }

  private readonly entries = new LRUCache<string, Entry>({
    max: MAX_ENTRIES,
    ttl: SESSION_CACHE_TTL_MS,
  });
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = true;
  private generation = 0;
  private attempt = 0;
  private reconnect: NodeJS.Timeout | null = null;
  private logger: Pick<Logger, 'warn' | 'info' | 'error'> | null = null;
  private listenUrl: string | null = null;
  private readonly barriers = new Map<string, () => void>();
  private readonly stats = { hits: 0, misses: 0 };

  private constructor(private readonly ds: DataSource) {}

  /**
   * Starts listening (real PostgreSQL only) on `listenUrl` (default: the data source's URL);
   * until then every lookup reads the database.
   */
  async start(logger?: Pick<Logger, 'warn' | 'info' | 'error'>, listenUrl?: string): Promise<void> {
    if (!this.stopped || isEmbedded(this.ds)) return;
    this.stopped = false;
    this.logger = logger ?? null;
    this.listenUrl = listenUrl ?? (this.ds.options as { url?: string }).url ?? null;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
    this.down();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Whether lookups are answered from memory now (the LISTEN connection is up). */
  get active(): boolean {
    return this.listening;
  }

  counters(): { hits: number; misses: number; size: number } {
    return { ...this.stats, size: this.entries.size };
  }

  /**
   * The viewer for a token hash: from memory when allowed, else from `load` (the database), which
   * is then remembered for at most the TTL or until the session expires.
   */
  async lookup(
    tokenHash: string,
    load: () => Promise<{ viewer: Viewer; expiresAt: Date } | null>,
  ): Promise<Viewer | null> {
    if (this.listening) {
      const entry = this.entries.get(tokenHash);
      if (entry) {
        this.stats.hits++;
        return entry.viewer;
      }
    }
    this.stats.misses++;
    const generation = this.generation;
    const wasListening = this.listening;
    const found = await load();
    if (!found) return null;
    if (wasListening && this.listening && generation === this.generation) {
      const ttl = Math.min(SESSION_CACHE_TTL_MS, found.expiresAt.getTime() - Date.now());
      if (ttl > 0)
        this.entries.set(tokenHash, { viewer: found.viewer, userId: found.viewer.userId }, { ttl });
    }
    return found.viewer;
  }

  /** Drops a user's viewers here and now (the notice reaches the other instances). */
  evictUser(userId: string): void {
    this.generation++;
    const keys: string[] = [];
    for (const [key, entry] of this.entries.entries()) if (entry.userId === userId) keys.push(key);
    for (const key of keys) this.entries.delete(key);
  }

  /**
   * Resolves once this instance has seen every notice committed before the call: notices reach a
   * listener in commit order, so seeing our own marker means the earlier ones were handled.
   */
  async sync(): Promise<void> {
    if (this.listening) await this.notifySelf();
  }

  /**
   * Sends a marker notice through the data source's pool and resolves with whether the LISTEN
   * connection heard it (within `timeoutMs`, if given; a lost connection resolves at once).
   */
  private async notifySelf(timeoutMs?: number): Promise<boolean> {
    const marker = `sync:${process.pid}:${Math.random().toString(36).slice(2)}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((done) => {
      this.barriers.set(marker, () => done(true));
      if (timeoutMs !== undefined) timer = setTimeout(() => done(false), timeoutMs);
    });
    await this.ds.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, marker]);
    const result = await heard;
    clearTimeout(timer);
    this.barriers.delete(marker);
    return result;
  }

  private onNotice(payload: string | undefined) {
    if (payload?.startsWith('sync:')) {
      this.barriers.get(payload)?.();
      this.barriers.delete(payload);
      return;
    }
    if (!payload || payload === '*') {
      this.generation++;
      this.entries.clear();
    } else {
      this.evictUser(payload);
    }
  }

  private async connect(): Promise<void> {
    const url = this.listenUrl;
    if (!url) return;
    const client = new pg.Client({ connectionString: url, application_name: 'werkgezond-auth' });
    client.on('notification', (message) => {
      if (message.channel === AUTH_CHANNEL) this.onNotice(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.down();
      client.end().catch(() => {});
      if (this.stopped) return;
      this.logger?.warn(
        { err: error?.message },
        'session cache: LISTEN connection lost; sessions are read from the database until it is back',
      );
      this.schedule();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    let heard: boolean;
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      // A notice sent through the pool must reach this connection.
      heard = await this.notifySelf(PROBE_TIMEOUT_MS);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (this.stopped || this.client !== client) return;
    if (!heard) {
      // e.g. pgbouncer in transaction mode: LISTEN ran, but its session is not ours to keep.
      this.logger?.error(
        'session cache off: a notice sent through the pool did not arrive on the LISTEN connection (pgbouncer in transaction mode? set SESSION_CACHE_URL to a direct URL of the primary)',
      );
      this.client = null;
      await client.end().catch(() => {});
      return;
    }
    // Anything cached before is of unknown age relative to the notices missed meanwhile.
    this.generation++;
    this.entries.clear();
    this.listening = true;
    if (this.attempt > 0) this.logger?.info('session cache: listening again');
    this.attempt = 0;
  }

  private down() {
    this.listening = false;
    this.generation++;
    this.entries.clear();
    for (const done of this.barriers.values()) done();
    this.barriers.clear();
  }

  private schedule() {
    const delay = RECONNECT_MS[Math.min(this.attempt, RECONNECT_MS.length - 1)]!;
    this.attempt++;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.connect();
    }, delay);
    this.reconnect.unref();
  }
}

import type { Server } from 'node:http';
import type { RequestHandler } from 'express';

export interface Drainer {
  /** First middleware of the app: counts requests in flight, refuses new ones while draining. */
  middleware: RequestHandler;
  readonly draining: boolean;
  inFlight(): number;
  /**
   * New requests get 503; requests in flight may finish for up to `timeoutMs`; then the
   * server stops listening and closes every connection. Resolves with whether all finished.
   */
  drain(timeoutMs?: number): Promise<{ finished: boolean; abandoned: number }>;
}

export const DRAIN_TIMEOUT_MS = 10_000;

export function createDrainer(httpServer: Server): Drainer {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  const middleware: RequestHandler = (_req, res, next) => {
    if (draining) {
      // The connection is closed after this answer, so a keep-alive client reconnects elsewhere.
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '1');
      res.status(503).json({
        errors: [{ message: 'The server is shutting down', extensions: { code: 'UNAVAILABLE' } }],
      });
      return;
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  return {
    middleware,
    get draining() {
      return draining;
    },
    inFlight: () => inFlight,
    async drain(timeoutMs = DRAIN_TIMEOUT_MS) {
      draining = true;
      // Still listening: a request arriving now is answered 503 (and its connection closed)
      // rather than refused, so a load balancer sees why and retries elsewhere.
      httpServer.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        new Promise<boolean>((done) => {
          if (inFlight === 0) done(true);
          else idle = () => done(true);
        }),
        new Promise<boolean>((done) => {
          timer = setTimeout(() => done(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      const abandoned = inFlight;
      const closed = new Promise<void>((done) => httpServer.close(() => done()));
      httpServer.closeAllConnections();
      await closed;
      return { finished, abandoned };
    },
  };
}

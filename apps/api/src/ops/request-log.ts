import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: the client's `x-request-id` when it is a plain token, else a new UUID. */
    id: string;
    /** A logger whose lines carry `reqId`; made on first use (most requests never log). */
    log: Logger;
  }
}

const CLIENT_ID = /^[\w-]{1,64}$/;

export interface RequestLogOptions {
  /** Paths answered without a log line (health checks, scrapes). */
  ignore?: (url: string) => boolean;
}

/**
 * Request id and one log line per request, cheaply: no per-request child logger unless
 * something logs through `req.log`, and the line holds method, url, status and time only (no
 * header serializers, so no cookie can reach it). 5xx answers are logged at error level.
 */
export function requestLog(logger: Logger, { ignore }: RequestLogOptions = {}): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && CLIENT_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => {
        child ??= logger.child({ reqId: id });
        return child;
      },
      set: (value: Logger) => {
        child = value;
      },
    });
    const url = req.originalUrl ?? req.url ?? '';
    if (ignore?.(url)) {
      next();
      return;
    }
    const started = performance.now();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const status = res.statusCode;
      const line = {
        reqId: id,
        method: req.method,
        url,
        status,
        responseTime: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

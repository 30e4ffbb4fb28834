import type { ErrorRequestHandler } from 'express';
import { type InternalErrorCounter, reportInternalError } from './internal-errors.js';

const body = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * express.json's own failures on /graphql (malformed JSON, a body over the limit) answered as
 * GraphQL errors; Express's default handler would answer HTML with the stack trace.
 */
export const jsonBodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json(body('BAD_REQUEST', 'The request body is not valid JSON'));
  } else if (type === 'entity.too.large') {
    res.status(413).json(body('QUERY_TOO_LARGE', 'The request body is too large'));
  } else if (typeof type === 'string') {
    // charset.unsupported, encoding.unsupported, request.aborted…: the client's request is at fault.
    res.status(400).json(body('BAD_REQUEST', 'The request body cannot be read'));
  } else {
    next(err);
  }
};

/**
 * The last handler of the app: anything a route let escape is logged with the request id and
 * answered without internals (no stack, no SQL).
 */
export const lastErrorHandler =
  (metrics?: InternalErrorCounter): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(body('BAD_REQUEST', 'The request cannot be processed'));
      return;
    }
    reportInternalError(
      req.log,
      String(req.id),
      err,
      { endpoint: 'http', path: req.path },
      metrics,
    );
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(500).json({
      ...body('INTERNAL_SERVER_ERROR', 'Internal server error'),
      requestId: String(req.id),
    });
  };

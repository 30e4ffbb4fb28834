import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';
import type { Logger } from 'pino';

/** apps/research-ide/dist, from apps/api/src/research (tests) or apps/api/dist/research (build). */
export const DEFAULT_RESEARCH_IDE_DIR = resolve(import.meta.dirname, '../../../research-ide/dist');

/**
 * The in-browser IDE at /research: GraphiQL, bundled from npm by Vite at build time
 * (apps/research-ide), served from this origin; no CDN. Without a build, a short page says how
 * to build it and how to use curl meanwhile.
 */
export function researchIdeRoutes(dir: string, logger: Logger): Router {
  const router = express.Router();
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'research IDE is not built; run the start command to build it');
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('html')
        .send(
          '<!doctype html><title>Werkgezond research API</title><h1>Research API</h1>' +
            '<p>The IDE is not built: run <code>pnpm build</code>. Meanwhile POST queries to ' +
            '<code>/research/graphql</code> with <code>Authorization: Bearer &lt;key&gt;</code>; ' +
            'see docs/research-api.md.</p>',
        );
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders: (res, file) => {
        res.setHeader(
          'Cache-Control',
          file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    }),
  );
  return router;
}

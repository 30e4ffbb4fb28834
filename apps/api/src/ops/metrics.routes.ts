import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Metrics } from './metrics.js';

/**
 * `/metrics` shows operation names, error rates and pool sizes: useful to an attacker, so it is
 * not public by default. With METRICS_TOKEN set, a scraper sends `Authorization: Bearer
 * <token>`; without it, only development servers answer (production answers 403 and says why).
 */
export function metricsRoutes(
  metrics: Metrics,
  { token, development }: { token?: string | undefined; development: boolean },
): Router {
  const router = Router();
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  router.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="werkgezond-metrics"');
        res
          .status(401)
          .type('text/plain')
          .send('metrics: send Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
    } else if (!development) {
      res.status(403).type('text/plain').send('metrics: set METRICS_TOKEN to enable /metrics\n');
      return;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}

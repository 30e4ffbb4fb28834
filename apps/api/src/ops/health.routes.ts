import { Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/**
 * Liveness: the process answers (a restart would not help otherwise). Readiness: it can serve,
 * i.e. the database answers and every migration this build knows is applied, so a load balancer
 * sends traffic only then. While draining, both answer 503 (see drain.ts). `/health` stays the
 * database check that CI and the e2e tests wait on.
 */
export function healthRoutes(dataSource: DataSource, logger: Logger): Router {
  const router = Router();
  let migrated = false;

  router.get('/health', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: 'up' });
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'error', database: 'down' });
    }
  });

  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/health/ready', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await dataSource.query('SELECT 1');
    } catch (error) {
      logger.warn({ err: error }, 'readiness: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'down', migrations: 'unknown' });
      return;
    }
    try {
      // Applied migrations are never undone by the running process: once true, stays true.
      migrated ||= !(await dataSource.showMigrations());
    } catch (error) {
      logger.warn({ err: error }, 'readiness: cannot read the migrations table');
    }
    if (!migrated) {
      res.status(503).json({ status: 'unavailable', database: 'up', migrations: 'pending' });
      return;
    }
    res.json({ status: 'ok', database: 'up', migrations: 'applied' });
  });
  return router;
}

import type { Logger } from 'pino';

export interface ShutdownSteps {
  logger: Logger;
  /** Finish requests in flight (bounded), refuse new ones. */
  drain(): Promise<{ finished: boolean; abandoned: number }>;
  /** Then release resources (pools, the embedded database), in order; failures are logged. */
  close: (() => Promise<unknown>)[];
  exit(code: number): void;
}

/**
 * SIGTERM/SIGINT: drain, close, exit 0 (a clean stop for an orchestrator, even when requests
 * had to be abandoned after the drain timeout — that is logged). A second signal is ignored.
 */
export function installShutdown(
  signals: Pick<NodeJS.Process, 'on'>,
  steps: ShutdownSteps,
): (signal: string) => Promise<void> {
  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      steps.logger.info({ signal }, 'shutting down: draining requests in flight');
      const { finished, abandoned } = await steps.drain();
      if (!finished) steps.logger.warn({ abandoned }, 'drain timed out; closing connections');
      for (const close of steps.close) {
        await close().catch((err: unknown) => steps.logger.warn({ err }, 'error while closing'));
      }
      steps.logger.info('stopped');
      steps.exit(0);
    })();
    return stopping;
  };
  signals.on('SIGTERM', () => void shutdown('SIGTERM'));
  signals.on('SIGINT', () => void shutdown('SIGINT'));
  return shutdown;
}

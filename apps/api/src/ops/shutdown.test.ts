import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { installShutdown } from './shutdown.js';

describe('installShutdown', () => {
  it('drains, closes in order and exits 0 on SIGTERM, once', async () => {
    const signals = new EventEmitter();
    const steps: string[] = [];
    let exited = -1;
    const shutdown = installShutdown(signals as never, {
      logger: pino({ level: 'silent' }),
      drain: async () => {
        steps.push('drain');
        return { finished: true, abandoned: 0 };
      },
      close: [
        async () => steps.push('database'),
        async () => {
          steps.push('embedded');
          throw new Error('already stopped');
        },
      ],
      exit: (code) => {
        exited = code;
      },
    });
    signals.emit('SIGTERM');
    signals.emit('SIGTERM');
    await shutdown('SIGTERM');
    expect(steps).toEqual(['drain', 'database', 'embedded']);
    expect(exited).toBe(0);
  });

  it('still exits 0 when the drain had to abandon requests', async () => {
    const signals = new EventEmitter();
    let exited = -1;
    const shutdown = installShutdown(signals as never, {
      logger: pino({ level: 'silent' }),
      drain: async () => ({ finished: false, abandoned: 2 }),
      close: [],
      exit: (code) => {
        exited = code;
      },
    });
    signals.emit('SIGINT');
    await shutdown('SIGINT');
    expect(exited).toBe(0);
  });
});

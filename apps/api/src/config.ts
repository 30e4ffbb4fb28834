import { z } from 'zod';

const schema = z.object({
  /** Production unless asked: stack traces in GraphQL errors only with NODE_ENV=development. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** Any PostgreSQL 15+; unset means the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Streaming replicas for analytics and research reads, comma-separated; only with
   * DATABASE_URL (the embedded database has no replicas).
   */
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url('each replica must be a postgres:// URL'))),
  /**
   * The session cache (modules/auth/session-cache.ts) LISTENs for sign-outs and role changes on
   * a connection of its own, by default to DATABASE_URL. Set a direct URL of the primary when
   * DATABASE_URL goes through pgbouncer in transaction mode (LISTEN needs a session), or `off`.
   */
  SESSION_CACHE_URL: z.union([z.literal('off'), z.string().url()]).optional(),
  DATA_DIR: z.string().optional(),
  /** Dossier attachments; default: a folder beside the embedded database. */
  ATTACHMENT_DIR: z.string().optional(),
  /** Load the demo users and keys even into a DATABASE_URL database. */
  WERKGEZOND_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** `off`: this process serves requests but runs no background jobs (another one does). */
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  /** Bearer token a Prometheus scraper sends to /metrics; unset: /metrics only in development. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** E-mail (read again by the send job, see modules/mail/mail.config.ts). */
  SMTP_URL: z.string().url().optional().or(z.literal('')),
  MAIL_FROM: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

/** Reads the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Stack traces in GraphQL errors (and other developer aids) only when asked for. */
export const isDevelopment = (config: Pick<Config, 'NODE_ENV'>) =>
  config.NODE_ENV === 'development';

import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { postgresLimiter } from '../../database/rate-limit.js';
import { userError } from '../../graphql/errors.js';

const ACCOUNT_POINTS = 5;
const ADDRESS_POINTS = 20;
const WINDOW_SECONDS = 15 * 60;

function refused(msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return userError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

/**
 * Failed sign-ins are counted per account and per client address; past the limit every
 * attempt is refused until the window passes, so guessing a password is slowed to a crawl.
 * The counters are rows in PostgreSQL: a second API instance sees the same ones.
 */
export class SignInLimiter {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    this.perAccount = postgresLimiter(dataSource, {
      keyPrefix: 'signin-account',
      points: ACCOUNT_POINTS,
      duration: WINDOW_SECONDS,
    });
    this.perAddress = postgresLimiter(dataSource, {
      keyPrefix: 'signin-ip',
      points: ADDRESS_POINTS,
      duration: WINDOW_SECONDS,
    });
  }

  async assertAllowed(email: string, address: string) {
    const [account, ip] = await Promise.all([
      this.perAccount.get(email),
      this.perAddress.get(address),
    ]);
    if (account && account.consumedPoints >= ACCOUNT_POINTS) throw refused(account.msBeforeNext);
    if (ip && ip.consumedPoints >= ADDRESS_POINTS) throw refused(ip.msBeforeNext);
  }

  async recordFailure(email: string, address: string) {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string) {
    await this.perAccount.delete(email);
  }
}

const byDataSource = new WeakMap<DataSource, SignInLimiter>();

/** One limiter per data source (AuthService is created per request). */
export function signInLimiter(dataSource: DataSource): SignInLimiter {
  let limiter = byDataSource.get(dataSource);
  if (!limiter) {
    limiter = new SignInLimiter(dataSource);
    byDataSource.set(dataSource, limiter);
  }
  return limiter;
}

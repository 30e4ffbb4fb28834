import { RateLimiterMemory } from 'rate-limiter-flexible';
import { userError } from '../../graphql/errors.js';

/**
 * Failed sign-ins are counted per account and per client address; past the limit every
 * attempt is refused until the window passes, so guessing a password is slowed to a crawl.
 */
const perAccount = new RateLimiterMemory({
  keyPrefix: 'signin-account',
  points: 5,
  duration: 15 * 60,
});
const perAddress = new RateLimiterMemory({ keyPrefix: 'signin-ip', points: 20, duration: 15 * 60 });

function refused(msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return userError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

export async function assertSignInAllowed(email: string, address: string) {
  const [account, ip] = await Promise.all([perAccount.get(email), perAddress.get(address)]);
  if (account && account.consumedPoints >= 5) throw refused(account.msBeforeNext);
  if (ip && ip.consumedPoints >= 20) throw refused(ip.msBeforeNext);
}

export async function recordFailedSignIn(email: string, address: string) {
  await Promise.all([perAccount.penalty(email, 1), perAddress.penalty(address, 1)]);
}

export async function recordSuccessfulSignIn(email: string) {
  await perAccount.delete(email);
}

import { APP_KEYS, type AppKey } from '../navigation/apps';

/**
 * Where each remote's entry lives. Set at build time (VITE_<KEY>_REMOTE_URL, e.g.
 * VITE_PORTAL_REMOTE_URL); by default the same origin as the shell, where the API serves
 * apps/<key>/dist at /<key>/.
 */
const env = import.meta.env as unknown as Record<string, string | undefined>;
export const REMOTE_ENTRY_URLS = Object.fromEntries(
  APP_KEYS.map((key) => [
    key,
    env[`VITE_${key.toUpperCase()}_REMOTE_URL`] || `/${key}/remoteEntry.js`,
  ]),
) as Readonly<Record<AppKey, string>>;

/** Relative entries are resolved against the page, so the runtime gets an absolute URL. */
export function remoteEntryUrl(app: AppKey, base: string = window.location.href): string {
  return new URL(REMOTE_ENTRY_URLS[app], base).href;
}

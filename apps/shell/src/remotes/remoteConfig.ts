import type { AppKey } from '../navigation/apps';

/**
 * Where each remote's entry lives. Set at build time (VITE_PORTAL_REMOTE_URL,
 * VITE_ANALYTICS_REMOTE_URL, VITE_ADMIN_REMOTE_URL); by default the same origin as the shell, where the API serves
 * apps/portal/dist at /portal/ and apps/analytics/dist at /analytics/.
 */
export const REMOTE_ENTRY_URLS: Readonly<Record<AppKey, string>> = {
  portal: import.meta.env.VITE_PORTAL_REMOTE_URL || '/portal/remoteEntry.js',
  analytics: import.meta.env.VITE_ANALYTICS_REMOTE_URL || '/analytics/remoteEntry.js',
  admin: import.meta.env.VITE_ADMIN_REMOTE_URL || '/admin/remoteEntry.js',
};

/** Relative entries are resolved against the page, so the runtime gets an absolute URL. */
export function remoteEntryUrl(app: AppKey, base: string = window.location.href): string {
  return new URL(REMOTE_ENTRY_URLS[app], base).href;
}

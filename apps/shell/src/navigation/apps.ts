import type { Role } from '@werkgezond/graphql-client';

/**
 * The micro-frontends the shell can load, in navigation order: the shell's route for each and
 * which roles open it (the API checks every field again: this only picks the UI). Adding a remote
 * is one line here; its entry is /<key>/remoteEntry.js unless VITE_<KEY>_REMOTE_URL is set
 * (remotes/remoteConfig.ts), and it is fetched only when its route is opened.
 * The routes differ from the paths the remotes' files are served from (/portal/, /analytics/),
 * so a reload of a deep link always reaches the shell.
 */
const REMOTE_APPS = {
  portal: {
    path: '/portaal',
    roles: ['PARTICIPANT', 'NETWORK_COORDINATOR', 'PROGRAMME_MANAGER', 'ADMIN'],
  },
  analytics: { path: '/analyse', roles: ['ANALYST', 'ADMIN'] },
  admin: { path: '/beheer', roles: ['PROGRAMME_MANAGER', 'ADMIN'] },
} as const satisfies Record<string, { path: string; roles: readonly Role[] }>;

export type AppKey = keyof typeof REMOTE_APPS;

export const APP_KEYS = Object.keys(REMOTE_APPS) as AppKey[];

export const APP_PATHS = Object.fromEntries(
  APP_KEYS.map((key) => [key, REMOTE_APPS[key].path]),
) as Readonly<Record<AppKey, string>>;

export function appsForRoles(roles: readonly Role[]): AppKey[] {
  return APP_KEYS.filter((app) =>
    (REMOTE_APPS[app].roles as readonly Role[]).some((role) => roles.includes(role)),
  );
}

export function canOpen(app: AppKey, roles: readonly Role[]): boolean {
  return appsForRoles(roles).includes(app);
}

/** Pages of the shell itself for administrators (the API checks the role on every call). */
export const ADMIN_PATHS = {
  researchKeys: '/beheer/onderzoekssleutels',
  sentMessages: '/beheer/berichten',
} as const;

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes('ADMIN');
}

export const NO_ACCESS_PATH = '/geen-toegang';
/** The one-time link of a staff invitation (the API's INVITATION_PATH). */
export const INVITATION_PATH = '/uitnodiging';
export const SIGN_IN_PATH = '/aanmelden';
export const SIGN_UP_PATH = '/registreren';

/** Where a signed-in user lands: their first app, or the no-access page. */
export function homePath(roles: readonly Role[]): string {
  const [first] = appsForRoles(roles);
  return first ? APP_PATHS[first] : NO_ACCESS_PATH;
}

/**
 * A safe place to return to after signing in: only paths of this site, never another origin
 * ("//evil.example" or "https://…"), and never the sign-in pages themselves.
 */
export function safeReturnPath(candidate: string | null | undefined): string | null {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\'))
    return null;
  if (
    candidate.startsWith(SIGN_IN_PATH) ||
    candidate.startsWith(SIGN_UP_PATH) ||
    candidate.startsWith(INVITATION_PATH)
  )
    return null;
  return candidate;
}

/** The return path if the user may open it, else their home. */
export function landingPath(roles: readonly Role[], returnTo: string | null | undefined): string {
  const safe = safeReturnPath(returnTo);
  if (safe) {
    const app = APP_KEYS.find(
      (key) => safe === APP_PATHS[key] || safe.startsWith(`${APP_PATHS[key]}/`),
    );
    if (!app || canOpen(app, roles)) return safe;
  }
  return homePath(roles);
}

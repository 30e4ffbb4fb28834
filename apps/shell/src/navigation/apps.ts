import type { Role } from '@werkgezond/graphql-client';

/** The micro-frontends the shell can load. */
export type AppKey = 'portal' | 'analytics' | 'admin';

export const APP_KEYS: readonly AppKey[] = ['portal', 'analytics', 'admin'];

/**
 * The shell's routes for each remote. They differ from the paths the remotes' files are served
 * from (/portal/, /analytics/), so a reload of a deep link always reaches the shell.
 */
export const APP_PATHS: Readonly<Record<AppKey, string>> = {
  portal: '/portaal',
  analytics: '/analyse',
  admin: '/beheer',
};

/** Which roles open which app. The API checks every field again: this only picks the UI. */
const APP_ROLES: Readonly<Record<AppKey, readonly Role[]>> = {
  portal: ['PARTICIPANT', 'NETWORK_COORDINATOR', 'PROGRAMME_MANAGER', 'ADMIN'],
  analytics: ['ANALYST', 'ADMIN'],
  admin: ['PROGRAMME_MANAGER', 'ADMIN'],
};

export function appsForRoles(roles: readonly Role[]): AppKey[] {
  return APP_KEYS.filter((app) => APP_ROLES[app].some((role) => roles.includes(role)));
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

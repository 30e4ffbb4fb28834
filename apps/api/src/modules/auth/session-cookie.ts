import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'wg_session';
/** Sessions slide: each use within the window extends them, idle ones expire. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && /^[\w-]{43}$/.test(token) ? token : null;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** httpOnly + SameSite=Lax always; Secure everywhere but plain-HTTP localhost development. */
export function writeSessionCookie(req: Request, res: Response, token: string | null) {
  res.append(
    'Set-Cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: token ?? '',
      httpOnly: true,
      sameSite: 'lax',
      secure: !LOCAL_HOSTS.has(req.hostname),
      path: '/',
      maxAge: token ? SESSION_TTL_MS / 1000 : 0,
    }),
  );
}

import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support';

/**
 * Front-end weight: the JavaScript a first screen really downloads, found by loading the page
 * of the production build in Chromium (so the import graph and the Module Federation loading
 * are the real ones) and gzipping every script response (level 6, as Vite reports it).
 */
export interface ScreenWeight {
  screen: string;
  files: { path: string; bytes: number; gzip: number }[];
  /** All JavaScript of the screen, gzip bytes. */
  gzip: number;
  /** The part in the shared singletons (React, React DOM, router, Apollo Client, graphql, rxjs, i18next). */
  sharedGzip: number;
  /** The app's own part: files served from the app's path prefix, minus the shared singletons. */
  appGzip: number;
}

/** Chunks of the shared singletons: the federation plugin names them loadShare__<package>. */
const SHARED_CHUNK = /^\/assets\/.*loadShare__/;

export interface Screen {
  name: string;
  /** Demo account to sign in with first (through the API, not the form), or none. */
  account?: string;
  path: string;
  /** The screen is there when this level-1 heading is visible. */
  heading: string | RegExp;
  /** What else the first screen shows once its data is in (e.g. a lazily loaded chart). */
  ready?: string;
  /** Path prefix of the app's own files: /portal/, /analytics/, or / for the shell. */
  files: string;
}

export async function measureScreen(
  browser: Browser,
  baseUrl: string,
  screen: Screen,
): Promise<ScreenWeight> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-BE' });
  try {
    if (screen.account) {
      const response = await context.request.post('/graphql', {
        headers: { 'content-type': 'application/json' },
        data: {
          query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
          variables: { input: { email: screen.account, password: DEMO_PASSWORD } },
        },
      });
      if (!response.ok())
        throw new Error(`Signing in as ${screen.account} failed: ${response.status()}`);
    }
    const page: Page = await context.newPage();
    const pending: Promise<{ path: string; bytes: number; gzip: number } | null>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const contentType = response.headers()['content-type'] ?? '';
      if (type !== 'script' && !contentType.includes('javascript')) return;
      pending.push(
        response.body().then(
          (body) => ({
            path: new URL(response.url()).pathname,
            bytes: body.length,
            gzip: gzipSync(body, { level: 6 }).length,
          }),
          () => null,
        ),
      );
    });
    await page.goto(screen.path);
    await page
      .getByRole('heading', { level: 1, name: screen.heading })
      .waitFor({ state: 'visible', timeout: 30_000 });
    if (screen.ready)
      await page.locator(screen.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Whatever else the screen fetches before the network goes quiet counts too.
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(pending)).filter((file) => file !== null);
    const unique = [...new Map(files.map((file) => [file.path, file])).values()].sort(
      (a, b) => b.gzip - a.gzip,
    );
    const sum = (list: typeof unique) => list.reduce((total, file) => total + file.gzip, 0);
    return {
      screen: screen.name,
      files: unique,
      gzip: sum(unique),
      sharedGzip: sum(unique.filter((file) => SHARED_CHUNK.test(file.path))),
      appGzip: sum(
        unique.filter((file) => ownedBy(file.path, screen.files) && !SHARED_CHUNK.test(file.path)),
      ),
    };
  } finally {
    await context.close();
  }
}

/** The shell owns every file outside the remotes' prefixes. */
function ownedBy(path: string, prefix: string): boolean {
  if (prefix !== '/') return path.startsWith(prefix);
  return !REMOTE_PREFIX.test(path);
}
const REMOTE_PREFIX = /^\/[a-z-]+\/(assets\/|remoteEntry)/;

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { RemoteMount, RemoteMountModule } from '@werkgezond/graphql-client';
import type { AppKey } from '../navigation/apps';
import { remoteEntryUrl } from './remoteConfig';

/** How long a remote may take to load before the shell says it failed. */
export const REMOTE_LOAD_TIMEOUT_MS = 20_000;

const registered = new Set<AppKey>();

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not load within ${ms / 1000} s`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Loads a remote's `./mount` through the Module Federation runtime (shared React, React DOM,
 * React Router and Apollo Client come from the shell). `retry` re-registers the remote, which
 * drops the runtime's cached failure, so "try again" really fetches the entry again.
 */
export async function loadRemoteMount(app: AppKey, { retry = false } = {}): Promise<RemoteMount> {
  if (retry || !registered.has(app)) {
    registerRemotes(
      [{ name: app, entry: remoteEntryUrl(app), type: 'module', shareScope: 'default' }],
      {
        force: retry || registered.has(app),
      },
    );
    registered.add(app);
  }
  const module = await withTimeout(
    loadRemote<RemoteMountModule>(`${app}/mount`),
    REMOTE_LOAD_TIMEOUT_MS,
    `The ${app} remote`,
  );
  if (!module || typeof module.mount !== 'function') {
    throw new Error(`The ${app} remote does not expose a mount function`);
  }
  return module.mount;
}

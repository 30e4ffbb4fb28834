import type { ApolloClient } from '@apollo/client';
import type { AppShell_ViewerFragment } from './generated/graphql';

/** Languages the shell can hand to a remote (the same list as @werkgezond/ui's Locale). */
export type MountLocale = 'nl-BE' | 'en';

/**
 * What the shell hands to a remote's `./mount` entry. The remote renders into `element` with
 * its own React root, uses the shell's Apollo Client (one cache, one session), speaks `locale`,
 * and routes under `basePath` (e.g. "/portaal"). The shell mounts again when the locale or the
 * viewer changes.
 */
export interface RemoteMountOptions {
  client: ApolloClient;
  locale: MountLocale;
  viewer: AppShell_ViewerFragment;
  basePath: string;
}

/** The one function each remote exposes as `./mount`; it returns the unmount function. */
export type RemoteMount = (element: HTMLElement, options: RemoteMountOptions) => () => void;

/** The module shape of a remote's `./mount` expose. */
export interface RemoteMountModule {
  mount: RemoteMount;
}

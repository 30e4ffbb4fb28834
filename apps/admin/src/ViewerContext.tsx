import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';
import { createContext, useContext } from 'react';

/** The signed-in user, as the shell handed it to mount(). */
export const ViewerContext = createContext<AppShell_ViewerFragment | null>(null);

export function useViewer(): AppShell_ViewerFragment {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the back office');
  return viewer;
}

/** Users, roles and the audit trail are for administrators; programmes and coaches for managers too. */
export const isAdmin = (v: AppShell_ViewerFragment) => v.roles.includes('ADMIN');

import { useEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * The shell and each mounted remote have their own router on the same browser history.
 * A router only hears `popstate`, not another router's pushState, so after each of its own
 * PUSH or REPLACE navigations a router announces the new entry with a synthetic popstate.
 * The other routers then read the location; the announcing router sees a POP to where it
 * already is and does nothing further, so there is no loop.
 * Render it once inside each BrowserRouter.
 */
export function SyncBrowserHistory() {
  const location = useLocation();
  const navigationType = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location key marks a new entry
  useEffect(() => {
    if (navigationType === 'POP') return;
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, [location.key, navigationType]);
  return null;
}

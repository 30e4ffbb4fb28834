import type { RemoteMount } from '@werkgezond/graphql-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp';

/**
 * The back office's one entry (exposed as `./mount`). It renders into its own child of
 * `element`, so a new mount (after a language change) never shares a container with the old
 * root, and the old root is unmounted after the shell's render has finished.
 */
export const mount: RemoteMount = (element, options) => {
  const container = document.createElement('div');
  container.className = 'wg-remote wg-remote--admin';
  element.append(container);
  const root = createRoot(container, { identifierPrefix: 'admin-' });
  root.render(
    <StrictMode>
      <AdminApp {...options} />
    </StrictMode>,
  );
  return () => {
    setTimeout(() => {
      root.unmount();
      container.remove();
    }, 0);
  };
};

export default mount;

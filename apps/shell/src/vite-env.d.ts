/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL of the portal remote's entry; default /portal/remoteEntry.js (same origin). */
  readonly VITE_PORTAL_REMOTE_URL?: string;
  /** URL of the analytics remote's entry; default /analytics/remoteEntry.js (same origin). */
  readonly VITE_ANALYTICS_REMOTE_URL?: string;
  /** URL of the back-office remote's entry; default /admin/remoteEntry.js (same origin). */
  readonly VITE_ADMIN_REMOTE_URL?: string;
  /** GraphQL endpoint; default /graphql (same origin, so the session cookie is sent). */
  readonly VITE_GRAPHQL_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

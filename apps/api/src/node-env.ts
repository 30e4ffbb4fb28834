/**
 * NODE_ENV defaults to production, as config.ts does: libraries read it once, when they load
 * (graphql-js then skips its development-only checks during execution, Express its development
 * behaviour), so main.ts imports this before anything else.
 */
process.env.NODE_ENV ??= 'production';

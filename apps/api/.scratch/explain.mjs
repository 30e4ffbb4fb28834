import 'reflect-metadata';
import { createDataSource } from '/work/main/apps/api/dist/database/data-source.js';
import { rollupRefreshSql } from '/work/main/apps/api/dist/modules/analytics/funnel.sql.js';
const ds = createDataSource({ url: process.env.DATABASE_URL });
await ds.initialize();
const rows = await ds.query('EXPLAIN (ANALYZE, BUFFERS off, TIMING on) ' + rollupRefreshSql(1));
for (const r of rows) console.log(r['QUERY PLAN']);
await ds.destroy();

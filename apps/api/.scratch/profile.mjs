import 'reflect-metadata';
import { pino } from 'pino';
import pg from 'pg';
import { createDataSource } from '/work/main/apps/api/dist/database/data-source.js';
import { FunnelService } from '/work/main/apps/api/dist/modules/analytics/funnel.service.js';
import { Funnel } from '/work/main/apps/api/dist/modules/analytics/funnel.types.js';
import { createApp } from '/work/main/apps/api/dist/server.js';
const url = process.env.DATABASE_URL;
const ds = createDataSource({ url, poolSize: 10 });
await ds.initialize();
const { httpServer } = await createApp({ dataSource: ds, logger: pino({ level: 'silent' }), attachmentDir: '/tmp/x-att' });
await new Promise((d) => httpServer.listen(0, '127.0.0.1', d));
const endpoint = `http://127.0.0.1:${httpServer.address().port}/graphql`;
const si = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: { email: 'analist@demo.werkgezond.be', password: 'werkgezond-demo' } } }) });
const cookie = si.headers.get('set-cookie').split(';')[0];
const gql = async (query, variables) => { const r = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) }); const t = await r.text(); return t.length; };
const Q = `query ($input: FunnelInput!) { funnel(input: $input) { programmeKey unit asOf computedFrom units
    steps { stage label count dropOff exited inProgress medianDaysFromPrevious p90DaysFromPrevious fromPrevious { value lower upper } fromFirst { value lower upper } }
    exits { stage label count reasons { reason label count share } }
    groups { key { dimension key label } units steps { stage count dropOff exited inProgress medianDaysFromPrevious p90DaysFromPrevious fromPrevious { value lower upper } fromFirst { value lower upper } } exits { stage count reasons { reason count } } } } }`;
const Qsmall = `query ($input: FunnelInput!) { funnel(input: $input) { steps { stage count } } }`;
const input = { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL'] };
const svc = new FunnelService(ds);
const st = await svc.statements(input);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const med = async (n, fn) => { for (let i = 0; i < 30; i++) await fn(); const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); await fn(); t.push(performance.now() - a); } t.sort((a, b) => a - b); return `${t[Math.floor(n / 2)].toFixed(2)} / p95 ${t[Math.floor(n * 0.95)].toFixed(2)}`; };
console.log('size', await gql(Q, { input }));
console.log('viewer       ', await med(200, () => gql('{ viewer { id } }', {})));
console.log('funnel http  ', await med(200, () => gql(Q, { input })));
console.log('funnel small ', await med(200, () => gql(Qsmall, { input })));
console.log('service      ', await med(200, () => svc.funnel(input)));
console.log('service+from ', await med(200, async () => Funnel.from(await svc.funnel(input))));
console.log('meta typeorm ', await med(200, () => ds.query(st.meta.sql, st.meta.params)));
console.log('main typeorm ', await med(200, () => ds.query(st.main.sql, st.main.params)));
console.log('plain        ', await med(200, async () => { await pool.query(st.meta.sql, st.meta.params); await pool.query(st.main.sql, st.main.params); }));
console.log('plain SELECT1', await med(200, () => pool.query('SELECT 1')));
await pool.end(); httpServer.close(); await ds.destroy();

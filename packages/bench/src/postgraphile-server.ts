/**
 * The peer: PostGraphile v5 (amber preset, its defaults) over the same PostgreSQL, on Node's http
 * server through grafserv. Started as its own process by peers.ts, like the Werkgezond API.
 *
 *   DATABASE_URL=… PORT=… node dist/postgraphile-server.js
 */
import './node22.js';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!connectionString || !Number.isInteger(port)) {
  console.error('DATABASE_URL and PORT are required');
  process.exit(2);
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // A pool of 10, as the Werkgezond API's (pg's default size).
  pgServices: [makePgService({ connectionString, schemas: ['public'] })],
  grafserv: { port, graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`PostGraphile listening on ${port}`));

const stop = () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

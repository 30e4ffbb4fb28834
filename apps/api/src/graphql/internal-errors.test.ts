import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { badInput, maskError } from './errors.js';
import { internalErrorsPlugin, reportingContextFailures } from './internal-errors.js';

/** A pino logger writing JSON lines into an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  return { lines, logger };
}

const schema = buildSchema('type Query { broken: String, refused: String }');
const rootValue = {
  broken: () => {
    throw new Error('relation "secret_table" does not exist');
  },
  refused: () => {
    throw badInput('Nope', 'x');
  },
};

describe('internal errors are logged with the request id', () => {
  it('logs a resolver failure once, with the request id, and the client sees only a generic message', async () => {
    const { lines, logger } = capture();
    const apollo = new ApolloServer<{ requestId: string; logger: typeof logger }>({
      schema,
      rootValue,
      formatError: (formatted) => maskError(formatted as never, false) as never,
      plugins: [internalErrorsPlugin('graphql')],
    });
    await apollo.start();
    const res = await apollo.executeOperation(
      { query: '{ broken refused }' },
      { contextValue: { requestId: 'req-42', logger } },
    );
    await apollo.stop();
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(body?.errors?.map((e) => e.extensions?.code).sort()).toEqual([
      'BAD_USER_INPUT',
      'INTERNAL_SERVER_ERROR',
    ]);
    expect(JSON.stringify(body)).not.toContain('secret_table');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'internal error',
      requestId: 'req-42',
      endpoint: 'graphql',
      path: ['broken'],
      err: { message: 'relation "secret_table" does not exist' },
    });
  });

  it('logs a failed context creation with the request id, but not a deliberate refusal', async () => {
    const { lines, logger } = capture();
    const req = { id: 'req-7', log: logger };
    const failing = reportingContextFailures('research', async () => {
      throw new Error('connection refused');
    });
    await expect(failing({ req })).rejects.toThrow('connection refused');
    const refusing = reportingContextFailures('research', async () => {
      throw badInput('no key');
    });
    await expect(refusing({ req })).rejects.toThrow('no key');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: 'req-7',
      stage: 'context',
      err: { message: 'connection refused' },
    });
  });
});

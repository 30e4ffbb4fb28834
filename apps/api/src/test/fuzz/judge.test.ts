import { describe, expect, it } from 'vitest';
import { judge } from './judge.js';

const error = (e: object) => JSON.stringify({ errors: [e] });

describe('fuzz judge', () => {
  it('accepts refusals with a deliberate code and plain non-JSON answers', () => {
    expect(
      judge({
        status: 400,
        text: error({ message: 'Bad', extensions: { code: 'BAD_USER_INPUT' } }),
      }),
    ).toBeNull();
    expect(judge({ status: 200, text: JSON.stringify({ data: { x: 'SELECT me' } }) })).toBeNull();
    expect(judge({ status: 302, text: 'Found. Redirecting to /research' })).toBeNull();
  });

  it("reads the attachment routes' error shape too", () => {
    expect(
      judge({ status: 400, text: '{"error":{"code":"BAD_USER_INPUT","message":"x"}}' }),
    ).toBeNull();
    expect(
      judge({ status: 200, text: '{"error":{"code":"INTERNAL_SERVER_ERROR","message":"x"}}' }),
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('flags 5xx, internal errors, stack traces and SQL', () => {
    expect(judge({ status: 503, text: '{}' })).toBe('HTTP 503');
    expect(
      judge({
        status: 200,
        text: error({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      }),
    ).toBe('INTERNAL_SERVER_ERROR');
    expect(
      judge({
        status: 400,
        text: error({
          message: 'x',
          extensions: { code: 'BAD_REQUEST', stacktrace: ['Error: x'] },
        }),
      }),
    ).toBe('stack trace in an error');
    expect(
      judge({
        status: 400,
        text: '<pre>SyntaxError: Unexpected token<br> &nbsp; &nbsp;at JSON.parse (<anonymous>)</pre>',
      }),
    ).toBe('stack trace in a non-JSON answer');
    expect(
      judge({
        status: 200,
        text: error({
          message: 'invalid input syntax for type uuid: "x"',
          extensions: { code: 'NOT_FOUND' },
        }),
      }),
    ).toBe('SQL text in an error');
    expect(
      judge({
        status: 200,
        text: error({
          message: 'SELECT id FROM app_user WHERE email = $1',
          extensions: { code: 'CONFLICT' },
        }),
      }),
    ).toBe('SQL text in an error');
  });
});

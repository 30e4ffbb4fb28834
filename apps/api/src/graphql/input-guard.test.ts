import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hasUnstorableLiteral, scanOperation, unstorable } from './input-guard.js';

const schema = buildSchema(`
  scalar JSON
  enum Kind { A B }
  input Answer { key: String!, value: String, tags: [String!] }
  input Form { name: String!, kind: Kind, answers: [Answer!], extra: JSON, nested: [[String]] }
  type Result { id: ID!, echo(text: String): String }
  type Query { find(id: ID!, text: String): Result, list(ids: [ID!]!): [Result] }
  type Mutation { save(input: Form!): Result }
`);

function scan(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const document = parse(query);
  const ops = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const operation = operationName ? ops.find((o) => o.name?.value === operationName)! : ops[0]!;
  return scanOperation(schema, document, operation, variables);
}

describe('unstorable', () => {
  it('finds NUL and lone surrogates, and accepts everything PostgreSQL stores', () => {
    expect(unstorable('a\u0000b')).toBe('NUL');
    expect(unstorable('\uD800')).toBe('LONE_SURROGATE');
    expect(unstorable('x\uDC00')).toBe('LONE_SURROGATE');
    expect(unstorable('\uDBFF\uDBFF\uDFFF')).toBe('LONE_SURROGATE');
    expect(unstorable('gezond 💪 — é\t\n\u0001\uFFFF')).toBeNull();
    expect(unstorable('')).toBeNull();
  });
});

describe('scanOperation', () => {
  it('names a literal argument', () => {
    expect(scan('{ find(id: "1", text: "a\\u0000") { id } }')).toEqual({
      field: 'text',
      problem: 'NUL',
      fieldName: 'find',
    });
  });

  it('names a nested input field reached through a variable, with list indexes', () => {
    const hit = scan('mutation ($input: Form!) { save(input: $input) { id } }', {
      input: { name: 'ok', answers: [{ key: 'a' }, { key: 'b', tags: ['x', '\uD83D'] }] },
    });
    expect(hit).toEqual({
      field: 'input.answers.1.tags.1',
      problem: 'LONE_SURROGATE',
      fieldName: 'save',
    });
  });

  it('walks variables inside literal objects and lists of lists', () => {
    expect(
      scan('mutation ($v: String) { save(input: { name: "n", nested: [["a"], [$v]] }) { id } }', {
        v: '\u0000',
      })?.field,
    ).toBe('input.nested.1.0');
  });

  it('walks JSON scalar values and their keys', () => {
    const q = 'mutation ($input: Form!) { save(input: $input) { id } }';
    expect(scan(q, { input: { name: 'n', extra: { a: [1, { b: 'x\u0000' }] } } })?.field).toBe(
      'input.extra.a.1.b',
    );
    expect(scan(q, { input: { name: 'n', extra: { 'k\u0000': 1 } } })?.field).toBe('input.extra');
  });

  it('checks ID lists coerced from a single value and arguments of nested fields in fragments', () => {
    expect(scan('query ($ids: [ID!]!) { list(ids: $ids) { id } }', { ids: '\u0000' })?.field).toBe(
      'ids.0',
    );
    const hit = scan(
      'query { find(id: "1") { ...F } } fragment F on Result { echo(text: "\\u0000") }',
    );
    expect(hit).toEqual({ field: 'text', problem: 'NUL', fieldName: 'echo' });
  });

  it('passes clean input, other operations of the document and values execution will refuse', () => {
    expect(scan('{ find(id: "1", text: "Bakkerij De Zonnebloem 🌻") { id } }')).toBeNull();
    expect(
      scan('query A { find(id: "1") { id } } query B { find(id: "\\u0000") { id } }', {}, 'A'),
    ).toBeNull();
    // Wrong type: execution answers BAD_USER_INPUT for the variable itself.
    expect(scan('query ($t: String) { find(id: "1", text: $t) { id } }', { t: 5 })).toBeNull();
  });
});

describe('hasUnstorableLiteral (the per-document shortcut before the full scan)', () => {
  it('finds a NUL in string and block string literals, nested or not', () => {
    expect(hasUnstorableLiteral(parse('{ find(id: "1", text: "fine") { id } }'))).toBe(false);
    expect(hasUnstorableLiteral(parse('{ find(id: "1", text: "a\\u0000") { id } }'))).toBe(true);
    // A NUL in a block string (GraphQL's lexer itself refuses lone surrogates in literals).
    expect(hasUnstorableLiteral(parse('{ find(id: "1", text: """a\u0000""") { id } }'))).toBe(true);
    expect(
      hasUnstorableLiteral(
        parse('mutation { save(input: { name: "x", extra: { a: ["\\u0000"] } }) { id } }'),
      ),
    ).toBe(true);
    expect(
      hasUnstorableLiteral(
        parse('query ($t: String = "\\u0000") { find(id: "1", text: $t) { id } }'),
      ),
    ).toBe(true);
  });

  it('gives the same verdict for the same parsed document twice (cached)', () => {
    const doc = parse('{ find(id: "1", text: "a\\u0000") { id } }');
    expect(hasUnstorableLiteral(doc)).toBe(true);
    expect(hasUnstorableLiteral(doc)).toBe(true);
  });
});

import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { Random } from './random.js';
import { mutate, type Pools, valueFor } from './values.js';

/** One HTTP request of the fuzz suite: enough to replay it with curl. */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  /** Raw body (may be malformed on purpose). */
  body?: string;
  /** Query string for GET. */
  search?: string;
  contentType?: string;
  /** Another path than the persona's GraphQL endpoint (the attachment upload). */
  path?: string;
  headers?: Record<string, string>;
}

/** Prints a JS value as a GraphQL literal; strings in enum positions stay strings (a type error). */
function literal(value: unknown, type: GraphQLInputType | null): string {
  const named = type ? getNamedType(type) : null;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const inner = type && isNonNullType(type) ? type.ofType : type;
    const item = inner && isListType(inner) ? inner.ofType : inner;
    return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) =>
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(k),
    );
    return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return String(value);
}

interface Built {
  text: string;
  variableDefs: string[];
  variables: Record<string, unknown>;
}

/** Arguments of one field: required ones always, optional ones sometimes; as literals or variables. */
function argumentsFor(
  args: readonly GraphQLArgument[],
  rnd: Random,
  pools: Pools,
  built: Built,
  asVariables: boolean,
): string {
  const parts: string[] = [];
  for (const arg of args) {
    if (!isNonNullType(arg.type) && !rnd.chance(0.5)) continue;
    const value = valueFor(arg.type, arg.name, rnd, pools);
    if (asVariables) {
      const name = `v${built.variableDefs.length}`;
      built.variableDefs.push(`$${name}: ${String(arg.type)}`);
      built.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(`${arg.name}: ${literal(value, arg.type)}`);
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

function selection(
  type: GraphQLOutputType,
  rnd: Random,
  pools: Pools,
  built: Built,
  asVariables: boolean,
  depth: number,
): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isAbstractType(named)) return '{ __typename }';
  const object = named as GraphQLObjectType;
  const fields = Object.values(object.getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const nested = depth < 3 ? fields.filter((f) => isObjectType(getNamedType(f.type))) : [];
  const chosen = new Set<GraphQLField<unknown, unknown>>();
  for (let i = 0; i < 1 + rnd.int(4) && leaves.length; i += 1) chosen.add(rnd.pick(leaves));
  for (let i = rnd.int(3); i > 0 && nested.length; i -= 1) chosen.add(rnd.pick(nested));
  if (!chosen.size) return '{ __typename }';
  const parts = [...chosen].map((f) => {
    const args = argumentsFor(f.args, rnd, pools, built, asVariables);
    return `${f.name}${args} ${selection(f.type, rnd, pools, built, asVariables, depth + 1)}`.trim();
  });
  return `{ ${parts.join(' ')} }`;
}

const SLOW_FIELDS = new Set(['signIn', 'signUp']);

/** A well-typed operation on one root field, with plausible (some hostile) argument values. */
export function generatedOperation(schema: GraphQLSchema, rnd: Random, pools: Pools) {
  const roots: [string, GraphQLObjectType][] = [['query', schema.getQueryType()!]];
  const mutation = schema.getMutationType();
  if (mutation) roots.push(['mutation', mutation]);
  const [keyword, root] = rnd.weighted([
    [3, roots[0]!],
    [roots.length > 1 ? 2 : 0, roots[roots.length - 1]!],
  ] as const);
  // Password hashing (argon2) is slow on purpose: sign-in and sign-up get a small share.
  const field = rnd.weighted(
    Object.values(root.getFields()).map((f) => [SLOW_FIELDS.has(f.name) ? 0.15 : 1, f] as const),
  );
  const asVariables = rnd.chance(0.6);
  const built: Built = { text: '', variableDefs: [], variables: {} };
  const args = argumentsFor(field.args, rnd, pools, built, asVariables);
  const sel = selection(field.type, rnd, pools, built, asVariables, 1);
  const defs = built.variableDefs.length ? `(${built.variableDefs.join(', ')})` : '';
  return {
    field: field.name,
    keyword,
    query: `${keyword} Fuzz${defs} { ${field.name}${args} ${sel} }`,
    variables: built.variables,
  };
}

/** Text-level damage to a document: what a broken client or an attacker sends. */
function damageText(query: string, rnd: Random): string {
  const at = rnd.int(query.length + 1);
  return rnd.pick<() => string>([
    () => query.slice(0, at),
    () => query.slice(0, at) + query.slice(at + 1 + rnd.int(10)),
    () =>
      query.slice(0, at) +
      rnd.pick([
        '{',
        '}',
        '(',
        ')',
        '...',
        '$',
        '@skip',
        '"',
        '\\u0000',
        ':',
        '#',
        '!',
        '[',
        '"""',
      ]) +
      query.slice(at),
    () => query.replace(/\{ (\w+)/, '{ noSuchField'),
    () => query.replace(/\((\w+):/, '(noSuchArgument:'),
    () => `${query} ${query}`,
    () => query.replace('Fuzz', 'Fuzz($unused: Int)'),
  ])();
}

const body = (payload: unknown) => JSON.stringify(payload);

/** Documents no schema-driven generator produces: fragment cycles, depth, aliases, directives. */
function specialDocument(
  rnd: Random,
  rootField: string,
): { query: string; variables?: unknown; operationName?: string } {
  const deep = (n: number) =>
    `${'{ __schema { types { fields { type { ofType '.repeat(1)}${'{ ofType '.repeat(n)}{ name }${' }'.repeat(n)} } } } } }`;
  return rnd.pick<() => { query: string; variables?: unknown; operationName?: string }>([
    () => ({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    () => ({ query: 'fragment A on Query { ...A } query { ...A }' }),
    () => ({ query: deep(40) }),
    () => ({
      query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    }),
    () => ({ query: `{ ${rootField} { __typename } ${rootField} { __typename } }` }),
    () => ({ query: '{ __typename @skip(if: "yes") }' }),
    () => ({ query: '{ __typename @include(if: $x) }', variables: { x: true } }),
    () => ({
      query: 'query ($x: Boolean!) { __typename @skip(if: $x) }',
      variables: { x: 'true' },
    }),
    () => ({ query: 'query A { __typename } query B { __typename }' }),
    () => ({ query: 'query A { __typename }', operationName: 'Nope' }),
    () => ({ query: 'subscription { __typename }' }),
    () => ({ query: '' }),
    () => ({ query: '#' }),
    () => ({ query: '{'.repeat(5_000) }),
    () => ({ query: `{ __typename ${' '.repeat(90_000)} }` }),
    () => ({ query: '{ __type(name: "\\u0000") { name } }' }),
    () => ({ query: 'query ($n: String = 5) { __type(name: $n) { name } }' }),
    () => ({ query: '{ __schema { queryType { name } } }' }),
    () => ({ query: `{ ${rootField}(${'a: 1, '.repeat(200)}) { __typename } }` }),
    () => ({
      query: `{ ...on Query { ...on Query { ...on Query { ${rootField} { __typename } } } } }`,
    }),
    () => ({ query: 'mutation { __typename }' }),
    () => ({ query: '{ __typename }', variables: { huge: 'z'.repeat(20_000) } }),
  ])();
}

/**
 * One fuzz case, from its own random stream: a generated operation (sometimes mutated),
 * a damaged or special document, or a request that is wrong at the HTTP/JSON level.
 */
export function makeCase(schema: GraphQLSchema, rnd: Random, pools: Pools): FuzzRequest {
  if (pools.uploadPath && rnd.chance(0.15)) return uploadCase(pools.uploadPath, rnd);
  const op = generatedOperation(schema, rnd, pools);
  const kind = rnd.weighted([
    [35, 'generated'],
    [25, 'mutated-variables'],
    [12, 'damaged-document'],
    [14, 'special-document'],
    [14, 'protocol'],
  ] as const);
  switch (kind) {
    case 'generated':
      return {
        kind: `${kind}:${op.field}`,
        method: 'POST',
        body: body({ query: op.query, variables: op.variables }),
      };
    case 'mutated-variables': {
      let variables: unknown = op.variables;
      for (let i = 1 + rnd.int(3); i > 0; i -= 1) variables = mutate(variables, rnd);
      return {
        kind: `${kind}:${op.field}`,
        method: 'POST',
        body: body({ query: op.query, variables }),
      };
    }
    case 'damaged-document':
      return {
        kind: `${kind}:${op.field}`,
        method: 'POST',
        body: body({ query: damageText(op.query, rnd), variables: op.variables }),
      };
    case 'special-document':
      return { kind, method: 'POST', body: body(specialDocument(rnd, op.field)) };
    default:
      return protocolCase(op, rnd);
  }
}

function protocolCase(
  op: { query: string; variables: Record<string, unknown>; keyword: string },
  rnd: Random,
): FuzzRequest {
  const ok = { query: op.query, variables: op.variables };
  const post = (b: string, contentType = 'application/json'): FuzzRequest => ({
    kind: 'protocol',
    method: 'POST',
    body: b,
    contentType,
  });
  return rnd.pick<() => FuzzRequest>([
    () => post(body(ok).slice(0, rnd.int(body(ok).length))),
    () => post('{"query": "{ __typename }", }'),
    () => post('{"query": "\\u0000"}'),
    () => post('{"query": "{ __typename }", "variables": "\\ud800"}'),
    () => post(body([ok, ok])),
    () => post(body(Array.from({ length: 50 }, () => ok))),
    () => post(body([])),
    () => post(body({ query: 42 })),
    () => post(body({ query: null })),
    () => post(body({ query: { nested: op.query } })),
    () => post(body({ query: op.query, variables: 'not an object' })),
    () => post(body({ query: op.query, variables: [1, 2] })),
    () => post(body({ query: op.query, operationName: 7 })),
    () =>
      post(
        body({
          query: op.query,
          extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
        }),
      ),
    () =>
      post(body({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } })),
    () => post(body({ query: op.query, variables: op.variables, extensions: 'x' })),
    () => post('null'),
    () => post('"just a string"'),
    () => post(''),
    () => post(body(ok), 'text/plain'),
    () => post(body(ok), 'application/json; charset=latin1'),
    () => post(`query=${encodeURIComponent(op.query)}`, 'application/x-www-form-urlencoded'),
    () =>
      post(
        `{"query": "{ __typename }", "variables": {${'"a":{'.repeat(3_000)}${'}'.repeat(3_000)}}}`,
      ),
    () => ({
      kind: 'protocol',
      method: 'GET',
      search: `query=${encodeURIComponent(op.query)}&variables=${encodeURIComponent(body(op.variables))}`,
    }),
    () => ({
      kind: 'protocol',
      method: 'GET',
      search: `query=${encodeURIComponent(op.query)}&variables=%7Bbroken`,
    }),
    () => ({ kind: 'protocol', method: 'GET', search: 'query=%00' }),
    () => ({
      kind: 'protocol',
      method: 'GET',
      search: `query=${encodeURIComponent('{ __typename }')}&extensions=%5B`,
    }),
  ])();
}

const FILE_NAMES = [
  'plan.pdf',
  'actieplan-één.pdf',
  'plan\u0000.pdf',
  '../../etc/passwd',
  '',
  'x'.repeat(2_000),
  'a\r\nContent-Type: text/html',
  '\uD800.pdf',
  '💪.png',
];
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

/** A multipart upload of a dossier attachment, broken in one of many ways (or not at all). */
function uploadCase(path: string, rnd: Random): FuzzRequest {
  const name = rnd.pick(FILE_NAMES);
  const disposition = rnd.pick([
    `filename="${name}"`,
    `filename*=UTF-8''${encodeURIComponent(name.replace(/[\uD800-\uDFFF]/g, '')).replace('.pdf', '%00.pdf')}`,
    "filename*=UTF-8''%D8%00%FF.pdf",
    'filename=',
    '',
  ]);
  const content = rnd.pick([
    PDF,
    '',
    '<script>alert(1)</script>',
    'PK\u0003\u0004junk',
    PDF.repeat(50),
  ]);
  const part = (field: string) =>
    `--grens\r\nContent-Disposition: form-data; name="${field}"; ${disposition}\r\n` +
    `Content-Type: application/pdf\r\n\r\n${content}\r\n`;
  const body = rnd.pick([
    () => `${part('file')}--grens--\r\n`,
    () => `${part('file')}${part('file')}--grens--\r\n`,
    () => `${part('other')}--grens--\r\n`,
    () =>
      `--grens\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n${part('file')}--grens--\r\n`,
    () => part('file'),
    () => part('file').slice(0, rnd.int(part('file').length)),
    () => 'not multipart at all',
  ])();
  return {
    kind: 'upload',
    method: 'POST',
    path,
    body,
    contentType: rnd.pick([
      'multipart/form-data; boundary=grens',
      'multipart/form-data; boundary=grens',
      'multipart/form-data',
      'multipart/form-data; boundary=anders',
      'application/pdf',
    ]),
    headers: rnd.chance(0.9) ? { 'x-werkgezond-csrf': '1' } : {},
  };
}

import {
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { Random } from './random.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Strings PostgreSQL cannot store, and strings that stress every other layer. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '\uDBFF\uDBFF',
  '',
  ' ',
  "'; DROP TABLE organisation; --",
  "' OR 1=1 --",
  '%_\\',
  '$1',
  '\\x00',
  '{"a":1}',
  '<script>alert(1)</script>',
  '‮gevaarlijk',
  '💪🏽 gezond',
  'é'.repeat(300),
  'a'.repeat(256),
  'x'.repeat(5_000),
  'y'.repeat(40_000),
  '\t\r\n',
  '\u0001\u001f\u007f',
  '\uFFFE\uFFFF',
  'NaN',
  '-1',
  '1e400',
  '2019-07-31T25:61:61Z',
] as const;

const HOSTILE_INTS = [0, -1, 1, 2147483647, -2147483648, 2147483648, -2147483649, 1.5, 1e21];
const HOSTILE_FLOATS = [0, -0, 1e308, -1e308, 5e-324, 1.7976931348623157e308, 123456789.123456];
const DATES = [
  '2019-07-31',
  '2018-12-31',
  '2017-12-31',
  '2014-06-30',
  '2014-01-01',
  '2020-02-29',
  '0001-01-01',
  '9999-12-31',
  '1970-01-01',
  '2019-02-30',
  '2019-13-01',
  '2019-7-31',
  '275760-09-13',
  '-001000-01-01',
  'infinity',
  'not a date',
];
const DATETIMES = [
  '2019-07-31T12:00:00.000Z',
  '2014-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2019-07-31T25:00:00Z',
  '2019-07-31',
];
const PROGRAMMES = ['nv-gezond', 'gezondheidscoaches', 'onbekend', 'NV-GEZOND'];
const STAGES = [
  'APPLIED',
  'REGISTERED',
  'DECIDED',
  'APPROVED',
  'REJECTED',
  'STARTED',
  'COMPLETED',
  'PARTICIPATED',
  'WITHDRAWN',
  'DROPPED_OUT',
  'onbekend',
];
const WORDS = ['x', 'COST', 'TIME', 'OTHER', 'Test BV', 'gezond', 'demo', 'toolbox', 'a.b'];
const EMAILS = [
  'analist@demo.werkgezond.be',
  'deelnemer@demo.werkgezond.be',
  'nobody@example.be',
  'not-an-email',
  `${'a'.repeat(250)}@example.be`,
];

export interface Pools {
  /** IDs the role may legitimately use (its own organisation), besides random and missing ones. */
  ids: readonly string[];
  /** The role's own application's attachment upload path, to fuzz multipart uploads too. */
  uploadPath?: string;
}

/** A plausible string for an argument, guessed from its name, or a hostile one. */
function stringFor(name: string, rnd: Random): string {
  if (rnd.chance(0.15)) return rnd.pick(HOSTILE_STRINGS);
  if (/programme/i.test(name)) return rnd.pick(PROGRAMMES);
  if (/stage|step|exit/i.test(name)) return rnd.pick(STAGES);
  if (/email/i.test(name)) return rnd.pick(EMAILS);
  if (/kbo/i.test(name)) return rnd.pick(['0202.239.951', '0202239952', '1', '0999.999.999']);
  if (/(^at$|asOf|date|On$|from|to$|until|since)/i.test(name)) return rnd.pick(DATES);
  if (/password/i.test(name)) return rnd.pick(['werkgezond-demo', 'short', 'een-lang-wachtwoord']);
  return rnd.pick(WORDS);
}

/** A value of `type` (a few of them deliberately out of range) for an argument named `name`. */
export function valueFor(
  type: GraphQLInputType,
  name: string,
  rnd: Random,
  pools: Pools,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, rnd, pools, depth);
  if (depth > 4) return null;
  if (isListType(type)) {
    const n = rnd.weighted([
      [3, 1],
      [2, 2],
      [1, 0],
      [1, 3],
    ] as const);
    return Array.from({ length: n }, () => valueFor(type.ofType, name, rnd, pools, depth + 1));
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      if (isNonNullType(field.type) || rnd.chance(0.4)) {
        out[fieldName] = valueFor(field.type, fieldName, rnd, pools, depth + 1);
      }
    }
    return out;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return rnd.chance(0.95) ? rnd.pick(values) : 'NO_SUCH_VALUE';
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return rnd.chance(0.2)
          ? rnd.pick(HOSTILE_INTS)
          : rnd.pick(
              /year|edition/i.test(name) ? [2014, 2016, 2017, 2018, 2019] : [1, 7, 14, 20, 100],
            );
      case 'Float':
        return rnd.pick(HOSTILE_FLOATS);
      case 'Boolean':
        return rnd.chance(0.5);
      case 'ID':
        return rnd.weighted([
          [2, NOBODY],
          [2, rnd.uuid()],
          [3, pools.ids.length ? rnd.pick(pools.ids) : NOBODY],
          [1, 'not-a-uuid'],
          [1, rnd.pick(HOSTILE_STRINGS)],
        ] as const);
      case 'Date':
        return rnd.pick(DATES);
      case 'DateTimeISO':
        return rnd.pick(DATETIMES);
      case 'JSON':
        return jsonValue(rnd, 0);
      default:
        return stringFor(name, rnd);
    }
  }
  return null;
}

function jsonValue(rnd: Random, depth: number): unknown {
  const kind = rnd.int(depth > 2 ? 4 : 6);
  if (kind === 0) return rnd.pick(HOSTILE_STRINGS);
  if (kind === 1) return rnd.pick([...HOSTILE_INTS, ...HOSTILE_FLOATS]);
  if (kind === 2) return rnd.chance(0.5);
  if (kind === 3) return null;
  if (kind === 4) return Array.from({ length: rnd.int(4) }, () => jsonValue(rnd, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rnd.int(4); i > 0; i -= 1)
    out[rnd.pick(['a', 'value', '\u0000', ''])] = jsonValue(rnd, depth + 1);
  return out;
}

/** Anything at all, of any JSON type: what replaces a value when a mutation changes its type. */
export function hostileValue(rnd: Random): unknown {
  return rnd.weighted<() => unknown>([
    [4, () => rnd.pick(HOSTILE_STRINGS)],
    [3, () => rnd.pick(HOSTILE_INTS)],
    [1, () => rnd.pick(HOSTILE_FLOATS)],
    [1, () => rnd.chance(0.5)],
    [2, () => null],
    [1, () => []],
    [1, () => ({})],
    [1, () => ({ __proto__: { polluted: true }, constructor: { prototype: 1 } })],
    [1, () => Array.from({ length: 2_000 }, (_, i) => i)],
    [1, () => [[[[['deep']]]]]],
    [1, () => 'NO_SUCH_VALUE'],
  ])();
}

/**
 * Changes one place in a value tree: a leaf replaced by a hostile value of any type, a key
 * removed or added, a list emptied or inflated. Returns the new tree (the input is untouched).
 */
export function mutate(value: unknown, rnd: Random): unknown {
  if (Array.isArray(value)) {
    if (!value.length || rnd.chance(0.25)) {
      return rnd.pick<() => unknown>([
        () => [],
        () => Array.from({ length: 500 }, () => value[0] ?? hostileValue(rnd)),
        () => [...value, null],
        () => hostileValue(rnd),
      ])();
    }
    const i = rnd.int(value.length);
    return value.map((v, j) => (j === i ? mutate(v, rnd) : v));
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (!keys.length || rnd.chance(0.2)) {
      const what = rnd.int(3);
      if (what === 0 && keys.length) delete copy[rnd.pick(keys)];
      else if (what === 1)
        copy[rnd.pick(['unknownField', '__proto__', 'id', '\u0000'])] = hostileValue(rnd);
      else return hostileValue(rnd);
      return copy;
    }
    const key = rnd.pick(keys);
    copy[key] = mutate(copy[key], rnd);
    return copy;
  }
  return hostileValue(rnd);
}

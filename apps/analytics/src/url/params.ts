/**
 * Typed URL search parameters. Every filter of every analytics page lives in the URL, so a
 * copied link reopens exactly the same view. A parameter knows how to read itself from the
 * query string (ignoring values it does not understand) and how to write itself back
 * (null = left out of the URL, which is how a default is written).
 */
export interface Param<T> {
  parse(raw: string | null): T;
  serialize(value: T): string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD (no 2019-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Free text (e.g. a programme key); empty means absent. */
export function textParam(fallback: string | null = null): Param<string | null> {
  return {
    parse: (raw) => (raw?.trim() ? raw.trim() : fallback),
    serialize: (value) => (value && value !== fallback ? value : null),
  };
}

/** A calendar day (YYYY-MM-DD) or null. */
export function dateParam(): Param<string | null> {
  return {
    parse: (raw) => (raw && isIsoDate(raw) ? raw : null),
    serialize: (value) => value ?? null,
  };
}

/** A whole number within bounds; anything else reads as the fallback. */
export function intParam<F extends number | null>(
  fallback: F,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): Param<number | F> {
  return {
    parse: (raw) => {
      if (raw === null || !/^-?\d+$/.test(raw)) return fallback;
      const n = Number(raw);
      return n >= min && n <= max ? n : fallback;
    },
    serialize: (value) => (value === null || value === fallback ? null : String(value)),
  };
}

/** One of a fixed set of values. */
export function enumParam<T extends string>(values: readonly T[], fallback: T): Param<T> {
  return {
    parse: (raw) => (raw && (values as readonly string[]).includes(raw) ? (raw as T) : fallback),
    serialize: (value) => (value === fallback ? null : value),
  };
}

/** Like enumParam, but absent is a value of its own (null). */
export function optionalEnumParam<T extends string>(values: readonly T[]): Param<T | null> {
  return {
    parse: (raw) => (raw && (values as readonly string[]).includes(raw) ? (raw as T) : null),
    serialize: (value) => value,
  };
}

/** Comma-separated whole numbers (e.g. years), sorted and without repeats. */
export function intListParam({ min = 0, max = 9999 } = {}): Param<number[]> {
  return {
    parse: (raw) =>
      [
        ...new Set(
          (raw ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter((s) => /^\d+$/.test(s))
            .map(Number)
            .filter((n) => n >= min && n <= max),
        ),
      ].sort((a, b) => a - b),
    serialize: (value) => (value.length > 0 ? [...value].sort((a, b) => a - b).join(',') : null),
  };
}

/**
 * Comma-separated values. With `allowed`, unknown values are dropped; with `max`, only the
 * first ones are kept. `sorted` writes them in a stable order (a set); otherwise the order is
 * meaningful (e.g. the first and second breakdown) and kept.
 */
export function listParam<T extends string = string>({
  allowed,
  max = 50,
  sorted = true,
}: {
  allowed?: readonly T[];
  max?: number;
  sorted?: boolean;
} = {}): Param<T[]> {
  const order = (values: T[]) =>
    sorted
      ? [...values].sort((a, b) =>
          allowed ? allowed.indexOf(a) - allowed.indexOf(b) : a.localeCompare(b),
        )
      : values;
  return {
    parse: (raw) => {
      const values = (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .filter((s) => !allowed || (allowed as readonly string[]).includes(s)) as T[];
      return order([...new Set(values)]).slice(0, max);
    },
    serialize: (value) => (value.length > 0 ? order([...new Set(value)]).join(',') : null),
  };
}

/** Comma-separated calendar days, in date order, without repeats. */
export function dateListParam({ max = 12 } = {}): Param<string[]> {
  return {
    parse: (raw) =>
      [
        ...new Set(
          (raw ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(isIsoDate),
        ),
      ]
        .sort()
        .slice(0, max),
    serialize: (value) => (value.length > 0 ? [...new Set(value)].sort().join(',') : null),
  };
}

/** yes / no / absent. */
export function boolListParam(): Param<boolean[]> {
  return {
    parse: (raw) => {
      const parts = new Set((raw ?? '').split(',').map((s) => s.trim()));
      const out: boolean[] = [];
      if (parts.has('yes')) out.push(true);
      if (parts.has('no')) out.push(false);
      return out;
    },
    serialize: (value) =>
      value.length > 0
        ? [value.includes(true) ? 'yes' : null, value.includes(false) ? 'no' : null]
            .filter(Boolean)
            .join(',')
        : null,
  };
}

export type ParamSpec = Record<string, Param<unknown>>;
export type ParamValues<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends Param<infer T> ? T : never;
};

export function readParams<S extends ParamSpec>(spec: S, search: URLSearchParams): ParamValues<S> {
  const values = {} as Record<string, unknown>;
  for (const [key, param] of Object.entries(spec)) values[key] = param.parse(search.get(key));
  return values as ParamValues<S>;
}

/**
 * The query string for the values: parameters in the spec's order (so equal views have equal
 * links), then any other parameters of the current URL unchanged.
 */
export function writeParams<S extends ParamSpec>(
  spec: S,
  values: ParamValues<S>,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, param] of Object.entries(spec)) {
    const raw = param.serialize((values as Record<string, unknown>)[key]);
    if (raw !== null) next.set(key, raw);
  }
  for (const [key, value] of current) if (!(key in spec)) next.append(key, value);
  return next;
}

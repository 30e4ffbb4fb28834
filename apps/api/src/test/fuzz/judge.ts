const STACK = /\n\s+at |\bat (async )?[\w.<>]+ \(|node_modules|\.[jt]s:\d+:\d+|stacktrace/i;
const SQL =
  /\b(SELECT|INSERT|UPDATE|DELETE)\b[^"]*\b(FROM|INTO|SET|WHERE)\b|QueryFailedError|syntax error at or near|violates \w+ (key )?constraint|relation "|invalid input syntax for|duplicate key|out of range for type|value too long for type|unsupported Unicode escape|invalid byte sequence/;

export interface Outcome {
  status: number;
  text: string;
}

/** What is wrong with an answer, or null. */
export function judge({ status, text }: Outcome): string | null {
  if (status >= 500) return `HTTP ${status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (STACK.test(text)) return 'stack trace in a non-JSON answer';
    if (SQL.test(text)) return 'SQL text in a non-JSON answer';
    return null;
  }
  // GraphQL answers carry `errors`; the attachment routes answer `{ error: { code, message } }`.
  const answer = parsed as { errors?: unknown; error?: unknown } | null;
  const errors = answer?.errors ?? [];
  const list = [
    ...(Array.isArray(errors) ? errors : [errors]),
    ...(answer?.error ? [answer.error] : []),
  ];
  for (const e of list) {
    const code =
      (e as { extensions?: { code?: unknown }; code?: unknown }).extensions?.code ??
      (e as { code?: unknown }).code;
    if (code === 'INTERNAL_SERVER_ERROR') return 'INTERNAL_SERVER_ERROR';
    const shown = JSON.stringify(e);
    if (STACK.test(shown)) return 'stack trace in an error';
    if (SQL.test(shown)) return 'SQL text in an error';
  }
  return null;
}

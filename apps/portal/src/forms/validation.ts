import { isValidKbo, normaliseKbo } from '@werkgezond/domain';

/**
 * Client-side checks: they catch mistakes before a round trip. The API applies the same rules
 * again (and some more); its answers are shown next to the same fields.
 * Each check returns an i18n key in the portal namespace, or undefined when the value is fine.
 */
export type Problem = { key: string; params?: Record<string, unknown> };

export function kboProblem(input: string, required = true): Problem | undefined {
  if (!input.trim()) return required ? { key: 'validation.kboRequired' } : undefined;
  if (normaliseKbo(input) === null) return { key: 'validation.kboShape' };
  if (!isValidKbo(input)) return { key: 'validation.kboChecksum' };
  return undefined;
}

const NACE = /^\d{2}(\.\d{1,3})?$/;
export function naceProblem(input: string): Problem | undefined {
  return input.trim() && !NACE.test(input.trim()) ? { key: 'validation.naceCode' } : undefined;
}

export function employeeCountProblem(input: string): Problem | undefined {
  const value = input.trim();
  if (!value) return { key: 'validation.employeeCountRequired' };
  if (!/^\d+$/.test(value) || Number(value) > 1_000_000) return { key: 'validation.employeeCount' };
  return undefined;
}

/**
 * Euros typed the way people type them: "1.234,56", "1234,5", "1,234.56", "€ 80" → cents.
 * The last separator followed by one or two digits is the decimal one; null when unreadable.
 */
export function parseEuroCents(input: string): number | null {
  const compact = input.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const fraction = decimal ? (decimal[1] ?? '').padEnd(2, '0') : '00';
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Today's calendar day in Belgium (YYYY-MM-DD), for "not in the future" checks. */
export function todayInBelgium(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A fresh idempotency key for a form that creates something (8–80 letters, digits, -). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export { normaliseKbo };

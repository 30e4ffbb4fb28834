import { badInput } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects a malformed id before it reaches SQL (where it would be a 500, not a 400). */
export function assertId(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw badInput(`${field} is not a valid id`, field);
  return id.toLowerCase();
}

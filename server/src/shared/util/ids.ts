const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can match nothing; checking first keeps PostgreSQL's uuid cast errors away from clients. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

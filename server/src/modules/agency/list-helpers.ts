import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.js';
import { decodeCursor } from '../../shared/graphql/pagination.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can match nothing; checking first keeps PostgreSQL's uuid cast errors away from clients. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** For `ilike ? escape '\'`: the user's % and _ are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Keyset cursor over (name, id): both must be strings and the id a UUID, or it is INVALID_CURSOR. */
export function decodeNameIdCursor(after: string | null | undefined): [string, string] | null {
  const values = decodeCursor(after, 2);
  if (!values) return null;
  const [name, id] = values;
  if (typeof name !== 'string' || !isUuid(id)) throw new AppError('INVALID_CURSOR', {}, 'after');
  return [name, id];
}

/** Serialises changes to one agency's org tree or supervisor chains, for the length of the transaction. */
export async function lockScope(tx: EntityManager, scope: string): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [scope]);
}

export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e?.code ?? e?.cause?.code) === '23503';
}

/**
 * type-graphql validates with skipMissingProperties, so `null` slips past class-validator. For update
 * inputs where null would mean "clear" a field that cannot be empty, refuse it here instead.
 */
export function rejectNulls<T extends object>(input: T, fields: (keyof T & string)[]): void {
  for (const field of fields) {
    if (input[field] === null) throw new AppError('BAD_USER_INPUT', { reason: 'cannot be empty' }, field);
  }
}

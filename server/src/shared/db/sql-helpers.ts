import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from './kysely.js';

/** For `ilike ? escape '\'`: the user's % and _ are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Serialises changes to one scope (an agency's org tree, supervisor chains) for the length of the transaction. */
export async function lockScope(tx: { em: EntityManager }, scope: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${scope}, 0))`.execute(db(tx));
}

export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e?.code ?? e?.cause?.code) === '23503';
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { programmeColumns, programmesWithOwners, toProgramme } from './programme.sql.js';
import type { Programme } from './programme.types.js';

/** One programme with its owner, in one statement (the caller has checked the viewer may open it). */
export async function readProgramme(ctx: { em: EntityManager }, id: string): Promise<Programme | null> {
  const row = await programmesWithOwners(ctx)
    .select([...programmeColumns])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row ? toProgramme(row) : null;
}

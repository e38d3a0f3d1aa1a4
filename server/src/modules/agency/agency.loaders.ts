import { db } from '../../shared/db/kysely.js';
import { byKeys, defineLoader } from '../../shared/graphql/loaders.js';

/** Active people per agency, one GROUP BY for a whole page of agencies. */
export const activePersonCountByAgency = defineLoader<string, number>('agency.activePersonCount', async (em, ids) => {
  const rows = await db({ em }).selectFrom('person')
    .select((eb) => ['agency_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where('active', '=', true)
    .where('agency_id', 'in', ids)
    .groupBy('agency_id')
    .execute();
  return byKeys(ids, rows, (r) => r.agency_id!, (r) => r.n, 0);
});

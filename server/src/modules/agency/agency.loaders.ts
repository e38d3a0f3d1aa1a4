import { byKeys, defineLoader } from '../../shared/graphql/loaders.js';

/** Active people per agency, one GROUP BY for a whole page of agencies. */
export const activePersonCountByAgency = defineLoader<string, number>('agency.activePersonCount', async (em, ids) => {
  const rows = await em.execute<{ agency_id: string; n: number }[]>(
    `select agency_id, count(*)::int as n from person where active and agency_id in (?) group by agency_id`,
    [ids as string[]],
  );
  return byKeys(ids, rows, (r) => r.agency_id, (r) => r.n, 0);
});

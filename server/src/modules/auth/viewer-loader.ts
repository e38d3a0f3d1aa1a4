import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { Viewer, type RoleScope } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import { EmploymentType } from '../person/index.js';

/**
 * One statement per request (prepared: it runs on every request): the session, its person, their
 * grants and whether anyone reports to them. Expired sessions and deactivated people yield no viewer.
 * Takes the EntityManager, not a context: the context is built from what this returns.
 */
export async function loadViewer(em: EntityManager, tokenHash: string): Promise<Viewer | null> {
  const query = db({ em }).selectFrom('session as ss')
    .innerJoin('person as p', 'p.id', 'ss.person_id')
    .select((eb) => [
      'p.id as person_id', 'p.full_name', 'p.agency_id', 'p.partner_id', 'p.employment_type', 'p.locale',
      eb.exists(eb.selectFrom('person as s').select(eb.lit(1).as('one')).whereRef('s.supervisor_id', '=', 'p.id').where('s.active', '=', sql.lit(true)))
        .as('is_supervisor'),
      sql<RoleScope[] | null>`(select json_agg(json_build_object('role', g.role, 'agencyId', g.agency_id, 'partnerId', g.partner_id))
                                 from role_grant g where g.person_id = p.id)`.as('grants'),
    ])
    .where('ss.token_hash', '=', tokenHash)
    .where('ss.expires_at', '>', sql<Date>`now()`)
    .where('p.active', '=', sql.lit(true));
  const [row] = await preparedQuery(em, query);
  if (!row) return null;
  return new Viewer(
    row.person_id,
    row.full_name,
    row.agency_id,
    row.partner_id,
    (row.grants ?? []).map((g) => ({ role: g.role, agencyId: g.agencyId, partnerId: g.partnerId })),
    row.is_supervisor === true,
    row.employment_type !== EmploymentType.NON_ASN,
    row.locale === 'en' ? 'en' : 'id',
  );
}

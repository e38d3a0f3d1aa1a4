import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import type { Role } from '../../shared/auth/roles.js';
import { db } from '../../shared/db/kysely.js';
import { selectPeople, type PersonRow } from './person.read.js';
import type { RoleGrantNode } from './person.types.js';

/** People by id (supervisors of a page of people): one statement per page. */
export const personRowById = defineLoader<string, PersonRow | null>('person.rowById', async (em, ids) => {
  const rows = await selectPeople({ em }).where('p.id', 'in', ids).execute();
  return byKeys(ids, rows, (r) => r.id, (r) => r, null);
});

export interface GrantRow {
  id: string;
  person_id: string;
  role: Role;
  agency_id: string | null;
  agency_code: string | null;
  agency_name: string | null;
  partner_id: string | null;
  partner_code: string | null;
  partner_name: string | null;
  created_at: Date;
}

/** Grants with their agency's and partner's names; add the `where`. */
export function selectGrants(ctx: { em: EntityManager }) {
  return db(ctx).selectFrom('role_grant as g')
    .leftJoin('agency as a', 'a.id', 'g.agency_id')
    .leftJoin('partner_institution as pi', 'pi.id', 'g.partner_id')
    .select([
      'g.id', 'g.person_id', 'g.role', 'g.agency_id', 'a.code as agency_code', 'a.name as agency_name',
      'g.partner_id', 'pi.code as partner_code', 'pi.name as partner_name', 'g.created_at',
    ]);
}

export function toGrantNode(r: GrantRow): RoleGrantNode {
  return {
    id: r.id,
    personId: r.person_id,
    role: r.role,
    agency: r.agency_id ? { id: r.agency_id, code: r.agency_code!, name: r.agency_name! } : null,
    partner: r.partner_id ? { id: r.partner_id, code: r.partner_code!, name: r.partner_name! } : null,
    grantedAt: new Date(r.created_at),
  };
}

export const grantsByPerson = defineLoader<string, RoleGrantNode[]>('person.grants', async (em, ids) => {
  const rows = await selectGrants({ em }).where('g.person_id', 'in', ids).orderBy('g.created_at').orderBy('g.id').execute();
  return groupByKeys(ids, rows.map(toGrantNode), (g) => g.personId);
});

/** Active direct subordinates per person. */
export const subordinateCountByPerson = defineLoader<string, number>('person.subordinateCount', async (em, ids) => {
  const rows = await db({ em }).selectFrom('person')
    .select((eb) => ['supervisor_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where('active', '=', true)
    .where('supervisor_id', 'in', ids)
    .groupBy('supervisor_id')
    .execute();
  return byKeys(ids, rows, (r) => r.supervisor_id!, (r) => r.n, 0);
});

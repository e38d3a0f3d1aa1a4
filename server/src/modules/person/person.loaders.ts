import { byKeys, defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import type { Role } from '../../shared/auth/roles.js';
import { PERSON_SELECT, type PersonRow } from './person.read.js';
import type { RoleGrantNode } from './person.types.js';

/** People by id (supervisors of a page of people): one statement per page. */
export const personRowById = defineLoader<string, PersonRow | null>('person.rowById', async (em, ids) => {
  const rows = await em.execute<PersonRow[]>(`${PERSON_SELECT} where p.id in (?)`, [ids as string[]]);
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

export const GRANT_SELECT = `
  select g.id, g.person_id, g.role, g.agency_id, a.code as agency_code, a.name as agency_name,
         g.partner_id, pi.code as partner_code, pi.name as partner_name, g.created_at
    from role_grant g
    left join agency a on a.id = g.agency_id
    left join partner_institution pi on pi.id = g.partner_id`;

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
  const rows = await em.execute<GrantRow[]>(`${GRANT_SELECT} where g.person_id in (?) order by g.created_at, g.id`, [ids as string[]]);
  return groupByKeys(ids, rows.map(toGrantNode), (g) => g.personId);
});

/** Active direct subordinates per person. */
export const subordinateCountByPerson = defineLoader<string, number>('person.subordinateCount', async (em, ids) => {
  const rows = await em.execute<{ supervisor_id: string; n: number }[]>(
    `select supervisor_id, count(*)::int as n from person where active and supervisor_id in (?) group by supervisor_id`,
    [ids as string[]],
  );
  return byKeys(ids, rows, (r) => r.supervisor_id, (r) => r.n, 0);
});

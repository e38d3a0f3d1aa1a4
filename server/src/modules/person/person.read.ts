import type { OperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import type { EmploymentType } from './person.entity.js';
import { canSeeRoles } from './person.policy.js';
import type { PersonNode } from './person.types.js';

/** The columns a Person needs, with its agency, unit and partner names joined in: no hydration, no N+1. */
export interface PersonRow {
  id: string;
  full_name: string;
  nip: string | null;
  nidn: string | null;
  email: string | null;
  employment_type: EmploymentType;
  agency_id: string | null;
  agency_code: string | null;
  agency_name: string | null;
  org_unit_id: string | null;
  org_unit_name: string | null;
  partner_id: string | null;
  partner_code: string | null;
  partner_name: string | null;
  supervisor_id: string | null;
  position_title: string | null;
  rank: string | null;
  active: boolean;
}

/** People with their agency, unit and partner names joined in; add the `where`. */
export function selectPeople(ctx: Pick<OperationContext, 'em'>) {
  return db(ctx).selectFrom('person as p')
    .leftJoin('agency as a', 'a.id', 'p.agency_id')
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .leftJoin('partner_institution as pi', 'pi.id', 'p.partner_id')
    .select([
      'p.id', 'p.full_name', 'p.nip', 'p.nidn', 'p.email', 'p.employment_type',
      'p.agency_id', 'a.code as agency_code', 'a.name as agency_name',
      'p.org_unit_id', 'u.name as org_unit_name',
      'p.partner_id', 'pi.code as partner_code', 'pi.name as partner_name',
      'p.supervisor_id', 'p.position_title', 'p.rank', 'p.active',
    ]);
}

/** `lock`: inside a transaction, holds the person's row (not the joined ones) until commit. */
export async function findPersonRow(ctx: Pick<OperationContext, 'em'>, id: string, lock = false): Promise<PersonRow | null> {
  const row = await selectPeople(ctx).where('p.id', '=', id).$if(lock, (q) => q.forUpdate('p')).executeTakeFirst();
  return row ?? null;
}

/** Shapes a row for one viewer (the identity numbers are shown through `shownIdentity`, field by field). */
export function toPersonNode(row: PersonRow, viewer: Viewer): PersonNode {
  return {
    id: row.id,
    fullName: row.full_name,
    identity: { personId: row.id, agencyId: row.agency_id, supervisorId: row.supervisor_id, nip: row.nip, nidn: row.nidn },
    employmentType: row.employment_type,
    email: row.email,
    agency: row.agency_id ? { id: row.agency_id, code: row.agency_code!, name: row.agency_name! } : null,
    orgUnit: row.org_unit_id ? { id: row.org_unit_id, name: row.org_unit_name! } : null,
    partner: row.partner_id ? { id: row.partner_id, code: row.partner_code!, name: row.partner_name! } : null,
    positionTitle: row.position_title,
    rank: row.rank,
    active: row.active,
    supervisorId: row.supervisor_id,
    agencyId: row.agency_id,
    rolesVisible: canSeeRoles(viewer, row),
  };
}

import type { Viewer } from '../../shared/auth/viewer.js';
import { Role } from '../../shared/auth/roles.js';

/** What the person policies need to know about a person. */
export interface PersonScope {
  id: string;
  agency_id: string | null;
  partner_id: string | null;
  supervisor_id: string | null;
}

/** Admins of the person's agency; partner staff (no agency) are the platform admins' to manage. */
export function canAdministerPerson(viewer: Viewer, person: PersonScope): boolean {
  return person.agency_id ? viewer.administersAgency(person.agency_id) : viewer.isPlatformAdmin;
}

/** The person, their direct supervisor and their admins: they see the record (and the full NIP). */
export function canViewPerson(viewer: Viewer, person: PersonScope): boolean {
  return viewer.personId === person.id || viewer.personId === person.supervisor_id || viewer.isPlatformAdmin || canAdministerPerson(viewer, person);
}

/**
 * The circle entitled to a person's full NIP/NIDN: the person, their supervisor chain (direct supervisor
 * and up), their agency's admins and platform admins; everyone else sees it masked. `upperChain` is the
 * chain above the direct supervisor (see identity.ts, the one place that applies this). A partner's staff list
 * and invitations (partner module) show NIDNs in full because only that partner's admins and platform admins may
 * open them: the partner's admins are the circle of its staff, as an agency's admins are of its people.
 */
export function canSeeIdentityNumbers(viewer: Viewer, person: Omit<PersonScope, 'partner_id'>, upperChain: readonly string[]): boolean {
  return viewer.personId === person.id || viewer.personId === person.supervisor_id || viewer.isPlatformAdmin
    || viewer.administersAgency(person.agency_id) || upperChain.includes(viewer.personId);
}

/** Granted roles are shown to the person's admins and to the person. */
export function canSeeRoles(viewer: Viewer, person: PersonScope): boolean {
  return viewer.personId === person.id || canAdministerPerson(viewer, person);
}

/** Agency admins hand out these two roles within their own agency; platform admins anything. */
const AGENCY_ADMIN_GRANTABLE = new Set<Role>([Role.INSTRUCTOR, Role.AGENCY_ADMIN]);

export interface GrantScope {
  role: Role;
  agency_id: string | null;
  partner_id: string | null;
}

/** May the viewer grant or revoke `grant` for `person` (whom they already administer)? */
export function canManageGrant(viewer: Viewer, person: PersonScope, grant: GrantScope): boolean {
  if (viewer.isPlatformAdmin) return true;
  return AGENCY_ADMIN_GRANTABLE.has(grant.role) && !grant.partner_id && !!grant.agency_id
    && viewer.administersAgency(grant.agency_id) && person.agency_id === grant.agency_id;
}

/**
 * The rule of every change to a person (their record, unit, supervisor, password, roles, active flag,
 * or making them someone's supervisor): the viewer administers them, and every role they hold is one
 * the viewer could have granted them. Otherwise an agency admin could reset the password of a platform
 * admin on their staff and sign in as them. Derived roles (learner, supervisor) are never grants.
 */
export function canChangePerson(viewer: Viewer, person: PersonScope, grants: readonly GrantScope[]): boolean {
  return canAdministerPerson(viewer, person) && grants.every((grant) => canManageGrant(viewer, person, grant));
}

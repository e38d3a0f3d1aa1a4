import { Role } from '../../shared/auth/roles.js';
import type { Viewer } from '../../shared/auth/viewer.js';

/**
 * Tier 2 of partner authorization (tier 1 is each operation's `@Authorized`). A partner institution's staff,
 * invitations and profile belong to its partner admins and to platform admins; to anyone else they do not exist
 * (the services answer NOT_FOUND), so a partner admin learns nothing of other partners.
 */
export function administersPartner(viewer: Viewer, partnerId: string | null | undefined): boolean {
  if (!partnerId) return false;
  return viewer.isPlatformAdmin || viewer.grants.some((g) => g.role === Role.PARTNER_ADMIN && g.partnerId === partnerId);
}

/** Code and kind say what the institution is, which the platform decides; its admins keep the rest current. */
export function mayChangeIdentityOfPartner(viewer: Viewer): boolean {
  return viewer.isPlatformAdmin;
}

/** Partner admins invite instructors; making someone a partner admin is the platform admins' decision. */
export function mayInviteAs(viewer: Viewer, partnerId: string, role: Role): boolean {
  if (role === Role.PARTNER_ADMIN) return viewer.isPlatformAdmin;
  return role === Role.INSTRUCTOR && administersPartner(viewer, partnerId);
}

export interface StaffScope {
  partner_id: string;
  grants: readonly { role: Role; partner_id: string | null; agency_id: string | null }[];
}

/**
 * Editing or deactivating a staff member: a partner admin changes only people whose every role is one they
 * could hand out themselves (an instructor of their institution), so never another admin or themselves.
 */
export function mayChangeStaff(viewer: Viewer, staff: StaffScope): boolean {
  if (viewer.isPlatformAdmin) return true;
  return administersPartner(viewer, staff.partner_id)
    && staff.grants.every((g) => g.role === Role.INSTRUCTOR && g.partner_id === staff.partner_id && !g.agency_id);
}

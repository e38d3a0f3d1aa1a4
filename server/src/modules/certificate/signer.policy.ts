import { Role } from '../../shared/auth/roles.js';
import type { Viewer } from '../../shared/auth/viewer.js';

/** Whose signers: an agency's or a partner institution's (exactly one). */
export interface SignerOwner {
  agencyId: string | null;
  partnerId: string | null;
}

/**
 * An agency's signers belong to its admins, a partner's to its partner admins, and both to platform admins; to
 * anyone else they do not exist (NOT_FOUND), as an agency's or partner's other settings.
 */
export function mayManageSigners(viewer: Viewer, owner: SignerOwner): boolean {
  if (owner.agencyId) return viewer.administersAgency(owner.agencyId);
  if (owner.partnerId) {
    return viewer.isPlatformAdmin || viewer.grants.some((g) => g.role === Role.PARTNER_ADMIN && g.partnerId === owner.partnerId);
  }
  return false;
}

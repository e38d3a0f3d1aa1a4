import type { Viewer } from '../../shared/auth/viewer.js';
import { Role } from '../../shared/auth/roles.js';

/** Who runs an agency's certificates (their PDFs, their logo): its admins and platform admins. */
export function mayManageCertificatesOf(viewer: Viewer, agencyId: string): boolean {
  return viewer.administersAgency(agencyId);
}

/** Who sets a partner institution's logo: its own admins and platform admins. */
export function mayManagePartnerLogo(viewer: Viewer, partnerId: string): boolean {
  return viewer.isPlatformAdmin || viewer.grants.some((g) => g.role === Role.PARTNER_ADMIN && g.partnerId === partnerId);
}

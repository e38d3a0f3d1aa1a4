import type { Viewer } from '../../shared/auth/viewer.js';

/** What the policies need about a certificate. */
export interface CertificateAccess {
  personId: string;
  issuingAgencyId: string;
}

/**
 * Who may read a certificate through the API (with the NIP in full): its holder, the admins of the agency that
 * issued it (their serial, their signature), and platform admins. Everyone else reads the public verification page,
 * which masks the NIP; the API answers them NOT_FOUND.
 */
export function canSeeCertificate(viewer: Viewer, c: CertificateAccess): boolean {
  return c.personId === viewer.personId || viewer.isPlatformAdmin || viewer.adminAgencyIds.includes(c.issuingAgencyId);
}

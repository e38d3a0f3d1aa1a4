import type { Viewer } from '../../shared/auth/viewer.js';
import { canManageGrant, type GrantScope } from '../person/index.js';

/** The holder of a certificate as they are now, with their role grants (what makes the certificate sensitive). */
export interface CertificateHolder {
  person_id: string;
  agency_id: string | null;
  partner_id: string | null;
  supervisor_id: string | null;
  grants: readonly GrantScope[];
}

/**
 * Who may revoke or re-issue a certificate. A platform admin: any. An admin of the issuing agency (whose serial and
 * signature it carries): only a certificate of a person holding no role beyond what that admin could grant them — the
 * rule of learning-hours.policy.ts mayRevokeLine (issue 5): an agency admin never acts on a certificate of a platform
 * admin, or of an admin of another agency, even one who learned in theirs.
 */
export function mayManageCertificate(viewer: Viewer, certificate: { issuingAgencyId: string }, holder: CertificateHolder): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (!viewer.adminAgencyIds.includes(certificate.issuingAgencyId)) return false;
  const scope = { id: holder.person_id, agency_id: holder.agency_id, partner_id: holder.partner_id, supervisor_id: holder.supervisor_id };
  return holder.grants.every((grant) => canManageGrant(viewer, scope, grant));
}

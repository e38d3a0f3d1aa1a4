import { Role } from '../../shared/auth/roles.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';

/** The parties of an agreement, as policies need them. */
export interface AgreementParties {
  partnerId: string;
  agencyIds: readonly string[];
}

/** Partners the viewer administers. */
export function adminPartnerIds(viewer: Viewer): string[] {
  return viewer.grants.filter((g) => g.role === Role.PARTNER_ADMIN && g.partnerId).map((g) => g.partnerId!);
}

/**
 * Who sees an agreement (and downloads its document): the parties' admins (the partner's admins, the admins of
 * any of its agencies) and platform admins. Everyone else is told it does not exist.
 */
export function canSeeAgreement(viewer: Viewer, a: AgreementParties): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (adminPartnerIds(viewer).includes(a.partnerId)) return true;
  return a.agencyIds.some((id) => viewer.adminAgencyIds.includes(id));
}

/**
 * Who changes one: the agency side, which assigns instructors under it (an admin of one of its agencies), and
 * platform admins. Partner admins read their partner's agreements but do not write them: an agreement is what
 * lets the partner's staff teach an agency's runs, so the agency records it.
 */
export function canEditAgreement(viewer: Viewer, a: AgreementParties): boolean {
  return viewer.isPlatformAdmin || a.agencyIds.some((id) => viewer.adminAgencyIds.includes(id));
}

/** Who may create agreements or upload documents at all. */
export function mayWriteAgreements(viewer: Viewer): boolean {
  return viewer.isPlatformAdmin || viewer.adminAgencyIds.length > 0;
}

/**
 * An agency admin adds or removes only agencies they administer: the other agencies of a shared agreement stay
 * as they are. FORBIDDEN otherwise (the viewer may see the agreement, not change another agency's side).
 */
export function assertMayChangeAgencies(viewer: Viewer, before: readonly string[], after: readonly string[]): void {
  if (viewer.isPlatformAdmin) return;
  const changed = [...after.filter((id) => !before.includes(id)), ...before.filter((id) => !after.includes(id))];
  if (changed.some((id) => !viewer.adminAgencyIds.includes(id))) throw new AppError('FORBIDDEN');
}

export function assertCanSeeAgreement(viewer: Viewer, a: AgreementParties | null): asserts a is AgreementParties {
  if (!a || !canSeeAgreement(viewer, a)) throw new AppError('NOT_FOUND', { what: 'agreement' });
}

export function assertCanEditAgreement(viewer: Viewer, a: AgreementParties | null): asserts a is AgreementParties {
  assertCanSeeAgreement(viewer, a);
  if (!canEditAgreement(viewer, a)) throw new AppError('FORBIDDEN');
}

import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { db } from '../../shared/db/kysely.js';

/** Agencies themselves (create, rename, deactivate) belong to the platform operator. */
export function canManageAgencies(viewer: Viewer): boolean {
  return viewer.isPlatformAdmin;
}

/** Inactive agencies are hidden from everyone but platform admins and the agency's own admins. */
export function canSeeAgency(viewer: Viewer, agency: { id: string; active: boolean }): boolean {
  return agency.active || viewer.administersAgency(agency.id);
}

/**
 * The gate for an agency's people and units. Unknown agency: NOT_FOUND. An agency the viewer can see
 * (any active one) but does not administer: FORBIDDEN. One statement at most.
 */
export async function assertAdministersAgency(ctx: SignedInOperationContext, agencyId: string): Promise<void> {
  const { viewer } = ctx;
  if (!isUuid(agencyId)) throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyId');
  // An AGENCY_ADMIN grant references an existing agency (foreign key): no query needed.
  if (viewer.adminAgencyIds.includes(agencyId)) return;
  const row = await db(ctx).selectFrom('agency').select(['id', 'active']).where('id', '=', agencyId).executeTakeFirst();
  if (!row || !canSeeAgency(viewer, row)) throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyId');
  if (!viewer.administersAgency(agencyId)) throw new AppError('FORBIDDEN');
}

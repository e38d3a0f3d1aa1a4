import { partnerResolvers } from '../partner/index.js';
import { AgencyResolver, OrgUnitResolver } from './agency.resolver.js';

export { Agency, AgencyKind, OrgUnit } from './agency.entity.js';
export { AGENCY_TIME_ZONES } from './agency.inputs.js';
export { assertAdministersAgency, canSeeAgency } from './agency.policy.js';
export { AgencyNode, OrgUnitNode } from './agency.types.js';
export { decodeNameIdCursor, escapeLike, isForeignKeyViolation, isUuid, lockScope, rejectNulls } from './list-helpers.js';
export { writeAudit } from './write-audit.js';
/** Agencies, org units, and partner institutions (the partner module's resolvers ride along here). */
export const agencyResolvers = [AgencyResolver, OrgUnitResolver, ...partnerResolvers] as const;

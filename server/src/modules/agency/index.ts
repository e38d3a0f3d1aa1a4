import { AgencyResolver, OrgUnitResolver } from './agency.resolver.js';

export { Agency, AgencyKind, OrgUnit } from './agency.entity.js';
export { AGENCY_TIME_ZONES } from './agency.inputs.js';
export { assertAdministersAgency, canSeeAgency } from './agency.policy.js';
export { AgencyNode, OrgUnitNode } from './agency.types.js';
export const agencyResolvers = [AgencyResolver, OrgUnitResolver] as const;

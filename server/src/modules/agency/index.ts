import { AgencyResolver, OrgUnitResolver } from './agency.resolver.js';

export { Agency, AgencyKind, OrgUnit } from './agency.entity.js';
export { assertAdministersAgency } from './agency.policy.js';
export const agencyResolvers = [AgencyResolver, OrgUnitResolver] as const;

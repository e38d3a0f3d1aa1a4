import { PartnerResolver } from './partner.resolver.js';

export { PartnerInstitution, PartnerKind } from './partner.entity.js';
export { PartnerNode } from './partner.types.js';
/** Registered through the agency module's `agencyResolvers` (app/resolvers.ts imports that list). */
export const partnerResolvers = [PartnerResolver] as const;

import { PartnerResolver } from './partner.resolver.js';

export { PartnerInstitution, PartnerKind } from './partner.entity.js';
export { PartnerNode } from './partner.types.js';
export const partnerResolvers = [PartnerResolver] as const;

import { PartnerResolver } from './partner.resolver.js';

export { PartnerInstitution, PartnerKind } from './partner.entity.js';
export const partnerResolvers = [PartnerResolver] as const;

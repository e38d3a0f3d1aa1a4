import { PartnerResolver } from './partner.resolver.js';
import { PartnerStaffResolver } from './staff.resolver.js';

export { PartnerInstitution, PartnerKind } from './partner.entity.js';
export { composePartnerInvitationMail } from './invitation.service.js';
export const partnerResolvers = [PartnerResolver, PartnerStaffResolver] as const;

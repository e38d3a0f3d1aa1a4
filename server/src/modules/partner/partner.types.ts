import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../shared/auth/roles.js';
import { PageOf } from '../../shared/graphql/pagination.js';
import { PartnerKind } from './partner.entity.js';

@ObjectType('PartnerInstitution', { description: 'Mitra: a university or training institution whose staff teach for agencies' })
export class PartnerNode {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnerKind) kind!: PartnerKind;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) contactEmail!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
}

export const PartnerInstitutionPage = PageOf(PartnerNode, 'PartnerInstitutionPage');

@ObjectType('PartnerStaff', { description: 'A person on the staff of a partner institution, with their roles there' })
export class PartnerStaffNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Nomor Induk Dosen Nasional (10 digits)' }) nidn!: string | null;
  @Field(() => String, { nullable: true }) positionTitle!: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => [Role], { description: 'INSTRUCTOR and/or PARTNER_ADMIN of this institution' }) roles!: Role[];
}

export const PartnerStaffPage = PageOf(PartnerStaffNode, 'PartnerStaffPage');

export enum PartnerInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(PartnerInvitationStatus, { name: 'PartnerInvitationStatus' });

@ObjectType('PartnerInvitation', { description: 'An invitation by e-mail to join a partner institution’s staff' })
export class PartnerInvitationNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => String) email!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) nidn!: string | null;
  @Field(() => Role) role!: Role;
  @Field(() => PartnerInvitationStatus) status!: PartnerInvitationStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => String, { nullable: true }) invitedByName!: string | null;
}

export const PartnerInvitationPage = PageOf(PartnerInvitationNode, 'PartnerInvitationPage');

@ObjectType('PartnerInvitationPreview', { description: 'What the invitation page shows before the invitee sets a password' })
export class PartnerInvitationPreview {
  @Field(() => String) email!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String) partnerName!: string;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType('AcceptedPartnerInvitation')
export class AcceptedPartnerInvitation {
  @Field(() => String, { description: 'The e-mail to sign in with' }) email!: string;
}

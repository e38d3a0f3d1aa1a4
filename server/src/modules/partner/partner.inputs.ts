import { IsOptional, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MIN_PASSWORD } from '../../shared/auth/password-rules.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { PartnerKind } from './partner.entity.js';
import { PartnerInvitationStatus } from './partner.types.js';

/** Same shape as agency codes: letters, digits, dashes, 2–32 (upper-cased when saved). */
const PARTNER_CODE = /^[A-Za-z0-9-]{2,32}$/;
const NOT_BLANK = /\S/;
/** A plausible address: one @, a dot in the domain, no spaces (the same test as the reset request's). */
const EMAIL = /^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/;
/** Nomor Induk Dosen Nasional: exactly ten digits. */
const NIDN = /^\d{10}$/;
/** http(s) only: the site is shown as a link. */
const WEBSITE = /^https?:\/\/[^\s]+$/i;
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

@InputType()
export class CreatePartnerInstitutionInput {
  @Field(() => String, { description: 'e.g. UI, ITB, UNDIP: letters, digits and dashes, 2–32' })
  @Matches(PARTNER_CODE)
  code!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address' })
  @IsOptional()
  @Matches(WEBSITE)
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(EMAIL)
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE)
  contactPhone?: string | null;
}

/** Only the fields given change; `city: null` clears the city. Partner admins change all but code and kind. */
@InputType()
export class UpdatePartnerInstitutionInput {
  @Field(() => String, { nullable: true })
  @Matches(PARTNER_CODE)
  code?: string;

  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name?: string;

  @Field(() => PartnerKind, { nullable: true })
  kind?: PartnerKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address' })
  @IsOptional()
  @Matches(WEBSITE)
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(EMAIL)
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE)
  contactPhone?: string | null;
}

@ArgsType()
export class PartnerInstitutionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the code' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType()
export class InvitePartnerStaffInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  @Matches(EMAIL)
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'As the inviter knows it; the invitee may correct it' })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Exactly 10 digits' })
  @IsOptional()
  @Matches(NIDN)
  nidn?: string | null;

  @Field(() => Role, { defaultValue: Role.INSTRUCTOR, description: 'INSTRUCTOR, or PARTNER_ADMIN (platform admins only)' })
  role: Role = Role.INSTRUCTOR;
}

/** Only the fields given change; `nidn: null` clears it. */
@InputType()
export class UpdatePartnerStaffInput {
  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  fullName?: string;

  @Field(() => String, { nullable: true, description: 'Exactly 10 digits; null clears it' })
  @IsOptional()
  @Matches(NIDN)
  nidn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  positionTitle?: string | null;
}

@InputType()
export class AcceptPartnerInvitationInput {
  @Field(() => String, { description: 'The token from the link in the invitation e-mail' })
  @Length(1, 200)
  token!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  fullName!: string;

  @Field(() => String, { description: 'At least 8 characters' })
  @MinLength(MIN_PASSWORD)
  @MaxLength(200)
  password!: string;
}

@ArgsType()
export class PartnerStaffArgs extends PageArgs {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the e-mail or NIDN' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class PartnerInvitationsArgs extends PageArgs {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => PartnerInvitationStatus, { nullable: true })
  status?: PartnerInvitationStatus | null;
}

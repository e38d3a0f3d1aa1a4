import { IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MIN_PASSWORD } from '../../shared/auth/password-rules.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { EmploymentType } from './person.entity.js';

const NOT_BLANK = /\S/;
const NIDN = /^\d{10}$/;

@InputType()
export class CreatePersonInput {
  @Field(() => ID, { nullable: true, description: 'The agency of a civil servant; exactly one of agencyId and partnerId' })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner institution of partner staff (platform admins only)' })
  partnerId?: string | null;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Required for PNS and PPPK; spaces and dots are ignored' })
  @IsOptional()
  @MaxLength(40)
  nip?: string | null;

  @Field(() => String, { nullable: true, description: 'Lecturers’ national number, 10 digits' })
  @IsOptional()
  @Matches(NIDN)
  nidn?: string | null;

  @Field(() => EmploymentType)
  employmentType!: EmploymentType;

  @Field(() => String, { nullable: true, description: 'Required for non-ASN staff (their sign-in); stored lower-case' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Atasan langsung: an active person of the same agency' })
  supervisorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Jabatan' })
  @IsOptional()
  @MaxLength(200)
  positionTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'PNS: golongan/ruang I/a–IV/e; PPPK: grade I–XVII' })
  @IsOptional()
  @MaxLength(8)
  rank?: string | null;

  @Field(() => String, { description: 'At least 8 characters' })
  @MinLength(MIN_PASSWORD)
  @MaxLength(200)
  initialPassword!: string;
}

/** Only the fields given change; `null` clears an optional field. */
@InputType()
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  nip?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NIDN)
  nidn?: string | null;

  @Field(() => EmploymentType, { nullable: true })
  employmentType?: EmploymentType | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  supervisorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  positionTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8)
  rank?: string | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'The agency whose people to list; exactly one of agencyId and partnerId' })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A partner institution’s staff (platform admins)' })
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (typos tolerated), the start of a NIP, or of an e-mail' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'People in this unit or any of its sub-units' })
  orgUnitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => Role, { nullable: true, description: 'Holders of a granted role; LEARNER = ASN, SUPERVISOR = has active subordinates' })
  role?: Role | null;
}

@ArgsType()
export class ResetPersonPasswordArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'At least 8 characters' })
  @MinLength(MIN_PASSWORD)
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Role, { description: 'AGENCY_ADMIN, INSTRUCTOR, PARTNER_ADMIN or PLATFORM_ADMIN (the others are derived)' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Scope of AGENCY_ADMIN, or of an agency INSTRUCTOR' })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Scope of PARTNER_ADMIN, or of a partner INSTRUCTOR' })
  partnerId?: string | null;
}

import { IsOptional, Matches, MaxLength, ValidateBy } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { AgencyKind } from './agency.entity.js';

/** WIB, WITA, WIT: the only zones an Indonesian agency schedules in. */
const AGENCY_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

function IsAgencyTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && (AGENCY_TIME_ZONES as readonly string[]).includes(value),
      defaultMessage: () => `timeZone must be one of ${AGENCY_TIME_ZONES.join(', ')}`,
    },
  });
}

/** Uppercase letters, digits and dashes; lowercase input is accepted and upper-cased by the service. */
const AGENCY_CODE = /^[A-Za-z0-9-]{2,32}$/;
/** At least one visible character. */
const NOT_BLANK = /\S/;

@InputType()
export class CreateAgencyInput {
  @Field(() => String, { description: 'e.g. PEMKOT-BDG: letters, digits and dashes, 2–32' })
  @Matches(AGENCY_CODE)
  code!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => String, { defaultValue: 'Asia/Jakarta', description: 'Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)' })
  @IsAgencyTimeZone()
  timeZone: string = 'Asia/Jakarta';
}

/** Only the fields given change. */
@InputType()
export class UpdateAgencyInput {
  @Field(() => String, { nullable: true })
  @Matches(AGENCY_CODE)
  code?: string;

  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name?: string;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true })
  @IsAgencyTimeZone()
  timeZone?: string;
}

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the code' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Platform admins may list inactive agencies; everyone else sees active ones only' })
  active?: boolean | null;
}

@InputType()
export class CreateOrgUnitInput {
  @Field(() => ID)
  agencyId!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Empty for a top-level unit' })
  parentId?: string | null;
}

@ArgsType()
export class RenameOrgUnitArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name!: string;
}

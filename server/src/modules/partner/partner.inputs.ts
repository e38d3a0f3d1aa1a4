import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { PartnerKind } from './partner.entity.js';

/** Same shape as agency codes: letters, digits, dashes, 2–32 (upper-cased when saved). */
const PARTNER_CODE = /^[A-Za-z0-9-]{2,32}$/;
const NOT_BLANK = /\S/;

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
}

/** Only the fields given change; `city: null` clears the city. */
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
}

@ArgsType()
export class PartnerInstitutionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the code' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

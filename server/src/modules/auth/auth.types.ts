import { Length, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../shared/auth/roles.js';
import { MIN_PASSWORD } from '../../shared/auth/password-rules.js';
import { IsIndonesianTimeZone } from '../../shared/util/time-zones.js';

@InputType()
export class SignInInput {
  /** NIP for civil servants, e-mail for partner staff. */
  @Field(() => String)
  @Length(3, 254)
  login!: string;

  @Field(() => String)
  @Length(1, 200)
  password!: string;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field(() => String, { description: 'The password in use now' })
  @Length(1, 200)
  currentPassword!: string;

  @Field(() => String, { description: 'At least 8 characters' })
  @MinLength(MIN_PASSWORD)
  @MaxLength(200)
  newPassword!: string;
}

/** The signed-in person, as they see themselves. */
@ObjectType()
export class Me {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) nip!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => ID, { nullable: true }) partnerId!: string | null;
  @Field(() => String, { nullable: true }) partnerName!: string | null;
  @Field(() => String, { nullable: true }) supervisorName!: string | null;
  @Field(() => String, { nullable: true }) positionTitle!: string | null;
  @Field(() => [ID], { description: 'Agencies this person administers' }) adminAgencyIds!: string[];
  @Field(() => String) locale!: string;
  @Field(() => String) timeZone!: string;
}

@ObjectType()
export class SignInResult {
  @Field(() => Me) me!: Me;
}

@ArgsType()
export class SetMyTimeZoneArgs {
  @Field(() => String, { description: 'Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)' })
  @IsIndonesianTimeZone()
  timeZone!: string;
}

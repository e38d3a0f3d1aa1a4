import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsIndonesianTimeZone } from '../../shared/util/time-zones.js';

/**
 * Where a workshop meets, for a session and for a recurring series alike (one set of fields, one link rule:
 * shared/util/links.ts): a room and an address, or an online link, or both.
 */
@InputType('WorkshopPlaceFieldsBase')
export class WorkshopPlaceFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  room?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'An https:// link; shown only to seat holders and who runs the workshop' })
  @IsOptional()
  @MaxLength(500)
  onlineUrl?: string | null;
}

/** Fields of a session; on update a field left out keeps its value (null clears an optional one). */
@InputType('RunSessionFieldsBase')
class RunSessionFields extends WorkshopPlaceFields {
  @Field(() => String, { nullable: true, description: "The venue's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT); on adding, the run's zone when left out" })
  @IsOptional()
  @IsIndonesianTimeZone()
  timeZone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

}

@InputType()
export class AddRunSessionInput extends RunSessionFields {
  @Field(() => ID)
  @IsUUID('all')
  runId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;
}

@InputType()
export class UpdateRunSessionInput extends RunSessionFields {
  @Field(() => Date, { nullable: true, description: 'A new start moves the session (its registrants are told)' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;
}

@InputType()
export class AddRunMaterialLinkInput {
  @Field(() => ID)
  @IsUUID('all')
  runId!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: 'An https:// link' })
  @Length(1, 1000)
  url!: string;
}

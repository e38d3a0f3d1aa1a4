import { ArrayMaxSize, ArrayMinSize, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';

/** A CSV of up to 2,000 NIPs (18 digits and a line break each) fits comfortably. */
const MAX_CSV_LENGTH = 100_000;
/** Nominations one by one are picked from a paged list: a hundred at a time is plenty. */
const MAX_NOMINEES = 100;

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID) cohortId!: string;
}

@ArgsType()
export class NominateParticipantsArgs {
  @Field(() => ID) cohortId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NOMINEES)
  @IsUUID('all', { each: true })
  personIds!: string[];
}

@ArgsType()
export class NominationCsvArgs {
  @Field(() => ID) cohortId!: string;

  @Field(() => String, { description: 'CSV text: one NIP per line, or a column headed "NIP"' })
  @MinLength(1)
  @MaxLength(MAX_CSV_LENGTH)
  csv!: string;
}

@ArgsType()
export class ParticipantIdArgs {
  @Field(() => ID) id!: string;
}

@ArgsType()
export class WithdrawParticipantArgs {
  @Field(() => ID) id!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  reason?: string | null;
}

@ArgsType()
export class RejectApplicationArgs {
  @Field(() => ID) id!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class ReplaceParticipantArgs {
  @Field(() => ID) participantId!: string;

  @Field(() => ID)
  @IsUUID('all')
  personId!: string;
}

@ArgsType()
export class ReleaseSeatsArgs {
  @Field(() => ID) cohortId!: string;
  @Field(() => ID) agencyId!: string;

  @Field(() => Int)
  @Min(1)
  @Max(100_000)
  seats!: number;
}

@ArgsType()
export class CohortParticipantsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name, or the start of a NIP' })
  @MaxLength(100)
  search?: string | null;
}

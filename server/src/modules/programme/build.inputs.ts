import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { ProgrammeCompletionRule, ProgrammeStatus } from './programme.entity.js';

/** A path holds at most this many items, and a programme this many cohorts (its loaders read them unpaged). */
export const MAX_ITEMS = 40;
export const MAX_COHORTS = 60;

@InputType()
export class CreateProgrammeInput {
  @Field(() => String, { description: 'Unique across the platform (stored upper-case), e.g. PKP-2027' })
  @Length(1, 40)
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who it is for (sasaran peserta)' })
  @IsOptional()
  @MaxLength(1000)
  audience?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  competencyTags?: string[] | null;

  @Field(() => ProgrammeCompletionRule, { nullable: true, description: 'ALL_REQUIRED when left out; GROUPS needs groups on the path' })
  @IsOptional()
  completionRule?: ProgrammeCompletionRule | null;

  @Field(() => ID, { nullable: true, description: 'An agency the viewer administers (left out: their one agency or partner)' })
  @IsOptional()
  @IsUUID('all')
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A partner the viewer administers' })
  @IsOptional()
  @IsUUID('all')
  ownerPartnerId?: string | null;
}

/** A field left out keeps its value. */
@InputType()
export class UpdateProgrammeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  code?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  audience?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  competencyTags?: string[] | null;
}

@InputType({ description: 'A group of electives on the path; items name it by its key' })
export class ProgrammeGroupInput {
  @Field(() => String, { description: 'Any label unique within this input (items refer to it); not stored' })
  @Length(1, 40)
  key!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => Int, { description: 'At least this many of its items complete the group' })
  @Min(1)
  @Max(MAX_ITEMS)
  minCompleted!: number;
}

@InputType({ description: 'One step of the path, in the order given' })
export class ProgrammeItemInput {
  @Field(() => ID, { description: 'A course or workshop the owner may use (published and visible to the owner, or its own)' })
  @IsUUID('all')
  courseId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Ignored for an item in a group (an elective)' })
  required: boolean = true;

  @Field(() => String, { nullable: true, description: 'The key of its group of electives' })
  @IsOptional()
  @Length(1, 40)
  groupKey?: string | null;
}

@InputType({ description: 'The whole path at once: items in order, groups of electives, completion rule' })
export class SetProgrammePathInput {
  @Field(() => ProgrammeCompletionRule)
  completionRule!: ProgrammeCompletionRule;

  @Field(() => [ProgrammeGroupInput], { nullable: true, description: 'Groups of electives (completion rule GROUPS only)' })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  groups?: ProgrammeGroupInput[] | null;

  @Field(() => [ProgrammeItemInput])
  @ArrayMaxSize(MAX_ITEMS)
  items!: ProgrammeItemInput[];
}

@ArgsType()
export class ManagedProgrammesArgs extends PageArgs {
  @Field(() => ProgrammeStatus, { nullable: true })
  @IsOptional()
  status?: ProgrammeStatus | null;

  @Field(() => String, { nullable: true, description: 'Words of the title' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class ProgrammeCourseChoicesArgs {
  @Field(() => ID)
  @IsUUID('all')
  programmeId!: string;

  @Field(() => String, { nullable: true, description: 'Words of the title or the code' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(50)
  first: number = 20;
}

@InputType({ description: 'The run of one item for the cohort: link an existing run, or create one (dates within the cohort; the cohort’s by default)' })
export class CohortItemRunInput {
  @Field(() => ID)
  @IsUUID('all')
  itemId!: string;

  @Field(() => ID, { nullable: true, description: 'An existing run of the item’s course, held by no other cohort' })
  @IsOptional()
  @IsUUID('all')
  runId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Instructors (gated by cooperation agreements as for any run)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  instructorIds?: string[] | null;
}

/** Fields of a cohort; on update, a field left out keeps its value. */
@InputType('ProgrammeCohortFieldsBase')
class CohortFields {
  @Field(() => Date, { nullable: true, description: 'Last moment to nominate or apply; null = until the cohort starts' })
  @IsOptional()
  nominationClosesAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last moment to release unused seats (not after nominations close); null = until nominations close' })
  @IsOptional()
  releaseDeadline?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Rupiah per participant' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000_000)
  costPerParticipant?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  selfApply?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  offersSeats?: boolean | null;

  @Field(() => [CohortItemRunInput], { nullable: true, description: 'Per item: link a run, or the created run’s dates and instructors (items left out get a run on the cohort’s dates)' })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  items?: CohortItemRunInput[] | null;
}

@InputType()
export class CreateProgrammeCohortInput extends CohortFields {
  @Field(() => ID)
  @IsUUID('all')
  programmeId!: string;

  @Field(() => String, { description: 'e.g. 2027-I, unique within the programme (stored upper-case)' })
  @Length(1, 40)
  code!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Int, { description: 'Seats in all' })
  @Min(1)
  @Max(100_000)
  capacity!: number;
}

@InputType()
export class UpdateProgrammeCohortInput extends CohortFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  code?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;
}

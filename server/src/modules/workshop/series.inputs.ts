import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { IsIndonesianTimeZone } from '../../shared/util/time-zones.js';
import { EnrolmentPolicy } from '../course/index.js';
import { WorkshopPlaceFields } from './session.inputs.js';

/** What a series is and what each occurrence copies; on update, a field left out keeps its value. */
@InputType('RunSeriesFieldsBase')
class RunSeriesFields extends WorkshopPlaceFields {
  @Field(() => String, { nullable: true, description: "The occurrences' session title (e.g. the forum's name); optional" })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'RRULE without DTSTART/UNTIL/COUNT, FREQ WEEKLY or MONTHLY, e.g. FREQ=MONTHLY;BYDAY=+1TU' })
  @IsOptional()
  @Length(1, 200)
  rrule?: string | null;

  @Field(() => String, { nullable: true, description: 'First local day the rule counts from, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Local start time in the series zone, HH:MM (24 h)' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  startTime?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of each occurrence in minutes (15 to 1440)' })
  @IsOptional()
  @Min(15)
  @Max(1440)
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: "The venue's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)" })
  @IsOptional()
  @IsIndonesianTimeZone()
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'Last local day an occurrence may fall on (YYYY-MM-DD); give this or occurrenceCount (at most 24 months)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  untilOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many occurrences (1 to 60); give this or untilOn' })
  @IsOptional()
  @Min(1)
  @Max(60)
  occurrenceCount?: number | null;

  @Field(() => String, { nullable: true, description: 'Run code of each occurrence: {YYYY} {MM} {DD} of its date, {N} its number; default {YYYY}-{MM}-{DD}' })
  @IsOptional()
  @Length(1, 40)
  codePattern?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats per occurrence; null = unlimited' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => EnrolmentPolicy, { nullable: true })
  @IsOptional()
  enrolmentPolicy?: EnrolmentPolicy | null;

  @Field(() => [ID], { nullable: true, description: 'Instructors of every occurrence (partner staff only under an agreement in force on its date)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  instructorIds?: string[] | null;
}

@InputType()
export class CreateRunSeriesInput extends RunSeriesFields {
  @Field(() => ID, { description: 'A workshop (course of kind WORKSHOP) the viewer manages' })
  @IsUUID('all')
  courseId!: string;
}

@InputType()
export class UpdateRunSeriesInput extends RunSeriesFields {
  @Field(() => String, { nullable: true, description: 'Told to the registrants of future occurrences the change cancels' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class SeriesOccurrencesArgs extends PageArgs {}

@ArgsType()
export class RunSeriesOfCourseArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all')
  courseId!: string;
}

import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { IsIndonesianTimeZone } from '../../shared/util/time-zones.js';
import { CourseStatus, EnrolmentPolicy } from '../course/index.js';
import { CourseRunStatus } from './run.entity.js';

/** Fields of a run; on update, a field left out keeps its value. */
@InputType('CourseRunFieldsBase')
class CourseRunFields {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Enrolment deadline; null = open until the run ends' })
  @IsOptional()
  enrolmentClosesAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => String, { nullable: true, description: "The venue's zone: Asia/Jakarta (WIB, the default), Asia/Makassar (WITA) or Asia/Jayapura (WIT)" })
  @IsOptional()
  @IsIndonesianTimeZone()
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'An https:// link (a meeting link carries its passcode: never plain http)' })
  @IsOptional()
  @MaxLength(500)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats; null = unlimited' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => [ID], { nullable: true, description: 'People holding the instructor role' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  instructorIds?: string[] | null;
}

@InputType()
export class CreateCourseRunInput extends CourseRunFields {
  @Field(() => ID)
  @IsUUID('all')
  courseId!: string;

  @Field(() => String, { description: 'Angkatan/batch code, unique within the course (stored upper-case), e.g. 2026-1' })
  @Length(1, 40)
  code!: string;

  @Field(() => EnrolmentPolicy)
  enrolmentPolicy!: EnrolmentPolicy;
}

@InputType()
export class UpdateCourseRunInput extends CourseRunFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  code?: string | null;

  @Field(() => EnrolmentPolicy, { nullable: true })
  @IsOptional()
  enrolmentPolicy?: EnrolmentPolicy | null;
}

@ArgsType()
export class CourseRunsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also runs that have ended or were cancelled (hidden by default)' })
  includeEnded: boolean = false;
}

@ArgsType()
export class TeachingRunsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: true, description: 'Also runs that have ended (shown by default: outcomes are recorded after the end)' })
  includeEnded: boolean = true;

  @Field(() => CourseRunStatus, { nullable: true, description: 'Only runs in this status' })
  @IsOptional()
  status?: CourseRunStatus | null;

  @Field(() => CourseStatus, { nullable: true, description: 'Only runs of courses in this status; by default every status except DRAFT' })
  @IsOptional()
  courseStatus?: CourseStatus | null;
}

export const RUN_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._/-]*$/;

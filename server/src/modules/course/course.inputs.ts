import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, DevelopmentFormGroup } from './course.enums.js';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 60;

@InputType({ description: 'Catalogue filters; every filter given must hold (lists match any of their values)' })
export class CatalogueFilter {
  @Field(() => String, { nullable: true, description: 'Words in Bahasa Indonesia; typos in the title are tolerated' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [CourseKind], { nullable: true, description: 'Courses, workshops, or both (left out: both)' })
  @IsOptional()
  @ArrayMaxSize(5)
  kinds?: CourseKind[] | null;

  @Field(() => [DevelopmentForm], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  forms?: DevelopmentForm[] | null;

  @Field(() => [DevelopmentFormGroup], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  formGroups?: DevelopmentFormGroup[] | null;

  @Field(() => [DeliveryMode], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  deliveries?: DeliveryMode[] | null;

  @Field(() => String, { nullable: true, description: 'A competency tag (case-insensitive)' })
  @IsOptional()
  @MaxLength(MAX_TAG_LENGTH)
  competency?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerPartnerId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  jpMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  jpMax?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only courses with a run one can enrol in now with a free seat (or no seat limit)' })
  @IsOptional()
  openOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Also courses with no run still to come (hidden by default)' })
  @IsOptional()
  includeEnded?: boolean | null;
}

export enum CatalogueSort {
  RELEVANCE = 'RELEVANCE',
  SOONEST = 'SOONEST',
  START_DATE = 'START_DATE',
  NEWEST = 'NEWEST',
  TITLE = 'TITLE',
}
registerEnumType(CatalogueSort, {
  name: 'CatalogueSort',
  description: 'Catalogue order; by default RELEVANCE when searching, otherwise SOONEST',
  valuesConfig: {
    RELEVANCE: { description: 'Best match of the search first (SOONEST without a search)' },
    SOONEST: { description: 'What one can start soonest, by the next run: any-time and running runs, then upcoming ones by start date (the default)' },
    START_DATE: { description: 'Latest run start first; courses without a dated run last' },
    NEWEST: { description: 'Most recently published first' },
    TITLE: { description: 'By title, A to Z' },
  },
});

@ArgsType()
export class ManageableCoursesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  partnerId?: string | null;

  @Field(() => CourseStatus, { nullable: true })
  @IsOptional()
  status?: CourseStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

/** Fields shared by create and update; on update, a field left out keeps its value. */
@InputType('CourseFieldsBase')
class CourseFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: `Up to ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters` })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  competencyTags?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Rupiah per participant' })
  @IsOptional()
  @Min(0)
  costPerParticipant?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Agencies that see the course when visibility is LISTED_AGENCIES' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  visibleToAgencyIds?: string[] | null;

  @Field(() => AttendanceCredit, { nullable: true, description: 'Workshops: JP from attended minutes (the default) or a fixed JP' })
  @IsOptional()
  attendanceCredit?: AttendanceCredit | null;

  @Field(() => Float, { nullable: true, description: 'Workshops with FIXED_JP: JP for reaching the minimum attendance (one decimal)' })
  @IsOptional()
  @Min(0.1)
  @Max(9999)
  fixedJp?: number | null;

  @Field(() => Int, { nullable: true, description: 'Workshops: the share of session minutes to attend to complete, in percent (default 80)' })
  @IsOptional()
  @Min(1)
  @Max(100)
  minAttendancePercent?: number | null;
}

@InputType()
export class CreateCourseInput extends CourseFields {
  @Field(() => CourseKind, { nullable: true, description: 'COURSE (the default) or WORKSHOP; fixed once created' })
  @IsOptional()
  kind?: CourseKind | null;

  @Field(() => String, { description: 'Unique course code, e.g. PKP-2026-01 (stored upper-case)' })
  @Length(1, 40)
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => DevelopmentForm)
  form!: DevelopmentForm;

  @Field(() => DeliveryMode)
  delivery!: DeliveryMode;

  @Field(() => Int)
  @Min(1)
  @Max(1000)
  jp!: number;

  @Field(() => CourseVisibility)
  visibility!: CourseVisibility;

  @Field(() => ID, { nullable: true, description: 'Owning agency; agency admins may leave it out for their own agency' })
  @IsOptional()
  @IsUUID('all')
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owning partner; partner admins may leave it out for their own partner' })
  @IsOptional()
  @IsUUID('all')
  ownerPartnerId?: string | null;
}

@InputType()
export class UpdateCourseInput extends CourseFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  code?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => DevelopmentForm, { nullable: true })
  @IsOptional()
  form?: DevelopmentForm | null;

  @Field(() => DeliveryMode, { nullable: true })
  @IsOptional()
  delivery?: DeliveryMode | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(1000)
  jp?: number | null;

  @Field(() => CourseVisibility, { nullable: true })
  @IsOptional()
  visibility?: CourseVisibility | null;
}

import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import type { RunPageJson } from './course.sql.js';
import { AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, DevelopmentFormGroup } from './course.enums.js';

export enum CourseOwnerKind {
  AGENCY = 'AGENCY',
  PARTNER = 'PARTNER',
}
registerEnumType(CourseOwnerKind, { name: 'CourseOwnerKind', description: 'Penyelenggara: instansi atau mitra' });

/** Who runs a course: an agency (instansi) or a partner institution (mitra). */
@ObjectType()
export class CourseOwner {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => CourseOwnerKind) kind!: CourseOwnerKind;
}

@ObjectType()
export class CourseInstructor {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true, description: 'The partner institution the instructor works for, if any' })
  partnerName!: string | null;
}

/** An agency a course is shared with (visibility LISTED_AGENCIES). */
@ObjectType()
export class CourseAgency {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A course (kursus/pelatihan) as the viewer may see it: what is learned; its runs say when, where and how' })
export class Course {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => DevelopmentForm) form!: DevelopmentForm;
  @Field(() => DevelopmentFormGroup) formGroup!: DevelopmentFormGroup;
  @Field(() => DeliveryMode) delivery!: DeliveryMode;
  @Field(() => Int, { description: 'JP credited on completion' }) jp!: number;
  @Field(() => [String]) competencyTags!: string[];
  @Field(() => Int, { description: 'Rupiah per participant' }) costPerParticipant!: number;
  @Field(() => CourseStatus) status!: CourseStatus;
  @Field(() => CourseVisibility) visibility!: CourseVisibility;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => CourseKind) kind!: CourseKind;
  @Field(() => AttendanceCredit, { description: 'Workshops: how attendance becomes JP' }) attendanceCredit!: AttendanceCredit;
  @Field(() => Float, { nullable: true, description: 'Workshops with FIXED_JP: JP for reaching the minimum attendance' }) fixedJp!: number | null;
  @Field(() => Int, { description: 'Workshops: the share of session minutes to attend to complete, in percent' }) minAttendancePercent!: number;

  // Joined by the statement that reads the course (a listing only when selected): no field resolver,
  // no loader, no further statement.
  @Field(() => CourseOwner) owner!: CourseOwner;

  // For field resolvers and policies (not GraphQL fields themselves).
  ownerAgencyId!: string | null;
  ownerPartnerId!: string | null;
  /** The next run as read by a listing that selected nextRun (JSON of the run module's RunRow); undefined otherwise. */
  nextRunRow?: unknown;
  /**
   * The page of runs the course's own statement read for Course.runs (course.sql.ts runsPageSql), for the
   * arguments `key` (runsKey); Course.runs asks the database only for other arguments.
   */
  preloadedRuns?: { key: string; rows: RunPageJson[]; total: number | null };
}

export const CoursePage = PageOf(Course, 'CoursePage');
export type CoursePage = InstanceType<typeof CoursePage>;

/** An owner of visible courses, for the catalogue's filter chips. */
@ObjectType()
export class CatalogueOwner {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => CourseOwnerKind) kind!: CourseOwnerKind;
  @Field(() => Int, { description: 'Visible courses this owner runs' }) courseCount!: number;
}

/** A competency tag used by visible courses. */
@ObjectType()
export class CatalogueTag {
  @Field(() => String) tag!: string;
  @Field(() => Int) courseCount!: number;
}

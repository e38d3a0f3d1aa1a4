import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { CourseInstructor, CourseType, EnrolmentPolicy } from '../course/index.js';
import { EnrolmentClosedReason } from './enrolment-window.js';
import { CourseRunStatus } from './run.entity.js';

@ObjectType({ description: 'One run (angkatan/batch) of a course: when, where, how many seats, who teaches, how one gets in' })
export class CourseRun {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Angkatan/batch code, unique within the course' }) code!: string;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last moment to enrol; null = until the run ends' })
  enrolmentClosesAt!: Date | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { description: "The venue's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)" }) timeZone!: string;
  // `onlineUrl` itself is a field of the enrolment module (viewer-enrolment.resolver.ts): who sees the link depends on
  // the viewer's enrolment in the run, which this module must not read.
  @Field(() => Boolean, { description: 'The run has an online link (CourseRun.onlineUrl shows it only to its seat holders, instructors and managers)' })
  hasOnlineUrl!: boolean;
  @Field(() => Int, { nullable: true, description: 'Seats; null = unlimited' }) capacity!: number | null;
  @Field(() => Int) seatsTaken!: number;
  @Field(() => Int, { nullable: true, description: 'null when capacity is unlimited' }) seatsLeft!: number | null;
  @Field(() => Int) waitlistLength!: number;
  @Field(() => EnrolmentPolicy) enrolmentPolicy!: EnrolmentPolicy;
  @Field(() => CourseRunStatus) status!: CourseRunStatus;
  @Field(() => ID, { nullable: true, description: 'The recurring forum this run is an occurrence of: it is joined on its own, beside the viewer’s other runs of the course' })
  seriesId!: string | null;
  @Field(() => EnrolmentClosedReason, { nullable: true, description: 'Why enrolment is closed (cancelled, ended, deadline passed); null while open' })
  enrolmentClosedReason!: EnrolmentClosedReason | null;
  @Field(() => [CourseInstructor]) instructors!: CourseInstructor[];

  // Not GraphQL fields: for field resolvers (course, canManage, viewer fields) and policies.
  courseId!: string;
  /** The stored link: never shown as it is; the enrolment module's CourseRun.onlineUrl decides who gets it. */
  storedOnlineUrl!: string | null;
  /**
   * Set when the run was read as part of someone's enrolment (Enrolment.run): whose, and its status, so a field that
   * depends on the viewer's enrolment in the run needs no statement when the viewer is that person.
   */
  readWithEnrolmentOf?: { personId: string; status: string };
  ownerAgencyId!: string | null;
  ownerPartnerId!: string | null;
  /** Set when the statement that read the run also read its course (else Course is loaded). */
  preloadedCourse?: CourseType;
}

export const CourseRunPage = PageOf(CourseRun, 'CourseRunPage');
export type CourseRunPage = InstanceType<typeof CourseRunPage>;

import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import type { IdentityHolder } from '../person/index.js';
import { DeliveryMode, DevelopmentForm } from '../course/index.js';
import { CourseRun } from '../run/index.js';
import { EnrolmentStatus } from './enrolment.entity.js';

/** What an enrolment shows of its course (the course module owns the full `Course` type). */
@ObjectType({ description: 'The course an enrolment is for, as enrolment screens show it (when, where and seats: Enrolment.run)' })
export class EnrolmentCourse {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => Int, { description: 'JP credited on completion' }) jp!: number;
  @Field(() => DevelopmentForm) form!: DevelopmentForm;
  @Field(() => DeliveryMode) delivery!: DeliveryMode;
  @Field(() => String, { description: 'The agency or partner institution running it' }) ownerName!: string;
}

/** The person enrolled. The NIP resolves through the person module's one identity policy (enrolment.resolver.ts). */
@ObjectType()
export class EnrolmentLearner {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  /** Not in the API: the raw numbers, shown through `shownIdentity` only. */
  identity!: IdentityHolder;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => String, { nullable: true }) positionTitle!: string | null;
}

@ObjectType({ description: 'A person in a run of a course, with what happened so far and what happens next' })
export class Enrolment {
  @Field(() => ID) id!: string;
  @Field(() => EnrolmentStatus) status!: EnrolmentStatus;
  @Field(() => EnrolmentCourse) course!: EnrolmentCourse;
  @Field(() => CourseRun, { description: 'The run enrolled in (dates, place, seats, instructors)' }) run!: CourseRun;
  @Field(() => EnrolmentLearner) learner!: EnrolmentLearner;
  @Field(() => String, { nullable: true, description: 'Who must decide (atasan langsung) when approval is needed' })
  approverName!: string | null;
  @Field(() => String, { nullable: true, description: 'Who approved or rejected it' })
  decidedByName!: string | null;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) waitlistedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: '1-based place in the waiting list (first in, first promoted); only when WAITLISTED' })
  waitlistPosition!: number | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Reason of a rejection, or a note on completion/failure' })
  decisionNote!: string | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Minutes credited to the learning-hours ledger on completion' })
  creditedMinutes!: number | null;
}

export const EnrolmentPage = PageOf(Enrolment, 'EnrolmentPage');
export type EnrolmentPage = InstanceType<typeof EnrolmentPage>;

/** A pending request in a supervisor's (or agency admin's) approvals inbox. */
@ObjectType()
class ApprovalRequest {
  @Field(() => ID, { description: 'The enrolment id (pass to approveEnrolment / rejectEnrolment)' }) id!: string;
  @Field(() => EnrolmentLearner) learner!: EnrolmentLearner;
  @Field(() => EnrolmentCourse) course!: EnrolmentCourse;
  @Field(() => CourseRun) run!: CourseRun;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => String, { nullable: true }) approverName!: string | null;
  @Field(() => Float, { description: 'JP credited to the learner this year (Asia/Jakarta), as the ledger credited them: a later rule does not change them' }) learnerJpThisYear!: number;
  @Field(() => Int, { description: 'The yearly JP target in force' }) learnerTargetJp!: number;
}

export const ApprovalRequestPage = PageOf(ApprovalRequest, 'ApprovalRequestPage');
export type ApprovalRequestPage = InstanceType<typeof ApprovalRequestPage>;

@ObjectType({ description: 'What a bulk enrolment did' })
export class EnrolPeopleResult {
  @Field(() => Int, { description: 'Now ACTIVE (took a seat)' }) enrolled!: number;
  @Field(() => Int, { description: 'Now WAITLISTED (the run is full)' }) waitlisted!: number;
  @Field(() => Int, { description: 'Already in this run, in another run of the course, or completed the course; left unchanged' }) alreadyEnrolled!: number;
}

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Enrolment, EnrolmentCourse } from '../enrolment/index.js';

@ObjectType({ description: 'A course suggested on the home page, with why' })
export class HomeRecommendation {
  @Field(() => EnrolmentCourse) course!: EnrolmentCourse;
  @Field(() => String, { description: 'Why it is suggested, in the viewer’s language (e.g. "Menutup kekurangan 8 JP")' }) reason!: string;
  @Field(() => Boolean, { description: 'Completing it would reach this year’s JP target' }) closesGap!: boolean;
}

@ObjectType({ description: 'The learner’s home page (beranda): the year’s JP first, then what is going on and what to do next' })
export class LearnerHome {
  @Field(() => Int) year!: number;
  @Field(() => Int) minutes!: number;
  @Field(() => Float, { description: 'JP this year, 1 decimal (rounded down)' }) jp!: number;
  @Field(() => Int) targetJp!: number;
  @Field(() => Float, { description: 'JP still needed this year, 1 decimal (rounded up)' }) remainingJp!: number;
  @Field(() => Int) minutesPerJp!: number;
  @Field(() => Float, { description: 'Share of the target reached, 0–1' }) progress!: number;
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments in courses running now (started or undated, not ended), up to 10, newest first' })
  activeEnrolments!: Enrolment[];
  @Field(() => [Enrolment], { description: 'REQUESTED and WAITLISTED enrolments, up to 10, oldest first' }) pendingEnrolments!: Enrolment[];
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments whose course has not started yet, up to 10, soonest first' }) upcoming!: Enrolment[];
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments whose course has ended, waiting for the instructor to record the result, up to 10, latest first' })
  awaitingResult!: Enrolment[];
  @Field(() => [HomeRecommendation], {
    description: 'Up to 4 open courses the viewer is not in and has not missed the start of (self-paced ones any time), preferring ones that close the JP gap',
  })
  recommended!: HomeRecommendation[];
  @Field(() => Int, { description: 'Requests waiting on the viewer’s decision (supervisors)' }) pendingApprovalsCount!: number;
}

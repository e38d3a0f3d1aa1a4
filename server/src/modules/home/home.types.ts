import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enrolment, EnrolmentCourse } from '../enrolment/index.js';
import { CourseRun } from '../run/index.js';

/** Why a course is suggested; the client words it in the viewer's language with LearnerHome's figures. */
export enum HomeRecommendationReason {
  /** Completing it reaches this year's JP target (remainingJp). */
  CLOSES_GAP = 'CLOSES_GAP',
  /** It adds course.jp of the remainingJp still needed. */
  ADDS_TO_GAP = 'ADDS_TO_GAP',
  /** The target (targetJp) is reached; course.jp more for the learner's development. */
  TARGET_REACHED = 'TARGET_REACHED',
}
registerEnumType(HomeRecommendationReason, {
  name: 'HomeRecommendationReason',
  description: 'Why a course is suggested on the home page (the client words it with LearnerHome.remainingJp / targetJp and course.jp)',
  valuesConfig: {
    CLOSES_GAP: { description: 'Completing it reaches this year’s JP target ("Menutup kekurangan {remainingJp} JP")' },
    ADDS_TO_GAP: { description: 'It adds course.jp of the remainingJp still needed ("Menambah {jp} JP dari kekurangan {remainingJp} JP")' },
    TARGET_REACHED: { description: 'The target is reached; more JP for development ("Target {targetJp} JP tahun ini sudah tercapai; tambah {jp} JP …")' },
  },
});

@ObjectType({ description: 'A course suggested on the home page, with the run to join and why' })
export class HomeRecommendation {
  @Field(() => EnrolmentCourse) course!: EnrolmentCourse;
  @Field(() => CourseRun, { description: 'The run to join: the soonest open one the viewer may enrol in themselves, seats first' }) run!: CourseRun;
  @Field(() => HomeRecommendationReason, { description: 'Why it is suggested, as a code the client words' }) reason!: HomeRecommendationReason;
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
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments in runs going on now (started or undated, not ended), up to 10, newest first' })
  activeEnrolments!: Enrolment[];
  @Field(() => [Enrolment], { description: 'REQUESTED and WAITLISTED enrolments, up to 10, oldest first' }) pendingEnrolments!: Enrolment[];
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments whose run has not started yet, up to 10, soonest first' }) upcoming!: Enrolment[];
  @Field(() => [Enrolment], { description: 'ACTIVE enrolments whose run has ended, waiting for the instructor to record the result, up to 10, latest first' })
  awaitingResult!: Enrolment[];
  @Field(() => [HomeRecommendation], {
    description: 'Up to 4 courses the viewer is not in (nor has completed), each with an open run not yet started (self-paced ones any time), preferring ones that close the JP gap',
  })
  recommended!: HomeRecommendation[];
  @Field(() => Int, { description: 'Requests waiting on the viewer’s decision (supervisors)' }) pendingApprovalsCount!: number;
}

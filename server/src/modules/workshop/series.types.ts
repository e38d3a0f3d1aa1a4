import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { CourseInstructor, EnrolmentPolicy } from '../course/index.js';
import { CourseRunStatus } from '../run/index.js';

/** One occurrence of a series: its run (the registration unit) and its one session, as the series screen lists it. */
@ObjectType()
export class SeriesOccurrence {
  @Field(() => ID, { description: "The occurrence's run (register, roster, cancel through it)" }) runId!: string;
  @Field(() => String) code!: string;
  @Field(() => CourseRunStatus) status!: CourseRunStatus;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String) timeZone!: string;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => Int) seatsTaken!: number;
  @Field(() => Int) waitlistLength!: number;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;
}

@ObjectType()
export class SeriesOccurrencePage extends PageOf(SeriesOccurrence, 'SeriesOccurrencePage') {}

/** A recurring forum of a workshop: its rule and what every occurrence copies. Seen by the workshop's managers. */
@ObjectType()
export class RunSeries {
  @Field(() => ID) id!: string;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { description: 'e.g. FREQ=MONTHLY;BYDAY=+1TU' }) rrule!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { description: 'HH:MM, local' }) startTime!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String) timeZone!: string;
  @Field(() => String, { nullable: true }) untilOn!: string | null;
  @Field(() => Int, { nullable: true }) occurrenceCount!: number | null;
  @Field(() => String) codePattern!: string;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => EnrolmentPolicy) enrolmentPolicy!: EnrolmentPolicy;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) onlineUrl!: string | null;
  @Field(() => [ID]) instructorIds!: string[];
  @Field(() => [CourseInstructor], { description: 'Who teaches its future occurrences, by name' }) instructors!: CourseInstructor[];
}

@ObjectType()
export class RunSeriesPage extends PageOf(RunSeries, 'RunSeriesPage') {}

import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CourseRun } from '../run/index.js';

@ObjectType({ description: 'How many of a run’s learners come from one agency (the roster grouped by agency)' })
export class AgencyLearners {
  @Field(() => ID, { nullable: true, description: 'null for learners of no agency (partner staff)' }) agencyId!: string | null;
  @Field(() => String, { nullable: true, description: 'null for learners of no agency' }) agencyName!: string | null;
  @Field(() => Int, { description: 'Seat holders (active, completed or failed) from this agency' }) learners!: number;
}

@ObjectType({ description: 'A run on the instructor’s home: the run, its learners by agency, and the outcomes it waits for' })
export class InstructorHomeRun {
  @Field(() => CourseRun) run!: CourseRun;
  @Field(() => Int, { description: 'Seat holders (active, completed or failed)' }) learners!: number;
  @Field(() => [AgencyLearners], { description: 'The seat holders counted by their agency, most first (then by name)' })
  learnersByAgency!: AgencyLearners[];
  @Field(() => Int, { description: 'Active learners whose result (complete/fail) is not recorded yet: waiting on the instructor in awaitingOutcomes, still learning on a run going on' }) outcomesToRecord!: number;
}

@ObjectType({ description: 'The instructor’s home: every run they teach, for whatever agency, that is on now or waits on them; today and this week are in the viewer’s zone (person.time_zone)' })
export class InstructorHome {
  @Field(() => [InstructorHomeRun], { description: 'Scheduled runs taking place on some part of today (viewer’s zone; self-paced runs are on no particular day), up to 20, earliest start first' })
  today!: InstructorHomeRun[];
  @Field(() => [InstructorHomeRun], { description: 'Scheduled runs on the rest of this week (tomorrow to Sunday, viewer’s zone; not self-paced) and not today, up to 20, earliest start first' })
  thisWeek!: InstructorHomeRun[];
  @Field(() => [InstructorHomeRun], {
    description: 'Runs whose outcomes can be recorded without confirming an early decision (ended; self-paced: started) with learners still ACTIVE, up to 20, longest waiting first',
  })
  awaitingOutcomes!: InstructorHomeRun[];
}

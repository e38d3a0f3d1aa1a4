import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';

/** A background job that failed every attempt and waits in the dead letters for a platform admin. */
@ObjectType()
export class FailedJob {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The queue it failed on, e.g. "mail" or "maintenance.purge"' }) queue!: string;
  @Field(() => String, { description: "The job's data as JSON" }) data!: string;
  @Field(() => String, { nullable: true, description: "The last attempt's error message" }) error!: string | null;
  @Field(() => Int, { description: 'How many times it was tried' }) attempts!: number;
  @Field(() => Date, { description: 'When it was first queued' }) queuedAt!: Date;
  @Field(() => Date, { description: 'When it became a dead letter' }) failedAt!: Date;
}

@ObjectType()
export class FailedJobPage extends PageOf(FailedJob, 'FailedJobPage') {}

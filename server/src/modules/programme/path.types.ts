import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { ParticipantStatus } from './programme.entity.js';

/*
 * The learner's side of a programme (path area): their progress along the path, their participations ("my
 * programmes") and their rating at completion.
 */

export enum ProgrammeItemState {
  /** No current enrolment in the item (not registered yet, or withdrawn from it). */
  NOT_STARTED = 'NOT_STARTED',
  /** Has a seat in the cohort's run of the item; the run has not started. */
  REGISTERED = 'REGISTERED',
  /** Has a seat and the run has started. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Completed: in the cohort's run, or earlier in another run of the same course (a course is completed once). */
  COMPLETED = 'COMPLETED',
  /** Did not pass the cohort's run of the item. */
  FAILED = 'FAILED',
}
registerEnumType(ProgrammeItemState, { name: 'ProgrammeItemState' });

@ObjectType({ description: 'Where a participant stands on one step of the path' })
export class ProgrammeItemProgress {
  @Field(() => ID) itemId!: string;
  @Field(() => ProgrammeItemState) state!: ProgrammeItemState;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Float, { description: 'JP of the item’s standing ledger lines for this participant (0 until completed)' }) jp!: number;
  @Field(() => Boolean, { description: 'Completed in a run outside this cohort (an earlier run of the same course)' }) completedElsewhere!: boolean;
  @Field(() => Boolean, { description: 'IN_ORDER: an earlier required step is not completed yet' }) locked!: boolean;
  @Field(() => Boolean, { description: 'IN_ORDER: completed before an earlier required step, so it does not count towards the order' })
  outOfOrder!: boolean;
}

@ObjectType({ description: 'A participant’s progress along the programme’s path' })
export class ProgrammeProgress {
  @Field(() => [ProgrammeItemProgress], { description: 'Per item, in path order' }) items!: ProgrammeItemProgress[];
  @Field(() => Int) requiredCompleted!: number;
  @Field(() => Int) requiredTotal!: number;
  @Field(() => Int, { description: 'Groups whose minimum is met' }) groupsMet!: number;
  @Field(() => Int) groupsTotal!: number;
  @Field(() => Int, { description: 'Share of what the completion rule asks that is done, 0–100' }) percent!: number;
  @Field(() => Float, { description: 'JP of the path’s items credited to the participant: the ledger holds item lines only, a programme adds none' })
  jp!: number;
  @Field(() => Boolean, { description: 'The completion rule is met' }) ruleMet!: boolean;
  @Field(() => ID, { nullable: true, description: 'The step to take next (IN_ORDER: the first required step not completed)' })
  nextItemId!: string | null;
}

@ObjectType({ description: 'A person’s place in one cohort of a programme, as they see it: the path with progress and their rating' })
export class ProgrammeParticipation {
  @Field(() => ID, { description: 'The cohort participant’s id' }) id!: string;
  @Field(() => ParticipantStatus) status!: ParticipantStatus;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: '1–5, given once completed (may be changed later)' }) rating!: number | null;
  @Field(() => String, { nullable: true }) ratingComment!: string | null;
  @Field(() => Date, { nullable: true }) ratedAt!: Date | null;

  personId!: string;
  cohortId!: string;
  programmeId!: string;
}

export const ProgrammeParticipationPage = PageOf(ProgrammeParticipation, 'ProgrammeParticipationPage');
export type ProgrammeParticipationPage = InstanceType<typeof ProgrammeParticipationPage>;

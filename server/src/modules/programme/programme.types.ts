import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { CourseOwner } from '../course/index.js';
import { CohortStatus, ParticipantStatus, ProgrammeCompletionRule, ProgrammeStatus } from './programme.entity.js';

/*
 * The GraphQL shapes of programmes, shared by the module's areas (build, nomination, path, library). Each area
 * adds its own fields with field resolvers in its own files (`@Resolver(() => Programme)`), so this file only
 * holds what a programme row itself says.
 */

@ObjectType({ description: 'A programme (program pengembangan): a path of courses and workshops, run in cohorts for several agencies' })
export class Programme {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Who it is for (sasaran peserta)' }) audience!: string;
  @Field(() => [String]) competencyTags!: string[];
  @Field(() => ProgrammeCompletionRule) completionRule!: ProgrammeCompletionRule;
  @Field(() => ProgrammeStatus) status!: ProgrammeStatus;
  @Field(() => CourseOwner) owner!: CourseOwner;
  @Field(() => Date, { nullable: true, description: 'In the shared library since' }) sharedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The owner's words beside the computed evidence" }) shareNote!: string | null;
  @Field(() => Date) createdAt!: Date;

  // For field resolvers and policies (not GraphQL fields themselves).
  ownerAgencyId!: string | null;
  ownerPartnerId!: string | null;
  adoptedFromId!: string | null;
  originId!: string | null;
}

export const ProgrammePage = PageOf(Programme, 'ProgrammePage');
export type ProgrammePage = InstanceType<typeof ProgrammePage>;

@ObjectType({ description: 'Electives: at least minCompleted of the group’s items complete it (completion rule GROUPS)' })
export class ProgrammeGroup {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) minCompleted!: number;
}

@ObjectType({ description: 'One step of a programme’s path: a course or a workshop' })
export class ProgrammeItem {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => Boolean) required!: boolean;
  @Field(() => ID, { nullable: true }) groupId!: string | null;

  courseId!: string;
  programmeId!: string;
}

@ObjectType({ description: 'A cohort (angkatan) of a programme' })
export class ProgrammeCohort {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last moment to nominate or apply; null = until the cohort starts' })
  nominationClosesAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last moment to release unused seats; null = until nominations close' })
  releaseDeadline!: Date | null;
  @Field(() => Int, { description: 'Seats in all; the agencies’ quotas add up to at most this' }) capacity!: number;
  @Field(() => Int, { description: 'Rupiah per participant' }) costPerParticipant!: number;
  @Field(() => Boolean, { description: 'People of participating agencies may apply themselves' }) selfApply!: boolean;
  @Field(() => Boolean, { description: 'The owner offers seats no quota holds to other agencies' }) offersSeats!: boolean;
  @Field(() => CohortStatus) status!: CohortStatus;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;

  programmeId!: string;
}

@ObjectType({ description: 'An agency taking part in a cohort, with its seats' })
export class CohortAgencyQuota {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => Int) seats!: number;
  @Field(() => Int) seatsTaken!: number;

  cohortId!: string;
}

@ObjectType({ description: 'A person in a cohort (peserta), nominated by their agency or applied themselves' })
export class CohortParticipant {
  @Field(() => ID) id!: string;
  @Field(() => ParticipantStatus) status!: ParticipantStatus;
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'The participant’s rating of the programme, 1–5' }) rating!: number | null;
  @Field(() => String, { nullable: true }) ratingComment!: string | null;

  cohortId!: string;
}

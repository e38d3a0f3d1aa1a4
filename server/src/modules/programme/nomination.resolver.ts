import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { AppError } from '../../shared/errors.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { selects } from '../../shared/graphql/selection.js';
import { shownIdentity } from '../person/index.js';
import {
  CohortIdArgs, CohortParticipantsArgs, NominateParticipantsArgs, NominationCsvArgs, ParticipantIdArgs, RejectApplicationArgs,
  ReleaseSeatsArgs, ReplaceParticipantArgs, WithdrawParticipantArgs,
} from './nomination.inputs.js';
import { cohortApplications, cohortNominations, cohortParticipants, readParticipants } from './nomination.reads.js';
import * as nominations from './nomination.service.js';
import {
  CohortApplicationPage, CohortNominations, CohortParticipantPage, NominationCsvReport, type ParticipantNode,
} from './nomination.types.js';
import { CohortAgencyQuota, CohortParticipant, ProgrammeCohort } from './programme.types.js';

/** Who nominates: agency admins (their agency's quota); platform admins act for any agency. */
const NOMINATORS = [Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN];

async function one(ctx: SignedInContext, id: string): Promise<ParticipantNode> {
  const [row] = await readParticipants(ctx, [id]);
  if (!row) throw new AppError('NOT_FOUND', { what: 'participant' });
  return row;
}

/** Nominations, applications and the lists of a cohort's participants (ARCHITECTURE.md, Programmes: nominations). */
@Resolver()
@Authorized()
export class NominationResolver {
  @Query(() => CohortNominations, { description: 'A cohort for its nominations screen or roster (NOT_FOUND unless the viewer may open its programme)' })
  cohortNominations(@Args(() => CohortIdArgs) args: CohortIdArgs, @Ctx() ctx: SignedInContext): Promise<CohortNominations> {
    return cohortNominations(ctx, args.cohortId);
  }

  @Query(() => CohortApplicationPage, { description: 'Self-applications to cohorts waiting on the viewer (their reports’, or their agency’s people’s), oldest first' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  cohortApplications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<CohortApplicationPage> {
    return cohortApplications(ctx, args, selects(info, ['totalCount']));
  }

  @Mutation(() => [CohortParticipant], {
    description: 'An agency admin nominates people of their agency into its quota (active ASN only); they are registered in every item run. COHORT_NOMINATIONS_CLOSED, QUOTA_FULL, ALREADY_NOMINATED, ALREADY_IN_ANOTHER_RUN; nothing written on any refusal',
  })
  @Authorized(...NOMINATORS)
  async nominateParticipants(@Args(() => NominateParticipantsArgs) args: NominateParticipantsArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode[]> {
    return readParticipants(ctx, await nominations.nominateParticipants(ctx, args.cohortId, args.personIds));
  }

  @Mutation(() => NominationCsvReport, { description: 'What a CSV of NIPs would do, row by row; writes nothing' })
  @Authorized(...NOMINATORS)
  previewNominationCsv(@Args(() => NominationCsvArgs) args: NominationCsvArgs, @Ctx() ctx: SignedInContext): Promise<NominationCsvReport> {
    return nominations.previewNominationCsv(ctx, args.cohortId, args.csv);
  }

  @Mutation(() => NominationCsvReport, { description: 'All or nothing: every row OK → everyone nominated in one transaction; any bad row → nothing written, the report says which' })
  @Authorized(...NOMINATORS)
  nominateByCsv(@Args(() => NominationCsvArgs) args: NominationCsvArgs, @Ctx() ctx: SignedInContext): Promise<NominationCsvReport> {
    return nominations.nominateByCsv(ctx, args.cohortId, args.csv);
  }

  @Mutation(() => CohortParticipant, { description: 'A participant leaves (their agency’s admin, the programme’s managers, or themselves): item enrolments withdrawn, the quota seat given back' })
  async withdrawCohortParticipant(@Args(() => WithdrawParticipantArgs) args: WithdrawParticipantArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode> {
    return one(ctx, await nominations.withdrawParticipant(ctx, args.id, args.reason));
  }

  @Mutation(() => CohortAgencyQuota, { description: 'An agency admin releases unused seats back to the owner before the release deadline (never below the seats taken: QUOTA_BELOW_TAKEN)' })
  @Authorized(...NOMINATORS)
  async releaseCohortSeats(@Args(() => ReleaseSeatsArgs) args: ReleaseSeatsArgs, @Ctx() ctx: SignedInContext): Promise<CohortAgencyQuota> {
    await nominations.releaseCohortSeats(ctx, args.cohortId, args.agencyId, args.seats);
    const { viewerQuotas } = await cohortNominations(ctx, args.cohortId);
    return viewerQuotas.find((q) => q.agencyId === args.agencyId)!;
  }

  @Mutation(() => CohortParticipant, { description: 'The seat passes to another person of the same agency: the old nominee REPLACED, the new one NOMINATED and registered' })
  @Authorized(...NOMINATORS)
  async replaceParticipant(@Args(() => ReplaceParticipantArgs) args: ReplaceParticipantArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode> {
    return one(ctx, await nominations.replaceParticipant(ctx, args.participantId, args.personId));
  }

  @Mutation(() => CohortParticipant, { description: 'A learner applies to a self-apply cohort their agency takes part in: REQUESTED, waiting on their supervisor (NO_SUPERVISOR)' })
  async applyToCohort(@Args(() => CohortIdArgs) args: CohortIdArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode> {
    return one(ctx, await nominations.applyToCohort(ctx, args.cohortId));
  }

  @Mutation(() => CohortParticipant, { description: 'The supervisor (or an admin of the learner’s agency) approves: a quota seat (QUOTA_FULL) and registration in the item runs' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async approveCohortApplication(@Args(() => ParticipantIdArgs) args: ParticipantIdArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode> {
    return one(ctx, await nominations.approveCohortApplication(ctx, args.id));
  }

  @Mutation(() => CohortParticipant, { description: 'The supervisor (or an admin of the learner’s agency) rejects an application, with a reason the learner reads' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async rejectCohortApplication(@Args(() => RejectApplicationArgs) args: RejectApplicationArgs, @Ctx() ctx: SignedInContext): Promise<ParticipantNode> {
    return one(ctx, await nominations.rejectCohortApplication(ctx, args.id, args.reason));
  }
}

@Resolver(() => ProgrammeCohort)
@Authorized()
export class CohortParticipantsResolver {
  @FieldResolver(() => CohortParticipantPage, {
    description: 'Participants by agency, then name: everyone for the programme’s managers and the cohort’s instructors; an agency admin their agency’s; a learner only themselves',
  })
  participants(
    @Root() cohort: ProgrammeCohort, @Args(() => CohortParticipantsArgs) args: CohortParticipantsArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo,
  ): Promise<CohortParticipantPage> {
    return cohortParticipants(ctx, cohort, args, selects(info, ['totalCount']));
  }
}

@Resolver(() => CohortParticipant)
@Authorized()
export class CohortParticipantNominationResolver {
  @FieldResolver(() => String, { nullable: true, description: 'In full for the person’s circle (themselves, their supervisors, their agency’s admins), masked for anyone else' })
  async nip(@Root() participant: ParticipantNode, @Ctx() ctx: SignedInContext): Promise<string | null> {
    return (await shownIdentity(ctx, participant.identity)).nip;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why they left or were not taken (withdrawal or rejection reason)' })
  note(@Root() participant: ParticipantNode): string | null {
    return participant.note;
  }
}

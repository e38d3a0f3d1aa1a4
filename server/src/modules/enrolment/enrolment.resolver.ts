import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { selects } from '../../shared/graphql/selection.js';
import {
  ApprovalsInboxArgs, CourseRosterArgs, EnrolmentIdArgs, EnrolPeopleArgs, FinishEnrolmentArgs,
  MyEnrolmentsArgs, RejectEnrolmentArgs, RunIdArgs,
} from './enrolment.inputs.js';
import * as reads from './enrolment.reads.js';
import * as enrolments from './enrolment.service.js';
import { shownIdentity } from '../person/index.js';
import { ApprovalRequestPage, Enrolment, EnrolmentLearner, EnrolmentPage, EnrolPeopleResult } from './enrolment.types.js';

/** Roles that may run a run (its instructors and its course's managers); the run policy decides per run. */
const COURSE_STAFF = [Role.INSTRUCTOR, Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN];

@Resolver()
@Authorized()
export class EnrolmentResolver {
  @Mutation(() => Enrolment, {
    description: 'The signed-in learner enrols in a run: ACTIVE (a seat), WAITLISTED (full) or REQUESTED (needs the supervisor). Idempotent. One run of a course at a time (ALREADY_IN_ANOTHER_RUN); a completed course is not taken again (COURSE_ALREADY_COMPLETED); after FAILED, WITHDRAWN or REJECTED a later run is a new enrolment. Non-learners get NOT_A_LEARNER.',
  })
  @Authorized()
  enrol(@Args(() => RunIdArgs) args: RunIdArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.enrol(ctx, args.runId);
  }

  @Mutation(() => Enrolment, { description: 'The learner withdraws (from REQUESTED, ACTIVE or WAITLISTED); a freed seat goes to the first on the waiting list' })
  @Authorized(Role.LEARNER)
  withdrawEnrolment(@Args(() => EnrolmentIdArgs) args: EnrolmentIdArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.withdraw(ctx, args.id);
  }

  @Mutation(() => Enrolment, { description: 'The approver (or an admin of the learner’s agency) approves a request: ACTIVE, or WAITLISTED when full' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  approveEnrolment(@Args(() => EnrolmentIdArgs) args: EnrolmentIdArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.approve(ctx, args.id);
  }

  @Mutation(() => Enrolment, { description: 'The approver (or an admin of the learner’s agency) rejects a request, with a reason the learner reads' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  rejectEnrolment(@Args(() => RejectEnrolmentArgs) args: RejectEnrolmentArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.reject(ctx, args.id, args.reason);
  }

  @Mutation(() => Enrolment, {
    description: 'The run’s instructors or its course owner’s admins record completion of an ACTIVE enrolment and credit the course’s JP: not before the run starts (COURSE_NOT_STARTED); before it ends only with `early: true` (COURSE_NOT_ENDED)',
  })
  @Authorized(Role.INSTRUCTOR, Role.AGENCY_ADMIN, Role.PARTNER_ADMIN)
  completeEnrolment(@Args(() => FinishEnrolmentArgs) args: FinishEnrolmentArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.complete(ctx, args.id, args.note, args.early);
  }

  @Mutation(() => Enrolment, { description: 'Records that an ACTIVE enrolment was not passed (no JP credited); same people and dates as completeEnrolment' })
  @Authorized(Role.INSTRUCTOR, Role.AGENCY_ADMIN, Role.PARTNER_ADMIN)
  failEnrolment(@Args(() => FinishEnrolmentArgs) args: FinishEnrolmentArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return enrolments.fail(ctx, args.id, args.note, args.early);
  }

  @Mutation(() => EnrolPeopleResult, { description: 'Agency admins enrol people of their agencies in a run, in bulk (any policy, invitation-only included)' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  enrolPeople(@Args(() => EnrolPeopleArgs) args: EnrolPeopleArgs, @Ctx() ctx: SignedInContext): Promise<EnrolPeopleResult> {
    return enrolments.enrolPeople(ctx, args.runId, args.personIds);
  }

  @Query(() => EnrolmentPage, { description: 'The viewer’s own enrolments, newest first' })
  @Authorized()
  myEnrolments(@Args(() => MyEnrolmentsArgs) args: MyEnrolmentsArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<EnrolmentPage> {
    return reads.myEnrolments(ctx, args, selects(info, ['totalCount']));
  }

  @Query(() => Enrolment, { description: 'One enrolment, for the learner, their approver/supervisor, who runs the course and admins of the learner’s agency' })
  @Authorized()
  enrolment(@Args(() => EnrolmentIdArgs) args: EnrolmentIdArgs, @Ctx() ctx: SignedInContext): Promise<Enrolment> {
    return reads.getEnrolment(ctx, args.id);
  }

  @Query(() => ApprovalRequestPage, { description: 'Requests waiting on the viewer’s decision, oldest first' })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  approvalsInbox(
    @Args(() => ApprovalsInboxArgs) args: ApprovalsInboxArgs,
    @Ctx() ctx: SignedInContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApprovalRequestPage> {
    return reads.approvalsInbox(ctx, args, selects(info, ['totalCount']));
  }

  @Query(() => EnrolmentPage, { description: 'Who is enrolled in a run, by name, for its instructors and its course’s managers' })
  @Authorized(...COURSE_STAFF)
  courseRoster(@Args(() => CourseRosterArgs) args: CourseRosterArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<EnrolmentPage> {
    return reads.courseRoster(ctx, args, selects(info, ['totalCount']));
  }
}

/** The learner's NIP on every enrolment screen (roster, inbox, home, one enrolment) goes through the one identity policy. */
@Resolver(() => EnrolmentLearner)
@Authorized()
export class EnrolmentLearnerResolver {
  @FieldResolver(() => String, { nullable: true, description: 'In full for the learner, their supervisor chain, their agency’s admins and platform admins; masked for anyone else' })
  async nip(@Root() learner: EnrolmentLearner, @Ctx() ctx: SignedInContext): Promise<string | null> {
    return (await shownIdentity(ctx, learner.identity)).nip;
  }
}

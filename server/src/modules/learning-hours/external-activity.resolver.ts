import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { DecideExternalActivitiesInput, ExternalActivityDecision, ExternalActivityInput, ExternalActivityPageArgs, ExternalActivityQueueArgs } from './external-activity.inputs.js';
import * as activities from './external-activity.service.js';
import { ExternalActivity, ExternalActivityPage } from './external-activity.types.js';

@Resolver()
@Authorized()
export class ExternalActivityResolver {
  @Mutation(() => ExternalActivity, { description: 'Submits learning done outside Lentera with its evidence (uploaded first); it waits for the agency admin' })
  @Authorized(Role.LEARNER)
  submitExternalActivity(@Arg('input', () => ExternalActivityInput) input: ExternalActivityInput, @Ctx() ctx: SignedInContext): Promise<ExternalActivity> {
    return activities.submitExternalActivity(ctx, input);
  }

  @Query(() => ExternalActivityPage, { description: "The viewer's external activities, newest first" })
  @Authorized(Role.LEARNER)
  myExternalActivities(@Args(() => ExternalActivityPageArgs) args: ExternalActivityPageArgs, @Ctx() ctx: SignedInContext): Promise<ExternalActivityPage> {
    return activities.myExternalActivities(ctx, args.status, args.first, args.after);
  }

  @Query(() => ExternalActivity, { description: 'One external activity: for its submitter, the admins of the agency it was submitted in, platform admins' })
  @Authorized()
  externalActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<ExternalActivity> {
    return activities.externalActivity(ctx, id);
  }

  @Query(() => ExternalActivityPage, { description: "The agency admin's verification queue (pending: oldest first)" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  externalActivityQueue(@Args(() => ExternalActivityQueueArgs) args: ExternalActivityQueueArgs, @Ctx() ctx: SignedInContext): Promise<ExternalActivityPage> {
    return activities.externalActivityQueue(ctx, args);
  }

  @Mutation(() => ExternalActivity, { description: 'Verifies a pending activity: its JP are credited to the ledger; the submitter is mailed' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async verifyExternalActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<ExternalActivity> {
    const [decided] = await activities.decideExternalActivities(ctx, { ids: [id], decision: ExternalActivityDecision.VERIFY });
    return decided;
  }

  @Mutation(() => ExternalActivity, { description: 'Rejects a pending activity with a reason told to the submitter (mailed)' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async rejectExternalActivity(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: SignedInContext): Promise<ExternalActivity> {
    const [decided] = await activities.decideExternalActivities(ctx, { ids: [id], decision: ExternalActivityDecision.REJECT, reason });
    return decided;
  }

  @Mutation(() => [ExternalActivity], { description: 'One decision for several pending activities, all or none, in one transaction' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  decideExternalActivities(@Arg('input', () => DecideExternalActivitiesInput) input: DecideExternalActivitiesInput, @Ctx() ctx: SignedInContext): Promise<ExternalActivity[]> {
    return activities.decideExternalActivities(ctx, input);
  }
}

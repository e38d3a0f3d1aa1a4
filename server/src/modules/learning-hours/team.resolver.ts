import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { AgencyLearningArgs, TeamLearningArgs } from './team.inputs.js';
import { agencyLearningHours, myTeamLearningHours } from './team.service.js';
import { AgencyLearningHours, PersonLearningStandingPage } from './team.types.js';

@Resolver()
@Authorized()
export class TeamLearningResolver {
  @Query(() => PersonLearningStandingPage, { description: "The supervisor's direct reports with their JP in a year and the gap to the target, by name" })
  @Authorized(Role.SUPERVISOR)
  myTeamLearningHours(@Args(() => TeamLearningArgs) args: TeamLearningArgs, @Ctx() ctx: SignedInContext): Promise<PersonLearningStandingPage> {
    return myTeamLearningHours(ctx, args.year, args.first, args.after);
  }

  @Query(() => AgencyLearningHours, { description: "An agency's people against the year's JP target, lowest first (its admins and platform admins)" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  agencyLearningHours(@Args(() => AgencyLearningArgs) args: AgencyLearningArgs, @Ctx() ctx: SignedInContext): Promise<AgencyLearningHours> {
    return agencyLearningHours(ctx, args);
  }
}

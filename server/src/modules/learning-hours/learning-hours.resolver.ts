import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { LearningRuleSetInput, LearningYearArgs, PersonLearningYearArgs } from './learning-hours.inputs.js';
import * as hours from './learning-hours.service.js';
import { LearningRuleSet, LearningRuleSetPage, LearningYear } from './learning-hours.types.js';

@Resolver()
@Authorized()
export class LearningHoursResolver {
  @Query(() => LearningRuleSetPage, { description: 'The rules for counting JP, newest first' })
  @Authorized()
  learningRuleSets(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<LearningRuleSetPage> {
    return hours.listRuleSets(ctx.em, args.first, args.after);
  }

  @Mutation(() => LearningRuleSet, { description: 'Adds a rule set in force from a date (platform admins)' })
  @Authorized(Role.PLATFORM_ADMIN)
  createLearningRuleSet(@Arg('input', () => LearningRuleSetInput) input: LearningRuleSetInput, @Ctx() ctx: SignedInContext): Promise<LearningRuleSet> {
    return hours.createRuleSet(ctx.em, ctx.viewer, input);
  }

  @Query(() => LearningYear, { description: "The viewer's learning hours in a year (this year by default)" })
  @Authorized(Role.LEARNER)
  myLearningHours(@Args(() => LearningYearArgs) args: LearningYearArgs, @Ctx() ctx: SignedInContext): Promise<LearningYear> {
    return hours.myLearningYear(ctx.em, ctx.viewer, args.year);
  }

  @Query(() => LearningYear, { description: "A person's learning hours, for their supervisor and their agency's admins" })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  personLearningHours(@Args(() => PersonLearningYearArgs) args: PersonLearningYearArgs, @Ctx() ctx: SignedInContext): Promise<LearningYear> {
    return hours.personLearningYear(ctx.em, ctx.viewer, args.personId, args.year);
  }
}

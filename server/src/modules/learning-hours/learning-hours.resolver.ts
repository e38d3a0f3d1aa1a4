import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { LearningRecordsArgs, LearningRuleSetInput, LearningYearArgs, PersonLearningYearArgs, RevokeLearningRecordArgs } from './learning-hours.inputs.js';
import * as hours from './learning-hours.service.js';
import { LearningRecordLine, LearningRecordPage, LearningRuleSet, LearningRuleSetPage, LearningYear } from './learning-hours.types.js';

@Resolver()
@Authorized()
export class LearningHoursResolver {
  @Query(() => LearningRuleSetPage, { description: 'The rules for counting JP, newest first' })
  @Authorized()
  learningRuleSets(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<LearningRuleSetPage> {
    return hours.listRuleSets(ctx, args.first, args.after);
  }

  @Mutation(() => LearningRuleSet, { description: 'Adds a rule set in force from a date (platform admins)' })
  @Authorized(Role.PLATFORM_ADMIN)
  createLearningRuleSet(@Arg('input', () => LearningRuleSetInput) input: LearningRuleSetInput, @Ctx() ctx: SignedInContext): Promise<LearningRuleSet> {
    return hours.createRuleSet(ctx, input);
  }

  @Query(() => LearningYear, { description: "The viewer's learning hours in a year (this year by default)" })
  @Authorized(Role.LEARNER)
  myLearningHours(@Args(() => LearningYearArgs) args: LearningYearArgs, @Ctx() ctx: SignedInContext): Promise<LearningYear> {
    return hours.myLearningYear(ctx, args.year);
  }

  @Query(() => LearningYear, { description: "A person's learning hours, for their supervisor and their agency's admins" })
  @Authorized(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  personLearningHours(@Args(() => PersonLearningYearArgs) args: PersonLearningYearArgs, @Ctx() ctx: SignedInContext): Promise<LearningYear> {
    return hours.personLearningYear(ctx, args.personId, args.year);
  }

  @Query(() => LearningRecordPage, {
    description: "A person's learning-hours ledger lines, newest first: for the person, their supervisor, their agency's admins, and the admins of an agency they learned in (its lines only)",
  })
  @Authorized()
  learningRecords(@Args(() => LearningRecordsArgs) args: LearningRecordsArgs, @Ctx() ctx: SignedInContext): Promise<LearningRecordPage> {
    return hours.listLearningRecords(ctx, args.personId, args.year, args.first, args.after);
  }

  @Mutation(() => LearningRecordLine, {
    description: 'Takes back a credited ledger line with a reversal line (platform admins; admins of the agency the person was in when it was credited, '
      + 'for a person holding no role beyond what they could grant); again: no change',
  })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  revokeLearningRecord(@Args(() => RevokeLearningRecordArgs) args: RevokeLearningRecordArgs, @Ctx() ctx: SignedInContext): Promise<LearningRecordLine> {
    return hours.revokeLearningRecord(ctx, args.id, args.reason);
  }
}

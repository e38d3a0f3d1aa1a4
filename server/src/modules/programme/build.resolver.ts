import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { selects } from '../../shared/graphql/selection.js';
import {
  CreateProgrammeCohortInput, CreateProgrammeInput, ManagedProgrammesArgs, ProgrammeCourseChoicesArgs, SetProgrammePathInput,
  UpdateProgrammeCohortInput, UpdateProgrammeInput,
} from './build.inputs.js';
import { cohortItemRunsLoader } from './build.loaders.js';
import * as build from './build.service.js';
import { CohortItemRun, ProgrammeCourseChoice } from './build.types.js';
import { ProgrammeStatus } from './programme.entity.js';
import { canManageProgramme } from './programme.policy.js';
import { readProgramme } from './programme.queries.js';
import { Programme, ProgrammeCohort, ProgrammePage } from './programme.types.js';

/** Who builds programmes: agency admins (their agencies'), partner admins (their partners'), platform admins; the service checks the owner. */
const BUILDERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

@Resolver()
@Authorized()
export class ProgrammeBuildResolver {
  @Query(() => ProgrammePage, { description: 'Programmes the viewer manages (their agencies’ and partners’), newest first' })
  @Authorized(...BUILDERS)
  managedProgrammes(@Args(() => ManagedProgrammesArgs) args: ManagedProgrammesArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<ProgrammePage> {
    return build.managedProgrammes(ctx, args, selects(info, ['totalCount']));
  }

  @Query(() => [ProgrammeCourseChoice], { description: 'Courses and workshops the programme’s owner may put on its path (its managers only)' })
  @Authorized(...BUILDERS)
  programmeCourseChoices(@Args(() => ProgrammeCourseChoicesArgs) args: ProgrammeCourseChoicesArgs, @Ctx() ctx: SignedInContext): Promise<ProgrammeCourseChoice[]> {
    return build.programmeCourseChoices(ctx, args);
  }

  @Query(() => ProgrammeCohort, { description: 'A cohort of a programme the viewer may open' })
  cohort(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<ProgrammeCohort> {
    return build.cohort(ctx, id);
  }

  @Mutation(() => Programme, { description: 'A new DRAFT programme owned by an agency or a partner the viewer administers' })
  @Authorized(...BUILDERS)
  createProgramme(@Arg('input', () => CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return build.createProgramme(ctx, input);
  }

  @Mutation(() => Programme, { description: 'Changes the fields given' })
  @Authorized(...BUILDERS)
  updateProgramme(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateProgrammeInput) input: UpdateProgrammeInput, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return build.updateProgramme(ctx, id, input);
  }

  @Mutation(() => Programme, { description: 'Sets the whole path (items in order, groups of electives, completion rule) in one step' })
  @Authorized(...BUILDERS)
  setProgrammePath(@Arg('id', () => ID) id: string, @Arg('input', () => SetProgrammePathInput) input: SetProgrammePathInput, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return build.setProgrammePath(ctx, id, input);
  }

  @Mutation(() => Programme, { description: 'DRAFT → PUBLISHED: its cohorts take nominations (needs a path)' })
  @Authorized(...BUILDERS)
  publishProgramme(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return build.setProgrammeStatus(ctx, id, ProgrammeStatus.PUBLISHED);
  }

  @Mutation(() => Programme, { description: 'Archives a programme: kept for its history and evidence, no new cohorts or changes' })
  @Authorized(...BUILDERS)
  archiveProgramme(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return build.setProgrammeStatus(ctx, id, ProgrammeStatus.ARCHIVED);
  }

  @Mutation(() => ProgrammeCohort, { description: 'A new cohort with one run per item of the path (created as invitation runs, or linked)' })
  @Authorized(...BUILDERS)
  createProgrammeCohort(@Arg('input', () => CreateProgrammeCohortInput) input: CreateProgrammeCohortInput, @Ctx() ctx: SignedInContext): Promise<ProgrammeCohort> {
    return build.createProgrammeCohort(ctx, input);
  }

  @Mutation(() => ProgrammeCohort, { description: 'Changes the fields given; items give runs to new items or change a run’s dates and instructors' })
  @Authorized(...BUILDERS)
  updateProgrammeCohort(
    @Arg('id', () => ID) id: string, @Arg('input', () => UpdateProgrammeCohortInput) input: UpdateProgrammeCohortInput, @Ctx() ctx: SignedInContext,
  ): Promise<ProgrammeCohort> {
    return build.updateProgrammeCohort(ctx, id, input);
  }

  @Mutation(() => ProgrammeCohort, { description: 'Cancels a cohort: its item runs are cancelled (everyone told by mail, with the reason), its participants withdrawn' })
  @Authorized(...BUILDERS)
  cancelProgrammeCohort(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: SignedInContext): Promise<ProgrammeCohort> {
    return build.cancelProgrammeCohort(ctx, id, reason);
  }

  @Mutation(() => ProgrammeCohort, { description: 'Adds or changes an agency’s seats (within the capacity, never below seats taken); 0 removes an agency that took none' })
  @Authorized(...BUILDERS)
  setCohortQuota(
    @Arg('cohortId', () => ID) cohortId: string, @Arg('agencyId', () => ID) agencyId: string, @Arg('seats', () => Int) seats: number, @Ctx() ctx: SignedInContext,
  ): Promise<ProgrammeCohort> {
    return build.setCohortQuota(ctx, cohortId, agencyId, seats);
  }
}

@Resolver(() => ProgrammeCohort)
@Authorized()
export class ProgrammeCohortBuildResolver {
  @FieldResolver(() => [CohortItemRun], { description: 'The run of each item for this cohort, in path order' })
  itemRuns(@Root() cohort: ProgrammeCohort, @Ctx() ctx: SignedInContext): Promise<CohortItemRun[]> {
    return ctx.loaders.get(cohortItemRunsLoader).load(cohort.id);
  }

  // The cohort was read by whoever may open its programme (cohort(id) or Programme.cohorts).
  @FieldResolver(() => Programme, { description: 'The programme this is a cohort of' })
  async programme(@Root() cohort: ProgrammeCohort, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return (await readProgramme(ctx, cohort.programmeId))!;
  }
}

@Resolver(() => Programme)
@Authorized()
export class ProgrammeBuildFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may change it (its owner’s admins, platform admins)' })
  canManage(@Root() programme: Programme, @Ctx() ctx: SignedInContext): boolean {
    return canManageProgramme(ctx.viewer, { owner_agency_id: programme.ownerAgencyId, owner_partner_id: programme.ownerPartnerId });
  }
}

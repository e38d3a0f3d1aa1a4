import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs, type Page } from '../../shared/graphql/pagination.js';
import { cohortQuotasLoader } from './programme.loaders.js';
import { canManageProgramme } from './programme.policy.js';
import { CohortAgencyQuota, Programme, ProgrammeCohort, ProgrammePage } from './programme.types.js';
import { explainEvidence } from './library.explain.js';
import { SharedProgrammesArgs } from './library.inputs.js';
import { adoptionCountLoader, programmeCreditLoader, programmeEvidenceLoader } from './library.loaders.js';
import * as library from './library.service.js';
import { ProgrammeAdoption, ProgrammeAdoptionPage, ProgrammeCredit, ProgrammeEvidence } from './library.types.js';

/** The library is for the agencies choosing programmes: agency admins (and platform admins). Learners never see it. */
const LIBRARY = [Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN] as const;
/** Sharing is the owner's managers' (programme.policy.ts canManageProgramme): agency, partner and platform admins. */
const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

@Resolver(() => Programme)
@Authorized()
export class LibraryResolver {
  @Query(() => ProgrammePage, { description: 'The shared-programme library: published programmes their owners share, with their computed evidence' })
  @Authorized(...LIBRARY)
  sharedProgrammes(@Args(() => SharedProgrammesArgs) args: SharedProgrammesArgs, @Ctx() ctx: SignedInContext): Promise<Page<Programme>> {
    return library.sharedProgrammes(ctx, args);
  }

  @Mutation(() => Programme, { description: 'Puts a published programme in the shared library (its managers), with a note beside the evidence' })
  @Authorized(...MANAGERS)
  shareProgramme(
    @Arg('programmeId', () => ID) programmeId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Ctx() ctx: SignedInContext,
  ): Promise<Programme> {
    return library.shareProgramme(ctx, programmeId, note);
  }

  @Mutation(() => Programme, { description: 'Takes a programme out of the shared library; adoptions keep their lineage' })
  @Authorized(...MANAGERS)
  unshareProgramme(@Arg('programmeId', () => ID) programmeId: string, @Ctx() ctx: SignedInContext): Promise<Programme> {
    return library.unshareProgramme(ctx, programmeId);
  }

  @Mutation(() => Programme, { description: 'A DRAFT copy of a shared programme under the viewer’s agency (items, groups, rule; not cohorts), crediting it' })
  @Authorized(...LIBRARY)
  adoptProgramme(
    @Arg('programmeId', () => ID) programmeId: string,
    @Arg('code', () => String) code: string,
    @Arg('title', () => String, { nullable: true }) title: string | null | undefined,
    @Ctx() ctx: SignedInContext,
  ): Promise<Programme> {
    return library.adoptProgramme(ctx, programmeId, code, title);
  }

  @Mutation(() => CohortAgencyQuota, { description: 'The viewer’s agency takes seats no quota holds in a cohort that offers them' })
  @Authorized(...LIBRARY)
  joinCohort(
    @Arg('cohortId', () => ID) cohortId: string,
    @Arg('seats', () => Int) seats: number,
    @Ctx() ctx: SignedInContext,
  ): Promise<CohortAgencyQuota> {
    return library.joinCohort(ctx, cohortId, seats);
  }

  @FieldResolver(() => ProgrammeEvidence, { description: 'Computed from its ended, not cancelled cohorts; says how and over which' })
  async evidence(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeEvidence> {
    const figures = await ctx.loaders.get(programmeEvidenceLoader).load(programme.id);
    return { ...figures, explanations: explainEvidence(figures, ctx.locale) };
  }

  @FieldResolver(() => ProgrammeCredit, { nullable: true, description: 'The programme this one was adopted from (null for an original)' })
  adoptedFrom(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeCredit | null> | null {
    return programme.adoptedFromId ? ctx.loaders.get(programmeCreditLoader).load(programme.adoptedFromId) : null;
  }

  @FieldResolver(() => ProgrammeCredit, { nullable: true, description: 'The first programme of its adoption chain (null for an original)' })
  origin(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeCredit | null> | null {
    return programme.originId ? ctx.loaders.get(programmeCreditLoader).load(programme.originId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may share it in the library and read its adopters’ evidence (its managers)' })
  canShare(@Root() programme: Programme, @Ctx() ctx: SignedInContext): boolean {
    return canManageProgramme(ctx.viewer, { owner_agency_id: programme.ownerAgencyId, owner_partner_id: programme.ownerPartnerId });
  }

  @FieldResolver(() => Int, { description: 'How many copies agencies made of it (direct adoptions)' })
  adoptionCount(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<number> {
    return ctx.loaders.get(adoptionCountLoader).load(programme.id);
  }

  @FieldResolver(() => ProgrammeAdoptionPage, { description: 'Which agencies adopted it and when, first first' })
  adoptions(@Root() programme: Programme, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<Page<ProgrammeAdoption>> {
    return library.programmeAdoptions(ctx, programme, args);
  }
}

@Resolver(() => ProgrammeAdoption)
@Authorized()
export class ProgrammeAdoptionResolver {
  @FieldResolver(() => ProgrammeEvidence, { nullable: true, description: 'The copy’s evidence: for the original’s managers, where the adopter shares its copy' })
  async evidence(@Root() adoption: ProgrammeAdoption, @Ctx() ctx: SignedInContext): Promise<ProgrammeEvidence | null> {
    if (!adoption.evidenceVisible) return null;
    const figures = await ctx.loaders.get(programmeEvidenceLoader).load(adoption.programmeId);
    return { ...figures, explanations: explainEvidence(figures, ctx.locale) };
  }
}

@Resolver(() => ProgrammeCohort)
@Authorized()
export class LibraryCohortResolver {
  @FieldResolver(() => Int, { description: 'Seats no quota holds (capacity − Σ quotas): what joinCohort may take when it offers seats' })
  async freeSeats(@Root() cohort: ProgrammeCohort, @Ctx() ctx: SignedInContext): Promise<number> {
    const quotas = await ctx.loaders.get(cohortQuotasLoader).load(cohort.id);
    return Math.max(0, cohort.capacity - quotas.reduce((sum, q) => sum + q.seats, 0));
  }
}

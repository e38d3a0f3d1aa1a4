import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { AppError } from '../../shared/errors.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { cohortQuotasLoader } from './programme.loaders.js';
import { CohortParticipant, Programme, ProgrammeCohort, ProgrammePage } from './programme.types.js';
import { cohortByIdLoader, participantProgressLoader, programmeByIdLoader, viewerParticipationLoader } from './path.loaders.js';
import * as path from './path.service.js';
import { ProgrammeParticipation, ProgrammeParticipationPage, ProgrammeProgress } from './path.types.js';

@ArgsType()
class ProgrammeCatalogueArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words in the title or code' })
  search?: string | null;
}

/** The learner's side of programmes: the catalogue's programmes, "my programmes", one participation, the rating. */
@Resolver()
@Authorized()
export class PathResolver {
  @Query(() => ProgrammePage, { description: 'Published programmes the viewer may join: owned by their agency, or with a cohort still nominating in which their agency holds a quota' })
  programmeCatalogue(@Args(() => ProgrammeCatalogueArgs) args: ProgrammeCatalogueArgs, @Ctx() ctx: SignedInContext): Promise<ProgrammePage> {
    return path.programmeCatalogue(ctx, args);
  }

  @Query(() => ProgrammeParticipationPage, { description: 'The viewer’s programmes (applied, nominated, completed), latest cohort first' })
  myProgrammes(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<ProgrammeParticipationPage> {
    return path.myProgrammes(ctx, args);
  }

  @Query(() => ProgrammeParticipation, { description: 'One participation with its progress: for the participant, admins of their agency and the programme’s managers' })
  programmeParticipation(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<ProgrammeParticipation> {
    return path.participation(ctx, id);
  }

  @Mutation(() => ProgrammeParticipation, { description: 'The participant rates the programme they completed (1–5, optional comment); may be changed later' })
  rateProgramme(
    @Arg('participantId', () => ID) participantId: string,
    @Arg('rating', () => Int) rating: number,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: SignedInContext,
  ): Promise<ProgrammeParticipation> {
    return path.rateProgramme(ctx, participantId, rating, comment);
  }
}

@Resolver(() => ProgrammeParticipation)
@Authorized()
export class ProgrammeParticipationResolver {
  // Whoever sees a participation sees the programme and cohort it is in (the participant takes part in it).
  @FieldResolver(() => Programme)
  async programme(@Root() p: ProgrammeParticipation, @Ctx() ctx: SignedInContext): Promise<Programme> {
    const programme = await ctx.loaders.get(programmeByIdLoader).load(p.programmeId);
    if (!programme) throw new AppError('NOT_FOUND', { what: 'programme' });
    return programme;
  }

  @FieldResolver(() => ProgrammeCohort)
  async cohort(@Root() p: ProgrammeParticipation, @Ctx() ctx: SignedInContext): Promise<ProgrammeCohort> {
    const cohort = await ctx.loaders.get(cohortByIdLoader).load(p.cohortId);
    if (!cohort) throw new AppError('NOT_FOUND', { what: 'cohort' });
    return cohort;
  }

  @FieldResolver(() => ProgrammeProgress, { description: 'Progress along the path, per item, with what comes next' })
  async progress(@Root() p: ProgrammeParticipation, @Ctx() ctx: SignedInContext): Promise<ProgrammeProgress> {
    return (await ctx.loaders.get(participantProgressLoader).load(p.id)) ?? emptyProgress();
  }
}

const emptyProgress = (): ProgrammeProgress => ({
  items: [], requiredCompleted: 0, requiredTotal: 0, groupsMet: 0, groupsTotal: 0, percent: 0, jp: 0, ruleMet: false, nextItemId: null,
});

@Resolver(() => Programme)
@Authorized()
export class PathProgrammeResolver {
  @FieldResolver(() => ProgrammeParticipation, { nullable: true, description: 'The viewer’s own participation (the latest current one), if any' })
  viewerParticipation(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeParticipation | null> {
    return ctx.loaders.get(viewerParticipationLoader).load(`${ctx.viewer.personId}:${programme.id}`);
  }
}

@Resolver(() => ProgrammeCohort)
@Authorized()
export class PathCohortResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer’s agency holds a quota in this cohort' })
  async viewerAgencyTakesPart(@Root() cohort: ProgrammeCohort, @Ctx() ctx: SignedInContext): Promise<boolean> {
    const agencyId = ctx.viewer.agencyId;
    if (!agencyId) return false;
    return (await ctx.loaders.get(cohortQuotasLoader).load(cohort.id)).some((q) => q.agencyId === agencyId);
  }
}

@Resolver(() => CohortParticipant)
@Authorized()
export class PathParticipantResolver {
  // Whoever was given the participant row (nomination's lists check who may) may see how far along they are.
  @FieldResolver(() => ProgrammeProgress, { nullable: true, description: 'Progress along the path (null before they hold a seat)' })
  progress(@Root() participant: CohortParticipant, @Ctx() ctx: SignedInContext): Promise<ProgrammeProgress | null> {
    return ctx.loaders.get(participantProgressLoader).load(participant.id);
  }
}

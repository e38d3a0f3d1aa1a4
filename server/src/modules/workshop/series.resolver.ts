import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { CreateRunSeriesInput, RunSeriesOfCourseArgs, SeriesOccurrencesArgs, UpdateRunSeriesInput } from './series.inputs.js';
import * as series from './series.service.js';
import { RunSeries, RunSeriesPage, SeriesOccurrence, SeriesOccurrencePage } from './series.types.js';

const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

/** Recurring forums are planned by the workshop's managers (ownership checked in the service; others: NOT_FOUND). */
@Resolver(() => RunSeries)
@Authorized()
export class RunSeriesResolver {
  @Query(() => RunSeries, { description: 'A recurring forum of a workshop the viewer manages' })
  @Authorized(...MANAGERS)
  runSeries(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<RunSeries> {
    return series.runSeries(ctx, id);
  }

  @Query(() => RunSeriesPage, { description: 'The recurring forums of a workshop the viewer manages, by first date' })
  @Authorized(...MANAGERS)
  runSeriesOfCourse(@Args(() => RunSeriesOfCourseArgs) args: RunSeriesOfCourseArgs, @Ctx() ctx: SignedInContext): Promise<RunSeriesPage> {
    return series.runSeriesOfCourse(ctx, args);
  }

  @FieldResolver(() => SeriesOccurrencePage, { description: 'Its occurrences in date order, cancelled ones included' })
  occurrences(
    @Root() root: RunSeries, @Args(() => SeriesOccurrencesArgs) args: SeriesOccurrencesArgs, @Ctx() ctx: SignedInContext,
  ): Promise<SeriesOccurrencePage> {
    return series.seriesOccurrences(ctx, root.id, args);
  }

  @Mutation(() => RunSeries, { description: 'A recurring forum on a workshop: creates its occurrences (a run with one session each)' })
  @Authorized(...MANAGERS)
  createRunSeries(@Arg('input', () => CreateRunSeriesInput) input: CreateRunSeriesInput, @Ctx() ctx: SignedInContext): Promise<RunSeries> {
    return series.createRunSeries(ctx, input);
  }

  @Mutation(() => RunSeries, { description: 'Changes a series from now on: past occurrences stay; future ones follow; dropped dates are cancelled (registrants told)' })
  @Authorized(...MANAGERS)
  updateRunSeries(
    @Arg('id', () => ID) id: string, @Arg('input', () => UpdateRunSeriesInput) input: UpdateRunSeriesInput, @Ctx() ctx: SignedInContext,
  ): Promise<RunSeries> {
    return series.updateRunSeries(ctx, id, input);
  }

  @Mutation(() => SeriesOccurrence, { description: 'Cancels one occurrence; everyone registered or waiting is withdrawn and told the reason by mail' })
  @Authorized(...MANAGERS)
  cancelSeriesOccurrence(
    @Arg('runId', () => ID) runId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: SignedInContext,
  ): Promise<SeriesOccurrence> {
    return series.cancelSeriesOccurrence(ctx, runId, reason);
  }
}

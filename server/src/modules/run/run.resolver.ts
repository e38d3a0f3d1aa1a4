import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { selects } from '../../shared/graphql/selection.js';
import { canManageCourse, courseByIdLoader, CourseType } from '../course/index.js';
import { nextRunLoader } from './run.loaders.js';
import { CourseRunsArgs, CreateCourseRunInput, TeachingRunsArgs, UpdateCourseRunInput } from './run.inputs.js';
import * as runs from './run.service.js';
import { CourseRun, CourseRunPage } from './run.types.js';
import { toCourseRun, type RunRow } from './run.sql.js';

const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

/** One run, and the CourseRun fields that need more than the run's row. */
@Resolver(() => CourseRun)
@Authorized()
export class CourseRunResolver {
  @Query(() => CourseRun, { description: 'One run of a course; NOT_FOUND when the viewer may not see the course' })
  @Authorized()
  courseRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<CourseRun> {
    return runs.courseRun(ctx, id);
  }

  @FieldResolver(() => CourseType, { description: 'The course this is a run of' })
  async course(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<CourseType> {
    if (run.preloadedCourse) return run.preloadedCourse;
    return (await ctx.loaders.get(courseByIdLoader).load(run.courseId))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may change and cancel this run (its course’s managers)' })
  canManage(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): boolean {
    return canManageCourse(ctx.viewer, { owner_agency_id: run.ownerAgencyId, owner_partner_id: run.ownerPartnerId });
  }
}

/** A course's runs, on the Course type (batched across a listing). */
@Resolver(() => CourseType)
@Authorized()
export class CourseRunsOfCourseResolver {
  @FieldResolver(() => CourseRunPage, { description: 'The course’s runs, soonest first (undated ones first: any time); ended and cancelled ones only with includeEnded' })
  async runs(@Root() course: CourseType, @Args(() => CourseRunsArgs) args: CourseRunsArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<CourseRunPage> {
    const withTotal = selects(info, ['totalCount']);
    // A course's page reads its runs in the course's own statement (course(id)); other readers ask here.
    return runs.preloadedRunsOfCourse(ctx, course, args, withTotal) ?? runs.runsOfCourse(ctx, course.id, args, withTotal);
  }

  @FieldResolver(() => CourseRun, { nullable: true, description: 'The soonest scheduled run that has not ended (for catalogue cards); its enrolmentClosedReason says whether one can still enrol' })
  async nextRun(@Root() course: CourseType, @Ctx() ctx: SignedInContext): Promise<CourseRun | null> {
    // A catalogue page reads it in its own statement; a course read alone asks the (batched) loader.
    if (course.nextRunRow !== undefined) return course.nextRunRow ? toCourseRun(course.nextRunRow as RunRow) : null;
    return ctx.loaders.get(nextRunLoader).load(course.id);
  }
}

/** Runs are scheduled, changed and cancelled by their course's managers; ownership is checked in the service. */
@Resolver()
@Authorized()
export class CourseRunAdminResolver {
  @Mutation(() => CourseRun, { description: 'Schedules a new run of a course the viewer manages' })
  @Authorized(...MANAGERS)
  createCourseRun(@Arg('input', () => CreateCourseRunInput) input: CreateCourseRunInput, @Ctx() ctx: SignedInContext): Promise<CourseRun> {
    return runs.createCourseRun(ctx, input);
  }

  @Mutation(() => CourseRun, { description: 'Changes the fields given; raising capacity promotes the waiting list' })
  @Authorized(...MANAGERS)
  updateCourseRun(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCourseRunInput) input: UpdateCourseRunInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<CourseRun> {
    return runs.updateCourseRun(ctx, id, input);
  }

  @Mutation(() => CourseRun, { description: 'Cancels a run that has not ended: everyone requested, waiting or active in it is withdrawn, told by mail (with the reason), and may enrol in another run' })
  @Authorized(...MANAGERS)
  cancelCourseRun(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SignedInContext,
    @Arg('reason', () => String, { nullable: true, description: 'Told to everyone withdrawn, in the "run cancelled" mail (at most 500 characters)' }) reason?: string | null,
  ): Promise<CourseRun> {
    return runs.cancelCourseRun(ctx, id, reason);
  }
}

/** What instructors teach: their own list of runs, since the catalogue shows only what learners may enrol in. */
@Resolver()
@Authorized()
export class TeachingResolver {
  @Query(() => CourseRunPage, { description: 'Runs the viewer is an instructor of, latest start first (undated ones by when they were scheduled); runs of draft courses only when asked for' })
  @Authorized(Role.INSTRUCTOR, Role.PLATFORM_ADMIN)
  teachingRuns(@Args(() => TeachingRunsArgs) args: TeachingRunsArgs, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<CourseRunPage> {
    return runs.teachingRuns(ctx, args, selects(info, ['totalCount']));
  }
}

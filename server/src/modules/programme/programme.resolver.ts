import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { AppError } from '../../shared/errors.js';
import { courseByIdLoader, CourseType } from '../course/index.js';
import { cohortQuotasLoader, programmeCohortsLoader, programmeGroupsLoader, programmeItemsLoader } from './programme.loaders.js';
import { assertCanViewProgramme } from './programme.policy.js';
import { readProgramme } from './programme.queries.js';
import { CohortAgencyQuota, Programme, ProgrammeCohort, ProgrammeGroup, ProgrammeItem } from './programme.types.js';

/** Reading one programme and its parts. Who may open it: programme.policy.ts canViewProgramme (others: NOT_FOUND). */
@Resolver(() => Programme)
@Authorized()
export class ProgrammeResolver {
  @Query(() => Programme, { description: 'A programme the viewer may open (its managers, participants and instructors; participating agencies once published; agency admins once shared)' })
  async programme(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Programme> {
    await assertCanViewProgramme(ctx.em, ctx.viewer, id);
    const programme = await readProgramme(ctx, id);
    if (!programme) throw new AppError('NOT_FOUND', { what: 'programme' });
    return programme;
  }

  @FieldResolver(() => [ProgrammeItem], { description: 'The path, in order' })
  items(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeItem[]> {
    return ctx.loaders.get(programmeItemsLoader).load(programme.id);
  }

  @FieldResolver(() => [ProgrammeGroup], { description: 'Groups of electives (completion rule GROUPS)' })
  groups(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeGroup[]> {
    return ctx.loaders.get(programmeGroupsLoader).load(programme.id);
  }

  @FieldResolver(() => [ProgrammeCohort], { description: 'Its cohorts, latest start first' })
  cohorts(@Root() programme: Programme, @Ctx() ctx: SignedInContext): Promise<ProgrammeCohort[]> {
    return ctx.loaders.get(programmeCohortsLoader).load(programme.id);
  }
}

@Resolver(() => ProgrammeItem)
@Authorized()
export class ProgrammeItemResolver {
  // Whoever may open the programme may read what its path is made of, as the catalogue shows a course's title.
  @FieldResolver(() => CourseType, { description: 'The course or workshop of this step' })
  async course(@Root() item: ProgrammeItem, @Ctx() ctx: SignedInContext): Promise<CourseType> {
    const course = await ctx.loaders.get(courseByIdLoader).load(item.courseId);
    if (!course) throw new AppError('NOT_FOUND', { what: 'course' });
    return course;
  }
}

@Resolver(() => ProgrammeCohort)
@Authorized()
export class ProgrammeCohortResolver {
  @FieldResolver(() => [CohortAgencyQuota], { description: 'The participating agencies and their seats' })
  quotas(@Root() cohort: ProgrammeCohort, @Ctx() ctx: SignedInContext): Promise<CohortAgencyQuota[]> {
    return ctx.loaders.get(cohortQuotasLoader).load(cohort.id);
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { listingSelection } from './course.resolver.js';
import { CoursePage } from './course.types.js';
import { TeachingCoursesArgs } from './teaching.inputs.js';
import * as teaching from './teaching.service.js';

/** What instructors teach: their own list, since the catalogue shows only what learners may enrol in. */
@Resolver()
@Authorized()
export class TeachingResolver {
  @Query(() => CoursePage, { description: 'Courses the viewer is an instructor of, newest start first (drafts only when asked for)' })
  @Authorized(Role.INSTRUCTOR, Role.PLATFORM_ADMIN)
  teachingCourses(
    @Args(() => TeachingCoursesArgs) args: TeachingCoursesArgs,
    @Ctx() ctx: SignedInContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CoursePage> {
    return teaching.teachingCourses(ctx.em, ctx.viewer, args, listingSelection(info));
  }
}

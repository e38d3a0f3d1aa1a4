import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Course } from '../course/course.types.js';
import { personCourseEnrolmentLoader, personCourseKey } from './enrolment.loaders.js';
import { Enrolment } from './enrolment.types.js';

/** The viewer's own enrolment on any Course they are shown; batched across a listing. */
@Resolver(() => Course)
@Authorized()
export class ViewerEnrolmentResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The viewer’s own enrolment in this course, if any (in any status)' })
  @Authorized()
  viewerEnrolment(@Root() course: Course, @Ctx() ctx: SignedInContext): Promise<Enrolment | null> {
    return ctx.loaders.get(personCourseEnrolmentLoader).load(personCourseKey(ctx.viewer.personId, course.id));
  }
}

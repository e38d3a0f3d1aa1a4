import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { Course } from '../course/course.types.js';
import { personCourseEnrolmentLoader, personCourseKey, teachesCourseLoader } from './enrolment.loaders.js';
import { administersCourseOwner } from './enrolment.policy.js';
import { Enrolment } from './enrolment.types.js';

/** The viewer's own enrolment on any Course they are shown, and whether they decide its outcomes; batched across a listing. */
@Resolver(() => Course)
@Authorized()
export class ViewerEnrolmentResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The viewer’s own enrolment in this course, if any (in any status)' })
  @Authorized()
  viewerEnrolment(@Root() course: Course, @Ctx() ctx: SignedInContext): Promise<Enrolment | null> {
    return ctx.loaders.get(personCourseEnrolmentLoader).load(personCourseKey(ctx.viewer.personId, course.id));
  }

  @FieldResolver(() => Boolean, {
    description: 'The viewer may record its learners’ outcomes (completeEnrolment / failEnrolment): its instructors and its owner’s admins',
  })
  @Authorized()
  async viewerMayRecordOutcomes(@Root() course: Course, @Ctx() ctx: SignedInContext): Promise<boolean> {
    if (administersCourseOwner(ctx.viewer, { owner_agency_id: course.ownerAgencyId, owner_partner_id: course.ownerPartnerId })) return true;
    // Instructors hold the role (course instructors are checked for it), so others need no statement.
    if (!ctx.viewer.hasRole(Role.INSTRUCTOR)) return false;
    return ctx.loaders.get(teachesCourseLoader).load(personCourseKey(ctx.viewer.personId, course.id));
  }
}

import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { CourseType } from '../course/index.js';
import { CourseRun } from '../run/index.js';
import { personCourseEnrolmentLoader, personKey, personRunEnrolmentLoader } from './enrolment.loaders.js';
import { administersCourseOwner, runsTheRun, seesOnlineLink } from './enrolment.policy.js';
import { Enrolment } from './enrolment.types.js';

/** The viewer's own enrolment on any Course they are shown; batched across a listing. */
@Resolver(() => CourseType)
@Authorized()
export class ViewerCourseEnrolmentResolver {
  @FieldResolver(() => Enrolment, {
    nullable: true,
    description: 'The viewer’s enrolment in this course, in any run: the current one (requested, waiting, active or completed), else the latest (failed, withdrawn, rejected: a later run may be taken)',
  })
  @Authorized()
  viewerEnrolment(@Root() course: CourseType, @Ctx() ctx: SignedInContext): Promise<Enrolment | null> {
    return ctx.loaders.get(personCourseEnrolmentLoader).load(personKey(ctx.viewer.personId, course.id));
  }
}

/** The viewer's own enrolment in a run, what follows from it (the online link), and whether they decide its outcomes; batched across a listing. */
@Resolver(() => CourseRun)
@Authorized()
export class ViewerRunEnrolmentResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The viewer’s own enrolment in this run, if any (in any status)' })
  @Authorized()
  viewerEnrolment(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<Enrolment | null> {
    return ctx.loaders.get(personRunEnrolmentLoader).load(personKey(ctx.viewer.personId, run.id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where to join online (a meeting or learning-platform link): only for who holds a seat in the run (active, completed or failed) and who runs it (its instructors, its course’s managers, platform admins); null for everyone else (hasOnlineUrl says whether there is one)',
  })
  @Authorized()
  async onlineUrl(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<string | null> {
    if (run.storedOnlineUrl === null) return null;
    // Who runs it is known from the run's own row (its owner, its instructors): no statement.
    if (runsTheRun(ctx.viewer, run)) return run.storedOnlineUrl;
    const me = ctx.viewer.personId;
    // An Enrolment's run knows its enrolment; any other run asks the batched loader (one statement for a whole list).
    const status = run.readWithEnrolmentOf?.personId === me
      ? run.readWithEnrolmentOf.status
      : (await ctx.loaders.get(personRunEnrolmentLoader).load(personKey(me, run.id)))?.status;
    return seesOnlineLink(false, status) ? run.storedOnlineUrl : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'The viewer may record its learners’ outcomes (completeEnrolment / failEnrolment): its instructors and its course owner’s admins',
  })
  @Authorized()
  viewerMayRecordOutcomes(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): boolean {
    if (administersCourseOwner(ctx.viewer, { owner_agency_id: run.ownerAgencyId, owner_partner_id: run.ownerPartnerId })) return true;
    // Instructors hold the role (run instructors are checked for it), so others need no statement.
    if (!ctx.viewer.hasRole(Role.INSTRUCTOR)) return false;
    // Every CourseRun is read with its instructors (RUN_COLUMNS), so this needs no statement either.
    return run.instructors.some((instructor) => instructor.id === ctx.viewer.personId);
  }
}

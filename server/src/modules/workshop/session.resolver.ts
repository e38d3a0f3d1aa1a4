import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { canManageCourse } from '../course/index.js';
import { seesOnlineLink } from '../enrolment/index.js';
import { CourseRun } from '../run/index.js';
import { runMaterialsLoader, runSessionsLoader, viewerRunKey } from './session.loaders.js';
import { AddRunMaterialLinkInput, AddRunSessionInput, UpdateRunSessionInput } from './session.inputs.js';
import * as sessions from './session.service.js';
import { toMaterial, toSession } from './session.sql.js';
import { RunMaterialType, RunSessionType } from './session.types.js';

const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

/** Its instructors and its course's managers run a run: they always see its links and files (known from the run's row). */
const runsIt = (ctx: SignedInContext, run: CourseRun) =>
  canManageCourse(ctx.viewer, { owner_agency_id: run.ownerAgencyId, owner_partner_id: run.ownerPartnerId })
  || run.instructors.some((instructor) => instructor.id === ctx.viewer.personId);

/** A workshop run's sessions and materials, on CourseRun (batched across a list of runs). */
@Resolver(() => CourseRun)
@Authorized()
export class RunSessionsResolver {
  @FieldResolver(() => [RunSessionType], {
    description: `The run's sessions, soonest first, cancelled ones included (status says): all of them, since a run holds at most ${sessions.MAX_SESSIONS_PER_RUN}. Empty for a course run`,
  })
  async sessions(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<RunSessionType[]> {
    const { rows, viewerStatus } = await ctx.loaders.get(runSessionsLoader).load(viewerRunKey(ctx.viewer.personId, run.id));
    const mayJoin = seesOnlineLink(runsIt(ctx, run), viewerStatus);
    return rows.map((row) => toSession(row, mayJoin));
  }

  @FieldResolver(() => [RunMaterialType], {
    description: `The run's materials (links and files), oldest first: all of them (at most ${sessions.MAX_MATERIALS_PER_RUN}). Everyone who sees the run sees their titles; the link or file only seat holders and who runs it`,
  })
  async materials(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<RunMaterialType[]> {
    const [rows, { viewerStatus }] = await Promise.all([
      ctx.loaders.get(runMaterialsLoader).load(run.id),
      ctx.loaders.get(runSessionsLoader).load(viewerRunKey(ctx.viewer.personId, run.id)),
    ]);
    const mayHave = seesOnlineLink(runsIt(ctx, run), viewerStatus);
    return rows.map((row) => toMaterial(row, mayHave));
  }
}

/** Sessions and materials are written by the workshop's managers; the run's ownership is checked in the service. */
@Resolver()
@Authorized()
export class RunSessionAdminResolver {
  @Mutation(() => RunSessionType, { description: 'Adds a session to a workshop run; the run’s dates follow its first and last session' })
  @Authorized(...MANAGERS)
  addRunSession(@Arg('input', () => AddRunSessionInput) input: AddRunSessionInput, @Ctx() ctx: SignedInContext): Promise<RunSessionType> {
    return sessions.addRunSession(ctx, input);
  }

  @Mutation(() => RunSessionType, { description: 'Changes a session; a new time or place (a move) is mailed to everyone holding a seat or waiting' })
  @Authorized(...MANAGERS)
  updateRunSession(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRunSessionInput) input: UpdateRunSessionInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<RunSessionType> {
    return sessions.updateRunSession(ctx, id, input);
  }

  @Mutation(() => RunSessionType, { description: 'Cancels a session that has not ended, with the reason everyone holding a seat or waiting is mailed' })
  @Authorized(...MANAGERS)
  cancelRunSession(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: SignedInContext): Promise<RunSessionType> {
    return sessions.cancelRunSession(ctx, id, reason);
  }

  @Mutation(() => ID, { description: 'Adds a link (https) to a workshop run’s materials; files are uploaded to POST /files/runs/<runId>/materials' })
  @Authorized(...MANAGERS)
  addRunMaterialLink(@Arg('input', () => AddRunMaterialLinkInput) input: AddRunMaterialLinkInput, @Ctx() ctx: SignedInContext): Promise<string> {
    return sessions.addRunMaterialLink(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Removes a material (link or file) of a workshop run' })
  @Authorized(...MANAGERS)
  removeRunMaterial(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<boolean> {
    return sessions.removeRunMaterial(ctx, id);
  }
}

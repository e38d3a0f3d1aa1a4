import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError, badInput } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { httpsLink } from '../../shared/util/links.js';
import { writeAudit } from '../audit/index.js';
import { canManageCourse, CourseKind, CourseStatus } from '../course/index.js';
import { EnrolmentStatus } from '../enrolment/index.js';
import { enqueueMails, type MailRequest } from '../mail/index.js';
import { canViewRun, CourseRunStatus, loadRunAccess } from '../run/index.js';
import { RunSessionStatus } from './session.entity.js';
import type { AddRunMaterialLinkInput, AddRunSessionInput, UpdateRunSessionInput } from './session.inputs.js';
import { sessionById, toSession, type SessionRow } from './session.sql.js';
import { resettlePeople } from './workshop-credit.js';
import type { RunSessionType } from './session.types.js';

/**
 * A run holds at most this many sessions (a month-long bimtek meets daily; a monthly forum is a series of runs):
 * CourseRun.sessions then lists them all, unpaged, with a bound the client can trust.
 */
export const MAX_SESSIONS_PER_RUN = 60;
/** Likewise for a run's materials (CourseRun.materials, unpaged). */
export const MAX_MATERIALS_PER_RUN = 50;
/** One sitting; a longer event is several sessions (one per day), each with its own attendance. */
const MAX_SESSION_HOURS = 24;

/** Links members open: https only (an http link would be refused by browsers inside the https app anyway). */

/** Who is told when a session is cancelled or moved: everyone holding a seat or waiting for one. */
const TOLD_OF_CHANGES = [EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED];

const trimOrNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
};

const httpsUrl = (value: string | null | undefined, field: string) => httpsLink(value, field, 'INVALID_HTTPS_URL');

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput('startsAt', 'invalidDate');
  if (Number.isNaN(endsAt.getTime())) throw badInput('endsAt', 'invalidDate');
  if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('SESSION_ENDS_BEFORE_START', {}, 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * 3600_000) throw new AppError('SESSION_TOO_LONG', { hours: MAX_SESSION_HOURS }, 'endsAt');
}

interface LockedWorkshopRun {
  id: string;
  time_zone: string;
}

/**
 * The run a session or material write is about, checked and locked (FOR UPDATE: its dates follow its sessions, and
 * two managers adding sessions at once must not both count under the limit): NOT_FOUND when the viewer may not see
 * it, FORBIDDEN when they see but do not manage it, then NOT_A_WORKSHOP, COURSE_ARCHIVED, RUN_CANCELLED.
 */
async function lockWorkshopRun(tx: SignedInOperationContext, runId: string): Promise<LockedWorkshopRun> {
  const access = await loadRunAccess(tx.em, tx.viewer, runId);
  if (!access) throw new AppError('NOT_FOUND', { what: 'run' });
  if (!canManageCourse(tx.viewer, access)) throw canViewRun(tx.viewer, access) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { what: 'run' });
  const run = await db(tx).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select(['r.id', 'r.time_zone',
      sql<boolean>`c.kind = ${CourseKind.WORKSHOP}`.as('is_workshop'),
      sql<boolean>`c.status = ${CourseStatus.ARCHIVED}`.as('archived'),
      sql<boolean>`r.status = ${CourseRunStatus.CANCELLED}`.as('cancelled')])
    .where('r.id', '=', runId).forUpdate('r').executeTakeFirstOrThrow();
  if (!run.is_workshop) throw new AppError('NOT_A_WORKSHOP');
  if (run.archived) throw new AppError('COURSE_ARCHIVED');
  if (run.cancelled) throw new AppError('RUN_CANCELLED');
  return run;
}

/** The run of a session (NOT_FOUND for an unknown id), then the run's checks and lock. */
async function lockSession(tx: SignedInOperationContext, sessionId: string): Promise<SessionRow> {
  const found = await sessionById(tx, sessionId);
  if (!found) throw new AppError('NOT_FOUND', { what: 'session' });
  await lockWorkshopRun(tx, found.run_id);
  // Read again under the run's lock: another write may have changed it meanwhile.
  return (await sessionById(tx, sessionId))!;
}

/**
 * The run's startsAt/endsAt follow its first and last scheduled session (in the same transaction as the session
 * write), so the catalogue, "enrolment closed after the end" and the calendars see the workshop's real dates. A run
 * whose sessions are all cancelled keeps its dates. An enrolment deadline after the new end moves to the end.
 */
async function followSessions(tx: SignedInOperationContext, runId: string): Promise<void> {
  await db(tx).updateTable('course_run as r')
    .from((eb) => eb.selectFrom('run_session as s')
      .select([sql<Date>`min(s.starts_at)`.as('first_start'), sql<Date>`max(s.ends_at)`.as('last_end')])
      .where('s.run_id', '=', runId).where('s.status', '=', RunSessionStatus.SCHEDULED).as('span'))
    .set({
      starts_at: sql`span.first_start`,
      ends_at: sql`span.last_end`,
      // (least() skips nulls: an open-ended deadline, "until the run ends", stays open-ended.)
      enrolment_closes_at: sql`case when r.enrolment_closes_at is null then null else least(r.enrolment_closes_at, span.last_end) end`,
      updated_at: sql`now()`,
    })
    .where('r.id', '=', runId)
    .where(sql<boolean>`span.first_start is not null`)
    .execute();
}

/** One mail job per person holding a seat in (or waiting for) the run, in the caller's transaction. */
async function tellRegistrants(tx: SignedInOperationContext, runId: string, request: (personId: string) => MailRequest): Promise<number> {
  const people = await db(tx).selectFrom('enrolment as e').select('e.person_id')
    .where('e.run_id', '=', runId).where('e.status', 'in', TOLD_OF_CHANGES)
    .orderBy('e.person_id').execute();
  await enqueueMails(tx.em, people.map((p) => request(p.person_id)));
  return people.length;
}

export async function addRunSession(ctx: SignedInOperationContext, input: AddRunSessionInput): Promise<RunSessionType> {
  checkTimes(input.startsAt, input.endsAt);
  const onlineUrl = httpsUrl(input.onlineUrl, 'onlineUrl');
  const id = await inTransaction(ctx, async (tx) => {
    const run = await lockWorkshopRun(tx, input.runId);
    const [{ n }] = await db(tx).selectFrom('run_session').select((eb) => eb.fn.countAll<string>().as('n')).where('run_id', '=', run.id).execute();
    if (Number(n) >= MAX_SESSIONS_PER_RUN) throw new AppError('TOO_MANY_SESSIONS', { max: MAX_SESSIONS_PER_RUN });
    const row = await db(tx).insertInto('run_session').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, run_id: run.id,
      starts_at: input.startsAt, ends_at: input.endsAt, time_zone: input.timeZone ?? run.time_zone,
      title: trimOrNull(input.title), room: trimOrNull(input.room), address: trimOrNull(input.address), online_url: onlineUrl,
      status: RunSessionStatus.SCHEDULED,
    }).returning('id').executeTakeFirstOrThrow();
    await followSessions(tx, run.id);
    writeAudit(tx, 'run_session.add', 'RunSession', row.id, { runId: run.id, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() });
    return row.id;
  });
  return toSession((await sessionById(ctx, id))!, true);
}

/**
 * Changes the fields given. A new time or place (start, end, zone, room, address, link) is a move: everyone
 * holding a seat or waiting is mailed, with the old time beside the new. A cancelled session is not changed.
 */
export async function updateRunSession(ctx: SignedInOperationContext, id: string, input: UpdateRunSessionInput): Promise<RunSessionType> {
  if (input.startsAt === null) throw badInput('startsAt', 'required');
  if (input.endsAt === null) throw badInput('endsAt', 'required');
  if (input.timeZone === null) throw badInput('timeZone', 'required');
  const onlineUrl = input.onlineUrl !== undefined ? httpsUrl(input.onlineUrl, 'onlineUrl') : undefined;
  await inTransaction(ctx, async (tx) => {
    const before = await lockSession(tx, id);
    if (before.status === RunSessionStatus.CANCELLED) throw new AppError('SESSION_CANCELLED');
    const next = {
      starts_at: input.startsAt ?? before.starts_at,
      ends_at: input.endsAt ?? before.ends_at,
      time_zone: input.timeZone ?? before.time_zone,
      title: input.title !== undefined ? trimOrNull(input.title) : before.title,
      room: input.room !== undefined ? trimOrNull(input.room) : before.room,
      address: input.address !== undefined ? trimOrNull(input.address) : before.address,
      online_url: onlineUrl !== undefined ? onlineUrl : before.online_url,
    };
    checkTimes(next.starts_at, next.ends_at);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
      const a = next[k];
      const b = before[k];
      return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
    });
    if (changed.length === 0) return;
    await db(tx).updateTable('run_session').set({ ...next, updated_at: sql`now()` }).where('id', '=', id).execute();
    await followSessions(tx, before.run_id);
    // A settled run's session whose recorded times are corrected changes everyone's minutes: settle them again now.
    const resettled = changed.includes('starts_at') || changed.includes('ends_at') ? await resettleIfSettled(tx, before.run_id) : 0;
    const moved = changed.some((k) => k !== 'title');
    const told = moved
      ? await tellRegistrants(tx, before.run_id, (personId) => ({
        kind: 'session-moved', sessionId: id, personId,
        previousStartsAt: before.starts_at.toISOString(), previousEndsAt: before.ends_at.toISOString(), previousTimeZone: before.time_zone,
      }))
      : 0;
    writeAudit(tx, 'run_session.update', 'RunSession', id, { runId: before.run_id, changed, told, ...(resettled ? { resettled } : {}) });
  });
  return toSession((await sessionById(ctx, id))!, true);
}

/**
 * After a settled workshop run's session times changed: settles again everyone the settlement decided (COMPLETED or
 * FAILED), in the caller's transaction, as a roster correction does (workshop-credit.ts resettlePeople: reversal lines
 * and new credits only for whom the result changed). Nothing for a run not settled yet. Returns how many changed.
 */
async function resettleIfSettled(tx: { em: SignedInOperationContext['em'] }, runId: string): Promise<number> {
  const decided = await db(tx).selectFrom('enrolment as e').select('e.id')
    .where('e.run_id', '=', runId).where('e.status', 'in', [EnrolmentStatus.COMPLETED, EnrolmentStatus.FAILED])
    .where((eb) => eb.exists(eb.selectFrom('workshop_run_settlement as w').select('w.run_id').where('w.run_id', '=', runId)))
    .execute();
  return resettlePeople(tx, runId, decided.map((e) => e.id));
}

/** Cancels a session that has not ended, with the reason registrants are told (mail and the run's page). */
export async function cancelRunSession(ctx: SignedInOperationContext, id: string, reason: string): Promise<RunSessionType> {
  const why = trimOrNull(reason);
  if (!why) throw badInput('reason', 'required');
  if (why.length > 500) throw badInput('reason', 'tooLong');
  await inTransaction(ctx, async (tx) => {
    const session = await lockSession(tx, id);
    if (session.status === RunSessionStatus.CANCELLED) throw new AppError('SESSION_CANCELLED');
    if (session.ends_at.getTime() <= Date.now()) throw new AppError('SESSION_ENDED');
    await db(tx).updateTable('run_session')
      .set({ status: RunSessionStatus.CANCELLED, cancel_reason: why, updated_at: sql`now()` })
      .where('id', '=', id).execute();
    await followSessions(tx, session.run_id);
    const told = await tellRegistrants(tx, session.run_id, (personId) => ({ kind: 'session-cancelled', sessionId: id, personId }));
    writeAudit(tx, 'run_session.cancel', 'RunSession', id, { runId: session.run_id, reason: why, told });
  });
  return toSession((await sessionById(ctx, id))!, true);
}

// ---------------------------------------------------------------------------------------------
// Materials
// ---------------------------------------------------------------------------------------------

/** For the upload route: the run checked and locked, and room for one more material; in the caller's transaction. */
export async function assertMayAddMaterial(tx: SignedInOperationContext, runId: string): Promise<void> {
  const run = await lockWorkshopRun(tx, runId);
  const [{ n }] = await db(tx).selectFrom('run_material').select((eb) => eb.fn.countAll<string>().as('n')).where('run_id', '=', run.id).execute();
  if (Number(n) >= MAX_MATERIALS_PER_RUN) throw new AppError('TOO_MANY_MATERIALS', { max: MAX_MATERIALS_PER_RUN });
}

export async function addRunMaterialLink(ctx: SignedInOperationContext, input: AddRunMaterialLinkInput): Promise<string> {
  const title = trimOrNull(input.title);
  if (!title) throw badInput('title', 'required');
  const url = httpsUrl(input.url, 'url');
  if (!url) throw badInput('url', 'required');
  return inTransaction(ctx, async (tx) => {
    await assertMayAddMaterial(tx, input.runId);
    const row = await db(tx).insertInto('run_material').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
      run_id: input.runId, title, url, created_by_id: tx.viewer.personId,
    }).returning('id').executeTakeFirstOrThrow();
    writeAudit(tx, 'run_material.add', 'RunMaterial', row.id, { runId: input.runId, url });
    return row.id;
  });
}

export async function removeRunMaterial(ctx: SignedInOperationContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const material = isUuid(id)
      ? await db(tx).selectFrom('run_material').select(['id', 'run_id', 'title']).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!material) throw new AppError('NOT_FOUND', { what: 'material' });
    await lockWorkshopRun(tx, material.run_id);
    await db(tx).deleteFrom('run_material').where('id', '=', id).execute();
    writeAudit(tx, 'run_material.remove', 'RunMaterial', id, { runId: material.run_id, title: material.title });
    return true;
  });
}

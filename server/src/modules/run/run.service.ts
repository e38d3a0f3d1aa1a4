import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { assertInstructorsCovered } from '../agreement/index.js';
import { writeAudit } from '../audit/index.js';
import { sql } from 'kysely';
import { Role } from '../../shared/auth/roles.js';
import { db } from '../../shared/db/kysely.js';
import { httpsLink } from '../../shared/util/links.js';
import { assertCanManageCourse, CourseStatus, encodeSortKey, RUN_NOT_ENDED, runsKey, type CourseView as CourseType, type EnrolmentPolicy } from '../course/index.js';
import { CourseRunStatus } from './run.entity.js';
import { assertCanManageRun, canViewRun } from './run.policy.js';
import type { CourseRunsArgs, CreateCourseRunInput, TeachingRunsArgs, UpdateCourseRunInput } from './run.inputs.js';
import { RUN_CODE_PATTERN } from './run.inputs.js';
import { runById, runCursorOf, runPage, runWithAccess, toPageRun, toPreloadedRun } from './run.sql.js';
import type { CourseRun } from './run.types.js';
import { promoteFromWaitlist } from './seats.js';
import { enqueueRunCancelledMails, enqueueSeatMails } from '../mail/index.js';

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/**
 * One run for its page, with its course, the course's owner and the run's instructors, read together with
 * what the policy needs in one prepared statement; NOT_FOUND when the viewer may not see its course.
 */
export async function courseRun(ctx: SignedInOperationContext, id: string): Promise<CourseRun> {
  const row = await runWithAccess(ctx, id);
  if (!row || !canViewRun(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'run' });
  return toPageRun(row);
}

/**
 * A course's runs, soonest first (undated = any time, first); ended and cancelled ones only when asked.
 * The caller has already shown the course to the viewer (Course.runs resolves on a visible course).
 */
export async function runsOfCourse(
  ctx: SignedInOperationContext, courseId: string, args: CourseRunsArgs, withTotal: boolean,
): Promise<Page<CourseRun>> {
  const { rows, total } = await runPage(ctx.em, {
    where: sql<boolean>`r.course_id = ${courseId}::uuid and ${args.includeEnded ? sql`true` : RUN_NOT_ENDED}`,
    direction: 'asc', first: args.first, after: args.after, withTotal,
  });
  return toPage(rows, args.first, total, toPageRun, runCursorOf);
}

/**
 * A course's runs as its own statement read them (course.sql.ts runsPageSql) when Course.runs asks for the
 * same page; null otherwise (the caller then reads them with runsOfCourse).
 */
export function preloadedRunsOfCourse(
  ctx: SignedInOperationContext, course: CourseType, args: CourseRunsArgs, withTotal: boolean,
): Page<CourseRun> | null {
  const preloaded = course.preloadedRuns;
  if (!preloaded || preloaded.key !== runsKey({ first: args.first, after: args.after ?? null, includeEnded: args.includeEnded, withTotal })) return null;
  // Counted by the same statement when selected; else never read, but counted on demand like any page.
  const total = preloaded.total ?? (async () => (await runsOfCourse(ctx, course.id, args, true)).totalCount as number);
  return toPage(preloaded.rows, args.first, total, toPreloadedRun, (row) => encodeSortKey(row.sort_at, row.run_id));
}

/**
 * Runs the viewer teaches (is an instructor of), whoever owns the course: partner staff are often not
 * learners and cannot reach them through the catalogue. Latest start first, each with its course (one
 * statement per page, plus the count when selected).
 */
export async function teachingRuns(ctx: SignedInOperationContext, args: TeachingRunsArgs, withTotal: boolean): Promise<Page<CourseRun>> {
  const parts = [
    sql<boolean>`exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ${ctx.viewer.personId}::uuid)`,
    // Drafts are work in progress of the course's managers; an instructor asks for them explicitly.
    args.courseStatus ? sql<boolean>`c.status = ${args.courseStatus}` : sql<boolean>`c.status <> 'DRAFT'`,
  ];
  if (!args.includeEnded) parts.push(RUN_NOT_ENDED);
  if (args.status) parts.push(sql<boolean>`r.status = ${args.status}`);
  // Newest start first; an undated run by when it was scheduled.
  const { rows, total } = await runPage(ctx.em, {
    where: sql<boolean>`${sql.join(parts, sql` and `)}`, direction: 'desc', key: sql<string>`coalesce(r.starts_at, r.created_at)`,
    first: args.first, after: args.after, withTotal,
  });
  return toPage(rows, args.first, total, toPageRun, runCursorOf);
}

// ---------------------------------------------------------------------------------------------
// Writes: each one transaction with an audit entry
// ---------------------------------------------------------------------------------------------

function badInput(field: string, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', { reason }, field);
}

function normalizeRunCode(code: string | null | undefined): string {
  const value = (code ?? '').trim().toUpperCase();
  if (!value) throw badInput('code', 'empty');
  if (value.length > 40 || !RUN_CODE_PATTERN.test(value)) throw badInput('code', 'format');
  return value;
}

const trimOrNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
};

const normalizeUrl = (value: string | null | undefined) => httpsLink(value, 'onlineUrl', 'INVALID_ONLINE_URL');

function checkDates(startsAt: Date | null, endsAt: Date | null, closesAt: Date | null): void {
  for (const [field, d] of [['startsAt', startsAt], ['endsAt', endsAt], ['enrolmentClosesAt', closesAt]] as const) {
    if (d && Number.isNaN(d.getTime())) throw badInput(field, 'invalidDate');
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw new AppError('INVALID_DATES', {}, 'endsAt');
  // Enrolment can close before the end (even after the start), never after it.
  if (closesAt && endsAt && closesAt.getTime() > endsAt.getTime()) throw new AppError('INVALID_ENROLMENT_DEADLINE', {}, 'enrolmentClosesAt');
}

/** The ids given, each an active person holding the instructor role (else INVALID_INSTRUCTOR), without duplicates. */
async function checkInstructors(tx: EntityManager, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const rows = await db({ em: tx }).selectFrom('person as p').select('p.id')
    .where('p.id', 'in', unique).where('p.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('role_grant as g').select('g.id')
      .whereRef('g.person_id', '=', 'p.id').where('g.role', '=', Role.INSTRUCTOR)))
    .execute();
  if (rows.length !== unique.length) throw new AppError('INVALID_INSTRUCTOR', {}, 'instructorIds');
  return unique;
}

/** A run as it will be once the write that assigns its instructors commits (its schedule decides who may teach it). */
export interface RunToStaff {
  id: string;
  courseId: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

/**
 * THE place where a run's instructors are assigned (creating and changing a run, and a recurring forum's
 * occurrences, all come here): checks
 * who may teach it, then replaces the run's instructors with them, in the caller's transaction.
 * Returns the instructor ids assigned.
 */
export async function assignInstructors(tx: EntityManager, run: RunToStaff, instructorIds: readonly string[]): Promise<string[]> {
  const ids = await checkInstructors(tx, instructorIds);
  // Partner staff teach only under a cooperation agreement in force with the course's owner for the run's dates.
  await assertInstructorsCovered({ em: tx }, { runId: run.id, instructorIds: ids });
  const q = db({ em: tx });
  await q.deleteFrom('course_run_instructor').where('run_id', '=', run.id).execute();
  if (ids.length) await q.insertInto('course_run_instructor').values(ids.map((personId) => ({ run_id: run.id, person_id: personId }))).execute();
  return ids;
}

async function mapCodeViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'course_run_code_per_course')) throw new AppError('DUPLICATE_CODE', {}, 'code');
    throw error;
  }
}

/** A new run of a course the viewer manages (not of an archived one). */
export async function createCourseRun(ctx: SignedInOperationContext, input: CreateCourseRunInput): Promise<CourseRun> {
  const { viewer } = ctx;
  const code = normalizeRunCode(input.code);
  const startsAt = input.startsAt ?? null;
  const endsAt = input.endsAt ?? null;
  const closesAt = input.enrolmentClosesAt ?? null;
  checkDates(startsAt, endsAt, closesAt);
  const onlineUrl = normalizeUrl(input.onlineUrl);
  const id = await mapCodeViolation(() => ctx.em.transactional(async (tx) => {
    const course = await assertCanManageCourse(tx, viewer, input.courseId);
    const q = db({ em: tx });
    // The course row is locked so a concurrent archive cannot pass this check unseen.
    await q.selectFrom('course').select('id').where('id', '=', course.id).forUpdate().execute();
    if (course.status === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    const row = await q.insertInto('course_run').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
      status: CourseRunStatus.SCHEDULED, seats_taken: 0, waitlist_length: 0, course_id: course.id, code, starts_at: startsAt, ends_at: endsAt, enrolment_closes_at: closesAt,
      location: trimOrNull(input.location), online_url: onlineUrl, capacity: input.capacity ?? null,
      enrolment_policy: input.enrolmentPolicy, created_by_id: viewer.personId, time_zone: input.timeZone ?? 'Asia/Jakarta',
    }).returning('id').executeTakeFirstOrThrow();
    // An instructor refused here rolls the whole transaction back, the run included.
    await assignInstructors(tx, { id: row.id, courseId: course.id, startsAt, endsAt }, input.instructorIds ?? []);
    writeAudit({ em: tx, viewer }, 'course_run.create', 'CourseRun', row.id, { courseId: course.id, code });
    return row.id;
  }));
  return (await runById(ctx.em, id))!;
}

interface LockedRun {
  id: string;
  course_id: string;
  code: string;
  status: CourseRunStatus;
  course_status: CourseStatus;
  starts_at: Date | null;
  ends_at: Date | null;
  enrolment_closes_at: Date | null;
  location: string | null;
  time_zone: string;
  online_url: string | null;
  capacity: number | null;
  seats_taken: number;
  waitlist_length: number;
  enrolment_policy: EnrolmentPolicy;
}

/** Locks the run row so seat counters and capacity change one writer at a time. */
async function lockRun(tx: EntityManager, viewer: Viewer, id: string, checkManager = true): Promise<LockedRun> {
  if (checkManager) await assertCanManageRun(tx, viewer, id);
  const run = await db({ em: tx }).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select([
      'r.id', 'r.course_id', 'r.code', 'r.status', 'c.status as course_status', 'r.starts_at', 'r.ends_at', 'r.enrolment_closes_at',
      'r.location', 'r.time_zone', 'r.online_url', 'r.capacity', 'r.seats_taken', 'r.waitlist_length', 'r.enrolment_policy',
    ])
    .where('r.id', '=', id)
    .forUpdate('r')
    .executeTakeFirstOrThrow();
  return { ...run, starts_at: toDate(run.starts_at), ends_at: toDate(run.ends_at), enrolment_closes_at: toDate(run.enrolment_closes_at) };
}

/** The driver may hand timestamps over as text. */
const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

export async function updateCourseRun(ctx: SignedInOperationContext, id: string, input: UpdateCourseRunInput): Promise<CourseRun> {
  const { viewer } = ctx;
  const code = input.code !== undefined ? normalizeRunCode(input.code) : undefined;
  if (input.enrolmentPolicy === null) throw badInput('enrolmentPolicy', 'required');
  const onlineUrl = input.onlineUrl !== undefined ? normalizeUrl(input.onlineUrl) : undefined;
  await mapCodeViolation(() => ctx.em.transactional(async (tx) => {
    const run = await lockRun(tx, viewer, id);
    if (run.course_status === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    if (run.status === CourseRunStatus.CANCELLED) throw new AppError('RUN_CANCELLED');
    const startsAt = input.startsAt !== undefined ? input.startsAt : run.starts_at;
    const endsAt = input.endsAt !== undefined ? input.endsAt : run.ends_at;
    const closesAt = input.enrolmentClosesAt !== undefined ? input.enrolmentClosesAt : run.enrolment_closes_at;
    checkDates(startsAt, endsAt, closesAt);
    const changed: string[] = [];
    const next = {
      code: code ?? run.code,
      location: input.location !== undefined ? trimOrNull(input.location) : run.location,
      online_url: onlineUrl !== undefined ? onlineUrl : run.online_url,
      time_zone: input.timeZone ?? run.time_zone,
      enrolment_policy: input.enrolmentPolicy ?? run.enrolment_policy,
      capacity: input.capacity !== undefined ? input.capacity : run.capacity,
    };
    if (next.capacity !== null && next.capacity < run.seats_taken) {
      throw new AppError('CAPACITY_BELOW_TAKEN', { taken: run.seats_taken }, 'capacity');
    }
    const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
    if (next.code !== run.code) changed.push('code');
    if (!sameDate(startsAt, run.starts_at)) changed.push('startsAt');
    if (!sameDate(endsAt, run.ends_at)) changed.push('endsAt');
    if (!sameDate(closesAt, run.enrolment_closes_at)) changed.push('enrolmentClosesAt');
    if (next.location !== run.location) changed.push('location');
    if (next.online_url !== run.online_url) changed.push('onlineUrl');
    if (next.time_zone !== run.time_zone) changed.push('timeZone');
    if (next.enrolment_policy !== run.enrolment_policy) changed.push('enrolmentPolicy');
    if (next.capacity !== run.capacity) changed.push('capacity');
    await db({ em: tx }).updateTable('course_run').set({
      code: next.code, starts_at: startsAt, ends_at: endsAt, enrolment_closes_at: closesAt, location: next.location, online_url: next.online_url,
      enrolment_policy: next.enrolment_policy, capacity: next.capacity, time_zone: next.time_zone, updated_at: sql`now()`,
    }).where('id', '=', id).execute();
    if (input.instructorIds !== undefined) {
      await assignInstructors(tx, { id, courseId: run.course_id, startsAt, endsAt }, input.instructorIds ?? []);
      changed.push('instructors');
    }
    writeAudit({ em: tx, viewer }, 'course_run.update', 'CourseRun', id, { changed });
    const capacityRaised = run.capacity !== null && (next.capacity === null || next.capacity > run.capacity);
    // New seats go to the waiting list first-in-first-out, in this same transaction.
    if (capacityRaised && run.waitlist_length > 0) await enqueueSeatMails(tx, 'moved-up', await promoteFromWaitlist(tx, id));
  }));
  return (await runById(ctx.em, id))!;
}

/**
 * Cancels a run that has not ended: it leaves the catalogue, takes no enrolments, and everyone still
 * waiting or learning in it is withdrawn (decision note RUN_CANCELLED) and told by mail ("run cancelled", with
 * the reason when one is given), so they may enrol in another run. Recorded outcomes stay as they are.
 */
export async function cancelCourseRun(ctx: SignedInOperationContext, id: string, reason?: string | null): Promise<CourseRun> {
  await ctx.em.transactional((tx) => cancelRunIn(tx, ctx.viewer, id, reason ?? null));
  return (await runById(ctx.em, id))!;
}

/**
 * cancelCourseRun's work in the caller's transaction (a recurring forum's edit cancels the dates its new rule
 * drops together with the rest of the edit). Returns how many people were withdrawn.
 */
export async function cancelRunIn(
  tx: EntityManager, viewer: Viewer, id: string, reason: string | null,
  // A programme cohort's item run may be of a course its manager does not manage: the cohort's policy checked them.
  options: { checkedByCohort?: boolean } = {},
): Promise<number> {
  const note = reason?.trim() || null;
  if (note && note.length > 500) throw badInput('reason', 'tooLong');
  const run = await lockRun(tx, viewer, id, !options.checkedByCohort);
  if (run.status === CourseRunStatus.CANCELLED) throw new AppError('RUN_CANCELLED');
  if (run.ends_at && run.ends_at.getTime() <= Date.now()) throw new AppError('COURSE_ENDED');
  const q = db({ em: tx });
  // Enrolment statuses as literals: the enrolment module imports this one.
  const withdrawn = await q
    .with('old', (w) => w.selectFrom('enrolment').select(['id', 'status'])
      .where('run_id', '=', id).where(sql<boolean>`status in ('REQUESTED', 'WAITLISTED', 'ACTIVE')`)
      .forUpdate())
    .updateTable('enrolment as e').from('old')
    .set({ status: sql`'WITHDRAWN'`, finished_at: sql`now()`, decision_note: 'RUN_CANCELLED', updated_at: sql`now()` })
    .whereRef('e.id', '=', 'old.id')
    .returning(['old.status as previous', 'e.id'])
    .execute();
  const seats = withdrawn.filter((w) => (w.previous as string) === 'ACTIVE').length;
  await q.updateTable('course_run')
    .set((eb) => ({ status: CourseRunStatus.CANCELLED, seats_taken: eb('seats_taken', '-', seats), waitlist_length: 0, cancellation_reason: note, updated_at: sql`now()` }))
    .where('id', '=', id)
    .execute();
  await enqueueRunCancelledMails(tx, withdrawn.map((w) => w.id));
  writeAudit({ em: tx, viewer }, 'course_run.cancel', 'CourseRun', id, { withdrawn: withdrawn.length, ...(note ? { reason: note } : {}) });
  return withdrawn.length;
}

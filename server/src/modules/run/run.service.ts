import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { assertInstructorsCovered } from '../agreement/index.js';
import { writeAudit } from '../audit/index.js';
import { assertCanManageCourse, CourseStatus, type EnrolmentPolicy } from '../course/index.js';
import { notEndedSql } from './enrolment-window.js';
import { assertCanManageRun, assertCanViewRun } from './run.policy.js';
import type { CourseRunsArgs, CreateCourseRunInput, TeachingRunsArgs, UpdateCourseRunInput } from './run.inputs.js';
import { ONLINE_URL_PATTERN, RUN_CODE_PATTERN } from './run.inputs.js';
import { runById, runCursorOf, runPage, toPageRun } from './run.sql.js';
import type { CourseRun } from './run.types.js';
import { promoteFromWaitlist } from './seats.js';

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** One run; NOT_FOUND when the viewer may not see its course. */
export async function courseRun(ctx: SignedInOperationContext, id: string): Promise<CourseRun> {
  await assertCanViewRun(ctx.em, ctx.viewer, id);
  const run = await runById(ctx.em, id);
  if (!run) throw new AppError('NOT_FOUND', { what: 'run' });
  return run;
}

/**
 * A course's runs, soonest first (undated = any time, first); ended and cancelled ones only when asked.
 * The caller has already shown the course to the viewer (Course.runs resolves on a visible course).
 */
export async function runsOfCourse(
  ctx: SignedInOperationContext, courseId: string, args: CourseRunsArgs, withTotal: boolean,
): Promise<Page<CourseRun>> {
  const { rows, total } = await runPage(ctx.em, {
    where: `r.course_id = ?::uuid${args.includeEnded ? '' : ` and ${notEndedSql('r')}`}`,
    params: [courseId], direction: 'asc', first: args.first, after: args.after, withTotal,
  });
  return toPage(rows, args.first, total, toPageRun, runCursorOf);
}

/**
 * Runs the viewer teaches (is an instructor of), whoever owns the course: partner staff are often not
 * learners and cannot reach them through the catalogue. Latest start first, each with its course (one
 * statement per page, plus the count when selected).
 */
export async function teachingRuns(ctx: SignedInOperationContext, args: TeachingRunsArgs, withTotal: boolean): Promise<Page<CourseRun>> {
  const parts = [
    `exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ?::uuid)`,
  ];
  const params: unknown[] = [ctx.viewer.personId];
  // Drafts are work in progress of the course's managers; an instructor asks for them explicitly.
  if (args.courseStatus) {
    parts.push(`c.status = ?`);
    params.push(args.courseStatus);
  } else {
    parts.push(`c.status <> 'DRAFT'`);
  }
  if (!args.includeEnded) parts.push(notEndedSql('r'));
  if (args.status) {
    parts.push(`r.status = ?`);
    params.push(args.status);
  }
  // Newest start first; an undated run by when it was scheduled.
  const { rows, total } = await runPage(ctx.em, {
    where: parts.join(' and '), params, direction: 'desc', key: 'coalesce(r.starts_at, r.created_at)', first: args.first, after: args.after, withTotal,
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

function normalizeUrl(value: string | null | undefined): string | null {
  const url = trimOrNull(value);
  if (url && !ONLINE_URL_PATTERN.test(url)) throw new AppError('INVALID_ONLINE_URL', {}, 'onlineUrl');
  return url;
}

function checkDates(startsAt: Date | null, endsAt: Date | null, closesAt: Date | null): void {
  for (const [field, d] of [['startsAt', startsAt], ['endsAt', endsAt], ['enrolmentClosesAt', closesAt]] as const) {
    if (d && Number.isNaN(d.getTime())) throw badInput(field, 'invalidDate');
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw new AppError('INVALID_DATES', {}, 'endsAt');
  // Enrolment can close before the end (even after the start), never after it.
  if (closesAt && endsAt && closesAt.getTime() > endsAt.getTime()) throw new AppError('INVALID_ENROLMENT_DEADLINE', {}, 'enrolmentClosesAt');
}

async function checkInstructors(tx: EntityManager, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const rows = await tx.execute<{ id: string }[]>(
    `select p.id from person p
      where p.id = any(array[?]::uuid[]) and p.active
        and exists (select 1 from role_grant g where g.person_id = p.id and g.role = 'INSTRUCTOR')`,
    [unique],
  );
  if (rows.length !== unique.length) throw new AppError('INVALID_INSTRUCTOR', {}, 'instructorIds');
  return unique;
}

async function replaceInstructors(tx: EntityManager, runId: string, ids: string[]): Promise<void> {
  await assertInstructorsCovered({ em: tx }, { runId, instructorIds: ids });
  await tx.execute(`delete from course_run_instructor where run_id = ?`, [runId]);
  if (ids.length) await tx.execute(`insert into course_run_instructor (run_id, person_id) select ?::uuid, unnest(array[?]::uuid[])`, [runId, ids]);
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
    // The course row is locked so a concurrent archive cannot pass this check unseen.
    await tx.execute(`select id from course where id = ? for update`, [course.id]);
    if (course.status === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    const instructorIds = await checkInstructors(tx, input.instructorIds ?? []);
    const [row] = await tx.execute<{ id: string }[]>(
      `insert into course_run (course_id, code, starts_at, ends_at, enrolment_closes_at, location, online_url, capacity, enrolment_policy, created_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [course.id, code, startsAt, endsAt, closesAt, trimOrNull(input.location), onlineUrl, input.capacity ?? null, input.enrolmentPolicy, viewer.personId],
    );
    await replaceInstructors(tx, row.id, instructorIds);
    writeAudit(tx, viewer, 'course_run.create', 'CourseRun', row.id, { courseId: course.id, code });
    return row.id;
  }));
  return (await runById(ctx.em, id))!;
}

interface LockedRun {
  id: string;
  course_id: string;
  code: string;
  status: string;
  course_status: string;
  starts_at: Date | null;
  ends_at: Date | null;
  enrolment_closes_at: Date | null;
  location: string | null;
  online_url: string | null;
  capacity: number | null;
  seats_taken: number;
  waitlist_length: number;
  enrolment_policy: EnrolmentPolicy;
}

/** Locks the run row so seat counters and capacity change one writer at a time. */
async function lockRun(tx: EntityManager, viewer: Viewer, id: string): Promise<LockedRun> {
  await assertCanManageRun(tx, viewer, id);
  const [run] = await tx.execute<LockedRun[]>(
    `select r.id, r.course_id, r.code, r.status, c.status as course_status, r.starts_at, r.ends_at, r.enrolment_closes_at, r.location,
            r.online_url, r.capacity, r.seats_taken, r.waitlist_length, r.enrolment_policy
       from course_run r join course c on c.id = r.course_id where r.id = ? for update of r`,
    [id],
  );
  return { ...run, starts_at: toDate(run.starts_at), ends_at: toDate(run.ends_at), enrolment_closes_at: toDate(run.enrolment_closes_at) };
}

const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

export async function updateCourseRun(ctx: SignedInOperationContext, id: string, input: UpdateCourseRunInput): Promise<CourseRun> {
  const { viewer } = ctx;
  const code = input.code !== undefined ? normalizeRunCode(input.code) : undefined;
  if (input.enrolmentPolicy === null) throw badInput('enrolmentPolicy', 'required');
  const onlineUrl = input.onlineUrl !== undefined ? normalizeUrl(input.onlineUrl) : undefined;
  await mapCodeViolation(() => ctx.em.transactional(async (tx) => {
    const run = await lockRun(tx, viewer, id);
    if (run.course_status === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    if (run.status === 'CANCELLED') throw new AppError('RUN_CANCELLED');
    const startsAt = input.startsAt !== undefined ? input.startsAt : run.starts_at;
    const endsAt = input.endsAt !== undefined ? input.endsAt : run.ends_at;
    const closesAt = input.enrolmentClosesAt !== undefined ? input.enrolmentClosesAt : run.enrolment_closes_at;
    checkDates(startsAt, endsAt, closesAt);
    const changed: string[] = [];
    const next = {
      code: code ?? run.code,
      location: input.location !== undefined ? trimOrNull(input.location) : run.location,
      online_url: onlineUrl !== undefined ? onlineUrl : run.online_url,
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
    if (next.enrolment_policy !== run.enrolment_policy) changed.push('enrolmentPolicy');
    if (next.capacity !== run.capacity) changed.push('capacity');
    await tx.execute(
      `update course_run set code = ?, starts_at = ?, ends_at = ?, enrolment_closes_at = ?, location = ?, online_url = ?,
              enrolment_policy = ?, capacity = ?, updated_at = now() where id = ?`,
      [next.code, startsAt, endsAt, closesAt, next.location, next.online_url, next.enrolment_policy, next.capacity, id],
    );
    if (input.instructorIds !== undefined) {
      await replaceInstructors(tx, id, await checkInstructors(tx, input.instructorIds ?? []));
      changed.push('instructors');
    }
    writeAudit(tx, viewer, 'course_run.update', 'CourseRun', id, { changed });
    const capacityRaised = run.capacity !== null && (next.capacity === null || next.capacity > run.capacity);
    // New seats go to the waiting list first-in-first-out, in this same transaction.
    if (capacityRaised && run.waitlist_length > 0) await promoteFromWaitlist(tx, id);
  }));
  return (await runById(ctx.em, id))!;
}

/**
 * Cancels a run that has not ended: it leaves the catalogue, takes no enrolments, and everyone still
 * waiting or learning in it is withdrawn (decision note RUN_CANCELLED), so they may enrol in another run.
 * Recorded outcomes stay as they are.
 */
export async function cancelCourseRun(ctx: SignedInOperationContext, id: string): Promise<CourseRun> {
  const { viewer } = ctx;
  await ctx.em.transactional(async (tx) => {
    const run = await lockRun(tx, viewer, id);
    if (run.status === 'CANCELLED') throw new AppError('RUN_CANCELLED');
    if (run.ends_at && run.ends_at.getTime() <= Date.now()) throw new AppError('COURSE_ENDED');
    const withdrawn = await tx.execute<{ previous: string }[]>(
      `with old as (select id, status from enrolment where run_id = ? and status in ('REQUESTED', 'WAITLISTED', 'ACTIVE') for update)
       update enrolment e set status = 'WITHDRAWN', finished_at = now(), decision_note = 'RUN_CANCELLED', updated_at = now()
         from old where e.id = old.id returning old.status as previous`,
      [id],
    );
    const seats = withdrawn.filter((w) => w.previous === 'ACTIVE').length;
    await tx.execute(
      `update course_run set status = 'CANCELLED', seats_taken = seats_taken - ?, waitlist_length = 0, updated_at = now() where id = ?`,
      [seats, id],
    );
    writeAudit(tx, viewer, 'course_run.cancel', 'CourseRun', id, { withdrawn: withdrawn.length });
  });
  return (await runById(ctx.em, id))!;
}

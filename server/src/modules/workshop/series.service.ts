import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { AppError, badInput, isUniqueViolation } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { isoDateIn } from '../../shared/util/time.js';
import { httpsLink } from '../../shared/util/links.js';
import { writeAudit } from '../audit/index.js';
import { assertCanManageCourse, CourseKind, CourseStatus, EnrolmentPolicy, type CourseInstructor } from '../course/index.js';
import { enqueueSeatMails } from '../mail/index.js';
import { assignRunInstructors, cancelRunIn, CourseRunStatus, promoteFromWaitlist } from '../run/index.js';
import type { CreateRunSeriesInput, RunSeriesOfCourseArgs, SeriesOccurrencesArgs, UpdateRunSeriesInput } from './series.inputs.js';
import { expandSchedule, normalizeRule, occurrenceCode, type Occurrence, type SeriesSchedule } from './series.rules.js';
import { RunSessionStatus } from './session.entity.js';
import type { RunSeries, SeriesOccurrence } from './series.types.js';

/*
 * Recurring forums (ARCHITECTURE.md "Recurring forums"). A series writes its occurrences itself: each a run of
 * the workshop (course_run.series_id, so its enrolments are exempt from "one run of a course at a time") with one
 * session (run_session), created, moved and cancelled here in the series' transaction. Instructors go through
 * the run module's gate (agreements for partner staff), cancellations through its cancelRunIn (withdrawal and
 * the "run cancelled" mail), exactly as for any run.
 */

const RUN_CODE = /^[A-Z0-9][A-Z0-9._/-]*$/;
const DEFAULT_CODE_PATTERN = '{YYYY}-{MM}-{DD}';

const trimOrNull = (value: string | null | undefined) => value?.trim() || null;

/** A series' settings: its schedule, and what every occurrence copies. */
interface SeriesSettings extends SeriesSchedule {
  title: string | null;
  codePattern: string;
  capacity: number | null;
  enrolmentPolicy: EnrolmentPolicy;
  room: string | null;
  address: string | null;
  onlineUrl: string | null;
  instructorIds: string[];
}

function checkSettings(settings: SeriesSettings): SeriesSettings {
  httpsLink(settings.onlineUrl, 'onlineUrl', 'INVALID_ONLINE_URL');
  const sample = occurrenceCode(settings.codePattern, { date: '2027-01-01', number: 1, startsAt: new Date(), endsAt: new Date() });
  if (!RUN_CODE.test(sample) || sample.length > 40) throw badInput('codePattern', 'format');
  return { ...settings, rrule: normalizeRule(settings.rrule) };
}

/** The place an occurrence's run shows in lists ("Ruang Rapat 2, Jl. Merdeka 1"); the session keeps room and address apart. */
const runLocation = (s: SeriesSettings) => [s.room, s.address].filter(Boolean).join(', ').slice(0, 300) || null;

/** Codes the course already uses, so a new occurrence whose code is taken (a cancelled date) gets a suffix. */
async function usedCodes(tx: EntityManager, courseId: string): Promise<Set<string>> {
  const rows = await db({ em: tx }).selectFrom('course_run').select('code').where('course_id', '=', courseId).execute();
  return new Set(rows.map((r) => r.code));
}

function freeCode(wanted: string, used: Set<string>): string {
  let code = wanted;
  for (let n = 2; used.has(code); n++) code = `${wanted.slice(0, 36)}-${n}`;
  used.add(code);
  return code;
}

/** Writes one occurrence: its run, its one session, its instructors (through the run module's gate). */
async function createOccurrence(
  tx: EntityManager, viewer: Viewer, seriesId: string, courseId: string, s: SeriesSettings, occurrence: Occurrence, used: Set<string>,
): Promise<string> {
  const q = db({ em: tx });
  const run = await q.insertInto('course_run').values({
    id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
    status: CourseRunStatus.SCHEDULED, seats_taken: 0, waitlist_length: 0, course_id: courseId, series_id: seriesId,
    code: freeCode(occurrenceCode(s.codePattern, occurrence), used), starts_at: occurrence.startsAt, ends_at: occurrence.endsAt,
    enrolment_closes_at: null, location: runLocation(s), online_url: s.onlineUrl, capacity: s.capacity,
    enrolment_policy: s.enrolmentPolicy, created_by_id: viewer.personId, time_zone: s.timeZone,
  }).returning('id').executeTakeFirstOrThrow();
  await q.insertInto('run_session').values({
    id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, run_id: run.id,
    starts_at: occurrence.startsAt, ends_at: occurrence.endsAt, time_zone: s.timeZone, title: s.title, room: s.room, address: s.address,
    online_url: s.onlineUrl, status: RunSessionStatus.SCHEDULED,
  }).execute();
  await assignRunInstructors(tx, { id: run.id, courseId, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt }, s.instructorIds);
  return run.id;
}

async function writeSeriesInstructors(tx: EntityManager, seriesId: string, ids: string[]): Promise<void> {
  const q = db({ em: tx });
  await q.deleteFrom('run_series_instructor').where('series_id', '=', seriesId).execute();
  if (ids.length) await q.insertInto('run_series_instructor').values(ids.map((personId) => ({ series_id: seriesId, person_id: personId }))).execute();
}

const seriesColumns = (s: SeriesSettings) => ({
  title: s.title, rrule: s.rrule, starts_on: s.startsOn, start_time: s.startTime, duration_minutes: s.durationMinutes, time_zone: s.timeZone,
  until_on: s.untilOn, occurrence_count: s.occurrenceCount, code_pattern: s.codePattern, capacity: s.capacity,
  enrolment_policy: s.enrolmentPolicy, room: s.room, address: s.address, online_url: s.onlineUrl,
});

async function mapCodeViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'course_run_code_per_course')) throw new AppError('DUPLICATE_CODE', {}, 'codePattern');
    throw error;
  }
}

/** A series on a workshop the viewer manages, with all its occurrences, in one transaction. */
export async function createRunSeries(ctx: SignedInOperationContext, input: CreateRunSeriesInput): Promise<RunSeries> {
  const { viewer } = ctx;
  const required = <T>(value: T | null | undefined, field: string): T => {
    if (value === null || value === undefined) throw badInput(field, 'required');
    return value;
  };
  const settings = checkSettings({
    rrule: required(input.rrule, 'rrule'), startsOn: required(input.startsOn, 'startsOn'), startTime: required(input.startTime, 'startTime'),
    durationMinutes: required(input.durationMinutes, 'durationMinutes'), timeZone: input.timeZone ?? 'Asia/Jakarta',
    untilOn: input.untilOn ?? null, occurrenceCount: input.untilOn ? null : (input.occurrenceCount ?? null),
    title: trimOrNull(input.title), codePattern: input.codePattern?.trim() || DEFAULT_CODE_PATTERN, capacity: input.capacity ?? null,
    enrolmentPolicy: input.enrolmentPolicy ?? EnrolmentPolicy.OPEN, room: trimOrNull(input.room), address: trimOrNull(input.address),
    onlineUrl: trimOrNull(input.onlineUrl), instructorIds: [...new Set((input.instructorIds ?? []).map((id) => id.toLowerCase()))],
  });
  const occurrences = expandSchedule(settings);
  const id = await mapCodeViolation(() => ctx.em.transactional(async (tx) => {
    const course = await assertCanManageCourse(tx, viewer, input.courseId);
    const q = db({ em: tx });
    const row = await q.selectFrom('course').select(['kind', 'status']).where('id', '=', course.id).forUpdate().executeTakeFirstOrThrow();
    if ((row.kind as CourseKind) !== CourseKind.WORKSHOP) throw new AppError('NOT_A_WORKSHOP', {}, 'courseId');
    if ((row.status as CourseStatus) === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    const series = await q.insertInto('run_series').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, course_id: course.id,
      created_by_id: viewer.personId, ...seriesColumns(settings),
    }).returning('id').executeTakeFirstOrThrow();
    await writeSeriesInstructors(tx, series.id, settings.instructorIds);
    const used = await usedCodes(tx, course.id);
    // Dates already past when the series is made are not created: a series plans what is still to come.
    const now = Date.now();
    let created = 0;
    for (const occurrence of occurrences) {
      if (occurrence.startsAt.getTime() <= now) continue;
      await createOccurrence(tx, viewer, series.id, course.id, settings, occurrence, used);
      created++;
    }
    if (created === 0) throw new AppError('SERIES_EMPTY', {}, 'startsOn');
    writeAudit({ em: tx, viewer }, 'run_series.create', 'RunSeries', series.id, { courseId: course.id, rrule: settings.rrule, occurrences: created });
    return series.id;
  }));
  return readSeries(ctx, id);
}

interface SeriesRow {
  id: string;
  course_id: string;
  course_title: string;
  title: string | null;
  rrule: string;
  starts_on: string | Date;
  start_time: string;
  duration_minutes: number;
  time_zone: string;
  until_on: string | Date | null;
  occurrence_count: number | null;
  code_pattern: string;
  capacity: number | null;
  enrolment_policy: EnrolmentPolicy;
  room: string | null;
  address: string | null;
  online_url: string | null;
  instructor_ids: string[] | null;
  instructors: CourseInstructor[] | null;
}

/** The driver hands a date column over as text or as a Date at local midnight; the series speaks YYYY-MM-DD. */
const dateText = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : isoDateIn(value, 'UTC'));

function toSeries(row: SeriesRow): RunSeries {
  return {
    id: row.id, courseId: row.course_id, courseTitle: row.course_title, title: row.title, rrule: row.rrule, startsOn: dateText(row.starts_on),
    startTime: row.start_time, durationMinutes: row.duration_minutes, timeZone: row.time_zone,
    untilOn: row.until_on === null ? null : dateText(row.until_on), occurrenceCount: row.occurrence_count, codePattern: row.code_pattern,
    capacity: row.capacity, enrolmentPolicy: row.enrolment_policy, room: row.room, address: row.address, onlineUrl: row.online_url,
    instructorIds: row.instructor_ids ?? [], instructors: row.instructors ?? [],
  };
}

function seriesQuery(em: EntityManager) {
  return db({ em }).selectFrom('run_series as s').innerJoin('course as c', 'c.id', 's.course_id')
    .select([
      's.id', 's.course_id', 'c.title as course_title', 's.title', 's.rrule', sql<string>`s.starts_on::text`.as('starts_on'), 's.start_time',
      's.duration_minutes', 's.time_zone', sql<string | null>`s.until_on::text`.as('until_on'), 's.occurrence_count', 's.code_pattern',
      's.capacity', 's.enrolment_policy', 's.room', 's.address', 's.online_url',
      sql<string[] | null>`(select array_agg(i.person_id::text order by i.person_id) from run_series_instructor i where i.series_id = s.id)`.as('instructor_ids'),
      // Named in the same statement, so a page of series costs no statement per series.
      sql<CourseInstructor[] | null>`(select json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'partnerName', pi.name) order by p.full_name, p.id)
        from run_series_instructor i join person p on p.id = i.person_id left join partner_institution pi on pi.id = p.partner_id
        where i.series_id = s.id)`.as('instructors'),
    ]);
}

async function readSeries(ctx: SignedInOperationContext, id: string): Promise<RunSeries> {
  const row = await seriesQuery(ctx.em).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: 'series' });
  return toSeries(row);
}

/** A series for its managers; anyone else (and an unknown id) NOT_FOUND. */
export async function runSeries(ctx: SignedInOperationContext, id: string): Promise<RunSeries> {
  const row = await db(ctx).selectFrom('run_series').select('course_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: 'series' });
  await assertManagesSeriesCourse(ctx.em, ctx.viewer, row.course_id);
  return readSeries(ctx, id);
}

/** Seeing a series is managing its workshop: FORBIDDEN (the course is visible) is answered as NOT_FOUND too. */
async function assertManagesSeriesCourse(em: EntityManager, viewer: Viewer, courseId: string): Promise<void> {
  try {
    await assertCanManageCourse(em, viewer, courseId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', { what: 'series' });
    throw error;
  }
}

const seriesCursor = keysetCursor('date', 'uuid');

/** The series of a workshop, by first date (one statement per page). */
export async function runSeriesOfCourse(ctx: SignedInOperationContext, args: RunSeriesOfCourseArgs): Promise<Page<RunSeries>> {
  await assertManagesSeriesCourse(ctx.em, ctx.viewer, args.courseId);
  const after = seriesCursor.decode(args.after);
  let query = seriesQuery(ctx.em).where('s.course_id', '=', args.courseId);
  if (after) query = query.where(sql<boolean>`(s.starts_on, s.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const rows = await query.orderBy('s.starts_on').orderBy('s.id').limit(args.first + 1).execute() as SeriesRow[];
  return toPage(rows, args.first, async () => {
    const { n } = await db(ctx).selectFrom('run_series').select(sql<number>`count(*)::int`.as('n')).where('course_id', '=', args.courseId).executeTakeFirstOrThrow();
    return n;
  }, toSeries, (r) => seriesCursor.encode([dateText(r.starts_on), r.id]));
}

const occurrenceCursor = keysetCursor('timestamp', 'uuid');

/** A series' occurrences (cancelled ones included), in date order: one statement per page, plus the count when asked. */
export async function seriesOccurrences(ctx: SignedInOperationContext, seriesId: string, args: SeriesOccurrencesArgs): Promise<Page<SeriesOccurrence>> {
  const after = occurrenceCursor.decode(args.after);
  let query = db(ctx).selectFrom('course_run as r')
    .leftJoin('run_session as s', (join) => join.onRef('s.run_id', '=', 'r.id'))
    .select(['r.id', 'r.code', 'r.status', 'r.starts_at', 'r.ends_at', 'r.time_zone', 'r.capacity', 'r.seats_taken', 'r.waitlist_length', 's.room', 'r.cancellation_reason'])
    .where('r.series_id', '=', seriesId);
  if (after) query = query.where(sql<boolean>`(r.starts_at, r.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await query.orderBy('r.starts_at').orderBy('r.id').limit(args.first + 1).execute();
  return toPage(rows, args.first, async () => {
    const { n } = await db(ctx).selectFrom('course_run').select(sql<number>`count(*)::int`.as('n')).where('series_id', '=', seriesId).executeTakeFirstOrThrow();
    return n;
  }, (r): SeriesOccurrence => ({
    runId: r.id, code: r.code, status: r.status, startsAt: new Date(r.starts_at!), endsAt: new Date(r.ends_at!), timeZone: r.time_zone,
    capacity: r.capacity, seatsTaken: r.seats_taken, waitlistLength: r.waitlist_length, room: r.room ?? null, cancellationReason: r.cancellation_reason,
  }), (r) => occurrenceCursor.encode([new Date(r.starts_at!), r.id]));
}

/**
 * Changes a series from now on: occurrences that have started or ended (and cancelled ones) stay exactly as they
 * were; future ones on a date the new rule still has move to its time, place and settings; future ones on a date
 * it no longer has are cancelled (their registrants withdrawn and told, with `reason`); new dates get new
 * occurrences. All in one transaction with one audit entry.
 */
export async function updateRunSeries(ctx: SignedInOperationContext, id: string, input: UpdateRunSeriesInput): Promise<RunSeries> {
  const { viewer } = ctx;
  await mapCodeViolation(() => ctx.em.transactional(async (tx) => {
    const q = db({ em: tx });
    const current = await seriesQuery(tx).where('s.id', '=', id).executeTakeFirst() as SeriesRow | undefined;
    if (!current) throw new AppError('NOT_FOUND', { what: 'series' });
    await assertManagesSeriesCourse(tx, viewer, current.course_id);
    // One editor at a time: the series row is the lock.
    await q.selectFrom('run_series').select('id').where('id', '=', id).forUpdate().execute();
    const was = toSeries(current);
    const pick = <K extends keyof UpdateRunSeriesInput>(key: K, fallback: NonNullable<UpdateRunSeriesInput[K]> | null) =>
      input[key] !== undefined ? input[key] : fallback;
    const untilOn = input.occurrenceCount ? null : pick('untilOn', was.untilOn);
    const settings = checkSettings({
      rrule: pick('rrule', was.rrule) ?? was.rrule, startsOn: pick('startsOn', was.startsOn) ?? was.startsOn,
      startTime: pick('startTime', was.startTime) ?? was.startTime, durationMinutes: pick('durationMinutes', was.durationMinutes) ?? was.durationMinutes,
      timeZone: pick('timeZone', was.timeZone) ?? was.timeZone, untilOn,
      occurrenceCount: untilOn ? null : pick('occurrenceCount', was.occurrenceCount),
      title: input.title !== undefined ? trimOrNull(input.title) : was.title, codePattern: input.codePattern?.trim() || was.codePattern,
      capacity: pick('capacity', was.capacity), enrolmentPolicy: pick('enrolmentPolicy', was.enrolmentPolicy) ?? was.enrolmentPolicy,
      room: input.room !== undefined ? trimOrNull(input.room) : was.room, address: input.address !== undefined ? trimOrNull(input.address) : was.address,
      onlineUrl: input.onlineUrl !== undefined ? trimOrNull(input.onlineUrl) : was.onlineUrl,
      instructorIds: input.instructorIds !== undefined ? [...new Set((input.instructorIds ?? []).map((i) => i.toLowerCase()))] : was.instructorIds,
    });
    const now = Date.now();
    const future = expandSchedule(settings).filter((o) => o.startsAt.getTime() > now);
    const existing = await q.selectFrom('course_run as r')
      .leftJoin('run_session as s', 's.run_id', 'r.id')
      .select(['r.id', 'r.status', 'r.starts_at', 'r.time_zone', 'r.capacity', 'r.seats_taken', 'r.waitlist_length', 's.id as session_id'])
      .where('r.series_id', '=', id)
      .orderBy('r.starts_at')
      .forUpdate('r')
      .execute();
    const dateOf = (r: (typeof existing)[number]) => isoDateIn(new Date(r.starts_at!), r.time_zone);
    // What has begun, ended or been cancelled is history: never moved, and its date is not planned again.
    const movable = existing.filter((r) => (r.status as CourseRunStatus) === CourseRunStatus.SCHEDULED && new Date(r.starts_at!).getTime() > now);
    const kept = new Set(existing.filter((r) => !movable.includes(r)).map(dateOf));
    const wanted = new Map(future.filter((o) => !kept.has(o.date)).map((o) => [o.date, o]));
    const summary = { moved: 0, cancelled: 0, created: 0 };
    for (const run of movable) {
      const occurrence = wanted.get(dateOf(run));
      if (!occurrence) {
        await cancelRunIn(tx, viewer, run.id, input.reason ?? null);
        if (run.session_id) await q.updateTable('run_session').set({ status: RunSessionStatus.CANCELLED, updated_at: sql<Date>`now()` }).where('id', '=', run.session_id).execute();
        summary.cancelled++;
        continue;
      }
      wanted.delete(occurrence.date);
      if (settings.capacity !== null && settings.capacity < run.seats_taken) throw new AppError('CAPACITY_BELOW_TAKEN', { taken: run.seats_taken }, 'capacity');
      await q.updateTable('course_run').set({
        starts_at: occurrence.startsAt, ends_at: occurrence.endsAt, time_zone: settings.timeZone, location: runLocation(settings),
        online_url: settings.onlineUrl, capacity: settings.capacity, enrolment_policy: settings.enrolmentPolicy, updated_at: sql<Date>`now()`,
      }).where('id', '=', run.id).execute();
      const session = {
        starts_at: occurrence.startsAt, ends_at: occurrence.endsAt, time_zone: settings.timeZone, title: settings.title, room: settings.room,
        address: settings.address, online_url: settings.onlineUrl, updated_at: sql<Date>`now()`,
      };
      if (run.session_id) await q.updateTable('run_session').set(session).where('id', '=', run.session_id).execute();
      else await q.insertInto('run_session').values({ id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, run_id: run.id, status: RunSessionStatus.SCHEDULED, ...session }).execute();
      await assignRunInstructors(tx, { id: run.id, courseId: current.course_id, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt }, settings.instructorIds);
      const raised = run.capacity !== null && (settings.capacity === null || settings.capacity > run.capacity);
      // New seats go to the waiting list first-in-first-out, as when any run's capacity is raised.
      if (raised && run.waitlist_length > 0) await enqueueSeatMails(tx, 'moved-up', await promoteFromWaitlist(tx, run.id));
      summary.moved++;
    }
    const used = wanted.size ? await usedCodes(tx, current.course_id) : new Set<string>();
    for (const occurrence of wanted.values()) {
      await createOccurrence(tx, viewer, id, current.course_id, settings, occurrence, used);
      summary.created++;
    }
    await q.updateTable('run_series').set({ ...seriesColumns(settings), updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    if (input.instructorIds !== undefined) await writeSeriesInstructors(tx, id, settings.instructorIds);
    writeAudit({ em: tx, viewer }, 'run_series.update', 'RunSeries', id, { rrule: settings.rrule, ...summary });
  }));
  return readSeries(ctx, id);
}

/**
 * Cancels one occurrence with a reason: its run is cancelled like any run (everyone registered or waiting is
 * withdrawn and receives the "run cancelled" mail with the reason) and its session is marked cancelled.
 */
export async function cancelSeriesOccurrence(ctx: SignedInOperationContext, runId: string, reason: string): Promise<SeriesOccurrence> {
  const note = reason.trim();
  if (!note) throw badInput('reason', 'empty');
  const seriesId = await ctx.em.transactional(async (tx) => {
    const q = db({ em: tx });
    const run = await q.selectFrom('course_run').select('series_id').where('id', '=', runId).executeTakeFirst();
    // cancelRunIn answers NOT_FOUND / FORBIDDEN for a run the viewer may not manage before anything else is said.
    await cancelRunIn(tx, ctx.viewer, runId, note);
    if (!run?.series_id) throw new AppError('NOT_A_SERIES_OCCURRENCE');
    await q.updateTable('run_session').set({ status: RunSessionStatus.CANCELLED, updated_at: sql<Date>`now()` }).where('run_id', '=', runId).execute();
    writeAudit({ em: tx, viewer: ctx.viewer }, 'run_series.cancel_occurrence', 'CourseRun', runId, { seriesId: run.series_id, reason: note });
    return run.series_id;
  });
  const page = await db(ctx).selectFrom('course_run as r')
    .leftJoin('run_session as s', 's.run_id', 'r.id')
    .select(['r.id', 'r.code', 'r.status', 'r.starts_at', 'r.ends_at', 'r.time_zone', 'r.capacity', 'r.seats_taken', 'r.waitlist_length', 's.room', 'r.cancellation_reason'])
    .where('r.id', '=', runId).where('r.series_id', '=', seriesId).executeTakeFirstOrThrow();
  return {
    runId: page.id, code: page.code, status: page.status, startsAt: new Date(page.starts_at!), endsAt: new Date(page.ends_at!), timeZone: page.time_zone,
    capacity: page.capacity, seatsTaken: page.seats_taken, waitlistLength: page.waitlist_length, room: page.room ?? null, cancellationReason: page.cancellation_reason,
  };
}

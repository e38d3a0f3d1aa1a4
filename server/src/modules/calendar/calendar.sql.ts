import { sql } from 'kysely';
import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { EnrolmentStatus, seesOnlineLink } from '../enrolment/index.js';
import { CourseRunStatus } from '../run/index.js';
import { RunSessionStatus } from '../workshop/index.js';
import type { CalendarEvent } from './ical.js';

/** Epoch milliseconds (the driver may hand timestamps over as text). */
const epoch = (column: string) => sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

/** The statuses that put a run in someone's calendar: a seat, or a place on its waiting list. */
const IN_CALENDAR = [EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED];

/** How many registrations one feed lists at most (newest first): a feed stays small for any person. */
const FEED_LIMIT = 500;

interface RunEventRow {
  run_id: string;
  run_code: string;
  starts_at: number | null;
  ends_at: number | null;
  time_zone: string;
  location: string | null;
  online_url: string | null;
  course_id: string;
  course_title: string;
  /** The viewer's enrolment in the run (null: none). */
  enrolment_status: string | null;
}

/** Whether `personId` teaches the run aliased `r`. */
const teachesRun = (personId: string) =>
  sql<boolean>`exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ${personId}::uuid)`;

const words = {
  id: { run: (code: string) => `Angkatan ${code}` },
  en: { run: (code: string) => `Run ${code}` },
} satisfies Record<Locale, unknown>;

/**
 * A run as a calendar event for one viewer. The online link by the enrolment module's one rule (`seesOnlineLink`,
 * as CourseRun.onlineUrl): for who holds a seat or runs it (`mayJoin`); a waiting-list place is not a place in the meeting.
 */
function runEvent(row: RunEventRow, locale: Locale, publicUrl: string, mayJoin: boolean): CalendarEvent | null {
  if (row.starts_at === null) return null;
  return {
    uid: `run-${row.run_id}@lentera`,
    title: row.course_title,
    startsAt: new Date(row.starts_at),
    endsAt: row.ends_at === null ? null : new Date(row.ends_at),
    timeZone: row.time_zone,
    location: row.location,
    onlineUrl: seesOnlineLink(mayJoin, row.enrolment_status) ? row.online_url : null,
    pageUrl: `${publicUrl}/kursus/${row.course_id}`,
    tentative: row.enrolment_status === 'WAITLISTED',
    details: [words[locale].run(row.run_code)],
  };
}

function runRows(ctx: OperationContext, personId: string) {
  return db(ctx).selectFrom('course_run as r')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .leftJoin('enrolment as e', (join) => join.onRef('e.run_id', '=', 'r.id').on('e.person_id', '=', personId))
    .select([
      'r.id as run_id', 'r.code as run_code', epoch('r.starts_at').as('starts_at'), epoch('r.ends_at').as('ends_at'), 'r.time_zone',
      'r.location', 'r.online_url', 'c.id as course_id', 'c.title as course_title', 'e.status as enrolment_status',
    ]);
}

/**
 * Everything a person is registered for or teaches, as events of their feed: runs where they hold a seat or wait
 * for one, and runs they teach (an instructor of partner P teaching for three agencies sees all three), scheduled
 * and with a start. Workshop sessions join here as events of their own. One statement.
 */
export async function registeredEvents(ctx: OperationContext, personId: string, locale: Locale, publicUrl: string): Promise<CalendarEvent[]> {
  const rows: (RunEventRow & { teaches: boolean })[] = await runRows(ctx, personId)
    .select(teachesRun(personId).as('teaches'))
    .where((eb) => eb.or([eb('e.status', 'in', IN_CALENDAR), teachesRun(personId)]))
    .where('r.status', '=', CourseRunStatus.SCHEDULED)
    .where('r.starts_at', 'is not', null)
    // A workshop run with sessions is its sessions (below), not one long event from the first to the last.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('run_session as x').select('x.id').whereRef('x.run_id', '=', 'r.id').where('x.status', '=', RunSessionStatus.SCHEDULED))))
    .orderBy('r.starts_at', 'desc')
    .limit(FEED_LIMIT)
    .execute();
  const sessions: (SessionEventRow & { teaches: boolean })[] = await sessionRows(ctx, personId)
    .select(teachesRun(personId).as('teaches'))
    .where((eb) => eb.or([eb('e.status', 'in', IN_CALENDAR), teachesRun(personId)]))
    .where('r.status', '=', CourseRunStatus.SCHEDULED)
    .orderBy('s.starts_at', 'desc')
    .limit(SESSION_FEED_LIMIT)
    .execute();
  return [
    ...rows.map((row) => runEvent(row, locale, publicUrl, row.teaches)).filter((e): e is CalendarEvent => e !== null),
    ...sessions.map((row) => sessionEvent(row, locale, publicUrl, row.teaches)),
  ];
}

/** How many workshop sessions one feed lists at most (newest first). */
const SESSION_FEED_LIMIT = 2000;


interface SessionEventRow {
  session_id: string;
  session_title: string | null;
  starts_at: number | null;
  ends_at: number | null;
  time_zone: string;
  room: string | null;
  address: string | null;
  online_url: string | null;
  run_code: string;
  course_id: string;
  course_title: string;
  enrolment_status: string | null;
  session_status: RunSessionStatus;
}

/**
 * The sessions of runs, cancelled ones included: a calendar that subscribed to the feed, or imported the run's file,
 * learns of a cancellation only from the event itself (STATUS:CANCELLED under the same uid); an event that just
 * disappeared from a feed stays in many calendar apps. Each comes with the viewer's enrolment in its run (`r`, `e` as in runRows). */
function sessionRows(ctx: OperationContext, personId: string) {
  return db(ctx).selectFrom('run_session as s')
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .leftJoin('enrolment as e', (join) => join.onRef('e.run_id', '=', 'r.id').on('e.person_id', '=', personId).on('e.status', 'in', IN_CALENDAR))
    .select([
      's.id as session_id', 's.title as session_title', epoch('s.starts_at').as('starts_at'), epoch('s.ends_at').as('ends_at'), 's.time_zone',
      's.room', 's.address', 's.online_url', 'r.code as run_code', 'c.id as course_id', 'c.title as course_title', 'e.status as enrolment_status',
      's.status as session_status',
    ]);
}

/** A workshop session as an event of its own (uid session-<id>), its link by the same rule as a run's. */
function sessionEvent(row: SessionEventRow, locale: Locale, publicUrl: string, mayJoin: boolean): CalendarEvent {
  return {
    uid: `session-${row.session_id}@lentera`,
    title: row.session_title ? `${row.course_title} — ${row.session_title}` : row.course_title,
    // Both are NOT NULL columns; epoch() types them nullable.
    startsAt: new Date(row.starts_at!),
    endsAt: new Date(row.ends_at!),
    timeZone: row.time_zone,
    location: [row.room, row.address].filter(Boolean).join(', ') || null,
    onlineUrl: seesOnlineLink(mayJoin, row.enrolment_status) ? row.online_url : null,
    pageUrl: `${publicUrl}/kursus/${row.course_id}`,
    tentative: row.enrolment_status === 'WAITLISTED',
    cancelled: row.session_status === RunSessionStatus.CANCELLED,
    details: [words[locale].run(row.run_code)],
  };
}

/** The sessions of one run as the viewer sees them, soonest first (empty for a run without sessions). */
export async function sessionEventsFor(
  ctx: OperationContext, runId: string, viewerId: string, opts: { locale: Locale; publicUrl: string; teaches: boolean },
): Promise<CalendarEvent[]> {
  const rows: SessionEventRow[] = await sessionRows(ctx, viewerId).where('s.run_id', '=', runId).orderBy('s.starts_at').limit(SESSION_FEED_LIMIT).execute();
  return rows.map((row) => sessionEvent(row, opts.locale, opts.publicUrl, opts.teaches));
}

/** One run as the viewer sees it (the caller has checked they may see it); null when it has no date yet. */
export async function runEventFor(
  ctx: OperationContext, runId: string, viewerId: string, opts: { locale: Locale; publicUrl: string; teaches: boolean },
): Promise<CalendarEvent | null> {
  const row: RunEventRow | undefined = await runRows(ctx, viewerId).where('r.id', '=', runId).executeTakeFirst();
  return row ? runEvent(row, opts.locale, opts.publicUrl, opts.teaches) : null;
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import type { JobDefinition } from '../../shared/jobs/queue.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { isIndonesianTimeZone, ZONE_INFO } from '../../shared/util/time-zones.js';
import { EnrolmentStatus } from '../enrolment/index.js';
import { enqueueMails, layout, type MailComposer, type MailRequest } from '../mail/index.js';
import { CourseRunStatus } from '../run/index.js';
import { RunSessionStatus } from './session.entity.js';

/*
 * The mails of a workshop session, written when the job runs, in the recipient's language and zone:
 * - "session cancelled" and "session moved": to everyone holding a seat or waiting when a manager cancels a session or
 *   changes its time or place (session.service.ts enqueues them in the same transaction);
 * - "session tomorrow": to each seat holder, once per session and person, by the hourly reminder job below.
 * Nothing is sent when the person has left the run by the time the job runs, or when the session changed again
 * in a way that makes the mail wrong (a "moved" mail for a session cancelled since, a reminder for a cancelled one).
 */

export const SESSION_REMINDER_QUEUE = 'workshops.session-reminders';
/** A session starting within this many hours is "tomorrow": the hourly job tells each seat holder once. */
const REMINDER_HOURS = 24;
/** Reminders written per transaction (a very large run is done in several). */
const REMINDER_BATCH = 1000;

/** "Kamis, 4 Desember 2026 13.00–15.00 WITA (12.00–14.00 WIB)": the venue's zone, and the reader's when it differs. */
function sessionTime(startsAt: Date, endsAt: Date, venueZone: string, readerZone: string, locale: Locale): string {
  const loc = locale === 'en' ? 'en-GB' : 'id-ID';
  const label = (zone: string) => (isIndonesianTimeZone(zone) ? ZONE_INFO[zone].label : zone);
  const hm = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('HH.mm');
  const day = DateTime.fromJSDate(startsAt, { zone: venueZone }).setLocale(loc).toFormat('cccc, d LLLL yyyy');
  const venue = `${hm(startsAt, venueZone)}–${hm(endsAt, venueZone)} ${label(venueZone)}`;
  const reader = readerZone !== venueZone && isIndonesianTimeZone(readerZone) ? ` (${hm(startsAt, readerZone)}–${hm(endsAt, readerZone)} ${label(readerZone)})` : '';
  return `${day} ${venue}${reader}`;
}

const words = {
  id: {
    greeting: (name: string) => `Yth. ${name},`,
    cancelledSubject: (title: string) => `Sesi dibatalkan: ${title}`,
    cancelled: (title: string, when: string) => `Sesi "${title}" pada ${when} dibatalkan.`,
    reason: (reason: string) => `Alasan: ${reason}`,
    movedSubject: (title: string) => `Jadwal sesi berubah: ${title}`,
    moved: (title: string) => `Jadwal atau tempat sesi "${title}" berubah.`,
    before: (when: string) => `Sebelumnya: ${when}`,
    now: (when: string) => `Sekarang: ${when}`,
    tomorrowSubject: (title: string) => `Besok: ${title}`,
    tomorrow: (title: string, when: string) => `Pengingat: sesi "${title}" berlangsung ${when}.`,
    place: (where: string) => `Tempat: ${where}`,
    online: 'Tautan daring ada di halaman lokakarya.',
    open: 'Lihat lokakarya',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    cancelledSubject: (title: string) => `Session cancelled: ${title}`,
    cancelled: (title: string, when: string) => `The session "${title}" on ${when} is cancelled.`,
    reason: (reason: string) => `Reason: ${reason}`,
    movedSubject: (title: string) => `Session rescheduled: ${title}`,
    moved: (title: string) => `The time or place of the session "${title}" has changed.`,
    before: (when: string) => `Before: ${when}`,
    now: (when: string) => `Now: ${when}`,
    tomorrowSubject: (title: string) => `Tomorrow: ${title}`,
    tomorrow: (title: string, when: string) => `A reminder: the session "${title}" takes place ${when}.`,
    place: (where: string) => `Place: ${where}`,
    online: 'The online link is on the workshop’s page.',
    open: 'Open the workshop',
  },
} satisfies Record<Locale, unknown>;

interface SessionMailRow {
  email: string | null;
  full_name: string;
  locale: string;
  person_zone: string;
  enrolment_status: string | null;
  course_id: string;
  course_title: string;
  title: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  room: string | null;
  address: string | null;
  online_url: string | null;
  status: string;
  cancel_reason: string | null;
}

function sessionMailRow(ctx: OperationContext, sessionId: string, personId: string): Promise<SessionMailRow | undefined> {
  return db(ctx).selectFrom('run_session as s')
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .innerJoin('person as p', (join) => join.on('p.id', '=', personId).on('p.active', '=', sql.lit(true)))
    .select([
      'p.email', 'p.full_name', 'p.locale', 'p.time_zone as person_zone', 'c.id as course_id', 'c.title as course_title',
      's.title', 's.starts_at', 's.ends_at', 's.time_zone', 's.room', 's.address', 's.online_url', 's.status', 's.cancel_reason',
      // The person's current place in the run (a seat or the waiting list), if they still have one.
      (eb) => eb.selectFrom('enrolment as e').select('e.status').whereRef('e.run_id', '=', 'r.id').where('e.person_id', '=', personId)
        .where('e.status', 'in', [EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED]).limit(1).as('enrolment_status'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

function placeOf(row: SessionMailRow): string | null {
  return [row.room, row.address].filter(Boolean).join(', ') || null;
}

type SessionKind = 'session-cancelled' | 'session-moved' | 'session-tomorrow';

function sessionMail<K extends SessionKind>(kind: K): MailComposer<K> {
  return async (ctx, mailRequest, links) => {
    const request = mailRequest as Extract<MailRequest, { kind: SessionKind }>;
    const row = await sessionMailRow(ctx, request.sessionId, request.personId);
    if (!row?.email || !row.enrolment_status) return null;
    // A reminder goes to seat holders only; a "moved" or reminder mail about a session cancelled since would mislead.
    if (kind === 'session-tomorrow' && row.enrolment_status !== 'ACTIVE') return null;
    if (kind !== 'session-cancelled' && row.status !== 'SCHEDULED') return null;
    if (kind === 'session-cancelled' && row.status !== 'CANCELLED') return null;
    const locale: Locale = row.locale === 'en' ? 'en' : 'id';
    const w = words[locale];
    const title = row.title ? `${row.course_title} — ${row.title}` : row.course_title;
    const when = (startsAt: Date, endsAt: Date, zone: string) => sessionTime(asDate(startsAt), asDate(endsAt), zone, row.person_zone, locale);
    const now = when(row.starts_at, row.ends_at, row.time_zone);
    const place = placeOf(row);
    const where = [...(place ? [w.place(place)] : []), ...(row.online_url ? [w.online] : [])];
    let subject: string;
    let paragraphs: string[];
    if (kind === 'session-cancelled') {
      subject = w.cancelledSubject(title);
      paragraphs = [w.cancelled(title, now), ...(row.cancel_reason ? [w.reason(row.cancel_reason)] : [])];
    } else if (kind === 'session-moved') {
      const moved = request as Extract<MailRequest, { kind: 'session-moved' }>;
      subject = w.movedSubject(title);
      paragraphs = [w.moved(title), w.before(when(new Date(moved.previousStartsAt), new Date(moved.previousEndsAt), moved.previousTimeZone)), w.now(now), ...where];
    } else {
      subject = w.tomorrowSubject(title);
      paragraphs = [w.tomorrow(title, now), ...where];
    }
    return layout(row.email, locale, {
      subject, greeting: w.greeting(row.full_name), paragraphs,
      action: { label: w.open, url: `${links.publicUrl}/kursus/${row.course_id}` },
    });
  };
}

export const composeSessionCancelledMail = sessionMail('session-cancelled');
export const composeSessionMovedMail = sessionMail('session-moved');
export const composeSessionTomorrowMail = sessionMail('session-tomorrow');

/**
 * Hourly: each seat holder of a scheduled session (of a scheduled run) that starts within the next 24 hours is
 * mailed "session tomorrow" once. The reminder row (session, person) is inserted in the transaction that enqueues
 * the mail, and only rows that were not there are mailed: a rerun, a retry or a second worker sends nothing twice.
 * `at` (an ISO instant) runs it as of another moment (tests); the schedule sends none.
 */
export function sessionReminderJob(deps: { orm: MikroORM; config: AppConfig }): JobDefinition<{ at?: string }> {
  return {
    name: SESSION_REMINDER_QUEUE,
    schedule: '41 * * * *',
    async run(data) {
      const ctx = createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
      const at = typeof data?.at === 'string' && !Number.isNaN(Date.parse(data.at)) ? new Date(data.at) : new Date();
      await sendReminders(ctx, at);
    },
  };
}

async function sendReminders(ctx: OperationContext, at: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await inTransaction(ctx, async (tx) => {
      const due = db(tx).selectFrom('run_session as s')
        .innerJoin('course_run as r', 'r.id', 's.run_id')
        .innerJoin('enrolment as e', 'e.run_id', 's.run_id')
        .innerJoin('person as p', 'p.id', 'e.person_id')
        .select(['s.id as session_id', 'e.person_id'])
        .where('s.status', '=', RunSessionStatus.SCHEDULED).where('r.status', '=', CourseRunStatus.SCHEDULED).where('e.status', '=', EnrolmentStatus.ACTIVE)
        .where('p.active', '=', sql.lit(true)).where('p.email', 'is not', null)
        .where('s.starts_at', '>', at)
        .where(sql<boolean>`s.starts_at <= ${at}::timestamptz + make_interval(hours => ${REMINDER_HOURS}::int)`)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('session_reminder as m').select('m.session_id')
          .whereRef('m.session_id', '=', 's.id').whereRef('m.person_id', '=', 'e.person_id'))))
        .orderBy('s.starts_at').orderBy('e.person_id')
        .limit(REMINDER_BATCH);
      const marked = await db(tx).insertInto('session_reminder')
        .columns(['session_id', 'person_id'])
        .expression(due)
        .onConflict((oc) => oc.doNothing())
        .returning(['session_id', 'person_id'])
        .execute();
      await enqueueMails(tx.em, marked.map((m) => ({ kind: 'session-tomorrow' as const, sessionId: m.session_id, personId: m.person_id })));
      return marked.length;
    });
    sent += batch;
    if (batch < REMINDER_BATCH) return sent;
  }
}

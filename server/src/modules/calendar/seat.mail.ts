import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { layout, type MailComposer, type OutgoingMail } from '../mail/index.js';

import { runCalendarForPerson } from './calendar.service.js';

/*
 * The mails of a seat in a run, each with the run's calendar file attached (text/calendar, written for the
 * learner: with the online link, since they hold a seat):
 * - "registration confirmed": a learner took a seat themselves (an open run) or an admin enrolled them into one;
 * - "moved up from the waiting list": FIFO promotion gave them a seat that was freed or added.
 * An approval that seats the learner sends no confirmation of its own: its "approved" mail already says they
 * are enrolled, and carries the same calendar file (withRunCalendar below). One event, one mail.
 * Each is written when the job runs; if the seat is gone by then (withdrawn, run cancelled) nothing is sent.
 */

const words = {
  id: {
    confirmedSubject: (title: string) => `Pendaftaran terkonfirmasi: ${title}`,
    movedUpSubject: (title: string) => `Anda mendapat kursi: ${title}`,
    greeting: (name: string) => `Yth. ${name},`,
    confirmed: (title: string, code: string) => `Anda terdaftar sebagai peserta "${title}" angkatan ${code}.`,
    movedUp: (title: string, code: string) => `Ada kursi yang kosong di "${title}" angkatan ${code}, dan Anda yang berikutnya di daftar tunggu: kini Anda terdaftar sebagai peserta.`,
    calendar: 'Jadwalnya terlampir sebagai berkas kalender (.ics) yang dapat dibuka di Google Calendar, Outlook, atau kalender ponsel.',
    open: 'Lihat kursus',
  },
  en: {
    confirmedSubject: (title: string) => `Registration confirmed: ${title}`,
    movedUpSubject: (title: string) => `You have a seat: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    confirmed: (title: string, code: string) => `You are enrolled in "${title}", run ${code}.`,
    movedUp: (title: string, code: string) => `A seat became free in "${title}", run ${code}, and you were next on the waiting list: you are now enrolled.`,
    calendar: 'The schedule is attached as a calendar file (.ics) for Google Calendar, Outlook or your phone\'s calendar.',
    open: 'Open the course',
  },
} satisfies Record<Locale, unknown>;

interface SeatRow {
  email: string | null;
  full_name: string;
  locale: string;
  person_id: string;
  run_id: string;
  run_code: string;
  course_id: string;
  course_title: string;
  status: string;
}

function seatRow(ctx: Parameters<MailComposer>[0], enrolmentId: string): Promise<SeatRow | undefined> {
  return db(ctx).selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('course_run as r', 'r.id', 'e.run_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .select(['p.email', 'p.full_name', 'p.locale', 'p.id as person_id', 'r.id as run_id', 'r.code as run_code', 'c.id as course_id', 'c.title as course_title', 'e.status'])
    .where('e.id', '=', enrolmentId)
    .where('p.active', '=', sql.lit(true))
    .executeTakeFirst();
}

async function attachCalendar(ctx: Parameters<MailComposer>[0], mail: OutgoingMail, row: SeatRow, publicUrl: string): Promise<OutgoingMail> {
  const ics = await runCalendarForPerson(ctx, row.run_id, row.person_id, mail.locale, publicUrl);
  if (!ics) return mail;
  const filename = `lentera-${row.run_code.replace(/[^\w-]+/g, '-').toLowerCase()}.ics`;
  return { ...mail, attachments: [...(mail.attachments ?? []), { filename, content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] };
}

function seatMail(kind: 'registration-confirmed' | 'moved-up'): MailComposer<typeof kind> {
  return async (ctx, request, links) => {
    const row = await seatRow(ctx, request.enrolmentId);
    // No address (many civil servants have none: the app shows it), or the seat is gone by now.
    if (!row?.email || row.status !== 'ACTIVE') return null;
    const locale: Locale = row.locale === 'en' ? 'en' : 'id';
    const w = words[locale];
    const mail = layout(row.email, locale, {
      subject: kind === 'moved-up' ? w.movedUpSubject(row.course_title) : w.confirmedSubject(row.course_title),
      greeting: w.greeting(row.full_name),
      paragraphs: [kind === 'moved-up' ? w.movedUp(row.course_title, row.run_code) : w.confirmed(row.course_title, row.run_code), w.calendar],
      action: { label: w.open, url: `${links.publicUrl}/kursus/${row.course_id}` },
    });
    return attachCalendar(ctx, mail, row, links.publicUrl);
  };
}

export const composeRegistrationConfirmedMail = seatMail('registration-confirmed') as MailComposer<'registration-confirmed'>;
export const composeMovedUpMail = seatMail('moved-up') as MailComposer<'moved-up'>;

/** The approval mail, with the run's calendar file when the approval gave a seat (see above: no second mail). */
export function withRunCalendar(compose: MailComposer<'enrolment-decision'>): MailComposer<'enrolment-decision'> {
  return async (ctx, request, links) => {
    const mail = await compose(ctx, request, links);
    if (!mail || request.decision !== 'APPROVED') return mail;
    const row = await seatRow(ctx, request.enrolmentId);
    return row?.status === 'ACTIVE' ? attachCalendar(ctx, mail, row, links.publicUrl) : mail;
  };
}

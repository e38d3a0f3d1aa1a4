import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { isIndonesianTimeZone, ZONE_INFO } from '../../shared/util/time-zones.js';
import { layout, type MailComposer } from '../mail/index.js';
import { CourseRunStatus } from './run.entity.js';

/*
 * "Run cancelled": everyone a cancelled run withdrew (requested, waiting or holding a seat) is told, with the
 * reason the admin gave. Written when the job runs, in the recipient's language; nothing is sent when the
 * enrolment was not withdrawn by a cancellation (cancelCourseRun marks those with the note RUN_CANCELLED).
 */

const words = {
  id: {
    subject: (title: string) => `Dibatalkan: ${title}`,
    greeting: (name: string) => `Yth. ${name},`,
    cancelled: (title: string, code: string, when: string | null) =>
      `"${title}" angkatan ${code}${when ? ` yang dijadwalkan ${when}` : ''} dibatalkan oleh penyelenggara.`,
    reason: (reason: string) => `Alasan: ${reason}`,
    withdrawn: 'Pendaftaran Anda di angkatan ini ditutup. Anda dapat mendaftar di angkatan lain bila tersedia.',
    open: 'Lihat jadwal lain',
  },
  en: {
    subject: (title: string) => `Cancelled: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    cancelled: (title: string, code: string, when: string | null) =>
      `"${title}", run ${code}${when ? `, scheduled for ${when},` : ''} has been cancelled by the organiser.`,
    reason: (reason: string) => `Reason: ${reason}`,
    withdrawn: 'Your registration for this run is closed. You may register for another run where one is offered.',
    open: 'See other dates',
  },
} satisfies Record<Locale, unknown>;

/** "Selasa, 2 Februari 2027 13.00 WIB" in the run's own zone (the venue's: where the learner would have been). */
function whenText(startsAt: Date, timeZone: string, locale: Locale): string {
  const zone = isIndonesianTimeZone(timeZone) ? timeZone : 'Asia/Jakarta';
  const date = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone,
  }).format(startsAt);
  return `${date} ${ZONE_INFO[zone].label}`;
}

export const composeRunCancelledMail: MailComposer<'run-cancelled'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('course_run as r', 'r.id', 'e.run_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .select(['p.email', 'p.full_name', 'p.locale', 'r.code', 'r.starts_at', 'r.time_zone', 'r.cancellation_reason', 'r.status as run_status',
      'c.id as course_id', 'c.title', 'e.status', 'e.decision_note'])
    .where('e.id', '=', request.enrolmentId)
    .where('p.active', '=', sql.lit(true))
    .executeTakeFirst();
  if (!row?.email || (row.run_status as CourseRunStatus) !== CourseRunStatus.CANCELLED || (row.status as string) !== 'WITHDRAWN' || row.decision_note !== 'RUN_CANCELLED') return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  const when = row.starts_at ? whenText(new Date(row.starts_at), row.time_zone, locale) : null;
  return layout(row.email, locale, {
    subject: w.subject(row.title),
    greeting: w.greeting(row.full_name),
    paragraphs: [w.cancelled(row.title, row.code, when), ...(row.cancellation_reason ? [w.reason(row.cancellation_reason)] : []), w.withdrawn],
    action: { label: w.open, url: `${links.publicUrl}/kursus/${row.course_id}` },
  });
};

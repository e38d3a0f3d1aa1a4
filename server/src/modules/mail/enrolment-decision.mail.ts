import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { layout } from './layout.js';
import type { MailComposer } from './mail.job.js';

const words = {
  id: {
    approvedSubject: (title: string) => `Permintaan Anda disetujui: ${title}`,
    rejectedSubject: (title: string) => `Permintaan Anda tidak disetujui: ${title}`,
    greeting: (name: string) => `Yth. ${name},`,
    approved: (title: string) => `Permintaan Anda untuk mengikuti "${title}" telah disetujui.`,
    seated: 'Anda sudah terdaftar sebagai peserta.',
    waitlisted: 'Kelas sedang penuh, jadi Anda masuk daftar tunggu. Anda otomatis mendapat kursi begitu ada yang mengundurkan diri.',
    rejected: (title: string) => `Permintaan Anda untuk mengikuti "${title}" tidak disetujui.`,
    reason: (note: string) => `Alasan: ${note}`,
    open: 'Lihat kursus',
  },
  en: {
    approvedSubject: (title: string) => `Your request was approved: ${title}`,
    rejectedSubject: (title: string) => `Your request was not approved: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    approved: (title: string) => `Your request to join "${title}" has been approved.`,
    seated: 'You are enrolled.',
    waitlisted: 'The course is full for now, so you are on its waiting list. You get a seat automatically as soon as someone withdraws.',
    rejected: (title: string) => `Your request to join "${title}" was not approved.`,
    reason: (note: string) => `Reason: ${note}`,
    open: 'Open the course',
  },
} satisfies Record<Locale, unknown>;

/** "Your request was approved / rejected", to the learner, in their language; with the reason when rejected. */
export const composeEnrolmentDecisionMail: MailComposer<'enrolment-decision'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .select(['p.email', 'p.full_name', 'p.locale', 'c.id as course_id', 'c.title as course_title', 'e.status', 'e.decision_note'])
    .where('e.id', '=', request.enrolmentId)
    .executeTakeFirst();
  // Civil servants without an e-mail address see the decision in the app only.
  if (!row?.email) return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  const action = { label: w.open, url: `${links.publicUrl}/kursus/${row.course_id}` };
  if (request.decision === 'APPROVED') {
    // The status as text: this module sits below the enrolment module and does not import its enum.
    const status: string = row.status;
    const state = status === 'WAITLISTED' ? [w.waitlisted] : status === 'ACTIVE' ? [w.seated] : [];
    return layout(row.email, locale, {
      subject: w.approvedSubject(row.course_title), greeting: w.greeting(row.full_name), paragraphs: [w.approved(row.course_title), ...state], action,
    });
  }
  return layout(row.email, locale, {
    subject: w.rejectedSubject(row.course_title),
    greeting: w.greeting(row.full_name),
    paragraphs: [w.rejected(row.course_title), ...(row.decision_note ? [w.reason(row.decision_note)] : [])],
    action,
  });
};

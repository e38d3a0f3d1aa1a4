import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { layout, type MailComposer } from '../mail/index.js';

const words = {
  id: {
    approvedSubject: (title: string) => `Pendaftaran Anda disetujui: ${title}`,
    rejectedSubject: (title: string) => `Pendaftaran Anda tidak disetujui: ${title}`,
    greeting: (name: string) => `Yth. ${name},`,
    approved: (title: string, code: string) => `Pendaftaran Anda ke program "${title}" angkatan ${code} telah disetujui. Anda sudah terdaftar di kelas-kelas angkatan ini.`,
    rejected: (title: string, code: string) => `Pendaftaran Anda ke program "${title}" angkatan ${code} tidak disetujui.`,
    reason: (note: string) => `Alasan: ${note}`,
    open: 'Lihat program',
  },
  en: {
    approvedSubject: (title: string) => `Your application was approved: ${title}`,
    rejectedSubject: (title: string) => `Your application was not approved: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    approved: (title: string, code: string) => `Your application to the programme "${title}", cohort ${code}, has been approved. You are registered in the cohort's classes.`,
    rejected: (title: string, code: string) => `Your application to the programme "${title}", cohort ${code}, was not approved.`,
    reason: (note: string) => `Reason: ${note}`,
    open: 'Open the programme',
  },
} satisfies Record<Locale, unknown>;

/** A self-application's decision, to the learner in their language (enqueued in the decision's transaction). */
export const composeCohortDecisionMail: MailComposer<'cohort-decision'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('cohort_participant as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .innerJoin('programme as pr', 'pr.id', 'c.programme_id')
    .select(['p.email', 'p.full_name', 'p.locale', 'pr.id as programme_id', 'pr.title', 'c.code', 'cp.note'])
    .where('cp.id', '=', request.participantId)
    .executeTakeFirst();
  // Civil servants without an e-mail address see the decision in the app only.
  if (!row?.email) return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  const action = { label: w.open, url: `${links.publicUrl}/program/${row.programme_id}` };
  if (request.decision === 'APPROVED') {
    return layout(row.email, locale, { subject: w.approvedSubject(row.title), greeting: w.greeting(row.full_name), paragraphs: [w.approved(row.title, row.code)], action });
  }
  return layout(row.email, locale, {
    subject: w.rejectedSubject(row.title), greeting: w.greeting(row.full_name),
    paragraphs: [w.rejected(row.title, row.code), ...(row.note ? [w.reason(row.note)] : [])], action,
  });
};

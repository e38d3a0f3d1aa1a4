import { db } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { layout, type MailComposer } from '../mail/index.js';

const words = {
  id: {
    verifiedSubject: (title: string) => `Kegiatan Anda diverifikasi: ${title}`,
    rejectedSubject: (title: string) => `Kegiatan Anda tidak diverifikasi: ${title}`,
    greeting: (name: string) => `Yth. ${name},`,
    verified: (title: string, jp: string) => `Kegiatan "${title}" telah diverifikasi. ${jp} JP sudah masuk ke catatan JP Anda.`,
    rejected: (title: string) => `Kegiatan "${title}" tidak diverifikasi, jadi JP-nya tidak dicatat.`,
    reason: (note: string) => `Alasan: ${note}`,
    open: 'Lihat kegiatan saya',
  },
  en: {
    verifiedSubject: (title: string) => `Your activity was verified: ${title}`,
    rejectedSubject: (title: string) => `Your activity was not verified: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    verified: (title: string, jp: string) => `The activity "${title}" has been verified. ${jp} JP are now in your learning-hours record.`,
    rejected: (title: string) => `The activity "${title}" was not verified, so its JP were not recorded.`,
    reason: (note: string) => `Reason: ${note}`,
    open: 'See my activities',
  },
} satisfies Record<Locale, unknown>;

/** An external activity's decision, to the person who submitted it, in their language; with the reason when rejected. */
export const composeExternalActivityDecisionMail: MailComposer<'external-activity-decision'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('external_activity as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .select(['p.email', 'p.full_name', 'p.locale', 'x.title', 'x.status', 'x.rejection_reason', (eb) => eb.cast<string>('x.jp', 'text').as('jp')])
    .where('x.id', '=', request.activityId)
    .executeTakeFirst();
  // Civil servants without an e-mail address see the decision in the app only; a pending row was never decided.
  if (!row?.email || row.status === 'PENDING') return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  const jp = Number(row.jp).toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  const action = { label: w.open, url: `${links.publicUrl}/jp-saya/kegiatan-luar` };
  if (row.status === 'VERIFIED') {
    return layout(row.email, locale, { subject: w.verifiedSubject(row.title), greeting: w.greeting(row.full_name), paragraphs: [w.verified(row.title, jp)], action });
  }
  return layout(row.email, locale, {
    subject: w.rejectedSubject(row.title), greeting: w.greeting(row.full_name),
    paragraphs: [w.rejected(row.title), ...(row.rejection_reason ? [w.reason(row.rejection_reason)] : [])], action,
  });
};

import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import type { JobDefinition } from '../../shared/jobs/queue.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { enqueueMail, layout, type MailComposer } from '../mail/index.js';
import { todayInJakarta } from './agreement.sql.js';

export const AGREEMENT_EXPIRY_QUEUE = 'agreements.expiry-notices';
/** Days before the last day in force when both sides' admins are told; the home pages show the widest window. */
const EXPIRY_NOTICE_DAYS = { first: 60, last: 14 } as const;
/** An upload no agreement took within this long is deleted. */
const ORPHAN_UPLOAD_HOURS = 24;

/**
 * Daily (00:05 UTC, 07:05 WIB): for each agreement whose last day is within 60 days and not yet noticed at its
 * threshold (14 when within 14 days, else 60) for this end date, records the notice and enqueues a mail to each
 * admin of both sides, in one transaction per agreement. The notice row's key (agreement, threshold, end date)
 * makes a repeated or retried run send nothing twice; an agreement entering the window with 10 days left gets
 * only the 14-day mail. `on` (a YYYY-MM-DD) runs it as of another day: the schedule sends none.
 */
export function agreementExpiryJob(deps: { orm: MikroORM; config: AppConfig }): JobDefinition<{ on?: string }> {
  return {
    name: AGREEMENT_EXPIRY_QUEUE,
    schedule: '5 0 * * *',
    async run(data) {
      const ctx = createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
      const on = typeof data?.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.on) ? data.on : todayInJakarta();
      await purgeOrphanUploads(ctx);
      await sendExpiryNotices(ctx, on);
    },
  };
}

async function purgeOrphanUploads(ctx: OperationContext): Promise<void> {
  await db(ctx).deleteFrom('agreement_document as d')
    .where(sql<boolean>`d.created_at < now() - make_interval(hours => ${ORPHAN_UPLOAD_HOURS}::int)`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('agreement as a').select('a.id').whereRef('a.document_id', '=', 'd.id'))))
    .execute();
}

async function sendExpiryNotices(ctx: OperationContext, today: string): Promise<number> {
  const threshold = sql<number>`case when a.valid_to - ${today}::date <= ${EXPIRY_NOTICE_DAYS.last}::int then ${EXPIRY_NOTICE_DAYS.last}::int else ${EXPIRY_NOTICE_DAYS.first}::int end`;
  const due = await db(ctx).selectFrom('agreement as a')
    .select(['a.id', 'a.partner_id', sql<string>`a.valid_to::text`.as('valid_to'), threshold.as('days_before')])
    .where(sql<boolean>`a.valid_to between ${today}::date and ${today}::date + ${EXPIRY_NOTICE_DAYS.first}::int`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('agreement_expiry_notice as n').select('n.agreement_id')
      .whereRef('n.agreement_id', '=', 'a.id').whereRef('n.valid_to', '=', 'a.valid_to').where(sql<boolean>`n.days_before = ${threshold}`))))
    .orderBy('a.valid_to').orderBy('a.id')
    .execute();
  let sent = 0;
  for (const a of due) {
    await inTransaction(ctx, async (tx) => {
      const noticed = await db(tx).insertInto('agreement_expiry_notice')
        .values({ agreement_id: a.id, days_before: a.days_before, valid_to: a.valid_to, sent_at: sql<Date>`now()` })
        .onConflict((oc) => oc.doNothing()).returning('agreement_id').executeTakeFirst();
      // Another worker noticed it between our read and this insert.
      if (!noticed) return;
      const admins = await db(tx).selectFrom('role_grant as g').innerJoin('person as p', 'p.id', 'g.person_id')
        .select('p.id').distinct()
        .where('p.active', '=', true).where('p.email', 'is not', null)
        .where((eb) => eb.or([
          eb.and([eb('g.role', '=', Role.PARTNER_ADMIN), eb('g.partner_id', '=', a.partner_id)]),
          eb.and([eb('g.role', '=', Role.AGENCY_ADMIN), eb('g.agency_id', 'in',
            eb.selectFrom('agreement_agency as aa').select('aa.agency_id').where('aa.agreement_id', '=', a.id))]),
        ]))
        .orderBy('p.id').execute();
      for (const admin of admins) {
        await enqueueMail(tx.em, { kind: 'agreement-expiry', agreementId: a.id, personId: admin.id, daysBefore: a.days_before, validTo: a.valid_to });
      }
      sent += admins.length;
    });
  }
  return sent;
}

const words = {
  id: {
    subject: (number: string, partner: string, days: number) => `Kerja sama ${number} dengan ${partner} berakhir dalam ${days} hari`,
    greeting: (name: string) => `Yth. ${name},`,
    body: (kind: string, number: string, title: string, partner: string, agencies: string, date: string) =>
      `${kind} ${number} "${title}" antara ${partner} dan ${agencies} berlaku sampai ${date}.`,
    next: 'Setelah tanggal itu, pengajar dari mitra tidak dapat lagi ditugaskan pada kelas instansi berdasarkan kerja sama ini. Perpanjang atau perbarui kerja sama bila masih diperlukan.',
    open: 'Lihat kerja sama',
    kind: { MOU: 'Nota kesepahaman (MoU)', PKS: 'Perjanjian kerja sama (PKS)' } as Record<string, string>,
  },
  en: {
    subject: (number: string, partner: string, days: number) => `Agreement ${number} with ${partner} ends in ${days} days`,
    greeting: (name: string) => `Dear ${name},`,
    body: (kind: string, number: string, title: string, partner: string, agencies: string, date: string) =>
      `${kind} ${number} "${title}" between ${partner} and ${agencies} is in force until ${date}.`,
    next: 'After that day the partner’s instructors can no longer be assigned to the agencies’ runs under this agreement. Extend or renew it if it is still needed.',
    open: 'Open the agreement',
    kind: { MOU: 'The memorandum of understanding (MoU)', PKS: 'The cooperation agreement (PKS)' } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>;

const longDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** "Agreement X ends in N days", to one admin of either side, in their language. Nothing if it was extended since. */
export const composeAgreementExpiryMail: MailComposer<'agreement-expiry'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('agreement as a').innerJoin('partner_institution as pi', 'pi.id', 'a.partner_id')
    .crossJoin('person as p')
    .select(['a.id', 'a.kind', 'a.number', 'a.title', 'pi.name as partner_name', 'p.email', 'p.full_name', 'p.locale', 'p.active',
      sql<string>`a.valid_to::text`.as('valid_to'),
      sql<string>`(select string_agg(g.name, ', ' order by g.name) from agreement_agency aa join agency g on g.id = aa.agency_id where aa.agreement_id = a.id)`.as('agencies')])
    .where('a.id', '=', request.agreementId).where('p.id', '=', request.personId)
    .executeTakeFirst();
  if (!row?.email || !row.active || row.valid_to !== request.validTo) return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  return layout(row.email, locale, {
    subject: w.subject(row.number, row.partner_name, request.daysBefore),
    greeting: w.greeting(row.full_name),
    paragraphs: [w.body(w.kind[row.kind] ?? row.kind, row.number, row.title, row.partner_name, row.agencies, longDate(row.valid_to, locale)), w.next],
    action: { label: w.open, url: `${links.publicUrl}/kerja-sama/${row.id}` },
  });
};

import { PassThrough } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import type { Locale } from '../../shared/i18n/messages.js';
import type { JobDefinition } from '../../shared/jobs/queue.js';
import { enqueueMail, layout, type MailComposer } from '../mail/index.js';
import { LearningExportStatus } from './export.entity.js';
import { mayExportAgency, type Exporter } from './export.policy.js';
import { LEARNING_EXPORT_QUEUE, storedUrl, writeExport } from './export.service.js';

const EXPORT_PURGE_QUEUE = 'learning-hours.export-purge';

/**
 * Writes one stored export: the requester's rights are read again (an admin who lost the agency since gets
 * nothing), the lines are streamed page by page through the writer into the file, and the file, its size and
 * the "ready" mail to the requester are written in one transaction, so a mail never points at a missing file.
 * A retried attempt finds the export READY and does nothing; the last failed attempt marks it FAILED.
 */
async function runExport(ctx: OperationContext, exportId: string, lastAttempt: boolean): Promise<void> {
  const row = await db(ctx).selectFrom('learning_export as x')
    .select((eb) => ['x.id', 'x.requested_by_id', 'x.agency_id', 'x.year', 'x.format', 'x.locale', 'x.status',
      eb.selectFrom('role_grant as g').select(sql<string[]>`coalesce(array_agg(g.agency_id) filter (where g.role = ${Role.AGENCY_ADMIN}), '{}')`.as('ids'))
        .whereRef('g.person_id', '=', 'x.requested_by_id').as('admin_agency_ids'),
      eb.exists(eb.selectFrom('role_grant as g').select(eb.lit(1).as('one')).whereRef('g.person_id', '=', 'x.requested_by_id')
        .where('g.role', '=', Role.PLATFORM_ADMIN)).as('platform_admin')])
    .where('x.id', '=', exportId)
    .executeTakeFirst();
  if (!row || row.status !== 'PENDING') return;
  const exporter: Exporter = { personId: row.requested_by_id, isPlatformAdmin: !!row.platform_admin, adminAgencyIds: (row.admin_agency_ids ?? []).filter(Boolean) };
  if (!mayExportAgency(exporter, row.agency_id)) {
    await markFailed(ctx, exportId);
    return;
  }
  try {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const lines = await writeExport(ctx, exporter, { kind: 'agency', agencyId: row.agency_id }, row.year,
      row.format, row.locale, out);
    const content = Buffer.concat(chunks);
    await inTransaction(ctx, async (tx) => {
      const done = await db(tx).updateTable('learning_export')
        .set({ status: LearningExportStatus.READY, content, byte_size: content.length, line_count: lines, finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('id', '=', exportId).where('status', '=', LearningExportStatus.PENDING)
        .returning('id').executeTakeFirst();
      if (done) await enqueueMail(tx.em, { kind: 'learning-export-ready', exportId });
    });
  } catch (error) {
    if (lastAttempt) await markFailed(ctx, exportId);
    throw error;
  }
}

async function markFailed(ctx: OperationContext, exportId: string): Promise<void> {
  await db(ctx).updateTable('learning_export').set({ status: LearningExportStatus.FAILED, updated_at: sql<Date>`now()` })
    .where('id', '=', exportId).where('status', '=', LearningExportStatus.PENDING).execute();
}

/** The export job, and a daily purge of exports past their expiry (their files are no longer handed out). */
export function learningExportJobs(deps: { orm: MikroORM; config: AppConfig }): [JobDefinition<{ exportId: string }>, JobDefinition] {
  const context = () => createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
  return [
    {
      name: LEARNING_EXPORT_QUEUE,
      async run(data, job) {
        await runExport(context(), data.exportId, job.retryCount >= deps.config.jobs.retryLimit);
      },
    },
    {
      name: EXPORT_PURGE_QUEUE,
      schedule: '41 3 * * *',
      async run() {
        await db(context()).deleteFrom('learning_export').where(sql<boolean>`expires_at < now()`).execute();
      },
    },
  ];
}

const words = {
  id: {
    subject: (agency: string) => `Ekspor riwayat diklat ${agency} siap diunduh`,
    greeting: (name: string) => `Yth. ${name},`,
    body: (agency: string, year: string, lines: number) => `Ekspor riwayat diklat ${agency} (${year}) dengan ${lines} baris sudah selesai disusun.`,
    every: 'semua tahun',
    note: (date: string) => `Tautan hanya dapat dibuka oleh Anda setelah masuk ke Lentera, sampai ${date}.`,
    open: 'Unduh berkas',
  },
  en: {
    subject: (agency: string) => `The training history export of ${agency} is ready`,
    greeting: (name: string) => `Dear ${name},`,
    body: (agency: string, year: string, lines: number) => `The training history export of ${agency} (${year}) with ${lines} lines is ready.`,
    every: 'every year',
    note: (date: string) => `Only you can open the link, signed in to Lentera, until ${date}.`,
    open: 'Download the file',
  },
} satisfies Record<Locale, unknown>;

/** "Your export is ready", to its requester in their language, with the stored file's address. */
export const composeLearningExportReadyMail: MailComposer<'learning-export-ready'> = async (ctx, request, links) => {
  const row = await db(ctx).selectFrom('learning_export as x')
    .innerJoin('person as p', 'p.id', 'x.requested_by_id').innerJoin('agency as a', 'a.id', 'x.agency_id')
    .select(['x.id', 'x.status', 'x.year', 'x.line_count', 'x.expires_at', 'p.email', 'p.full_name', 'p.locale', 'p.active', 'a.name as agency_name'])
    .where('x.id', '=', request.exportId)
    .executeTakeFirst();
  if (!row?.email || !row.active || row.status !== 'READY') return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  const until = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(new Date(row.expires_at));
  return layout(row.email, locale, {
    subject: w.subject(row.agency_name),
    greeting: w.greeting(row.full_name),
    paragraphs: [w.body(row.agency_name, row.year != null ? String(row.year) : w.every, row.line_count ?? 0), w.note(until)],
    action: { label: w.open, url: `${links.publicUrl}${storedUrl(row.id)}` },
  });
};

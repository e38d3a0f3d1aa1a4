import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { enqueueJob } from '../../shared/jobs/queue.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { maskNip } from '../person/index.js';
import { LearningExportFormat, LearningExportStatus } from './export.entity.js';
import { exportWriter, EXTENSIONS, toCells } from './export.format.js';
import { mayExportAgencies, mayExportAgency, showsNipOf, type Exporter } from './export.policy.js';
import { countExportLines, exportPages, type ExportScope } from './export.sql.js';
import type { LearningExport, LearningExportPage, LearningExportRequest } from './export.types.js';
import { seesPersonLearning } from './learning-hours.policy.js';

export const LEARNING_EXPORT_QUEUE = 'learning-hours.export';

/** What an export holds and how it is named. */
export interface ResolvedExport {
  scope: ExportScope;
  /** The file's name without its extension (ASCII, e.g. `riwayat-diklat-PEMKOT-BDG-2026`). */
  baseName: string;
}

const fileSafe = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
const withYear = (name: string, year: number | null) => (year != null ? `${name}-${year}` : name);

/**
 * A person's history: the person, their supervisor, their agency's admins and platform admins get all of it (as
 * seesPersonLearning decides); an admin of an agency the person has left gets the lines credited there (as
 * learningRecords shows them); anyone else NOT_FOUND.
 */
export async function resolvePersonExport(ctx: SignedInOperationContext, personId: string): Promise<ResolvedExport> {
  const { viewer } = ctx;
  if (!isUuid(personId)) throw new AppError('NOT_FOUND', { what: 'person' });
  const adminOf = viewer.adminAgencyIds;
  const row = await db(ctx).selectFrom('person as p')
    .select((eb) => ['p.id as person_id', 'p.supervisor_id', 'p.agency_id', 'p.full_name',
      eb.exists(eb.selectFrom('learning_record as lr').select(eb.lit(1).as('one'))
        .whereRef('lr.person_id', '=', 'p.id').where(sql<boolean>`lr.agency_id = any(${adminOf}::uuid[])`)).as('former_agency_line')])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
  const baseName = `riwayat-diklat-${fileSafe(row.full_name) || 'pegawai'}`;
  if (seesPersonLearning(viewer, row)) return { scope: { kind: 'person', personId }, baseName };
  if (row.former_agency_line) return { scope: { kind: 'person', personId, onlyAgencyIds: adminOf }, baseName };
  throw new AppError('NOT_FOUND', { what: 'person' });
}

/** A supervisor's team (their direct reports); someone who supervises nobody is not a supervisor: FORBIDDEN. */
export function resolveTeamExport(ctx: SignedInOperationContext): ResolvedExport {
  if (!ctx.viewer.isSupervisor) throw new AppError('FORBIDDEN');
  return { scope: { kind: 'team', supervisorId: ctx.viewer.personId }, baseName: 'riwayat-diklat-tim' };
}

/** An agency's history: its admins and platform admins; another agency's admin NOT_FOUND, a non-admin FORBIDDEN. */
export async function resolveAgencyExport(ctx: SignedInOperationContext, agencyId: string): Promise<ResolvedExport & { agencyName: string }> {
  if (!mayExportAgencies(ctx.viewer)) throw new AppError('FORBIDDEN');
  const agency = isUuid(agencyId) && mayExportAgency(ctx.viewer, agencyId)
    ? await db(ctx).selectFrom('agency').select(['id', 'code', 'name']).where('id', '=', agencyId).executeTakeFirst()
    : undefined;
  if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' });
  return { scope: { kind: 'agency', agencyId }, baseName: `riwayat-diklat-${fileSafe(agency.code)}`, agencyName: agency.name };
}

/**
 * Writes an export to `out`, a page of lines at a time (one statement each): whatever the size, memory holds one
 * page and the stream's backpressure paces the reads. Returns the number of lines written.
 */
export async function writeExport(
  ctx: { em: SignedInOperationContext['em'] }, exporter: Exporter, scope: ExportScope, year: number | null,
  format: LearningExportFormat, locale: Locale, out: Writable,
): Promise<number> {
  const writer = exportWriter(format, out, locale);
  let lines = 0;
  for await (const page of exportPages(ctx.em, scope, year)) {
    await writer.rows(page.map((line) => toCells(line, locale, line.nip ? (showsNipOf(exporter, line) ? line.nip : maskNip(line.nip)) : '')));
    lines += page.length;
  }
  await writer.end();
  return lines;
}

export const fileName = (resolved: ResolvedExport, year: number | null, format: LearningExportFormat): string =>
  `${withYear(resolved.baseName, year)}.${EXTENSIONS[format]}`;

/** The address of a direct download (the client opens it; the browser's cookie signs it in). */
function directUrl(agencyId: string, year: number | null, format: LearningExportFormat, locale: Locale): string {
  const query = new URLSearchParams();
  if (year != null) query.set('year', String(year));
  if (locale === 'en') query.set('lang', 'en');
  const q = query.toString();
  return `/files/exports/agencies/${agencyId}/${EXTENSIONS[format]}${q ? `?${q}` : ''}`;
}

export const storedUrl = (id: string): string => `/files/exports/${id}`;

interface ExportRow {
  id: string; agency_id: string; agency_name: string; year: number | null; format: LearningExportFormat; locale: string;
  status: LearningExportStatus; line_count: number | null; byte_size: number | null; created_at: Date | string;
  finished_at: Date | string | null; expires_at: Date | string;
}

function toExport(r: ExportRow): LearningExport {
  const expiresAt = new Date(r.expires_at);
  const ready = r.status === LearningExportStatus.READY && expiresAt.getTime() > Date.now();
  return {
    id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, year: r.year, format: r.format, status: r.status,
    lineCount: r.line_count, byteSize: r.byte_size, createdAt: new Date(r.created_at),
    finishedAt: r.finished_at == null ? null : new Date(r.finished_at), expiresAt, downloadUrl: ready ? storedUrl(r.id) : null,
  };
}

const exportColumns = ['x.id', 'x.agency_id', 'a.name as agency_name', 'x.year', 'x.format', 'x.locale', 'x.status', 'x.line_count',
  'x.byte_size', 'x.created_at', 'x.finished_at', 'x.expires_at'] as const;

/**
 * An agency's history for its admin: at most `exports.directLineLimit` lines download at once (the answer is the
 * address); more are written by the export job, which stores the file and mails the requester a link. The stored
 * export, its job and an audit row are written in one transaction.
 */
export async function requestAgencyExport(
  ctx: SignedInOperationContext, agencyId: string, year: number | null, format: LearningExportFormat, locale: Locale,
): Promise<LearningExportRequest> {
  const resolved = await resolveAgencyExport(ctx, agencyId);
  const lineCount = await countExportLines(ctx.em, resolved.scope, year);
  if (lineCount <= ctx.config.exports.directLineLimit) {
    return { queued: false, lineCount, downloadUrl: directUrl(agencyId, year, format, locale), export: null };
  }
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const row = await d.insertInto('learning_export')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
        requested_by_id: tx.viewer.personId, agency_id: agencyId, year, format, locale, status: LearningExportStatus.PENDING,
        expires_at: sql<Date>`now() + make_interval(days => ${ctx.config.exports.keepDays}::int)`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(tx.em, LEARNING_EXPORT_QUEUE, { exportId: row.id });
    writeAudit(tx, 'learningExport.request', 'LearningExport', row.id, { agencyId, year, format, lineCount });
    const stored = await d.selectFrom('learning_export as x').innerJoin('agency as a', 'a.id', 'x.agency_id')
      .select(exportColumns).where('x.id', '=', row.id).executeTakeFirstOrThrow();
    return { queued: true, lineCount, downloadUrl: null, export: toExport(stored) };
  });
}

/** Exports are listed newest first. */
const exportCursor = keysetCursor('timestamp', 'uuid');

/** The viewer's stored exports, newest first: one statement a page (a second only when totalCount is selected). */
export async function listMyExports(ctx: SignedInOperationContext, first: number, after?: string | null): Promise<LearningExportPage> {
  const cursor = exportCursor.decode(after);
  const mine = db(ctx).selectFrom('learning_export as x').where('x.requested_by_id', '=', ctx.viewer.personId);
  const rows = await mine.innerJoin('agency as a', 'a.id', 'x.agency_id')
    .select(exportColumns)
    .select(sql<string>`to_char(x.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .$if(cursor !== null, (qb) => qb.where(sql<boolean>`(x.created_at, x.id) < (${cursor![0]}::timestamptz, ${cursor![1]}::uuid)`))
    .orderBy('x.created_at', 'desc').orderBy('x.id', 'desc')
    .limit(first + 1)
    .execute();
  const count = async () => Number((await mine.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return toPage(rows as (ExportRow & { created_key: string })[], first, count, toExport, (r) => exportCursor.encode([r.created_key, r.id]));
}

import { sql } from 'kysely';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { enqueueJobs, hasJobQueue } from '../../shared/jobs/queue.js';
import { isUuid } from '../../shared/util/ids.js';
import { CertificateStatus, type SignerSnapshot } from './certificate.entity.js';
import type { CertificateTransaction } from './certificate.hooks.js';
import { CertificatePdfStatus } from './pdf.entity.js';
import { mayManageCertificatesOf } from './pdf.policy.js';
import { renderCertificatePdf, type PdfCertificate } from './pdf.render.js';

/** The queue of the render job (app/background.ts registers `certificatePdfJob`). */
export const PDF_QUEUE = 'certificate.pdf';
/**
 * Certificates per render job: a cohort of 500 is 20 jobs, each a few seconds of work, so one job never holds the
 * worker long, a failure retries a small batch, and the admin's counts move while it works.
 */
const PDF_BATCH = 25;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * After-issue hook: a PENDING row for each new certificate and its render jobs, in the issuing transaction (two
 * statements however many were issued), so the PDFs exist to be worked exactly when the certificates commit and
 * the completion answers at once — the rendering is the job's.
 */
export async function queueCertificatePdfs(tx: CertificateTransaction, certificateIds: string[]): Promise<void> {
  // Demo seeding issues before any queue runs: those stay "not queued" (a re-run queues them; a download renders one).
  if (!hasJobQueue(tx.em)) return;
  await db(tx).insertInto('certificate_pdf')
    .values(certificateIds.map((id) => ({ certificate_id: id, status: CertificatePdfStatus.PENDING, attempts: 0, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })))
    .onConflict((oc) => oc.column('certificate_id').doUpdateSet({ status: CertificatePdfStatus.PENDING, content: null, error: null, updated_at: sql<Date>`now()` }))
    .execute();
  await enqueueJobs(tx.em, PDF_QUEUE, chunks(certificateIds, PDF_BATCH).map((ids) => ({ ids })));
}

interface CertificatePdfRow {
  id: string; person_id: string; issuing_agency_id: string; partner_id: string | null; serial: string; verification_code: string;
  recipient_name: string; recipient_nip: string | null; title: string; form: string | null; jp: string; competencies: string[];
  starts_on: string | null; ends_on: string | null; issued_at: Date | string; agency_name: string; partner_name: string | null;
  signers: SignerSnapshot[]; status: CertificateStatus; time_zone: string; agency_logo: Buffer | null; partner_logo: Buffer | null;
}

/** Everything the PDFs of these certificates print, in two statements (the certificates with logos, the signatures). */
async function loadPdfCertificates(ctx: { em: OperationContext['em'] }, ids: string[]): Promise<Map<string, PdfCertificate & { personId: string; issuingAgencyId: string }>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<CertificatePdfRow>`
    select c.id, c.person_id, c.issuing_agency_id, c.partner_id, c.serial, c.verification_code, c.recipient_name, c.recipient_nip, c.title,
           c.form, c.jp::text as jp, c.competencies, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.issued_at, c.agency_name,
           c.partner_name, c.signers, c.status, a.time_zone, al.content as agency_logo, pl.content as partner_logo
      from certificate c
      join agency a on a.id = c.issuing_agency_id
      left join organisation_logo al on al.agency_id = c.issuing_agency_id
      left join organisation_logo pl on pl.partner_id = c.partner_id
     where c.id = any(${ids}::uuid[])`.execute(db(ctx));
  const signerIds = [...new Set(rows.flatMap((r) => (r.signers ?? []).flatMap((s) => (s.id && isUuid(s.id) ? [s.id] : []))))];
  const signatures = new Map(signerIds.length
    ? (await db(ctx).selectFrom('certificate_signer').select(['id', 'signature_image'])
      .where('id', '=', sql<string>`any(${signerIds}::uuid[])`).where('signature_image', 'is not', null).execute())
      .map((s) => [s.id, s.signature_image as Buffer])
    : []);
  return new Map(rows.map((r) => [r.id, {
    personId: r.person_id, issuingAgencyId: r.issuing_agency_id,
    serial: r.serial, verificationCode: r.verification_code, recipientName: r.recipient_name, recipientNip: r.recipient_nip, title: r.title,
    form: r.form, jp: Number(r.jp), competencies: r.competencies ?? [], startsOn: r.starts_on, endsOn: r.ends_on,
    issuedAt: r.issued_at instanceof Date ? r.issued_at : new Date(r.issued_at), agencyName: r.agency_name, partnerName: r.partner_name,
    signers: r.signers ?? [], status: r.status, timeZone: r.time_zone, agencyLogo: r.agency_logo, partnerLogo: r.partner_logo,
    signatures: new Map([...signatures].filter(([id]) => (r.signers ?? []).some((s) => s.id === id))),
  }]));
}

/**
 * The render job's work: renders each of these certificates whose PDF is not DONE and stores it, one statement per
 * certificate (so the counts an admin watches move one by one). A render that throws marks that certificate FAILED
 * with the message and the batch goes on; an admin re-runs failures after fixing the cause (a broken image).
 */
export async function renderAndStore(ctx: OperationContext, ids: string[], publicUrl: string): Promise<void> {
  const open = await db(ctx).selectFrom('certificate_pdf').select('certificate_id')
    .where('certificate_id', '=', sql<string>`any(${ids}::uuid[])`).where('status', '<>', CertificatePdfStatus.DONE).execute();
  const certificates = await loadPdfCertificates(ctx, open.map((r) => r.certificate_id));
  for (const [id, certificate] of certificates) {
    let content: Buffer | null = null;
    let error: string | null = null;
    try {
      content = await renderCertificatePdf(certificate, 'id', publicUrl);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    }
    await db(ctx).updateTable('certificate_pdf')
      .set({
        status: content ? CertificatePdfStatus.DONE : CertificatePdfStatus.FAILED, content, error,
        rendered_at: content ? sql<Date>`now()` : null, attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()`,
      })
      .where('certificate_id', '=', id).where('status', '<>', CertificatePdfStatus.DONE).execute();
  }
}

/** A PDF to send: its bytes, and the name it downloads under. */
export interface CertificatePdfFile {
  content: Buffer;
  filename: string;
}

const filenameOf = (serial: string, locale: Locale) =>
  `${locale === 'id' ? 'sertifikat' : 'certificate'}-${serial.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')}.pdf`;

/**
 * The PDF of a certificate for its holder, the issuing agency's admins and platform admins (NOT_FOUND for anyone
 * else, and for a bad id). The Bahasa Indonesia document of a valid certificate is the stored one; if the job has
 * not rendered it yet (or it failed), it is rendered now and stored, so a download never waits on the queue. The
 * English one, and any certificate no longer valid (stamped with its status), are rendered on each request.
 */
export async function certificatePdf(ctx: SignedInOperationContext, id: string, locale: Locale, publicUrl: string): Promise<CertificatePdfFile> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  const access = await db(ctx).selectFrom('certificate as c')
    .leftJoin('certificate_pdf as p', 'p.certificate_id', 'c.id')
    .select(['c.person_id', 'c.issuing_agency_id', 'c.serial', 'c.status', 'p.status as pdf_status'])
    .where('c.id', '=', id).executeTakeFirst();
  if (!access || !(access.person_id === ctx.viewer.personId || mayManageCertificatesOf(ctx.viewer, access.issuing_agency_id))) {
    throw new AppError('NOT_FOUND', { what: 'certificate' });
  }
  const filename = filenameOf(access.serial, locale);
  const storable = locale === 'id' && (access.status as CertificateStatus) === CertificateStatus.VALID;
  if (storable && access.pdf_status === CertificatePdfStatus.DONE) {
    const stored = await db(ctx).selectFrom('certificate_pdf').select('content').where('certificate_id', '=', id).executeTakeFirst();
    if (stored?.content) return { content: stored.content, filename };
  }
  const certificate = (await loadPdfCertificates(ctx, [id])).get(id)!;
  const content = await renderCertificatePdf(certificate, locale, publicUrl);
  if (storable) {
    await db(ctx).insertInto('certificate_pdf')
      .values({ certificate_id: id, status: CertificatePdfStatus.DONE, content, rendered_at: sql<Date>`now()`, attempts: 1, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .onConflict((oc) => oc.column('certificate_id').doUpdateSet({ status: CertificatePdfStatus.DONE, content, error: null, rendered_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }))
      .execute();
  }
  return { content, filename };
}

/** Which certificates an admin's progress view counts: an agency's, optionally those of one course run or programme cohort. */
export interface RenderScope {
  agencyId: string;
  runId?: string | null;
  cohortId?: string | null;
}

export interface RenderProgress {
  total: number;
  pending: number;
  done: number;
  failed: number;
  /** Issued before PDFs were rendered at issuance (no job ever queued): a re-run queues them. */
  notQueued: number;
}

function checkScope(ctx: SignedInOperationContext, scope: RenderScope): void {
  for (const id of [scope.agencyId, scope.runId, scope.cohortId]) if (id != null && !isUuid(id)) throw new AppError('NOT_FOUND', { what: 'agency' });
  if (!mayManageCertificatesOf(ctx.viewer, scope.agencyId)) throw new AppError('FORBIDDEN');
}

/** The certificates of a scope, as a `where` on `certificate c` (the run's enrolments, the cohort's participants). */
function inScope(scope: RenderScope) {
  return sql<boolean>`c.issuing_agency_id = ${scope.agencyId}::uuid
    ${scope.runId ? sql`and c.source in ('COURSE_RUN', 'WORKSHOP') and c.source_id in (select e.id from enrolment e where e.run_id = ${scope.runId}::uuid)` : sql``}
    ${scope.cohortId ? sql`and c.source = 'PROGRAMME' and c.source_id in (select cp.id from cohort_participant cp where cp.cohort_id = ${scope.cohortId}::uuid)` : sql``}`;
}

/** How far the PDFs of a scope are: one statement. For the agency's admins and platform admins. */
export async function renderProgress(ctx: SignedInOperationContext, scope: RenderScope): Promise<RenderProgress> {
  checkScope(ctx, scope);
  const { rows: [row] } = await sql<RenderProgress>`
    select count(*)::int as total,
           count(*) filter (where p.status = 'PENDING')::int as pending,
           count(*) filter (where p.status = 'DONE')::int as done,
           count(*) filter (where p.status = 'FAILED')::int as failed,
           count(*) filter (where p.status is null)::int as "notQueued"
      from certificate c left join certificate_pdf p on p.certificate_id = c.id
     where ${inScope(scope)}`.execute(db(ctx));
  return row;
}

/**
 * Queues the scope's FAILED (and never queued) PDFs again: back to PENDING with their jobs and an audit row, in one
 * transaction. Returns how many were queued.
 */
export async function rerunFailedRenders(ctx: SignedInOperationContext, scope: RenderScope): Promise<number> {
  checkScope(ctx, scope);
  return inTransaction(ctx, async (tx) => {
    const { rows } = await sql<{ id: string }>`
      select c.id from certificate c left join certificate_pdf p on p.certificate_id = c.id
       where ${inScope(scope)} and (p.status is null or p.status = 'FAILED')
       order by c.id for update of c`.execute(db(tx));
    const ids = rows.map((r) => r.id);
    if (!ids.length) return 0;
    await queueCertificatePdfs(tx, ids);
    const audit = {
      id: sql<string>`gen_random_uuid()`, actor_id: tx.viewer.personId, action: 'certificate.pdf_rerun', target_type: 'Agency', target_id: scope.agencyId,
      data: JSON.stringify({ count: ids.length, runId: scope.runId ?? null, cohortId: scope.cohortId ?? null }), at: sql<Date>`now()`,
    };
    await db(tx).insertInto('audit_entry').values(audit).execute();
    return ids.length;
  });
}

import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, badInput } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { assertAdministersAgency } from '../agency/index.js';
import { CertificateStatus, type CertificateSource } from './certificate.entity.js';
import { certificatesStatusChanged, type CertificateTransaction } from './certificate.hooks.js';
import { canSeeCertificate } from './certificate.policy.js';
import { certificateColumns, toCertificate, type CertificateRow } from './certificate.sql.js';
import type { Certificate } from './certificate.types.js';
import { readFacts, sourceKey, type SourceRef } from './issue.facts.js';
import { lockSources, writeCertificates } from './issue.service.js';
import { mayManageCertificate } from './lifecycle.policy.js';

/** A reason is shown on the public page: one line of plain text, long enough for a decree's number and a sentence. */
export const MAX_REASON_LENGTH = 500;

type Tx = SignedInOperationContext;

async function readCertificate(tx: Tx, id: string): Promise<Certificate> {
  const row = await db(tx).selectFrom('certificate as c').select(certificateColumns).where('c.id', '=', id).executeTakeFirstOrThrow();
  return toCertificate(row);
}

/**
 * The certificate, row-locked until the transaction ends (a concurrent revoke or re-issue of it waits, then sees
 * what the first did), with its holder as they are now and their role grants; NOT_FOUND for whoever may not see
 * it, FORBIDDEN for whoever may see it but not change it (mayManageCertificate).
 */
async function lockForChange(tx: Tx, id: string): Promise<Certificate> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  const row = await db(tx).selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(certificateColumns)
    .select((eb) => [
      'p.agency_id as holder_agency_id', 'p.partner_id as holder_partner_id', 'p.supervisor_id as holder_supervisor_id',
      jsonArrayFrom(eb.selectFrom('role_grant as g').select(['g.role', 'g.agency_id', 'g.partner_id']).whereRef('g.person_id', '=', 'p.id')).as('grants'),
    ])
    .where('c.id', '=', id)
    .forUpdate('c')
    .executeTakeFirst();
  const certificate = row && toCertificate(row);
  if (!row || !certificate || !canSeeCertificate(tx.viewer, certificate)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  const holder = { person_id: row.person_id, agency_id: row.holder_agency_id, partner_id: row.holder_partner_id, supervisor_id: row.holder_supervisor_id, grants: row.grants };
  if (!mayManageCertificate(tx.viewer, certificate, holder)) throw new AppError('FORBIDDEN');
  return certificate;
}

function cleanReason(reason: string): string {
  const note = reason.trim().replace(/\s+/g, ' ');
  if (!note) throw badInput('reason', 'empty');
  if (note.length > MAX_REASON_LENGTH) throw badInput('reason', 'tooLong');
  return note;
}

/**
 * Revokes a VALID certificate with a reason (shown on the public page beside "Dicabut" and its date), for the
 * admins mayManageCertificate allows, in one transaction with its audit row; the status-change hooks (the status
 * list a verifier reads) run in it. A certificate not VALID (revoked already, or superseded): CERTIFICATE_NOT_VALID.
 */
export async function revokeCertificate(ctx: SignedInOperationContext, id: string, reason: string): Promise<Certificate> {
  const note = cleanReason(reason);
  return inTransaction(ctx, async (tx) => {
    const certificate = await lockForChange(tx, id);
    if (certificate.status !== CertificateStatus.VALID) throw new AppError('CERTIFICATE_NOT_VALID', { status: certificate.status });
    await db(tx).updateTable('certificate')
      .set({ status: CertificateStatus.REVOKED, revoked_at: sql<Date>`now()`, revoked_by_id: tx.viewer.personId, revoked_reason: note, updated_at: sql<Date>`now()` })
      .where('id', '=', id).execute();
    writeAudit(tx, 'certificate.revoke', 'Certificate', id, { learnerId: certificate.personId, serial: certificate.serial, reason: note });
    await certificatesStatusChanged(tx, [id]);
    return readCertificate(tx, id);
  });
}

/**
 * A correction: issues a new certificate for the same completion with the facts as they are now (a corrected name
 * or NIP, corrected JP, the signers in office), superseding this one (Digantikan, its page linking to the new one).
 * The source's issuance lock is taken first, as issuance does, so a completion's own re-issue cannot race it. Only
 * a VALID certificate is corrected (CERTIFICATE_NOT_VALID), and only while what it attests is still complete
 * (CERTIFICATE_SOURCE_NOT_COMPLETE: a completion taken back revokes instead). Returns the new certificate.
 */
export async function reissueCertificate(ctx: SignedInOperationContext, id: string): Promise<Certificate> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  return inTransaction(ctx, async (tx) => {
    const peek = await db(tx).selectFrom('certificate').select(['source', 'source_id']).where('id', '=', id).executeTakeFirst();
    if (!peek) throw new AppError('NOT_FOUND', { what: 'certificate' });
    const ref = { source: peek.source, sourceId: peek.source_id };
    await lockSources(tx, [ref]);
    const certificate = await lockForChange(tx, id);
    if (certificate.status !== CertificateStatus.VALID) throw new AppError('CERTIFICATE_NOT_VALID', { status: certificate.status });
    return readCertificate(tx, await supersedeWithCurrentFacts(tx, ref, id, tx.viewer.personId));
  });
}

/**
 * Writes the successor of a VALID certificate from its source's facts as they are now (the caller holds the source's
 * lock and has checked who may). CERTIFICATE_SOURCE_NOT_COMPLETE when the source has no facts any more. The new id.
 */
export async function supersedeWithCurrentFacts(tx: CertificateTransaction, ref: SourceRef, certificateId: string, issuedBy: string | null): Promise<string> {
  const facts = await readFacts(tx, [ref]);
  if (!facts.length) throw new AppError('CERTIFICATE_SOURCE_NOT_COMPLETE');
  const [newId] = await writeCertificates(tx, facts, { supersedes: new Map([[sourceKey(ref), certificateId]]), issuedBy });
  return newId;
}

export interface AdminCertificateFilter {
  agencyId: string;
  search?: string | null;
  status?: CertificateStatus | null;
  source?: CertificateSource | null;
}

const issuedCursor = keysetCursor('timestamp', 'uuid');

/**
 * The certificates an agency issued, newest first, for its admins and platform admins: searched by the recipient's
 * name, their NIP (from its start) or the serial, filtered by status and source. Keyset-paged on (issued_at, id)
 * (the agency-issued index); two statements at most (the page, and the count when asked for).
 */
export async function adminCertificates(ctx: SignedInOperationContext, filter: AdminCertificateFilter, first: number, after?: string | null): Promise<Page<Certificate>> {
  await assertAdministersAgency(ctx, filter.agencyId);
  const cursor = issuedCursor.decode(after);
  const q = filter.search?.trim() ?? '';
  const like = `%${escapeLike(q)}%`;
  const base = () => {
    let query = db(ctx).selectFrom('certificate as c').where('c.issuing_agency_id', '=', filter.agencyId);
    if (filter.status) query = query.where('c.status', '=', filter.status);
    if (filter.source) query = query.where('c.source', '=', filter.source);
    if (q) {
      query = query.where((w) => w.or([
        w('c.recipient_name', 'ilike', like), w('c.serial', 'ilike', like),
        w('c.recipient_nip', 'like', `${escapeLike(q.replace(/\s+/g, ''))}%`),
      ]));
    }
    return query;
  };
  let page = base().select(certificateColumns);
  if (cursor) page = page.where(sql<boolean>`(c.issued_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  const rows = (await page.orderBy('c.issued_at', 'desc').orderBy('c.id', 'desc').limit(first + 1).execute()) as unknown as CertificateRow[];
  const count = async () => (await base().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return toPage(rows, first, count, toCertificate, (r) => issuedCursor.encode([new Date(r.issued_at).toISOString(), r.id]));
}

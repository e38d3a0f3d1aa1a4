import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { db } from '../../shared/db/kysely.js';
import { CertificateSource, CertificateStatus, type SignerSnapshot } from './certificate.entity.js';
import { certificatesIssued, certificatesStatusChanged, type CertificateTransaction } from './certificate.hooks.js';
import { readFacts, sourceKey, type CertificateFacts, type SourceRef } from './issue.facts.js';

/** 144 random bits, base64url (24 characters): unguessable, short enough for a QR code and a URL typed by hand. */
function newVerificationCode(): string {
  return randomBytes(18).toString('base64url');
}

/** `PEMKOT-BDG/2026/000123`. */
function formatSerial(agencyCode: string, year: number, n: number): string {
  return `${agencyCode}/${year}/${String(n).padStart(6, '0')}`;
}

/**
 * Takes each source's issuance lock, in a fixed order so two batches never wait on each other in a circle. Held
 * until the transaction ends: a retried or concurrent completion of the same source waits, then finds the
 * certificate the first one wrote (READ COMMITTED reads it once the first commits) and issues nothing.
 */
export async function lockSources(tx: CertificateTransaction, refs: SourceRef[]): Promise<void> {
  const keys = [...new Set(refs.map(sourceKey))].sort();
  if (!keys.length) return;
  await sql`select pg_advisory_xact_lock(hashtextextended('certificate:' || k, 0)) from unnest(${keys}::text[]) as k order by k`.execute(db(tx));
}

export interface WriteOptions {
  /** Certificates these new ones correct, by source key: each becomes SUPERSEDED, pointed to by its successor. */
  supersedes?: Map<string, string>;
  /** The admin issuing by hand (a correction, an external activity); null for a completion. */
  issuedBy?: string | null;
}

/**
 * Writes certificates for these facts (the caller holds the sources' locks and has checked none is VALID, or is
 * superseding it): serials from each agency's counter for the year — one upsert per agency reserving the whole
 * batch's numbers, in agency order, its row lock held to the end of the transaction so concurrent issuances queue
 * and a rollback leaves no gap — the signers of the agency and partner as they are now, one insert for all rows,
 * an audit row each, then the after-issue hooks (PDF job, signed credential). Returns the new ids.
 */
export async function writeCertificates(tx: CertificateTransaction, facts: CertificateFacts[], options: WriteOptions = {}): Promise<string[]> {
  const issuable = facts.filter((f) => f.issuingAgencyId);
  if (!issuable.length) return [];
  const d = db(tx);
  const agencyIds = [...new Set(issuable.map((f) => f.issuingAgencyId!))].sort();
  const partnerIds = [...new Set(issuable.flatMap((f) => (f.partnerId ? [f.partnerId] : [])))];
  const agencies = new Map((await d.selectFrom('agency').select(['id', 'code', 'name', 'time_zone'])
    .where('id', '=', sql<string>`any(${agencyIds}::uuid[])`).execute()).map((a) => [a.id, a]));
  const partners = new Map(partnerIds.length
    ? (await d.selectFrom('partner_institution').select(['id', 'name']).where('id', '=', sql<string>`any(${partnerIds}::uuid[])`).execute()).map((p) => [p.id, p])
    : []);
  const signers = await d.selectFrom('certificate_signer').select(['id', 'agency_id', 'partner_id', 'name', 'position'])
    .where('active', '=', true)
    .where((w) => w.or([
      w('agency_id', '=', sql<string>`any(${agencyIds}::uuid[])`),
      ...(partnerIds.length ? [w('partner_id', '=', sql<string>`any(${partnerIds}::uuid[])`)] : []),
    ]))
    .orderBy('display_order').orderBy('created_at').execute();

  // Serial numbers: per agency, the year as the agency's clock reads it.
  const numbers = new Map<CertificateFacts, { year: number; n: number }>();
  for (const agencyId of agencyIds) {
    const agency = agencies.get(agencyId)!;
    const year = DateTime.now().setZone(agency.time_zone).year;
    const mine = issuable.filter((f) => f.issuingAgencyId === agencyId);
    const { rows: [counter] } = await sql<{ last_number: number }>`
      insert into certificate_serial_counter (agency_id, year, last_number) values (${agencyId}::uuid, ${year}, ${mine.length})
      on conflict (agency_id, year) do update set last_number = certificate_serial_counter.last_number + excluded.last_number
      returning last_number`.execute(d);
    const first = counter.last_number - mine.length + 1;
    mine.forEach((f, i) => numbers.set(f, { year, n: first + i }));
  }

  const supersedes = options.supersedes ?? new Map<string, string>();
  const superseded = [...supersedes.values()];
  if (superseded.length) {
    // First, so the partial unique index (one VALID per source) has room for the successor.
    await d.updateTable('certificate').set({ status: CertificateStatus.SUPERSEDED, updated_at: sql<Date>`now()` })
      .where('id', '=', sql<string>`any(${superseded}::uuid[])`).where('status', '=', CertificateStatus.VALID).execute();
  }
  const rows = issuable.map((f) => {
    const agency = agencies.get(f.issuingAgencyId!)!;
    const { year, n } = numbers.get(f)!;
    const printed: SignerSnapshot[] = [
      ...signers.filter((s) => s.agency_id === f.issuingAgencyId).map((s) => ({ id: s.id, name: s.name, position: s.position, side: 'AGENCY' as const })),
      ...signers.filter((s) => f.partnerId && s.partner_id === f.partnerId).map((s) => ({ id: s.id, name: s.name, position: s.position, side: 'PARTNER' as const })),
    ];
    return {
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, status: CertificateStatus.VALID,
      person_id: f.personId, source: f.source, source_id: f.sourceId, issuing_agency_id: agency.id, partner_id: f.partnerId,
      serial: formatSerial(agency.code, year, n), serial_year: year, serial_number: n, verification_code: newVerificationCode(),
      recipient_name: f.recipientName, recipient_nip: f.recipientNip, title: f.title.slice(0, 300), form: f.form, jp: f.jp,
      competencies: f.competencies, starts_on: f.startsOn, ends_on: f.endsOn, completed_at: f.completedAt,
      agency_name: agency.name, partner_name: f.partnerId ? partners.get(f.partnerId)?.name ?? null : null,
      signers: sql<SignerSnapshot[]>`${JSON.stringify(printed)}::jsonb`,
      supersedes_id: supersedes.get(sourceKey(f)) ?? null, issued_by_id: options.issuedBy ?? null,
      // Milliseconds, as lists page by it through a cursor that carries an ISO instant.
      issued_at: sql<Date>`date_trunc('milliseconds', now())`,
    };
  });
  const written = await d.insertInto('certificate').values(rows).returning(['id', 'person_id', 'serial', 'supersedes_id']).execute();
  const actorId = tx.viewer?.personId ?? null;
  await d.insertInto('audit_entry').values(written.map((c) => ({
    id: sql<string>`gen_random_uuid()`, actor_id: actorId, action: c.supersedes_id ? 'certificate.reissue' : 'certificate.issue',
    target_type: 'Certificate', target_id: c.id,
    data: JSON.stringify({ learnerId: c.person_id, serial: c.serial, supersedes: c.supersedes_id }), at: sql<Date>`now()`,
  }))).execute();
  const ids = written.map((c) => c.id);
  await certificatesIssued(tx, ids);
  if (superseded.length) await certificatesStatusChanged(tx, superseded);
  return ids;
}

/**
 * Issues a certificate for each completed source among `refs` that has no VALID one: exactly once, however often
 * and however concurrently it is called for a source (the source's lock, then a look). A source whose VALID
 * certificate states other JP than the ledger now credits (a workshop's attendance corrected) is re-issued: the new
 * certificate supersedes the old. Sources not complete are skipped. Returns the ids written.
 */
export async function issueCertificates(tx: CertificateTransaction, refs: SourceRef[]): Promise<string[]> {
  if (!refs.length) return [];
  await lockSources(tx, refs);
  const facts = await readFacts(tx, refs);
  if (!facts.length) return [];
  const existing = await db(tx).selectFrom('certificate').select(['id', 'source', 'source_id', 'jp'])
    .where('status', '=', CertificateStatus.VALID)
    .where('source_id', '=', sql<string>`any(${facts.map((f) => f.sourceId)}::uuid[])`)
    .execute();
  const valid = new Map(existing.map((c) => [`${c.source}:${c.source_id}`, c]));
  const supersedes = new Map<string, string>();
  const toWrite = facts.filter((f) => {
    const current = valid.get(sourceKey(f));
    if (!current) return true;
    if (Number(current.jp) === Number(f.jp)) return false;
    supersedes.set(sourceKey(f), current.id);
    return true;
  });
  return writeCertificates(tx, toWrite, { supersedes });
}

/**
 * Revokes the VALID certificates of these sources (a completion taken back), with a reason shown on the public
 * page. Returns the ids revoked.
 */
export async function revokeCertificatesForSources(tx: CertificateTransaction, refs: SourceRef[], reason: string): Promise<string[]> {
  if (!refs.length) return [];
  await lockSources(tx, refs);
  const d = db(tx);
  const keys = refs.map(sourceKey);
  const revoked = await d.updateTable('certificate')
    .set({ status: CertificateStatus.REVOKED, revoked_at: sql<Date>`now()`, revoked_reason: reason, revoked_by_id: tx.viewer?.personId ?? null, updated_at: sql<Date>`now()` })
    .where('status', '=', CertificateStatus.VALID)
    .where(sql<boolean>`(source || ':' || source_id) = any(${keys}::text[])`)
    .returning(['id', 'person_id', 'serial']).execute();
  if (!revoked.length) return [];
  await d.insertInto('audit_entry').values(revoked.map((c) => ({
    id: sql<string>`gen_random_uuid()`, actor_id: tx.viewer?.personId ?? null, action: 'certificate.revoke', target_type: 'Certificate', target_id: c.id,
    data: JSON.stringify({ learnerId: c.person_id, serial: c.serial, reason }), at: sql<Date>`now()`,
  }))).execute();
  const ids = revoked.map((c) => c.id);
  await certificatesStatusChanged(tx, ids);
  return ids;
}

/** The enrolment sources: an enrolment's course says whether it is a course run or a workshop. */
export const enrolmentRefs = (enrolmentIds: string[]): SourceRef[] =>
  enrolmentIds.flatMap((id) => [{ source: CertificateSource.COURSE_RUN, sourceId: id }, { source: CertificateSource.WORKSHOP, sourceId: id }]);

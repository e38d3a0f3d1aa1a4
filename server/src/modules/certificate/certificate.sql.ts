import type { DevelopmentForm } from '../course/index.js';
import type { CertificateSource, CertificateStatus, SignerSnapshot } from './certificate.entity.js';
import type { Certificate } from './certificate.types.js';

/** The columns every read of a certificate selects (`certificate c`). */
export const certificateColumns = [
  'c.id', 'c.person_id', 'c.source', 'c.source_id', 'c.issuing_agency_id', 'c.partner_id', 'c.serial', 'c.verification_code',
  'c.recipient_name', 'c.recipient_nip', 'c.title', 'c.form', 'c.jp', 'c.competencies', 'c.starts_on', 'c.ends_on',
  'c.completed_at', 'c.issued_at', 'c.agency_name', 'c.partner_name', 'c.signers', 'c.status', 'c.revoked_at',
  'c.revoked_reason', 'c.supersedes_id',
] as const;

export interface CertificateRow {
  id: string; person_id: string; source: CertificateSource; source_id: string; issuing_agency_id: string; partner_id: string | null;
  serial: string; verification_code: string; recipient_name: string; recipient_nip: string | null; title: string; form: string | null;
  jp: string; competencies: string[]; starts_on: string | null; ends_on: string | null; completed_at: Date | string; issued_at: Date | string;
  agency_name: string; partner_name: string | null; signers: SignerSnapshot[]; status: CertificateStatus; revoked_at: Date | string | null;
  revoked_reason: string | null; supersedes_id: string | null;
}

/** Kysely returns timestamps and dates of raw statements as text: normalise them here, once. */
const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
/** A `date` column: text from raw SQL, or a Date at local midnight from the pg driver's parser (so local parts). */
const toDay = (v: Date | string | null): string | null => {
  if (v == null) return null;
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
};

export function toCertificate(r: CertificateRow): Certificate {
  return {
    id: r.id, serial: r.serial, verificationCode: r.verification_code, source: r.source, sourceId: r.source_id,
    recipientName: r.recipient_name, recipientNip: r.recipient_nip, title: r.title, form: r.form as DevelopmentForm | null,
    jp: Number(r.jp), competencies: r.competencies ?? [], startsOn: toDay(r.starts_on), endsOn: toDay(r.ends_on),
    completedAt: toDate(r.completed_at), issuedAt: toDate(r.issued_at), agencyName: r.agency_name, partnerName: r.partner_name,
    signers: (r.signers ?? []).map((s) => ({ name: s.name, position: s.position, side: s.side })),
    status: r.status, revokedAt: r.revoked_at == null ? null : toDate(r.revoked_at), revokedReason: r.revoked_reason,
    personId: r.person_id, issuingAgencyId: r.issuing_agency_id, partnerId: r.partner_id, supersedesId: r.supersedes_id,
  };
}

import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { Agency } from '../agency/agency.entity.js';
import { PartnerInstitution } from '../partner/partner.entity.js';
import { Person } from '../person/person.entity.js';

/** What a certificate attests: the completion of one of these. */
export enum CertificateSource {
  /** A course run completed (`source_id`: the enrolment). */
  COURSE_RUN = 'COURSE_RUN',
  /** A workshop whose attendance met its minimum (`source_id`: the enrolment). */
  WORKSHOP = 'WORKSHOP',
  /** A programme's path completed (`source_id`: the cohort participant). */
  PROGRAMME = 'PROGRAMME',
  /** An external activity the person's agency verified (`source_id`: the activity). */
  EXTERNAL_ACTIVITY = 'EXTERNAL_ACTIVITY',
}
registerEnumType(CertificateSource, { name: 'CertificateSource', description: 'What a certificate attests the completion of' });

export enum CertificateStatus {
  /** Sah. */
  VALID = 'VALID',
  /** Dicabut: revoked with a date and a reason (by an admin, or because the completion was taken back). */
  REVOKED = 'REVOKED',
  /** Digantikan: a correction re-issued it; `superseded_by` is the newer one. */
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(CertificateStatus, { name: 'CertificateStatus', description: 'Sah, Dicabut or Digantikan' });

/** A signer as printed on a certificate when it was issued (a later change of signer never alters it). */
export interface SignerSnapshot {
  /** The `certificate_signer` row (its signature image); null if it was deleted since. */
  id: string | null;
  name: string;
  position: string;
  /** Whose signer: the issuing agency's or the partner institution's. */
  side: 'AGENCY' | 'PARTNER';
}

const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A completion certificate (sertifikat). Its facts are a snapshot taken when it was issued — the recipient's name
 * and NIP, what was completed, JP, dates, the agency and partner and their signers — so a document shown to a
 * promotion board never changes afterwards; a wrong fact is corrected by re-issuing (a new certificate that
 * supersedes this one). At most one VALID certificate exists per source (a partial unique index), and the serial
 * is gapless per issuing agency and year (`CertificateSerialCounter`).
 */
@Entity()
@Index({
  name: 'certificate_valid_once_per_source',
  expression: 'create unique index "certificate_valid_once_per_source" on "certificate" ("source", "source_id") where "status" = \'VALID\'',
})
@Index({ properties: ['person', 'issuedAt'] })
@Index({ name: 'certificate_agency_issued_idx', expression: 'create index "certificate_agency_issued_idx" on "certificate" ("issuing_agency_id", "issued_at", "id")' })
@Unique({ name: 'certificate_serial_per_agency_year', properties: ['issuingAgency', 'serialYear', 'serialNumber'] })
@Check({ name: 'certificate_source_known', expression: `source in (${sqlList(Object.values(CertificateSource))})` })
@Check({ name: 'certificate_status_known', expression: `status in (${sqlList(Object.values(CertificateStatus))})` })
@Check({ name: 'certificate_revocation_complete', expression: "(status = 'REVOKED') = (revoked_at is not null)" })
@Check({ name: 'certificate_serial_positive', expression: 'serial_number > 0' })
export class Certificate extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  @Property({ type: 'text' })
  source: CertificateSource;

  /** The enrolment, cohort participant or external activity (not a foreign key: sources vary). */
  @Property({ type: 'uuid' })
  sourceId: string;

  /** Whose serial it carries and whose key signs its credential. */
  @ManyToOne(() => Agency, { deleteRule: 'no action' })
  issuingAgency: Rel<Agency>;

  @ManyToOne(() => PartnerInstitution, { nullable: true, deleteRule: 'set null' })
  partner: Rel<PartnerInstitution> | null = null;

  /** As printed: `PEMKOT-BDG/2026/000123` (agency code, year, number). */
  @Property({ type: 'string', length: 80 })
  @Unique()
  serial: string;

  @Property({ type: 'smallint' })
  serialYear: number;

  @Property({ type: 'integer' })
  serialNumber: number;

  /** The public verification code (`/verifikasi/<code>`): 144 random bits, base64url. */
  @Property({ type: 'string', length: 40 })
  @Unique()
  verificationCode: string;

  @Property({ type: 'string', length: 200 })
  recipientName: string;

  /** The NIP as it was when issued (null for a person without one). Shown masked in public. */
  @Property({ type: 'string', length: 18, nullable: true })
  recipientNip: string | null = null;

  /** What was completed: the course, workshop, programme or activity title. */
  @Property({ type: 'string', length: 300 })
  title: string;

  /** Form of development (DevelopmentForm); null for a programme, which mixes forms. */
  @Property({ type: 'text', nullable: true })
  form: string | null = null;

  /** JP as credited in the ledger for this completion (a programme: its items' lines). */
  @Property({ type: 'decimal', precision: 6, scale: 1 })
  jp: string;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  competencies: string[] & Opt = [];

  @Property({ type: 'date', nullable: true })
  startsOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'datetime' })
  completedAt: Date;

  @Property({ type: 'string', length: 200 })
  agencyName: string;

  @Property({ type: 'string', length: 200, nullable: true })
  partnerName: string | null = null;

  @Property({ type: 'json', defaultRaw: "'[]'" })
  signers: SignerSnapshot[] & Opt = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  issuedAt: Date & Opt = new Date();

  @Property({ type: 'text', default: CertificateStatus.VALID })
  status: CertificateStatus & Opt = CertificateStatus.VALID;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  revokedBy: Rel<Person> | null = null;

  /** Shown on the public page beside "Dicabut". */
  @Property({ type: 'text', nullable: true })
  revokedReason: string | null = null;

  /**
   * The certificate this one corrects, which is SUPERSEDED (unique: a certificate is superseded once). "Superseded
   * by" is read from here (the newer row points back), so a correction writes the old row's status and the new row.
   */
  @ManyToOne(() => Certificate, { nullable: true, unique: true, deleteRule: 'no action' })
  supersedes: Rel<Certificate> | null = null;

  /** Who issued it by hand (an admin's correction or an external activity); null when a completion issued it. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  issuedBy: Rel<Person> | null = null;

  constructor(init: Pick<Certificate, 'person' | 'source' | 'sourceId' | 'issuingAgency' | 'serial' | 'serialYear' | 'serialNumber'
    | 'verificationCode' | 'recipientName' | 'title' | 'jp' | 'completedAt' | 'agencyName'>) {
    super();
    this.person = init.person;
    this.source = init.source;
    this.sourceId = init.sourceId;
    this.issuingAgency = init.issuingAgency;
    this.serial = init.serial;
    this.serialYear = init.serialYear;
    this.serialNumber = init.serialNumber;
    this.verificationCode = init.verificationCode;
    this.recipientName = init.recipientName;
    this.title = init.title;
    this.jp = init.jp;
    this.completedAt = init.completedAt;
    this.agencyName = init.agencyName;
  }
}

/**
 * The last serial number an agency issued in a year. Issuance bumps it with one upsert whose row lock is held until
 * the issuing transaction ends: concurrent issuances in one agency queue on it, and a rolled-back issuance rolls
 * the number back too, so serials have no gaps.
 */
@Entity()
@Check({ name: 'certificate_serial_counter_positive', expression: 'last_number > 0' })
export class CertificateSerialCounter {
  @ManyToOne(() => Agency, { primary: true, deleteRule: 'cascade' })
  agency: Rel<Agency>;

  @PrimaryKey({ type: 'smallint' })
  year: number;

  @Property({ type: 'integer' })
  lastNumber: number;

  constructor(agency: Agency, year: number, lastNumber: number) {
    this.agency = agency;
    this.year = year;
    this.lastNumber = lastNumber;
  }
}

/**
 * Who signs an agency's or a partner's certificates (name, position, a signature image). Issuance snapshots the
 * active signers in `position` order into the certificate.
 */
@Entity()
@Check({ name: 'certificate_signer_one_owner', expression: '(agency_id is null) <> (partner_id is null)' })
@Check({ name: 'certificate_signer_image_size', expression: 'signature_image is null or octet_length(signature_image) <= 524288' })
export class CertificateSigner extends BaseEntity {
  @ManyToOne(() => Agency, { nullable: true, index: true, deleteRule: 'cascade' })
  agency: Rel<Agency> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true, index: true, deleteRule: 'cascade' })
  partner: Rel<PartnerInstitution> | null = null;

  @Property({ type: 'string', length: 200 })
  name: string;

  /** e.g. "Kepala Badan Kepegawaian dan Pengembangan SDM". */
  @Property({ type: 'string', length: 200 })
  position: string;

  /** Signers print left to right in this order. */
  @Property({ type: 'smallint', default: 1 })
  displayOrder: number & Opt = 1;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** A PNG with a transparent background, at most 512 KiB. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  signatureImage: Buffer | null = null;

  constructor(name: string, position: string) {
    super();
    this.name = name;
    this.position = position;
  }
}

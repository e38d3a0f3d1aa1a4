import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency } from '../agency/agency.entity.js';
// The course entity re-exports the enum: an entity may name another module's entity file, never its other files.
import { DevelopmentForm } from '../course/course.entity.js';
import { Person } from '../person/person.entity.js';

/** The largest evidence document kept (the table's CHECK says the same): a scanned certificate or letter. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/**
 * An external activity's evidence (a certificate, a letter of assignment): PDF, JPEG or PNG, recognised by its
 * first bytes, kept in PostgreSQL like agreement documents (the only stateful part of Lentera). Uploaded first over
 * HTTP (external-activity.http.ts), then named by the submission; `content` is lazy so listings never read it.
 */
@Entity({ tableName: 'external_activity_evidence' })
@Check({ name: 'external_activity_evidence_size', expression: 'byte_size > 0 and byte_size <= 5242880' })
@Check({ name: 'external_activity_evidence_type', expression: "content_type in ('application/pdf', 'image/jpeg', 'image/png')" })
export class ExternalActivityEvidence extends BaseEntity {
  @Property({ type: 'blob', lazy: true })
  content: Buffer;

  @Property({ type: 'string', length: 40 })
  contentType: string;

  @Property({ type: 'string', length: 200 })
  fileName: string;

  @Property({ type: 'integer' })
  byteSize: number;

  @Property({ type: 'string', length: 64 })
  sha256: string;

  /** Only its uploader may attach it to a submission. */
  @ManyToOne(() => Person, { deleteRule: 'cascade', index: true })
  uploadedBy: Rel<Person>;

  constructor(content: Buffer, contentType: string, fileName: string, sha256: string, uploadedBy: Person) {
    super();
    this.content = content;
    this.contentType = contentType;
    this.fileName = fileName;
    this.byteSize = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
  }
}

/** Where a submitted external activity stands: waiting for its agency admin, verified (credited), or rejected. */
export enum ExternalActivityStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(ExternalActivityStatus, { name: 'ExternalActivityStatus', description: 'Menunggu verifikasi, diverifikasi, ditolak' });

/**
 * Learning a civil servant did outside Lentera (a seminar elsewhere, a coaching series, an internship) and claims
 * JP for, with evidence. Their agency's admins verify it, which credits the ledger (source EXTERNAL_ACTIVITY,
 * source id = this row's id) with `jp` at the rule set in force on `endsOn`, or reject it with a reason. The agency
 * is the person's when they submitted: the queue it waits in does not move if they transfer.
 */
@Entity({ tableName: 'external_activity' })
@Check({ name: 'external_activity_dates_ordered', expression: 'starts_on <= ends_on' })
@Check({ name: 'external_activity_jp_positive', expression: 'jp > 0 and jp <= 1000' })
@Check({
  name: 'external_activity_decision',
  expression: "(status = 'PENDING' and decided_at is null) or (status = 'VERIFIED' and decided_at is not null) "
    + "or (status = 'REJECTED' and decided_at is not null and rejection_reason is not null)",
})
@Index({ name: 'external_activity_queue_idx', properties: ['agency', 'status', 'createdAt', 'id'] })
@Index({ name: 'external_activity_person_idx', properties: ['person', 'createdAt', 'id'] })
export class ExternalActivity extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  /** The person's agency when they submitted: whose admins verify it. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'no action' })
  agency: Rel<Agency> | null = null;

  @Property({ type: 'string', length: 300 })
  title: string;

  @Enum({ items: () => DevelopmentForm })
  form: DevelopmentForm;

  @Property({ type: 'string', length: 300 })
  organiser: string;

  @Property({ type: 'date' })
  startsOn: string;

  @Property({ type: 'date' })
  endsOn: string;

  /** JP claimed, or the form's default in the rule set in force on `endsOn` when none was claimed. */
  @Property({ type: 'decimal', precision: 6, scale: 1 })
  jp: string;

  /** True when `jp` came from the rule set's default for the form rather than from the person. */
  @Property({ type: 'boolean', default: false })
  jpIsDefault: boolean & Opt = false;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @OneToOne(() => ExternalActivityEvidence, { owner: true, unique: 'external_activity_evidence_once', deleteRule: 'no action' })
  evidence: Rel<ExternalActivityEvidence>;

  @Enum({ items: () => ExternalActivityStatus, default: ExternalActivityStatus.PENDING })
  status: ExternalActivityStatus & Opt = ExternalActivityStatus.PENDING;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  decidedBy: Rel<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  rejectionReason: string | null = null;

  constructor(fields: {
    person: Person; agency: Agency | null; title: string; form: DevelopmentForm; organiser: string; startsOn: string; endsOn: string;
    jp: string; evidence: ExternalActivityEvidence;
  }) {
    super();
    this.person = fields.person;
    this.agency = fields.agency;
    this.title = fields.title;
    this.form = fields.form;
    this.organiser = fields.organiser;
    this.startsOn = fields.startsOn;
    this.endsOn = fields.endsOn;
    this.jp = fields.jp;
    this.evidence = fields.evidence;
  }
}

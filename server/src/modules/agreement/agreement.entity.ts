import type { Opt, Rel } from '@mikro-orm/core';
import { Collection } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
// Entities import entities directly (an index would load resolvers while the ORM reads metadata).
import { Agency } from '../agency/agency.entity.js';
import type { DevelopmentForm } from '../course/index.js';
import { PartnerInstitution } from '../partner/partner.entity.js';
import { Person } from '../person/person.entity.js';

/** Nota kesepahaman (MoU) or perjanjian kerja sama (PKS). */
export enum AgreementKind {
  MOU = 'MOU',
  PKS = 'PKS',
}
registerEnumType(AgreementKind, { name: 'AgreementKind', description: 'MOU (nota kesepahaman) or PKS (perjanjian kerja sama)' });

/**
 * An uploaded agreement document (a PDF, checked by its first bytes), kept in PostgreSQL: the database is the
 * only stateful part of Lentera (server instances keep nothing on disk), so backups, replicas and several
 * instances need nothing more. `content` is lazy: no list or agreement read ever loads it. A document is
 * uploaded before the agreement that names it (so a refused upload writes no agreement); one no agreement
 * names is purged after a day.
 */
@Entity({ tableName: 'agreement_document' })
@Check({ name: 'agreement_document_size', expression: 'byte_size > 0 and byte_size <= 10485760' })
export class AgreementDocument extends BaseEntity {
  @Property({ type: 'blob', lazy: true })
  content: Buffer;

  @Property({ type: 'integer' })
  byteSize: number;

  /** Hex SHA-256 of the content: an ETag, and what the audit row records. */
  @Property({ type: 'string', length: 64 })
  sha256: string;

  @ManyToOne(() => Person, { index: true })
  uploadedBy: Rel<Person>;

  constructor(content: Buffer, sha256: string, uploadedBy: Person) {
    super();
    this.content = content;
    this.byteSize = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
  }
}

/**
 * A cooperation agreement between a partner institution and one or more agencies: valid over whole days
 * (Asia/Jakarta dates), covering some forms of development. It lets the partner's staff teach the agencies'
 * runs of those forms on those dates (agreement.gate.ts).
 */
@Entity({ tableName: 'agreement' })
@Unique({ name: 'agreement_number_per_partner', properties: ['partner', 'number'] })
@Check({ name: 'agreement_dates_ordered', expression: 'valid_from <= valid_to' })
@Check({ name: 'agreement_one_document', expression: 'document_id is null or document_url is null' })
@Check({ name: 'agreement_scope_not_empty', expression: 'cardinality(scope) > 0' })
@Index({ name: 'agreement_partner_valid_to_idx', properties: ['partner', 'validTo'] })
export class Agreement extends BaseEntity {
  @Enum({ items: () => AgreementKind })
  kind: AgreementKind;

  @Property({ type: 'string', length: 100 })
  number: string;

  @Property({ type: 'string', length: 300 })
  title: string;

  @ManyToOne(() => PartnerInstitution)
  partner: Rel<PartnerInstitution>;

  @ManyToMany({ entity: () => Agency, pivotTable: 'agreement_agency', joinColumn: 'agreement_id', inverseJoinColumn: 'agency_id' })
  agencies = new Collection<Agency>(this);

  /** First day in force (inclusive, a calendar date). */
  @Property({ type: 'date' })
  validFrom: string;

  /** Last day in force (inclusive). */
  @Property({ type: 'date' })
  validTo: string;

  /** The forms of development (`course.form` values) the agreement covers. */
  @Property({ type: 'text[]' })
  scope: DevelopmentForm[];

  @OneToOne(() => AgreementDocument, { nullable: true, owner: true, unique: 'agreement_document_once' })
  document: Rel<AgreementDocument> | null = null;

  /** Or a link to the document elsewhere (https only). */
  @Property({ type: 'string', length: 500, nullable: true })
  documentUrl: string | null = null;

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  constructor(fields: { kind: AgreementKind; number: string; title: string; partner: PartnerInstitution; validFrom: string; validTo: string; scope: DevelopmentForm[] }) {
    super();
    this.kind = fields.kind;
    this.number = fields.number;
    this.title = fields.title;
    this.partner = fields.partner;
    this.validFrom = fields.validFrom;
    this.validTo = fields.validTo;
    this.scope = fields.scope;
  }
}

/**
 * "This agreement ends in N days" was sent for this end date: the expiry job inserts the row and enqueues the
 * mails in one transaction, so a retried or repeated run sends nothing twice. The end date is in the key: an
 * agreement extended to a later date is noticed again before its new end.
 */
@Entity({ tableName: 'agreement_expiry_notice' })
export class AgreementExpiryNotice {
  @ManyToOne(() => Agreement, { primary: true, deleteRule: 'cascade' })
  agreement: Rel<Agreement>;

  @PrimaryKey({ type: 'integer' })
  daysBefore: number;

  @PrimaryKey({ type: 'date' })
  validTo: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  sentAt: Date & Opt = new Date();

  constructor(agreement: Agreement, daysBefore: number, validTo: string) {
    this.agreement = agreement;
    this.daysBefore = daysBefore;
    this.validTo = validTo;
  }
}

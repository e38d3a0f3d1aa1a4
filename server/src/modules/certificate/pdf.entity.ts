import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { Agency } from '../agency/agency.entity.js';
import { PartnerInstitution } from '../partner/partner.entity.js';
import { Person } from '../person/person.entity.js';
import { Certificate } from './certificate.entity.js';

export enum CertificatePdfStatus {
  /** Waiting for the render job (enqueued in the issuing transaction). */
  PENDING = 'PENDING',
  DONE = 'DONE',
  /** The render threw; `error` says why, an admin re-runs it. */
  FAILED = 'FAILED',
}
registerEnumType(CertificatePdfStatus, { name: 'CertificatePdfStatus', description: 'Whether a certificate’s PDF is rendered' });

/** The largest logo kept (the table's CHECK says the same): a logo prints a few centimetres wide. */
export const MAX_LOGO_BYTES = 1024 * 1024;

/**
 * A certificate's rendered PDF (Bahasa Indonesia, the language a promotion board reads), written by the render job
 * that issuance enqueues. One row per certificate, PENDING from the issuing transaction on, so an admin can count
 * what is left; the English document is rendered when asked for (pdf.http.ts).
 */
@Entity()
@Check({ name: 'certificate_pdf_status_known', expression: "status in ('PENDING', 'DONE', 'FAILED')" })
@Check({ name: 'certificate_pdf_done_has_content', expression: "(status = 'DONE') = (content is not null)" })
@Index({ name: 'certificate_pdf_unfinished_idx', expression: 'create index "certificate_pdf_unfinished_idx" on "certificate_pdf" ("status") where "status" <> \'DONE\'' })
export class CertificatePdf {
  @ManyToOne(() => Certificate, { primary: true, deleteRule: 'cascade' })
  certificate: Rel<Certificate>;

  @Property({ type: 'text', default: CertificatePdfStatus.PENDING })
  status: CertificatePdfStatus & Opt = CertificatePdfStatus.PENDING;

  @Property({ type: 'blob', nullable: true, lazy: true })
  content: Buffer | null = null;

  @Property({ type: 'datetime', nullable: true })
  renderedAt: Date | null = null;

  /** The last failed render's message, for the admin (cleared when a re-run succeeds). */
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'smallint', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(certificate: Certificate) {
    this.certificate = certificate;
  }
}

/**
 * An agency's or a partner institution's logo, printed on its certificates (PNG or JPEG, recognised by its first
 * bytes). One per owner: a new upload replaces it. Certificates are rendered with the logo of the day they are
 * rendered (the names printed are the issued snapshot).
 */
@Entity()
@Check({ name: 'organisation_logo_one_owner', expression: '(agency_id is null) <> (partner_id is null)' })
@Check({ name: 'organisation_logo_type_known', expression: "content_type in ('image/png', 'image/jpeg')" })
@Check({ name: 'organisation_logo_size', expression: `byte_size > 0 and byte_size <= ${MAX_LOGO_BYTES}` })
export class OrganisationLogo extends BaseEntity {
  @ManyToOne(() => Agency, { nullable: true, unique: true, deleteRule: 'cascade' })
  agency: Rel<Agency> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true, unique: true, deleteRule: 'cascade' })
  partner: Rel<PartnerInstitution> | null = null;

  @Property({ type: 'blob', lazy: true })
  content: Buffer;

  @Property({ type: 'string', length: 20 })
  contentType: string;

  @Property({ type: 'integer' })
  byteSize: number;

  @Property({ type: 'string', length: 64 })
  sha256: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  uploadedBy: Rel<Person> | null = null;

  constructor(content: Buffer, contentType: string, sha256: string) {
    super();
    this.content = content;
    this.contentType = contentType;
    this.byteSize = content.length;
    this.sha256 = sha256;
  }
}

import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Certificate } from './certificate.entity.js';
import { CredentialIssuerKey } from './issuer-key.entity.js';
import { CredentialStatusList } from './status-list.entity.js';

/**
 * A certificate's Open Badges 3.0 credential. The row (with its status list index) is written in the issuing
 * transaction; signing costs ~0.1 s of canonicalisation per credential, so a job signs it (`document` and `key`
 * null until then) rather than holding a cohort's completion open for a minute.
 */
@Entity()
@Unique({ name: 'certificate_credential_status_slot', properties: ['statusList', 'statusIndex'] })
export class CertificateCredential {
  @OneToOne(() => Certificate, { primary: true, deleteRule: 'cascade', owner: true })
  certificate: Rel<Certificate>;

  @ManyToOne(() => CredentialStatusList, { deleteRule: 'no action' })
  statusList: Rel<CredentialStatusList>;

  @Property({ type: 'integer' })
  statusIndex: number;

  @ManyToOne(() => CredentialIssuerKey, { nullable: true, deleteRule: 'no action', index: true })
  key: Rel<CredentialIssuerKey> | null = null;

  /** The signed credential, as JSON text exactly as handed to the holder (null until the job signs it). */
  @Property({ type: 'text', nullable: true })
  document: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  signedAt: Date | null = null;

  constructor(certificate: Certificate, statusList: CredentialStatusList, statusIndex: number) {
    this.certificate = certificate;
    this.statusList = statusList;
    this.statusIndex = statusIndex;
  }
}

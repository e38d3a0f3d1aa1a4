import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * An agency's Ed25519 signing key for Open Badges credentials. The secret key is stored only encrypted
 * (AES-256-GCM under LENTERA_CREDENTIAL_KEY: 12-byte IV, 16-byte tag, ciphertext). Rotation retires the active key
 * and adds a new one; a retired key stays published (its Multikey URL answers) so the credentials it signed verify
 * for ever, but it signs nothing after `retired_at`. At most one active key per agency (a partial unique index).
 */
@Entity()
@Index({
  name: 'credential_issuer_key_one_active',
  expression: 'create unique index "credential_issuer_key_one_active" on "credential_issuer_key" ("agency_id") where "retired_at" is null',
})
@Check({ name: 'credential_issuer_key_multibase', expression: "public_key_multibase ~~ 'z6Mk%'" })
export class CredentialIssuerKey extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'cascade', index: true })
  agency: Rel<Agency>;

  /** The Multikey public key (`z6Mk…`, multicodec ed25519-pub, base58btc). */
  @Property({ type: 'string', length: 64 })
  publicKeyMultibase: string;

  /** The secret key multibase, AES-256-GCM encrypted: iv (12) ‖ tag (16) ‖ ciphertext. */
  @Property({ type: 'blob' })
  secretKeyEncrypted: Buffer;

  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;

  /** Who rotated it in (null: made on first use by issuance). */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<Person> | null = null;

  constructor(agency: Agency, publicKeyMultibase: string, secretKeyEncrypted: Buffer) {
    super();
    this.agency = agency;
    this.publicKeyMultibase = publicKeyMultibase;
    this.secretKeyEncrypted = secretKeyEncrypted;
  }
}


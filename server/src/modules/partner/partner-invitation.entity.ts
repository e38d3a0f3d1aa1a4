import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Role } from '../../shared/auth/roles.js';
import { Person } from '../person/person.entity.js';
import { PartnerInstitution } from './partner.entity.js';

/**
 * An invitation to become staff of a partner institution (an instructor, or a partner admin when a platform admin
 * invites). The link's token is made when the mail is written (the job never carries it) and only its SHA-256 is
 * kept; `generation` counts resends, so a late retry of an older mail cannot replace the token of a newer one.
 * Its status is derived: revoked, accepted, expired (past `expiresAt`) or pending.
 */
@Entity()
// One open invitation per address and institution: a second invite is a resend.
@Index({
  name: 'partner_invitation_open_once',
  expression: 'create unique index "partner_invitation_open_once" on "partner_invitation" ("partner_id", "email") where "accepted_at" is null and "revoked_at" is null',
})
@Index({ properties: ['partner', 'createdAt'] })
export class PartnerInvitation extends BaseEntity {
  @ManyToOne(() => PartnerInstitution, { deleteRule: 'cascade' })
  partner: Rel<PartnerInstitution>;

  /** Stored lower-case. */
  @Property({ type: 'string', length: 254 })
  email: string;

  /** As the inviter wrote it; the invitee may correct it when accepting. */
  @Property({ type: 'string', length: 200 })
  fullName: string;

  @Property({ type: 'string', length: 10, nullable: true })
  nidn: string | null = null;

  @Enum({ items: () => [Role.INSTRUCTOR, Role.PARTNER_ADMIN] })
  role: Role;

  @Property({ type: 'string', length: 64, nullable: true })
  @Index({ name: 'partner_invitation_token_hash_index' })
  tokenHash: string | null = null;

  @Property({ type: 'integer', default: 1 })
  generation: number & Opt = 1;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  invitedBy: Rel<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  acceptedPerson: Rel<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  constructor(partner: PartnerInstitution, email: string, fullName: string, role: Role, expiresAt: Date) {
    super();
    this.partner = partner;
    this.email = email;
    this.fullName = fullName;
    this.role = role;
    this.expiresAt = expiresAt;
  }
}

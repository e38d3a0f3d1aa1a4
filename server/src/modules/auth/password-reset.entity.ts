import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from '../person/person.entity.js';

/**
 * A password reset link sent by e-mail. Only the SHA-256 of its token is stored (the token exists only in
 * the mail); it works once (`usedAt`) and until `expiresAt`.
 */
@Entity({ tableName: 'password_reset' })
export class PasswordReset {
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash: string;

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: true })
  person: Rel<Person>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  constructor(tokenHash: string, person: Person, expiresAt: Date) {
    this.tokenHash = tokenHash;
    this.person = person;
    this.expiresAt = expiresAt;
  }
}

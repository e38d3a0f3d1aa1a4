import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from '../person/person.entity.js';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a leaked
 * table does not hand out sessions.
 */
@Entity()
export class Session {
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash: string;

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: true })
  person: Rel<Person>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;

  constructor(tokenHash: string, person: Person, expiresAt: Date) {
    this.tokenHash = tokenHash;
    this.person = person;
    this.expiresAt = expiresAt;
  }
}

/** Failed sign-ins per login identifier (NIP or e-mail), known account or not. */
@Entity()
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 254 })
  identifier: string;

  @Property({ type: 'integer', default: 0 })
  failures: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastFailureAt: Date & Opt = new Date();

  constructor(identifier: string) {
    this.identifier = identifier;
  }
}

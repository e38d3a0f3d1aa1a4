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

/**
 * Attempt counters of the sign-in limits (see sign-in-limits.ts). The table's shape is the one
 * rate-limiter-flexible's PostgreSQL store reads and writes (`key`, `points`, `expire` in epoch ms);
 * it is created by a migration rather than by the library, and the ORM never loads it.
 */
@Entity({ tableName: 'sign_in_limit' })
export class SignInLimit {
  @PrimaryKey({ type: 'string', length: 255 })
  key: string;

  @Property({ type: 'integer', default: 0 })
  points: number & Opt = 0;

  @Property({ type: 'bigint', nullable: true })
  expire: string | null = null;

  constructor(key: string) {
    this.key = key;
  }
}

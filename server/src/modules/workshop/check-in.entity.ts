import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Wrong 6-digit check-in codes per person in a fixed 10-minute window (check-in.limits.ts). One row per person,
 * written by one atomic upsert BEFORE the code is compared, like the sign-in limits: a burst of parallel guesses gets
 * no more than the limit compared. The ORM never loads it.
 */
@Entity({ tableName: 'check_in_limit' })
export class CheckInLimit {
  @PrimaryKey({ type: 'uuid' })
  personId: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  windowStartedAt: Date & Opt = new Date();

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  constructor(personId: string) {
    this.personId = personId;
  }
}

/**
 * A server secret kept in the database when LENTERA_SECRET is not set: made once at random by whichever instance
 * needs it first, so every instance (and a restart) signs with the same key. Purpose keys are derived from it
 * (check-in.token.ts); the row itself is never sent anywhere.
 */
@Entity({ tableName: 'server_secret' })
export class ServerSecret {
  @PrimaryKey({ type: 'string', length: 40 })
  name: string;

  /** 32 random bytes, base64url. */
  @Property({ type: 'text' })
  value: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  constructor(name: string, value: string) {
    this.name = name;
    this.value = value;
  }
}

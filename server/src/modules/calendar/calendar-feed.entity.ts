import type { Rel } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * A person's private calendar feed: the URL carries a random token, only its SHA-256 is kept (a leaked
 * table hands out no feeds). One per person: making a new one replaces the old (the old URL stops
 * working); revoking deletes the row.
 */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed extends BaseEntity {
  @OneToOne(() => Person, { owner: true, deleteRule: 'cascade', unique: 'calendar_feed_person_unique' })
  person: Rel<Person>;

  @Property({ type: 'string', length: 64, unique: 'calendar_feed_token_hash_unique' })
  tokenHash: string;

  constructor(person: Person, tokenHash: string) {
    super();
    this.person = person;
    this.tokenHash = tokenHash;
  }
}

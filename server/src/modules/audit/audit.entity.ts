import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { Person } from '../person/person.entity.js';

/** Who did what to which object, written in the same transaction as the change. */
@Entity()
@Index({ properties: ['targetType', 'targetId'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  actor: Rel<Person> | null;

  @Property({ type: 'string', length: 60 })
  action: string;

  @Property({ type: 'string', length: 40 })
  targetType: string;

  @Property({ type: 'uuid' })
  targetId: string;

  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date & Opt = new Date();

  constructor(actor: Person | null, action: string, targetType: string, targetId: string, data: Record<string, unknown> | null = null) {
    this.actor = actor;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.data = data;
  }
}

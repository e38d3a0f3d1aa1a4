import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Person } from '../person/person.entity.js';
import { CourseRun } from '../run/run.entity.js';
import { RunSession } from './session.entity.js';

/** The largest material file kept (the table's CHECK says the same): slides and handouts, not videos. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

/**
 * A workshop run's material: a link (https) or a file kept by the server (PDF, PowerPoint/Word/Excel, PNG,
 * JPEG; checked by its content, never by its name). Like agreement documents, files live in PostgreSQL (the only
 * stateful part of Lentera); `content` is lazy, so listing materials never reads a file.
 */
@Entity({ tableName: 'run_material' })
@Check({ name: 'run_material_link_or_file', expression: '(url is null) <> (content is null)' })
@Check({ name: 'run_material_size', expression: 'content is null or (byte_size > 0 and byte_size <= 20971520)' })
@Index({ name: 'run_material_run_idx', properties: ['run', 'createdAt'] })
export class RunMaterial extends BaseEntity {
  @ManyToOne(() => CourseRun, { deleteRule: 'cascade' })
  run: Rel<CourseRun>;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  url: string | null = null;

  @Property({ type: 'blob', lazy: true, nullable: true })
  content: Buffer | null = null;

  /** The type the content was recognised as (application/pdf, image/png …): what the download says it is. */
  @Property({ type: 'string', length: 120, nullable: true })
  contentType: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  fileName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  byteSize: number | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  sha256: string | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<Person> | null = null;

  constructor(run: CourseRun, title: string) {
    super();
    this.run = run;
    this.title = title;
  }
}

/**
 * "Session tomorrow" sent to one person for one session: the reminder job inserts this row in the transaction
 * that enqueues the mail, so a rerun (or a second worker) sends nothing twice.
 */
@Entity({ tableName: 'session_reminder' })
export class SessionReminder {
  @ManyToOne(() => RunSession, { primary: true, deleteRule: 'cascade' })
  session: Rel<RunSession>;

  @ManyToOne(() => Person, { primary: true, deleteRule: 'cascade' })
  person: Rel<Person>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  sentAt: Date & Opt = new Date();

  constructor(session: RunSession, person: Person) {
    this.session = session;
    this.person = person;
  }
}

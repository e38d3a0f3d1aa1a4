import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { TIME_ZONE_CHECK_LIST } from '../../shared/util/time-zones.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { CourseRun } from '../run/run.entity.js';

/** A session is scheduled or cancelled (kept, so registrants and the attendance history still see it). */
export enum RunSessionStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RunSessionStatus, { name: 'RunSessionStatus', description: 'SCHEDULED or CANCELLED' });

/**
 * One meeting of a workshop's run (a day of a bimtek, a seminar's afternoon, one month's forum): when, in which
 * venue zone, where (room and address, or an online link only registrants see). Attendance is taken per session
 * (`SessionAttendance`); the run's `startsAt`/`endsAt` follow its first and last scheduled session.
 */
@Entity({ tableName: 'run_session' })
@Check({ name: 'run_session_ends_after_start', expression: 'ends_at > starts_at' })
@Check({ name: 'run_session_time_zone_known', expression: `time_zone in (${TIME_ZONE_CHECK_LIST})` })
@Index({ name: 'run_session_run_start_idx', properties: ['run', 'startsAt'] })
// "What is on now and tomorrow" (check-in windows, reminder mails) scans sessions by start.
@Index({ name: 'run_session_start_idx', properties: ['startsAt'] })
export class RunSession extends BaseEntity {
  @ManyToOne(() => CourseRun, { deleteRule: 'cascade' })
  run: Rel<CourseRun>;

  @Property({ type: 'datetime' })
  startsAt: Date;

  @Property({ type: 'datetime' })
  endsAt: Date;

  /** The venue's zone (WIB, WITA, WIT): "13.00 WITA (12.00 WIB)" and calendar files name it. */
  @Property({ type: 'string', length: 40, default: 'Asia/Jakarta' })
  timeZone: string & Opt = 'Asia/Jakarta';

  /** What this session is about (a day's theme, a forum's topic); optional. */
  @Property({ type: 'string', length: 200, nullable: true })
  title: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  room: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  /** Shown only to people holding a seat and to those who run the workshop (like the run's own link). */
  @Property({ type: 'string', length: 500, nullable: true })
  onlineUrl: string | null = null;

  @Enum({ items: () => RunSessionStatus, default: RunSessionStatus.SCHEDULED })
  status: RunSessionStatus & Opt = RunSessionStatus.SCHEDULED;

  /** Why it was cancelled, as the manager told registrants (the "session cancelled" mail and the run's page say it). */
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason: string | null = null;

  constructor(run: CourseRun, startsAt: Date, endsAt: Date) {
    super();
    this.run = run;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
  }
}

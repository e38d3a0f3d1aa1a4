import type { Opt, Rel } from '@mikro-orm/core';
import { Collection } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { TIME_ZONE_CHECK_LIST } from '../../shared/util/time-zones.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { Course, EnrolmentPolicy } from '../course/course.entity.js';
import { Person } from '../person/person.entity.js';
import { RunSeries } from '../workshop/series.entity.js';

/** A run is scheduled (listed, enrolling within its window) or cancelled (kept for its history, never listed). */
export enum CourseRunStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CourseRunStatus, { name: 'CourseRunStatus', description: 'SCHEDULED (listed while not ended) or CANCELLED' });

/**
 * One offering of a course (angkatan/batch): when and where, how many seats, who teaches, how one
 * gets in. `seatsTaken` and `waitlistLength` are counters kept in the same transaction as every
 * enrolment change (seats.ts), so listings never count. Workshops (sessions, attendance), programme
 * cohorts (per-agency quotas) and forum series attach to a run by their own tables (ARCHITECTURE.md).
 */
@Entity({ tableName: 'course_run' })
@Unique({ name: 'course_run_code_per_course', properties: ['course', 'code'] })
@Check({ name: 'course_run_capacity_positive', expression: 'capacity is null or capacity > 0' })
@Check({ name: 'course_run_seats_within_capacity', expression: 'seats_taken >= 0 and (capacity is null or seats_taken <= capacity)' })
@Check({ name: 'course_run_waitlist_non_negative', expression: 'waitlist_length >= 0' })
@Check({ name: 'course_run_time_zone_known', expression: `time_zone in (${TIME_ZONE_CHECK_LIST})` })
@Check({ name: 'course_run_dates_ordered', expression: 'ends_at is null or starts_at is null or ends_at > starts_at' })
// A course's runs in start order (undated = any time, first): Course.runs, Course.nextRun and the catalogue's SOONEST key.
@Index({
  name: 'course_run_course_start_idx',
  expression: `create index "course_run_course_start_idx" on "course_run" ("course_id", (coalesce("starts_at", '-infinity'::timestamptz)), "id") where "status" = 'SCHEDULED'`,
})
export class CourseRun extends BaseEntity {
  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course: Rel<Course>;

  /** Angkatan/batch code, unique within the course (e.g. "2026-1"). */
  @Property({ type: 'string', length: 40 })
  code: string;

  @Property({ type: 'datetime', nullable: true })
  startsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  /** Last moment to enrol (pendaftaran ditutup); null = until the run ends. */
  @Property({ type: 'datetime', nullable: true })
  enrolmentClosesAt: Date | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  location: string | null = null;

  /** The venue's zone (WIB, WITA, WIT): calendar files and "13.00 WITA (12.00 WIB)" name it. */
  @Property({ type: 'string', length: 40, default: 'Asia/Jakarta' })
  timeZone: string & Opt = 'Asia/Jakarta';

  @Property({ type: 'string', length: 500, nullable: true })
  onlineUrl: string | null = null;

  /** Seats; null = unlimited. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'integer', default: 0 })
  seatsTaken: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  waitlistLength: number & Opt = 0;

  @Enum({ items: () => EnrolmentPolicy })
  enrolmentPolicy: EnrolmentPolicy;

  @Enum({ items: () => CourseRunStatus, default: CourseRunStatus.SCHEDULED })
  status: CourseRunStatus & Opt = CourseRunStatus.SCHEDULED;

  @ManyToMany({ entity: () => Person, pivotTable: 'course_run_instructor', joinColumn: 'run_id', inverseJoinColumn: 'person_id' })
  instructors = new Collection<Person>(this);

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  /** The recurring forum this run is an occurrence of: its enrolments are exempt from "one run of a course at a time". */
  @ManyToOne(() => RunSeries, { nullable: true, deleteRule: 'set null', index: true })
  series: Rel<RunSeries> | null = null;

  /** Why it was cancelled (told to everyone it withdrew), when it was. */
  @Property({ type: 'text', nullable: true })
  cancellationReason: string | null = null;

  constructor(course: Course, code: string, enrolmentPolicy: EnrolmentPolicy) {
    super();
    this.course = course;
    this.code = code;
    this.enrolmentPolicy = enrolmentPolicy;
  }
}

import type { Rel } from '@mikro-orm/core';
import { Collection } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { TIME_ZONE_CHECK_LIST } from '../../shared/util/time-zones.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { Course, EnrolmentPolicy } from '../course/course.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * A recurring forum ("every first Tuesday of the month, 13.00–15.00 WIB"): a recurrence rule (RFC 5545 RRULE,
 * without DTSTART, UNTIL or COUNT: those are the columns beside it), a local start time and duration in the
 * venue's zone, and what every occurrence copies. Each occurrence is a run of the course (`course_run.series_id`)
 * with one session, joinable on its own; editing the series moves the future occurrences only (series.service.ts).
 */
@Entity({ tableName: 'run_series' })
@Check({ name: 'run_series_time_zone_known', expression: `time_zone in (${TIME_ZONE_CHECK_LIST})` })
@Check({ name: 'run_series_bounded', expression: '(until_on is not null) <> (occurrence_count is not null)' })
@Check({ name: 'run_series_count_range', expression: 'occurrence_count is null or (occurrence_count >= 1 and occurrence_count <= 60)' })
@Check({ name: 'run_series_duration_range', expression: 'duration_minutes >= 15 and duration_minutes <= 1440' })
@Check({ name: 'run_series_start_time_format', expression: `start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'` })
@Check({ name: 'run_series_capacity_positive', expression: 'capacity is null or capacity > 0' })
export class RunSeries extends BaseEntity {
  @ManyToOne(() => Course, { deleteRule: 'cascade', index: true })
  course: Rel<Course>;

  /** The forum's name for its occurrences' sessions (optional; the course title otherwise). */
  @Property({ type: 'string', length: 200, nullable: true })
  title: string | null = null;

  /** e.g. FREQ=MONTHLY;BYDAY=+1TU (validated and expanded with the `rrule` package). */
  @Property({ type: 'string', length: 200 })
  rrule: string;

  /** The first local day the rule counts from (DTSTART's date, in the series' zone). */
  @Property({ type: 'date' })
  startsOn: string;

  /** Local wall-clock start, HH:MM in `timeZone`. */
  @Property({ type: 'string', length: 5 })
  startTime: string;

  @Property({ type: 'integer' })
  durationMinutes: number;

  @Property({ type: 'string', length: 40 })
  timeZone: string;

  /** The last local day an occurrence may fall on; or else `occurrenceCount` occurrences. */
  @Property({ type: 'date', nullable: true })
  untilOn: string | null = null;

  @Property({ type: 'smallint', nullable: true })
  occurrenceCount: number | null = null;

  /** Each occurrence's run code: {YYYY}, {MM}, {DD} of its local date, {N} its number (e.g. "{YYYY}-{MM}" → 2027-02). */
  @Property({ type: 'string', length: 40 })
  codePattern: string;

  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Enum({ items: () => EnrolmentPolicy })
  enrolmentPolicy: EnrolmentPolicy;

  @Property({ type: 'string', length: 200, nullable: true })
  room: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  onlineUrl: string | null = null;

  @ManyToMany({ entity: () => Person, pivotTable: 'run_series_instructor', joinColumn: 'series_id', inverseJoinColumn: 'person_id' })
  instructors = new Collection<Person>(this);

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  constructor(course: Course, fields: { rrule: string; startsOn: string; startTime: string; durationMinutes: number; timeZone: string; codePattern: string; enrolmentPolicy: EnrolmentPolicy }) {
    super();
    this.course = course;
    this.rrule = fields.rrule;
    this.startsOn = fields.startsOn;
    this.startTime = fields.startTime;
    this.durationMinutes = fields.durationMinutes;
    this.timeZone = fields.timeZone;
    this.codePattern = fields.codePattern;
    this.enrolmentPolicy = fields.enrolmentPolicy;
  }
}

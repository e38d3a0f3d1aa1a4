import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Course } from '../course/course.entity.js';
import { CourseRun } from '../run/run.entity.js';
import { Person } from '../person/person.entity.js';

export enum EnrolmentStatus {
  /** Waiting for the supervisor's decision. */
  REQUESTED = 'REQUESTED',
  /** Holds a seat; learning. */
  ACTIVE = 'ACTIVE',
  /** Allowed in but the course is full: promoted first-in-first-out when a seat frees. */
  WAITLISTED = 'WAITLISTED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

/** States that occupy one of the course's seats. */
export const SEAT_HOLDING = [EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED, EnrolmentStatus.FAILED];
/** States a learner may enrol in the same run again from (the same row is reused: one per person per run). */
export const REOPENABLE = [EnrolmentStatus.WITHDRAWN, EnrolmentStatus.REJECTED];
/**
 * States that count as "in the course": at most one enrolment per person and course is in one of them
 * (the partial unique index enrolment_one_current_per_course). COMPLETED is among them: a completed
 * course is not taken again (its JP are credited once), except in occurrences of a recurring forum (`onePerCourse`
 * false: each occurrence is joined and credited on its own). FAILED, WITHDRAWN and REJECTED rows are history:
 * the learner may enrol in a later run.
 */
export const CURRENT = [EnrolmentStatus.REQUESTED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED];

/**
 * A person in a run of a course. `course` repeats the run's course so that "one run of a course at a
 * time" is a partial unique index; a learner has at most one row per run (re-enrolling re-opens it).
 */
@Entity()
@Unique({ name: 'enrolment_once_per_run', properties: ['person', 'run'] })
@Index({
  name: 'enrolment_one_current_per_course',
  expression: `create unique index "enrolment_one_current_per_course" on "enrolment" ("person_id", "course_id") where "one_per_course" and "status" in ('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED')`,
})
@Index({ name: 'enrolment_course_idx', properties: ['course'] })
@Index({ name: 'enrolment_waitlist_idx', properties: ['run', 'status', 'waitlistedAt'] })
@Index({ name: 'enrolment_approver_idx', properties: ['approver', 'status'] })
@Index({ name: 'enrolment_person_status_idx', properties: ['person', 'status'] })
export class Enrolment extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course: Rel<Course>;

  @ManyToOne(() => CourseRun, { deleteRule: 'cascade' })
  run: Rel<CourseRun>;

  @Enum({ items: () => EnrolmentStatus })
  status: EnrolmentStatus;

  /** The supervisor who must decide (set when the course needs approval). */
  @ManyToOne(() => Person, { nullable: true })
  approver: Rel<Person> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  requestedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  waitlistedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true })
  decidedBy: Rel<Person> | null = null;

  /** Reason given on rejection (or a note on completion/failure). */
  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  /**
   * Whether "one run of the course at a time, and never again after completing it" applies: false for an
   * occurrence of a recurring forum (a learner joins January's and February's), set at insert from the run's series.
   */
  @Property({ type: 'boolean', default: true })
  onePerCourse: boolean & Opt = true;

  constructor(person: Person, run: CourseRun, status: EnrolmentStatus) {
    super();
    this.person = person;
    this.course = run.course;
    this.run = run;
    this.status = status;
  }
}

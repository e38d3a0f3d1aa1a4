import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Course } from '../course/course.entity.js';
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
/** States a learner may enrol again from (the same row is reused: one per person per course). */
export const REOPENABLE = [EnrolmentStatus.WITHDRAWN, EnrolmentStatus.REJECTED];

/**
 * A person in an offering. Today offerings are courses; workshops and programme cohorts will
 * add their own nullable columns, with a check that exactly one is set.
 */
@Entity()
@Unique({ name: 'enrolment_once_per_course', properties: ['person', 'course'] })
@Index({ name: 'enrolment_waitlist_idx', properties: ['course', 'status', 'waitlistedAt'] })
@Index({ name: 'enrolment_approver_idx', properties: ['approver', 'status'] })
@Index({ name: 'enrolment_person_status_idx', properties: ['person', 'status'] })
export class Enrolment extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course: Rel<Course>;

  @Enum({ items: () => EnrolmentStatus, nativeEnumName: 'enrolment_status' })
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

  constructor(person: Person, course: Course, status: EnrolmentStatus) {
    super();
    this.person = person;
    this.course = course;
    this.status = status;
  }
}

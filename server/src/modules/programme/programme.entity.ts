import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
// Entities import entities directly (as every entity does): an index would load resolvers while the ORM reads metadata.
import { Agency } from '../agency/agency.entity.js';
import { Course } from '../course/course.entity.js';
import { PartnerInstitution } from '../partner/partner.entity.js';
import { Person } from '../person/person.entity.js';
import { CourseRun } from '../run/run.entity.js';

export enum ProgrammeStatus {
  /** Being built: only its managers see it. */
  DRAFT = 'DRAFT',
  /** Its cohorts take nominations and applications; learners of participating agencies find it. */
  PUBLISHED = 'PUBLISHED',
  /** Kept for its history and evidence; no new cohorts. */
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProgrammeStatus, { name: 'ProgrammeStatus' });

/**
 * When a participant has completed the programme (path.completion.ts evaluates it whenever an item enrolment completes).
 * Optional items never block completion; they show on the path as enrichment.
 */
export enum ProgrammeCompletionRule {
  /** Every required item completed, in any order. */
  ALL_REQUIRED = 'ALL_REQUIRED',
  /** Every required item completed, each after the one before it (by position): the path opens them one by one. */
  IN_ORDER = 'IN_ORDER',
  /** Every required item, and at least `minCompleted` items of each group (electives: "2 of these 4"). */
  GROUPS = 'GROUPS',
}
registerEnumType(ProgrammeCompletionRule, { name: 'ProgrammeCompletionRule', description: 'All required items; all in order; at least N of each group' });

/**
 * A programme (e.g. "Pelatihan Kepemimpinan Pengawas", "Literasi Digital ASN"): a path of courses and workshops
 * owned by an agency or a partner. Its cohorts (`ProgrammeCohort`) run it for several agencies at once. A programme
 * an agency shares is in the library with evidence computed from its cohorts; an adopted copy keeps `adoptedFrom`
 * (the programme copied) and `origin` (the first of the chain, null on an original), so an adoption of an adoption
 * stays traceable to the first and credits it.
 */
@Entity()
@Check({ name: 'programme_one_owner', expression: '(owner_agency_id is null) <> (owner_partner_id is null)' })
@Check({ name: 'programme_lineage', expression: '(adopted_from_id is null) = (origin_id is null)' })
@Index({ name: 'programme_shared_idx', expression: 'create index "programme_shared_idx" on "programme" ("shared_at", "id") where "shared_at" is not null' })
@Index({ name: 'programme_title_trgm_idx', expression: 'create index "programme_title_trgm_idx" on "programme" using gin ("title" gin_trgm_ops)' })
export class Programme extends BaseEntity {
  /** Unique across the platform, like a course code (an adopted copy gets its own). */
  @Property({ type: 'string', length: 40 })
  @Unique()
  code: string;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  /** Who it is for (sasaran peserta), e.g. "Pengawas eselon IV yang baru dilantik". */
  @Property({ type: 'text', default: '' })
  audience: string & Opt = '';

  /** Competencies it develops, as free tags until the competency dictionary lands (as on courses). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  competencyTags: string[] & Opt = [];

  @ManyToOne(() => Agency, { nullable: true, index: true })
  ownerAgency: Rel<Agency> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true, index: true })
  ownerPartner: Rel<PartnerInstitution> | null = null;

  @Enum({ items: () => ProgrammeCompletionRule, default: ProgrammeCompletionRule.ALL_REQUIRED })
  completionRule: ProgrammeCompletionRule & Opt = ProgrammeCompletionRule.ALL_REQUIRED;

  @Enum({ items: () => ProgrammeStatus, default: ProgrammeStatus.DRAFT })
  status: ProgrammeStatus & Opt = ProgrammeStatus.DRAFT;

  /** In the shared library since (null: not shared). Sharing publishes the evidence, never anyone's personal data. */
  @Property({ type: 'datetime', nullable: true })
  sharedAt: Date | null = null;

  /** The owner's words on why it worked, shown beside the computed evidence (the evidence itself is never typed in). */
  @Property({ type: 'text', nullable: true })
  shareNote: string | null = null;

  /** The programme this one was copied from (null: an original). */
  @ManyToOne(() => Programme, { nullable: true, deleteRule: 'no action', index: true })
  adoptedFrom: Rel<Programme> | null = null;

  /** The first programme of the adoption chain (null: an original). */
  @ManyToOne(() => Programme, { nullable: true, deleteRule: 'no action', index: true })
  origin: Rel<Programme> | null = null;

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  constructor(code: string, title: string) {
    super();
    this.code = code;
    this.title = title;
  }
}

/** Electives of a GROUPS programme: at least `minCompleted` of the group's items complete the group. */
@Entity({ tableName: 'programme_group' })
@Check({ name: 'programme_group_min_positive', expression: 'min_completed >= 1' })
export class ProgrammeGroup extends BaseEntity {
  @ManyToOne(() => Programme, { deleteRule: 'cascade', index: true })
  programme: Rel<Programme>;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'smallint' })
  minCompleted: number;

  constructor(programme: Programme, title: string, minCompleted: number) {
    super();
    this.programme = programme;
    this.title = title;
    this.minCompleted = minCompleted;
  }
}

/**
 * One step of a programme's path: a course or a workshop (a course row of kind WORKSHOP), at a position, required
 * or optional, optionally in a group of electives. A course is on a path at most once.
 */
@Entity({ tableName: 'programme_item' })
@Unique({ name: 'programme_item_course_once', properties: ['programme', 'course'] })
@Index({ name: 'programme_item_order_idx', properties: ['programme', 'position'] })
@Check({ name: 'programme_item_position_non_negative', expression: 'position >= 0' })
// An item in a group is an elective: the group's minimum, not the item, is what is required.
@Check({ name: 'programme_item_group_optional', expression: 'group_id is null or not required' })
export class ProgrammeItem extends BaseEntity {
  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Rel<Programme>;

  @ManyToOne(() => Course, { deleteRule: 'no action', index: true })
  course: Rel<Course>;

  @Property({ type: 'smallint' })
  position: number;

  @Property({ type: 'boolean', default: true })
  required: boolean & Opt = true;

  @ManyToOne(() => ProgrammeGroup, { nullable: true, deleteRule: 'set null', index: true })
  group: Rel<ProgrammeGroup> | null = null;

  constructor(programme: Programme, course: Course, position: number) {
    super();
    this.programme = programme;
    this.course = course;
    this.position = position;
  }
}

export enum CohortStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CohortStatus, { name: 'CohortStatus' });

/**
 * A cohort (angkatan) of a programme: its dates, its seats (`capacity`, handed out to participating agencies as
 * quotas), a cost per participant, and one run per item (`CohortItemRun`) in which its participants learn together.
 * Its item runs are INVITATION runs: nobody enrols in them except through the cohort.
 */
@Entity({ tableName: 'programme_cohort' })
@Unique({ name: 'programme_cohort_code_per_programme', properties: ['programme', 'code'] })
@Check({ name: 'programme_cohort_capacity_positive', expression: 'capacity > 0' })
@Check({ name: 'programme_cohort_cost_non_negative', expression: 'cost_per_participant >= 0' })
@Check({ name: 'programme_cohort_dates_ordered', expression: 'ends_at > starts_at' })
export class ProgrammeCohort extends BaseEntity {
  @ManyToOne(() => Programme, { deleteRule: 'cascade', index: true })
  programme: Rel<Programme>;

  /** e.g. "2027-I", unique within the programme. */
  @Property({ type: 'string', length: 40 })
  code: string;

  @Property({ type: 'datetime' })
  startsAt: Date;

  @Property({ type: 'datetime' })
  endsAt: Date;

  /** Last moment to nominate or apply; null = until the cohort starts. */
  @Property({ type: 'datetime', nullable: true })
  nominationClosesAt: Date | null = null;

  /** Last moment an agency may release unused seats back to the owner; null = until nominations close. */
  @Property({ type: 'datetime', nullable: true })
  releaseDeadline: Date | null = null;

  /** Seats in all; the quotas of the participating agencies add up to at most this. */
  @Property({ type: 'integer' })
  capacity: number;

  /** Rupiah per participant (biaya per peserta), the basis of the evidence's cost figures. */
  @Property({ type: 'bigint', default: 0 })
  costPerParticipant: number & Opt = 0;

  /** People of participating agencies may apply themselves (with their supervisor's approval, within the quota). */
  @Property({ type: 'boolean', default: false })
  selfApply: boolean & Opt = false;

  /** The owner offers the seats no quota holds to other agencies (an adopter joins with a quota of its own). */
  @Property({ type: 'boolean', default: false })
  offersSeats: boolean & Opt = false;

  @Enum({ items: () => CohortStatus, default: CohortStatus.SCHEDULED })
  status: CohortStatus & Opt = CohortStatus.SCHEDULED;

  @Property({ type: 'text', nullable: true })
  cancellationReason: string | null = null;

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  constructor(programme: Programme, code: string, startsAt: Date, endsAt: Date, capacity: number) {
    super();
    this.programme = programme;
    this.code = code;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.capacity = capacity;
  }
}

/** The run of one programme item for one cohort. A run belongs to at most one cohort. */
@Entity({ tableName: 'cohort_item_run' })
@Unique({ name: 'cohort_item_run_once', properties: ['cohort', 'item'] })
export class CohortItemRun extends BaseEntity {
  @ManyToOne(() => ProgrammeCohort, { deleteRule: 'cascade' })
  cohort: Rel<ProgrammeCohort>;

  @ManyToOne(() => ProgrammeItem, { deleteRule: 'cascade', index: true })
  item: Rel<ProgrammeItem>;

  @ManyToOne(() => CourseRun, { deleteRule: 'cascade', unique: 'cohort_item_run_run_unique' })
  run: Rel<CourseRun>;

  constructor(cohort: ProgrammeCohort, item: ProgrammeItem, run: CourseRun) {
    super();
    this.cohort = cohort;
    this.item = item;
    this.run = run;
  }
}

/**
 * A participating agency's seats in a cohort. `seatsTaken` is kept in the same transaction as every nomination
 * change with one conditional UPDATE (`seats_taken < seats`), like a run's seats, so concurrent nominations by
 * several admins never exceed it. Lock order: participant row, cohort row, quota row.
 */
@Entity({ tableName: 'cohort_agency_quota' })
@Unique({ name: 'cohort_agency_quota_once', properties: ['cohort', 'agency'] })
@Check({ name: 'cohort_agency_quota_within', expression: 'seats_taken >= 0 and seats >= 0 and seats_taken <= seats' })
export class CohortAgencyQuota extends BaseEntity {
  @ManyToOne(() => ProgrammeCohort, { deleteRule: 'cascade' })
  cohort: Rel<ProgrammeCohort>;

  @ManyToOne(() => Agency, { deleteRule: 'cascade', index: true })
  agency: Rel<Agency>;

  @Property({ type: 'integer' })
  seats: number;

  @Property({ type: 'integer', default: 0 })
  seatsTaken: number & Opt = 0;

  constructor(cohort: ProgrammeCohort, agency: Agency, seats: number) {
    super();
    this.cohort = cohort;
    this.agency = agency;
    this.seats = seats;
  }
}

export enum ParticipantStatus {
  /** Applied themselves; waiting for their supervisor. Holds no seat yet. */
  REQUESTED = 'REQUESTED',
  /** Holds one of their agency's seats and is registered in the cohort's item runs. */
  NOMINATED = 'NOMINATED',
  /** Completed the programme by its completion rule. */
  COMPLETED = 'COMPLETED',
  /** Left (or was taken out); their item enrolments were withdrawn with them. */
  WITHDRAWN = 'WITHDRAWN',
  /** The supervisor declined the application. */
  REJECTED = 'REJECTED',
  /** Their seat went to someone else (`replacedBy`). */
  REPLACED = 'REPLACED',
}
registerEnumType(ParticipantStatus, { name: 'ParticipantStatus' });

/** Statuses that hold a place in the cohort: a person has at most one participant row in one of them per cohort. */
export const PARTICIPANT_CURRENT = [ParticipantStatus.REQUESTED, ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED];

/**
 * A person in a cohort (peserta): nominated by their agency's admin into the agency's quota, or applied themselves.
 * `agency` is the quota charged (the person's agency when nominated). At completion the participant rates the
 * programme (1–5 and an optional comment): the ratings are part of its evidence.
 */
@Entity({ tableName: 'cohort_participant' })
@Index({
  name: 'cohort_participant_current_once',
  expression: `create unique index "cohort_participant_current_once" on "cohort_participant" ("cohort_id", "person_id") where "status" in ('REQUESTED', 'NOMINATED', 'COMPLETED')`,
})
@Index({ name: 'cohort_participant_agency_idx', properties: ['cohort', 'agency', 'status'] })
@Index({ name: 'cohort_participant_person_idx', properties: ['person', 'status'] })
@Index({ name: 'cohort_participant_approver_idx', properties: ['approver', 'status'] })
@Check({ name: 'cohort_participant_rating_range', expression: 'rating is null or (rating >= 1 and rating <= 5)' })
export class CohortParticipant extends BaseEntity {
  @ManyToOne(() => ProgrammeCohort, { deleteRule: 'cascade' })
  cohort: Rel<ProgrammeCohort>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  @ManyToOne(() => Agency, { deleteRule: 'cascade' })
  agency: Rel<Agency>;

  @Enum({ items: () => ParticipantStatus })
  status: ParticipantStatus;

  /** The admin who nominated them (null: applied themselves). */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  nominatedBy: Rel<Person> | null = null;

  /** The supervisor who decides a self-application. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  approver: Rel<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  decidedBy: Rel<Person> | null = null;

  /** A rejection's or withdrawal's reason. */
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  /** When they left the cohort (withdrawn, rejected or replaced). */
  @Property({ type: 'datetime', nullable: true })
  leftAt: Date | null = null;

  /** Who took this seat over (status REPLACED). */
  @ManyToOne(() => CohortParticipant, { nullable: true, deleteRule: 'set null' })
  replacedBy: Rel<CohortParticipant> | null = null;

  @Property({ type: 'smallint', nullable: true })
  rating: number | null = null;

  @Property({ type: 'text', nullable: true })
  ratingComment: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  ratedAt: Date | null = null;

  constructor(cohort: ProgrammeCohort, person: Person, agency: Agency, status: ParticipantStatus) {
    super();
    this.cohort = cohort;
    this.person = person;
    this.agency = agency;
    this.status = status;
  }
}

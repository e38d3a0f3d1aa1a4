import type { Opt, Rel } from '@mikro-orm/core';
import { Collection } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { PartnerInstitution } from '../partner/partner.entity.js';
import { Person } from '../person/person.entity.js';
import { AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm } from './course.enums.js';

/** For the run entity: entities import entities directly, and a run's enrolment policy is the course module's enum. */
export { DevelopmentForm, EnrolmentPolicy } from './course.enums.js';

/**
 * A course (kursus/pelatihan) owned by an agency or a partner: what is learned. When, where, how many
 * seats and who teaches are its runs' (`CourseRun`, run module): a course has any number of runs.
 */
@Entity()
@Check({ name: 'course_one_owner', expression: '(owner_agency_id is null) <> (owner_partner_id is null)' })
@Check({ name: 'course_jp_positive', expression: 'jp > 0' })
@Check({ name: 'course_cost_non_negative', expression: 'cost_per_participant >= 0' })
@Check({ name: 'course_min_attendance_share', expression: 'min_attendance_percent >= 1 and min_attendance_percent <= 100' })
@Check({ name: 'course_fixed_jp_given', expression: "attendance_credit <> 'FIXED_JP' or (fixed_jp is not null and fixed_jp > 0)" })
@Index({ name: 'course_catalogue_idx', properties: ['status', 'visibility'] })
// The catalogue's order (newest first, keyset on sort time and id): a page reads only its own rows.
@Index({
  name: 'course_catalogue_order_idx',
  expression: `create index "course_catalogue_order_idx" on "course" ((coalesce("published_at", "created_at")), "id") where "status" = 'PUBLISHED'`,
})
// TITLE (keyset on key and id, read forwards or backwards). SOONEST and START_DATE sort by the course's
// next run (course_run_course_start_idx finds it per course).
@Index({
  name: 'course_catalogue_title_idx',
  expression: `create index "course_catalogue_title_idx" on "course" ((lower("title")), "id") where "status" = 'PUBLISHED'`,
})
@Index({ name: 'course_title_trgm_idx', expression: 'create index "course_title_trgm_idx" on "course" using gin ("title" gin_trgm_ops)' })
@Index({ name: 'course_search_idx', expression: 'create index "course_search_idx" on "course" using gin ("search_vector")' })
export class Course extends BaseEntity {
  @Property({ type: 'string', length: 40 })
  @Unique()
  code: string;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  @Enum({ items: () => DevelopmentForm })
  form: DevelopmentForm;

  @Enum({ items: () => DeliveryMode })
  delivery: DeliveryMode;

  /** JP credited on completion. */
  @Property({ type: 'integer' })
  jp: number;

  /** Targeted competencies as free tags until the competency dictionary lands. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  competencyTags: string[] & Opt = [];

  @ManyToOne(() => Agency, { nullable: true, index: true })
  ownerAgency: Rel<Agency> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true, index: true })
  ownerPartner: Rel<PartnerInstitution> | null = null;

  /** Rupiah per participant. */
  @Property({ type: 'bigint', default: 0 })
  costPerParticipant: number & Opt = 0;

  @Enum({ items: () => CourseStatus, default: CourseStatus.DRAFT })
  status: CourseStatus & Opt = CourseStatus.DRAFT;

  @Enum({ items: () => CourseVisibility })
  visibility: CourseVisibility;

  @ManyToMany({ entity: () => Agency, pivotTable: 'course_visible_agency', joinColumn: 'course_id', inverseJoinColumn: 'agency_id' })
  visibleToAgencies = new Collection<Agency>(this);

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true })
  createdBy: Rel<Person> | null = null;

  /** COURSE or WORKSHOP: a workshop's runs have sessions, and attendance decides its completion and JP. */
  @Enum({ items: () => CourseKind, default: CourseKind.COURSE })
  kind: CourseKind & Opt = CourseKind.COURSE;

  /** Workshops: JP from attended minutes (per the rule in force on each session's date) or a fixed JP. */
  @Enum({ items: () => AttendanceCredit, default: AttendanceCredit.ATTENDED_MINUTES })
  attendanceCredit: AttendanceCredit & Opt = AttendanceCredit.ATTENDED_MINUTES;

  /** Workshops with FIXED_JP: the JP credited for reaching the minimum attendance share. */
  @Property({ type: 'decimal', precision: 5, scale: 1, nullable: true })
  fixedJp: string | null = null;

  /** Workshops: the share of session minutes a registrant must attend to complete (e.g. 80 %). */
  @Property({ type: 'smallint', default: 80 })
  minAttendancePercent: number & Opt = 80;

  /** Indonesian full-text document, maintained by PostgreSQL itself. */
  @Property({
    type: 'tsvector',
    columnType: 'tsvector',
    generated: `(setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, lentera_ext.join_tags(competency_tags)), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce(description, '')), 'C')) stored`,
    lazy: true,
    hidden: true,
  })
  searchVector?: string & Opt;

  constructor(fields: {
    code: string; title: string; form: DevelopmentForm; delivery: DeliveryMode; jp: number;
    visibility: CourseVisibility;
  }) {
    super();
    this.code = fields.code;
    this.title = fields.title;
    this.form = fields.form;
    this.delivery = fields.delivery;
    this.jp = fields.jp;
    this.visibility = fields.visibility;
  }
}

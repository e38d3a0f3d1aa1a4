import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency, OrgUnit } from '../agency/agency.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * The rules for counting learning hours, valid from a date until the next rule set. Values are
 * data, not constants: LAN counts 45 minutes per JP today, some agencies 60, and UU 20/2023 may move them.
 */
@Entity()
@Check({ name: 'rule_minutes_positive', expression: 'minutes_per_jp > 0 and yearly_target_jp >= 0' })
export class LearningRuleSet extends BaseEntity {
  @Property({ type: 'date' })
  @Unique()
  validFrom: string;

  @Property({ type: 'integer' })
  minutesPerJp: number;

  @Property({ type: 'integer' })
  yearlyTargetJp: number;

  /** Default JP per non-classroom activity (e.g. { "COACHING": 2, "MENTORING": 2, "INTERNSHIP": 40 }). */
  @Property({ type: 'json', defaultRaw: "'{}'" })
  nonClassroomDefaults: Record<string, number> & Opt = {};

  @Property({ type: 'text', nullable: true })
  legalBasis: string | null = null;

  constructor(validFrom: string, minutesPerJp: number, yearlyTargetJp: number) {
    super();
    this.validFrom = validFrom;
    this.minutesPerJp = minutesPerJp;
    this.yearlyTargetJp = yearlyTargetJp;
  }
}

/**
 * Where a ledger line's learning happened. Text with a CHECK constraint, not a native enum: a migration can add a
 * value and use it in the same run (PostgreSQL refuses a new enum value inside the transaction that adds it).
 * Today only course runs credit; the others are the sources the next issues bring.
 */
export enum LearningSource {
  COURSE_RUN_COMPLETION = 'COURSE_RUN_COMPLETION',
  WORKSHOP_ATTENDANCE = 'WORKSHOP_ATTENDANCE',
  PROGRAMME_COMPLETION = 'PROGRAMME_COMPLETION',
  EXTERNAL_ACTIVITY = 'EXTERNAL_ACTIVITY',
  MENTORING = 'MENTORING',
  CORRECTION = 'CORRECTION',
}
registerEnumType(LearningSource, { name: 'LearningSource', description: 'Where the learning of a ledger line happened' });

/**
 * Where a ledger line stands. Only lines whose credit took effect count towards the year: CREDITED lines, and
 * REVOKED pairs (the revoked credit and its reversal line, which carry opposite minutes and so net to zero).
 * PENDING_VERIFICATION and REJECTED lines never count.
 */
export enum LearningRecordStatus {
  CREDITED = 'CREDITED',
  PENDING_VERIFICATION = 'PENDING_VERIFICATION',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
}
registerEnumType(LearningRecordStatus, { name: 'LearningRecordStatus', description: 'Where a ledger line stands' });

const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One line of a person's learning-hours ledger. Every source of JP writes here, and lines are never deleted or
 * re-priced: a line keeps the JP it was credited with and the rule set that credited them, and is taken back by a
 * reversal line (`reverses` set, minutes and JP negated) rather than by a delete. It also keeps the person's agency
 * and org unit when they learned, so a transfer moves the person, not their history.
 */
@Entity()
@Index({ properties: ['person', 'year'] })
@Index({
  name: 'learning_record_source_once',
  // A source has at most one standing credit; a revoked credit and its reversal stand aside, so a correction (a
  // workshop's attendance changed after it was settled) can credit the same source again after taking the old back.
  expression: 'create unique index "learning_record_source_once" on "learning_record" ("source", "source_id") where "reverses_id" is null and "status" <> \'REVOKED\'',
})
@Check({ name: 'learning_record_source_known', expression: `source in (${sqlList(Object.values(LearningSource))})` })
@Check({ name: 'learning_record_status_known', expression: `status in (${sqlList(Object.values(LearningRecordStatus))})` })
@Check({
  name: 'learning_record_sign',
  expression: "(reverses_id is null and minutes > 0 and jp >= 0) or (reverses_id is not null and minutes < 0 and jp <= 0 and status = 'REVOKED')",
})
export class LearningRecord extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  /** Calendar year in Asia/Jakarta time the minutes count towards (a reversal counts in its line's year). */
  @Property({ type: 'smallint' })
  year: number;

  /** Negative on a reversal line. */
  @Property({ type: 'integer' })
  minutes: number;

  /** JP as credited, 1 decimal: what the person was told then, never recomputed with a later rule. */
  @Property({ type: 'decimal', precision: 6, scale: 1 })
  jp: string;

  /** The rule set in force when the line was credited (its minutes per JP turned `minutes` into `jp`). */
  @ManyToOne(() => LearningRuleSet, { deleteRule: 'no action' })
  ruleSet: Rel<LearningRuleSet>;

  @Property({ type: 'text' })
  source: LearningSource;

  /** The id of the thing credited (for COURSE_RUN_COMPLETION the enrolment); not a foreign key, sources vary. */
  @Property({ type: 'uuid' })
  sourceId: string;

  @Property({ type: 'text' })
  status: LearningRecordStatus;

  /** On a reversal line, the line it takes back; unique, so a line is reversed at most once. */
  @ManyToOne(() => LearningRecord, { nullable: true, unique: true, deleteRule: 'no action' })
  reverses: Rel<LearningRecord> | null = null;

  /** Why a reversal was made (the admin's words). */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /** The person's agency when the line was credited (a reversal copies its line's). */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'no action' })
  agency: Rel<Agency> | null = null;

  /** The person's org unit when the line was credited; units can be deleted, the line then keeps the agency only. */
  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'set null' })
  orgUnit: Rel<OrgUnit> | null = null;

  @Property({ type: 'string', length: 300 })
  title: string;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  constructor(person: Person, year: number, minutes: number, jp: string, ruleSet: LearningRuleSet, source: LearningSource, sourceId: string,
    status: LearningRecordStatus, title: string, occurredAt: Date) {
    super();
    this.person = person;
    this.year = year;
    this.minutes = minutes;
    this.jp = jp;
    this.ruleSet = ruleSet;
    this.source = source;
    this.sourceId = sourceId;
    this.status = status;
    this.title = title;
    this.occurredAt = occurredAt;
  }
}

/**
 * Minutes and JP per person per year: the sum of the year's counted ledger lines, kept in the same transaction as
 * every line (going down on a reversal), so the home page reads one row.
 */
@Entity()
@Check({ name: 'person_learning_year_non_negative', expression: 'minutes >= 0 and jp >= 0' })
export class PersonLearningYear {
  @ManyToOne(() => Person, { primary: true, deleteRule: 'cascade' })
  person: Rel<Person>;

  @PrimaryKey({ type: 'smallint' })
  year: number;

  @Property({ type: 'integer', default: 0 })
  minutes: number & Opt = 0;

  /** The sum of the counted lines' JP as credited (not minutes over today's rule: see LearningRecord.jp). */
  @Property({ type: 'decimal', precision: 7, scale: 1, default: 0 })
  jp: string & Opt = '0';

  constructor(person: Person, year: number) {
    this.person = person;
    this.year = year;
  }
}

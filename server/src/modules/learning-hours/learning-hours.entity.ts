import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
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

export enum LearningSource {
  COURSE_COMPLETION = 'COURSE_COMPLETION',
}
registerEnumType(LearningSource, { name: 'LearningSource' });

/** One line of a person's learning-hours ledger. Every source of JP writes here. */
@Entity()
@Index({ properties: ['person', 'year'] })
@Check({ name: 'learning_record_minutes_positive', expression: 'minutes > 0' })
export class LearningRecord extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  /** Calendar year in Asia/Jakarta time the minutes count towards. */
  @Property({ type: 'smallint' })
  year: number;

  @Property({ type: 'integer' })
  minutes: number;

  @Enum({ items: () => LearningSource, nativeEnumName: 'learning_source' })
  source: LearningSource;

  /** The completed enrolment this line credits; unique so a completion is never credited twice. */
  @ManyToOne(() => Enrolment, { nullable: true, unique: true, deleteRule: 'set null' })
  enrolment: Rel<Enrolment> | null = null;

  @Property({ type: 'string', length: 300 })
  title: string;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  constructor(person: Person, year: number, minutes: number, source: LearningSource, title: string, occurredAt: Date) {
    super();
    this.person = person;
    this.year = year;
    this.minutes = minutes;
    this.source = source;
    this.title = title;
    this.occurredAt = occurredAt;
  }
}

/** Minutes per person per year, kept in the same transaction as the ledger: the home page reads one row. */
@Entity()
export class PersonLearningYear {
  @ManyToOne(() => Person, { primary: true, deleteRule: 'cascade' })
  person: Rel<Person>;

  @PrimaryKey({ type: 'smallint' })
  year: number;

  @Property({ type: 'integer', default: 0 })
  minutes: number & Opt = 0;

  constructor(person: Person, year: number) {
    this.person = person;
    this.year = year;
  }
}

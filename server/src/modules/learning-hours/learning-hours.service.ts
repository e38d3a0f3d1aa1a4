import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, badInput } from '../../shared/errors.js';
import { decodeCursor, toPage } from '../../shared/graphql/pagination.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { DevelopmentForm, DevelopmentFormGroup, groupOf } from '../course/course.enums.js';
import { LearningSource } from './learning-hours.entity.js';
import type { LearningRuleSetInput } from './learning-hours.inputs.js';
import type { LearningRecordLine, LearningRuleSet, LearningRuleSetPage, LearningYear } from './learning-hours.types.js';

export interface RuleSetRow {
  id: string;
  valid_from: string;
  minutes_per_jp: number;
  yearly_target_jp: number;
  non_classroom_defaults: Record<string, number>;
  legal_basis: string | null;
}

const RULE_COLUMNS = 'id, valid_from, minutes_per_jp, yearly_target_jp, non_classroom_defaults, legal_basis';

/** The rule set in force on a date (YYYY-MM-DD), or null. Runs inside the caller's transaction when given one. */
export async function findRuleSetOn(em: EntityManager, date: string): Promise<RuleSetRow | null> {
  const rows = await em.execute<RuleSetRow[]>(
    `select ${RULE_COLUMNS} from learning_rule_set where valid_from <= ?::date order by valid_from desc limit 1`,
    [date],
  );
  return rows[0] ?? null;
}

/** The rule set in force on a date (YYYY-MM-DD); RULE_NOT_FOUND when none is. */
export async function ruleSetOn(em: EntityManager, date: string): Promise<RuleSetRow> {
  const rule = await findRuleSetOn(em, date);
  if (!rule) throw new AppError('RULE_NOT_FOUND');
  return rule;
}

/**
 * The date whose rule set counts a year: today for the current year, the last day for past years,
 * the first day for future ones.
 */
export function ruleDateForYear(year: number, now: Date = new Date()): string {
  const current = yearIn(now);
  if (year < current) return `${year}-12-31`;
  if (year > current) return `${year}-01-01`;
  return isoDateIn(now);
}

/** JP from minutes, 1 decimal, rounded down so progress is never overstated. */
export function jpOf(minutes: number, minutesPerJp: number): number {
  return Math.floor((minutes * 10) / minutesPerJp) / 10;
}

/** JP still missing to reach the target, 1 decimal, rounded up (jp + remaining = target while below it). */
export function remainingJpOf(minutes: number, targetJp: number, minutesPerJp: number): number {
  const missing = targetJp * minutesPerJp - minutes;
  return missing <= 0 ? 0 : Math.ceil((missing * 10) / minutesPerJp) / 10;
}

export function progressOf(minutes: number, targetJp: number, minutesPerJp: number): number {
  if (targetJp <= 0) return 1;
  return Math.min(1, minutes / (targetJp * minutesPerJp));
}

export interface Credit {
  personId: string;
  minutes: number;
  source: LearningSource;
  title: string;
  occurredAt: Date;
  enrolmentId?: string | null;
}

/**
 * Writes one ledger line and adds its minutes to the person's year, in the caller's transaction.
 * A line for an enrolment is written at most once (unique enrolment_id): returns false when it
 * already was, and nothing is added twice.
 */
export async function creditMinutes(em: EntityManager, credit: Credit): Promise<boolean> {
  const year = yearIn(credit.occurredAt);
  const inserted = await em.execute<{ id: string }[]>(
    `insert into learning_record (person_id, year, minutes, source, enrolment_id, title, occurred_at)
     values (?, ?, ?, ?, ?, ?, ?::timestamptz)
     on conflict (enrolment_id) do nothing returning id`,
    [credit.personId, year, credit.minutes, credit.source, credit.enrolmentId ?? null, credit.title.slice(0, 300), credit.occurredAt.toISOString()],
  );
  if (!inserted.length) return false;
  await em.execute(
    `insert into person_learning_year (person_id, year, minutes) values (?, ?, ?)
     on conflict (person_id, year) do update set minutes = person_learning_year.minutes + excluded.minutes`,
    [credit.personId, year, credit.minutes],
  );
  return true;
}

function toRuleSet(row: RuleSetRow): LearningRuleSet {
  return {
    id: row.id,
    validFrom: row.valid_from,
    minutesPerJp: row.minutes_per_jp,
    yearlyTargetJp: row.yearly_target_jp,
    nonClassroomDefaults: Object.entries(row.non_classroom_defaults ?? {})
      .filter(([form]) => form in DevelopmentForm)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([form, jp]) => ({ form: form as DevelopmentForm, jp })),
    legalBasis: row.legal_basis,
  };
}

/** Every rule set, newest first. */
export async function listRuleSets(em: EntityManager, first: number, after?: string | null): Promise<LearningRuleSetPage> {
  const cursor = decodeCursor(after, 1);
  if (cursor && !(typeof cursor[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cursor[0]))) throw new AppError('INVALID_CURSOR', {}, 'after');
  const rows = await em.execute<(RuleSetRow & { total_count: number })[]>(
    `select ${RULE_COLUMNS}, count(*) over ()::int as total_count from learning_rule_set
      where ${cursor ? 'valid_from < ?::date' : 'true'} order by valid_from desc limit ?`,
    [...(cursor ? [cursor[0]] : []), first + 1],
  );
  // The window count sees only rows after the cursor; rule sets are few, so count them all when paging.
  const total = cursor
    ? (await em.execute<{ n: number }[]>(`select count(*)::int as n from learning_rule_set`))[0].n
    : (rows[0]?.total_count ?? 0);
  return toPage(rows, first, total, toRuleSet, (r) => [r.valid_from]);
}

function realDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export async function createRuleSet(em: EntityManager, viewer: Viewer, input: LearningRuleSetInput): Promise<LearningRuleSet> {
  if (!realDate(input.validFrom)) throw badInput('validFrom', 'not a calendar date');
  const defaults: Record<string, number> = {};
  for (const { form, jp } of input.nonClassroomDefaults ?? []) {
    if (groupOf(form) !== DevelopmentFormGroup.NON_CLASSROOM) throw badInput('nonClassroomDefaults', `${form} is not a non-classroom form`);
    if (form in defaults) throw badInput('nonClassroomDefaults', `${form} is listed twice`);
    defaults[form] = jp;
  }
  const legalBasis = input.legalBasis?.trim() || null;
  return em.transactional(async (tx) => {
    const rows = await tx.execute<RuleSetRow[]>(
      `insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp, non_classroom_defaults, legal_basis)
       values (?::date, ?, ?, ?::jsonb, ?) on conflict (valid_from) do nothing returning ${RULE_COLUMNS}`,
      [input.validFrom, input.minutesPerJp, input.yearlyTargetJp, JSON.stringify(defaults), legalBasis],
    );
    if (!rows.length) throw new AppError('DUPLICATE_RULE_DATE', { date: input.validFrom }, 'validFrom');
    writeAudit(tx, viewer, 'learningRuleSet.create', 'LearningRuleSet', rows[0].id, {
      validFrom: input.validFrom, minutesPerJp: input.minutesPerJp, yearlyTargetJp: input.yearlyTargetJp, nonClassroomDefaults: defaults,
    });
    return toRuleSet(rows[0]);
  });
}

interface LearningYearRow {
  person_id: string;
  full_name: string;
  supervisor_id: string | null;
  agency_id: string | null;
  minutes: number;
  minutes_per_jp: number | null;
  yearly_target_jp: number | null;
  record_count: number;
  records: { id: string; title: string; minutes: number; source: LearningSource; occurred_at: string; enrolment_id: string | null; course_id: string | null }[];
}

const RECORD_LIMIT = 100;

/** One statement: the person, their year's total (one row), the rule in force and the latest ledger lines. */
async function readLearningYear(em: EntityManager, personId: string, year: number): Promise<LearningYearRow | null> {
  const rows = await em.execute<LearningYearRow[]>(
    `select p.id as person_id, p.full_name, p.supervisor_id, p.agency_id,
            coalesce(ply.minutes, 0) as minutes, r.minutes_per_jp, r.yearly_target_jp,
            (select count(*)::int from learning_record lr where lr.person_id = p.id and lr.year = ?) as record_count,
            (select coalesce(json_agg(x order by x.occurred_at desc, x.id desc), '[]'::json)
               from (select lr.id, lr.title, lr.minutes, lr.source, lr.occurred_at, lr.enrolment_id, e.course_id
                       from learning_record lr left join enrolment e on e.id = lr.enrolment_id
                      where lr.person_id = p.id and lr.year = ?
                      order by lr.occurred_at desc, lr.id desc limit ?) x) as records
       from person p
       left join person_learning_year ply on ply.person_id = p.id and ply.year = ?
       left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                           where valid_from <= ?::date order by valid_from desc limit 1) r on true
      where p.id = ?`,
    [year, year, RECORD_LIMIT, year, ruleDateForYear(year), personId],
  );
  return rows[0] ?? null;
}

function toLearningYear(row: LearningYearRow, year: number): LearningYear {
  if (row.minutes_per_jp == null || row.yearly_target_jp == null) throw new AppError('RULE_NOT_FOUND');
  const mpj = row.minutes_per_jp;
  return {
    personId: row.person_id,
    fullName: row.full_name,
    year,
    minutes: row.minutes,
    jp: jpOf(row.minutes, mpj),
    minutesPerJp: mpj,
    targetJp: row.yearly_target_jp,
    remainingJp: remainingJpOf(row.minutes, row.yearly_target_jp, mpj),
    progress: progressOf(row.minutes, row.yearly_target_jp, mpj),
    recordCount: row.record_count,
    records: row.records.map(
      (r): LearningRecordLine => ({
        id: r.id, title: r.title, minutes: r.minutes, jp: jpOf(r.minutes, mpj), source: r.source,
        occurredAt: new Date(r.occurred_at), enrolmentId: r.enrolment_id, courseId: r.course_id,
      }),
    ),
  };
}

export async function myLearningYear(em: EntityManager, viewer: Viewer, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(em, viewer.personId, y);
  if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

/** A person's year, for their supervisor and the admins of their agency; anyone else sees NOT_FOUND. */
export async function personLearningYear(em: EntityManager, viewer: Viewer, personId: string, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(em, personId, y);
  const entitled = !!row && (row.person_id === viewer.personId || row.supervisor_id === viewer.personId || viewer.administersAgency(row.agency_id));
  if (!row || !entitled) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, badInput } from '../../shared/errors.js';
import { decodeCursor, toPage } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { DevelopmentForm, DevelopmentFormGroup, groupOf } from '../course/course.enums.js';
import { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
import type { LearningRuleSetInput } from './learning-hours.inputs.js';
import type { LearningRecordLine, LearningRecordPage, LearningRuleSet, LearningRuleSetPage, LearningYear } from './learning-hours.types.js';

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

/** What a source credits: who, how many minutes, for what (title, source and its id) and when. */
export interface Credit {
  personId: string;
  minutes: number;
  source: LearningSource;
  sourceId: string;
  title: string;
  occurredAt: Date;
}

export interface Credited {
  /** False when this source had already been credited: nothing was written. */
  credited: boolean;
  minutes: number;
  jp: number;
  ruleSetId: string;
}

/**
 * Adds minutes and JP to (or, negative, takes them from) a person's year, in the caller's transaction. The
 * row's lock orders concurrent writers of one person's year; the CHECK keeps it from going below zero.
 */
async function addToYear(tx: EntityManager, personId: string, year: number, minutes: number, jp: number): Promise<void> {
  if (minutes < 0) {
    // Taking back: the year's row exists (the line being reversed was added to it). An upsert would check its
    // negative candidate row against the CHECK before finding the conflict, so this is a plain update.
    await tx.execute(`update person_learning_year set minutes = minutes + ?, jp = jp + ? where person_id = ? and year = ?`, [minutes, jp, personId, year]);
    return;
  }
  await tx.execute(
    `insert into person_learning_year (person_id, year, minutes, jp) values (?, ?, ?, ?)
     on conflict (person_id, year) do update
       set minutes = person_learning_year.minutes + excluded.minutes, jp = person_learning_year.jp + excluded.jp`,
    [personId, year, minutes, jp],
  );
}

/**
 * Credits one source to a person's ledger and year: one line with its JP as credited (minutes over the minutes
 * per JP of the rule set in force on the day it happened, Asia/Jakarta) and that rule set, the person's agency
 * and org unit now, status CREDITED, and the year's total raised, all in the caller's transaction `tx`. It is a
 * step of the caller's operation, not an operation of its own, so it takes the transaction rather than a context.
 * A source is credited at most once (unique source and source id): a second call writes nothing.
 */
export async function creditLearning(tx: EntityManager, credit: Credit): Promise<Credited> {
  const year = yearIn(credit.occurredAt);
  const rule = await ruleSetOn(tx, isoDateIn(credit.occurredAt));
  const jp = jpOf(credit.minutes, rule.minutes_per_jp);
  const inserted = await tx.execute<{ id: string }[]>(
    `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, agency_id, org_unit_id, title, occurred_at)
     select p.id, ?, ?, ?, ?, ?, ?, ?, p.agency_id, p.org_unit_id, ?, ?::timestamptz from person p where p.id = ?
     on conflict (source, source_id) where reverses_id is null do nothing returning id`,
    [year, credit.minutes, jp, rule.id, credit.source, credit.sourceId, LearningRecordStatus.CREDITED,
      credit.title.slice(0, 300), credit.occurredAt.toISOString(), credit.personId],
  );
  if (!inserted.length) return { credited: false, minutes: 0, jp: 0, ruleSetId: rule.id };
  await addToYear(tx, credit.personId, year, credit.minutes, jp);
  return { credited: true, minutes: credit.minutes, jp, ruleSetId: rule.id };
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
export async function listRuleSets(ctx: OperationContext, first: number, after?: string | null): Promise<LearningRuleSetPage> {
  const { em } = ctx;
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

export async function createRuleSet(ctx: SignedInOperationContext, input: LearningRuleSetInput): Promise<LearningRuleSet> {
  const { em, viewer } = ctx;
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

// ------------------------------------------------------------------------------------------- reading lines

interface LineRow {
  id: string;
  person_id: string;
  year: number;
  title: string;
  minutes: number;
  jp: number;
  minutes_per_jp: number;
  rule_set_id: string;
  source: LearningSource;
  source_id: string;
  status: LearningRecordStatus;
  reverses_id: string | null;
  reason: string | null;
  agency_id: string | null;
  agency_name: string | null;
  org_unit_id: string | null;
  org_unit_name: string | null;
  occurred_at: string;
  created_at: string;
  course_id: string | null;
}

/** A ledger line with what it shows: its rule's minutes per JP, the agency and unit names, the course of a completion. */
const LINE_SELECT = `select lr.id, lr.person_id, lr.year, lr.title, lr.minutes, lr.jp::float8 as jp, rs.minutes_per_jp, lr.rule_set_id,
       lr.source, lr.source_id, lr.status, lr.reverses_id, lr.reason, lr.agency_id, a.name as agency_name,
       lr.org_unit_id, u.name as org_unit_name, lr.occurred_at, lr.created_at, e.course_id
  from learning_record lr
  join learning_rule_set rs on rs.id = lr.rule_set_id
  left join agency a on a.id = lr.agency_id
  left join org_unit u on u.id = lr.org_unit_id
  left join enrolment e on lr.source = '${LearningSource.COURSE_RUN_COMPLETION}' and e.id = lr.source_id`;

function toLine(r: LineRow): LearningRecordLine {
  return {
    id: r.id, personId: r.person_id, year: r.year, title: r.title, minutes: r.minutes, jp: Number(r.jp), minutesPerJp: r.minutes_per_jp,
    ruleSetId: r.rule_set_id, source: r.source, sourceId: r.source_id, status: r.status, reversesId: r.reverses_id, reason: r.reason,
    agencyId: r.agency_id, agencyName: r.agency_name, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name,
    occurredAt: new Date(r.occurred_at), recordedAt: new Date(r.created_at),
    enrolmentId: r.source === LearningSource.COURSE_RUN_COMPLETION ? r.source_id : null, courseId: r.course_id,
  };
}

/** Who may see a person's learning: the person, their supervisor, and the admins of their agency (and platform admins). */
function seesPersonLearning(viewer: Viewer, person: { person_id: string; supervisor_id: string | null; agency_id: string | null }): boolean {
  return person.person_id === viewer.personId || person.supervisor_id === viewer.personId || viewer.administersAgency(person.agency_id);
}

interface LedgerAccessRow {
  person_id: string;
  supervisor_id: string | null;
  agency_id: string | null;
  /** Whether the person has a line credited while in an agency the viewer administers. */
  former_agency_line: boolean;
}

/**
 * A person's ledger lines, newest first (by when they happened, then when they were written). Shown to the
 * person's circle (seesPersonLearning); an admin of an agency the person has left sees the lines credited while
 * the person was in it, since those are theirs to revoke. Anyone else: NOT_FOUND. Two statements a page (access,
 * page), and a third only when totalCount is selected.
 */
export async function listLearningRecords(
  ctx: SignedInOperationContext, personId: string, year: number | null | undefined, first: number, after?: string | null,
): Promise<LearningRecordPage> {
  const { em, viewer } = ctx;
  const cursor = decodeCursor(after, 3);
  if (cursor && !(isTimestampText(cursor[0]) && isTimestampText(cursor[1]) && isUuid(cursor[2]))) throw new AppError('INVALID_CURSOR', {}, 'after');
  const adminOf = viewer.adminAgencyIds;
  const [access] = await em.execute<LedgerAccessRow[]>(
    `select p.id as person_id, p.supervisor_id, p.agency_id,
            exists (select 1 from learning_record lr where lr.person_id = p.id and lr.agency_id = any(?::uuid[])) as former_agency_line
       from person p where p.id = ?`,
    [`{${adminOf.join(',')}}`, personId],
  );
  if (!access) throw new AppError('NOT_FOUND', { what: 'person' });
  const whole = seesPersonLearning(viewer, access);
  if (!whole && !access.former_agency_line) throw new AppError('NOT_FOUND', { what: 'person' });

  const where: string[] = ['lr.person_id = ?'];
  const params: unknown[] = [personId];
  if (year != null) {
    where.push('lr.year = ?');
    params.push(year);
  }
  if (!whole) {
    where.push('lr.agency_id = any(?::uuid[])');
    params.push(`{${adminOf.join(',')}}`);
  }
  const filter = where.join(' and ');
  const filterParams = [...params];
  if (cursor) {
    where.push('(lr.occurred_at, lr.created_at, lr.id) < (?::timestamptz, ?::timestamptz, ?::uuid)');
    params.push(cursor[0], cursor[1], cursor[2]);
  }
  // The cursor keeps PostgreSQL's own text of the timestamps: a JS Date would drop their microseconds and skip rows.
  const rows = await em.execute<(LineRow & { occurred_key: string; created_key: string })[]>(
    `${LINE_SELECT.replace('select ', 'select lr.occurred_at::text as occurred_key, lr.created_at::text as created_key, ')}
      where ${where.join(' and ')} order by lr.occurred_at desc, lr.created_at desc, lr.id desc limit ?`,
    [...params, first + 1],
  );
  const count = async () =>
    (await em.execute<{ n: number }[]>(`select count(*)::int as n from learning_record lr where ${filter}`, filterParams))[0].n;
  return toPage(rows, first, count, toLine, (r) => [r.occurred_key, r.created_key, r.id]);
}

/** A timestamp as PostgreSQL prints it (`2026-12-02 23:22:36.123456+00`) or ISO 8601. */
function isTimestampText(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/.test(value);
}

// ------------------------------------------------------------------------------------------- revoking

interface RevocableRow extends LineRow {
  supervisor_id: string | null;
  person_agency_id: string | null;
}

/**
 * An admin of the agency the person was in when a line was credited takes the line back: the line becomes
 * REVOKED, a reversal line (minutes and JP negated, same year, same agency and unit, the reason) is written, the
 * year goes down, and an audit row is written, all in one transaction. Revoking a revoked line again changes
 * nothing (no second reversal, no second audit row). Whoever may see the line but not revoke it gets FORBIDDEN;
 * whoever may not see it, NOT_FOUND. Only credited lines can be revoked (not reversals, pending or rejected lines).
 */
export async function revokeLearningRecord(ctx: SignedInOperationContext, id: string, reason: string): Promise<LearningRecordLine> {
  const { em, viewer } = ctx;
  const note = reason.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', { reason: 'empty' }, 'reason');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'learningRecord' });
  return em.transactional(async (tx) => {
    // The lock makes concurrent revocations of one line take turns: the second sees REVOKED and stops.
    const [row] = await tx.execute<RevocableRow[]>(
      `select x.*, p.supervisor_id, p.agency_id as person_agency_id
         from (${LINE_SELECT} where lr.id = ? for update of lr) x join person p on p.id = x.person_id`,
      [id],
    );
    if (!row) throw new AppError('NOT_FOUND', { what: 'learningRecord' });
    const revokes = !!row.agency_id && viewer.adminAgencyIds.includes(row.agency_id);
    if (!revokes) {
      const sees = seesPersonLearning(viewer, { person_id: row.person_id, supervisor_id: row.supervisor_id, agency_id: row.person_agency_id });
      throw new AppError(sees ? 'FORBIDDEN' : 'NOT_FOUND', sees ? {} : { what: 'learningRecord' });
    }
    if (row.status === LearningRecordStatus.REVOKED && !row.reverses_id) return toLine(row);
    if (row.reverses_id || row.status !== LearningRecordStatus.CREDITED) {
      throw new AppError('LEARNING_RECORD_NOT_REVOCABLE', { status: row.reverses_id ? 'REVERSAL' : row.status });
    }
    await tx.execute(`update learning_record set status = ?, updated_at = now() where id = ?`, [LearningRecordStatus.REVOKED, id]);
    const [reversal] = await tx.execute<{ id: string }[]>(
      `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, reverses_id, reason, agency_id, org_unit_id, title, occurred_at)
       select person_id, year, -minutes, -jp, rule_set_id, source, source_id, ?, id, ?, agency_id, org_unit_id, title, now()
         from learning_record where id = ? returning id`,
      [LearningRecordStatus.REVOKED, note.slice(0, 500), id],
    );
    // Both lines are counted (REVOKED): the year loses exactly what the line had added.
    await addToYear(tx, row.person_id, row.year, -row.minutes, -Number(row.jp));
    writeAudit(tx, viewer, 'learningRecord.revoke', 'LearningRecord', id, {
      personId: row.person_id, year: row.year, minutes: row.minutes, jp: Number(row.jp), source: row.source, sourceId: row.source_id,
      reversalId: reversal.id, reason: note,
    });
    return toLine({ ...row, status: LearningRecordStatus.REVOKED });
  });
}

// ------------------------------------------------------------------------------------------- the year

interface LearningYearRow {
  person_id: string;
  full_name: string;
  supervisor_id: string | null;
  agency_id: string | null;
  minutes: number;
  jp: number;
  minutes_per_jp: number | null;
  yearly_target_jp: number | null;
  record_count: number;
  records: LineRow[];
}

const RECORD_LIMIT = 100;

/** One statement: the person, their year's total (one row), the rule in force and the latest ledger lines. */
async function readLearningYear(em: EntityManager, personId: string, year: number): Promise<LearningYearRow | null> {
  const rows = await em.execute<LearningYearRow[]>(
    `select p.id as person_id, p.full_name, p.supervisor_id, p.agency_id,
            coalesce(ply.minutes, 0) as minutes, coalesce(ply.jp, 0)::float8 as jp, r.minutes_per_jp, r.yearly_target_jp,
            (select count(*)::int from learning_record lr where lr.person_id = p.id and lr.year = ?) as record_count,
            (select coalesce(json_agg(x order by x.occurred_at desc, x.created_at desc, x.id desc), '[]'::json)
               from (${LINE_SELECT} where lr.person_id = p.id and lr.year = ?
                      order by lr.occurred_at desc, lr.created_at desc, lr.id desc limit ?) x) as records
       from person p
       left join person_learning_year ply on ply.person_id = p.id and ply.year = ?
       left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                           where valid_from <= ?::date order by valid_from desc limit 1) r on true
      where p.id = ?`,
    [year, year, RECORD_LIMIT, year, ruleDateForYear(year), personId],
  );
  return rows[0] ?? null;
}

/**
 * The year's JP are the sum of its lines' JP as credited (person_learning_year.jp), never its minutes over
 * today's rule: a 2-JP completion stays 2 JP after a 60-minute rule starts. The target is the rule's for the year.
 */
function toLearningYear(row: LearningYearRow, year: number): LearningYear {
  if (row.minutes_per_jp == null || row.yearly_target_jp == null) throw new AppError('RULE_NOT_FOUND');
  const target = row.yearly_target_jp;
  const jp = Number(row.jp);
  const remaining = Math.max(0, Math.round((target - jp) * 10) / 10);
  return {
    personId: row.person_id,
    fullName: row.full_name,
    year,
    minutes: row.minutes,
    jp,
    minutesPerJp: row.minutes_per_jp,
    targetJp: target,
    remainingJp: remaining,
    progress: target <= 0 ? 1 : Math.min(1, jp / target),
    recordCount: row.record_count,
    records: row.records.map(toLine),
  };
}

export async function myLearningYear(ctx: SignedInOperationContext, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(ctx.em, ctx.viewer.personId, y);
  if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

/** A person's year, for their supervisor and the admins of their agency; anyone else sees NOT_FOUND. */
export async function personLearningYear(ctx: SignedInOperationContext, personId: string, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(ctx.em, personId, y);
  if (!row || !seesPersonLearning(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

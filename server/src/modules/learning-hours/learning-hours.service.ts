import type { EntityManager } from '@mikro-orm/postgresql';
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction, type Database, type Db } from '../../shared/db/kysely.js';
import { AppError, badInput } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { DevelopmentForm, DevelopmentFormGroup, groupOf } from '../course/index.js';
import { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
import type { LearningRuleSetInput } from './learning-hours.inputs.js';
import { mayRevokeLine, seesPersonLearning } from './learning-hours.policy.js';
import type { LearningRecordLine, LearningRecordPage, LearningRuleSet, LearningRuleSetPage, LearningYear } from './learning-hours.types.js';

/**
 * learning_rule_set with its JSON column: the entity-inferred table type leaves `non_classroom_defaults` out
 * (it takes an object-typed property for a relation), so this module names it once here.
 */
// A type, not an interface: withTables wants a record type (interfaces have no implicit index signature).
type RuleSetJson = {
  learning_rule_set: { non_classroom_defaults: Record<string, number> };
};
const rules = (em: EntityManager) => db({ em }).withTables<RuleSetJson>();

const RULE_COLUMNS = ['id', 'valid_from', 'minutes_per_jp', 'yearly_target_jp', 'non_classroom_defaults', 'legal_basis'] as const;

/** A rule set's history facts: the day before the next one starts (null for the latest), and when it was recorded. */
const historyColumns = (eb: ExpressionBuilder<Database & { learning_rule_set: Database['learning_rule_set'] }, 'learning_rule_set'>) => [
  eb.selectFrom('learning_rule_set as later').select(sql<string>`(min(later.valid_from) - 1)::text`.as('d'))
    .whereRef('later.valid_from', '>', 'learning_rule_set.valid_from').as('valid_until'),
  'learning_rule_set.created_at',
] as const;

export interface RuleSetRow {
  id: string;
  valid_from: string;
  minutes_per_jp: number;
  yearly_target_jp: number;
  non_classroom_defaults: Record<string, number>;
  legal_basis: string | null;
}

/** The rule set in force on a date (YYYY-MM-DD), or null. Runs inside the caller's transaction when given one. */
async function findRuleSetOn(em: EntityManager, date: string): Promise<RuleSetRow | null> {
  const row = await rules(em).selectFrom('learning_rule_set').select(RULE_COLUMNS)
    .where('valid_from', '<=', date).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
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

/** JP from minutes, 1 decimal, rounded down so progress is never overstated (what a line is credited with). */
function jpOf(minutes: number, minutesPerJp: number): number {
  return Math.floor((minutes * 10) / minutesPerJp) / 10;
}

/**
 * Where a year stands against its target, from the year's JP as credited (person_learning_year.jp, the sum of
 * its lines' JP), never from its minutes over today's rule: a 2-JP completion stays 2 JP after a 60-minute rule
 * starts. JP are kept to 1 decimal, so what remains is too (0 once the target is reached).
 */
export function yearProgress(creditedJp: number, targetJp: number): { remainingJp: number; progress: number } {
  return {
    remainingJp: Math.max(0, Math.round((targetJp - creditedJp) * 10) / 10),
    progress: targetJp <= 0 ? 1 : Math.min(1, creditedJp / targetJp),
  };
}

/** What a source credits: who, how many minutes, for what (title, source and its id) and when. */
interface Credit {
  personId: string;
  minutes: number;
  source: LearningSource;
  sourceId: string;
  title: string;
  occurredAt: Date;
  /**
   * JP the caller computed (one decimal): a workshop sums each session's minutes at the rule in force on that
   * session's date, or credits its fixed JP. Left out: `minutes` at the rule in force on `occurredAt`.
   */
  jp?: number;
}

interface Credited {
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
async function addToYear(d: Db, personId: string, year: number, minutes: number, jp: number): Promise<void> {
  if (minutes < 0) {
    // Taking back: the year's row exists (the line being reversed was added to it). An upsert would check its
    // negative candidate row against the CHECK before finding the conflict, so this is a plain update.
    await d.updateTable('person_learning_year')
      .set((eb) => ({ minutes: eb('minutes', '+', minutes), jp: sql<string>`${eb.ref('jp')} + ${jp}` }))
      .where('person_id', '=', personId).where('year', '=', year)
      .execute();
    return;
  }
  await d.insertInto('person_learning_year')
    .values({ person_id: personId, year, minutes, jp: String(jp) })
    .onConflict((oc) => oc.columns(['person_id', 'year']).doUpdateSet((eb) => ({
      minutes: eb('person_learning_year.minutes', '+', eb.ref('excluded.minutes')),
      jp: sql<string>`${eb.ref('person_learning_year.jp')} + ${eb.ref('excluded.jp')}`,
    })))
    .execute();
}

/**
 * Credits one source to a person's ledger and year: one line with its JP as credited (minutes over the minutes
 * per JP of the rule set in force on the day it happened, Asia/Jakarta) and that rule set, the person's agency
 * and org unit now, status CREDITED, and the year's total raised, all in the caller's transaction `tx`. It is a
 * step of the caller's operation, not an operation of its own, so it takes the transaction rather than a context.
 * A source is credited at most once (unique source and source id): a second call writes nothing.
 */
export async function creditLearning(tx: EntityManager, credit: Credit): Promise<Credited> {
  const d = db({ em: tx });
  const year = yearIn(credit.occurredAt);
  const rule = await ruleSetOn(tx, isoDateIn(credit.occurredAt));
  const jp = credit.jp ?? jpOf(credit.minutes, rule.minutes_per_jp);
  // INSERT … SELECT: the selected values get their column's type by cast (a bare parameter would be text).
  const inserted = await d.insertInto('learning_record')
    .columns(['person_id', 'year', 'minutes', 'jp', 'rule_set_id', 'source', 'source_id', 'status', 'agency_id', 'org_unit_id', 'title', 'occurred_at'])
    .expression((eb) => eb.selectFrom('person as p')
      .select([
        'p.id',
        eb.cast<number>(eb.val(year), 'int2').as('year'),
        eb.cast<number>(eb.val(credit.minutes), 'integer').as('minutes'),
        eb.cast<string>(eb.val(String(jp)), 'numeric').as('jp'),
        eb.cast<string>(eb.val(rule.id), 'uuid').as('rule_set_id'),
        eb.cast<LearningSource>(eb.val(credit.source), 'text').as('source'),
        eb.cast<string>(eb.val(credit.sourceId), 'uuid').as('source_id'),
        eb.cast<LearningRecordStatus>(eb.val(LearningRecordStatus.CREDITED), 'text').as('status'),
        'p.agency_id',
        'p.org_unit_id',
        eb.cast<string>(eb.val(credit.title.slice(0, 300)), 'text').as('title'),
        eb.cast<Date>(eb.val(credit.occurredAt.toISOString()), 'timestamptz').as('occurred_at'),
      ])
      .where('p.id', '=', credit.personId))
    .onConflict((oc) => oc.columns(['source', 'source_id']).where('reverses_id', 'is', null).where('status', '<>', LearningRecordStatus.REVOKED).doNothing())
    .returning('id')
    .execute();
  if (!inserted.length) return { credited: false, minutes: 0, jp: 0, ruleSetId: rule.id };
  await addToYear(d, credit.personId, year, credit.minutes, jp);
  return { credited: true, minutes: credit.minutes, jp, ruleSetId: rule.id };
}

function toRuleSet(row: RuleSetRow & { valid_until?: string | null; created_at?: Date | string }): LearningRuleSet {
  const today = isoDateIn(new Date());
  const validUntil = row.valid_until ?? null;
  return {
    validUntil,
    inForce: row.valid_from <= today && (validUntil === null || today <= validUntil),
    createdAt: new Date(row.created_at ?? Date.now()),
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

/** Rule sets are listed newest first; the cursor is the last one's date. */
const ruleSetCursor = keysetCursor('date');

/** Every rule set, newest first: one statement (rule sets are few, so each page counts them all in it). */
export async function listRuleSets(ctx: OperationContext, first: number, after?: string | null): Promise<LearningRuleSetPage> {
  const cursor = ruleSetCursor.decode(after);
  const rows = await rules(ctx.em).selectFrom('learning_rule_set')
    .select((eb) => [
      ...RULE_COLUMNS,
      ...historyColumns(eb),
      eb.selectFrom('learning_rule_set as every').select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n')).as('total_count'),
    ])
    .$if(cursor !== null, (qb) => qb.where('valid_from', '<', cursor![0]))
    .orderBy('valid_from', 'desc').limit(first + 1)
    .execute();
  const total = rows[0]?.total_count
    ?? (async () => Number((await db(ctx).selectFrom('learning_rule_set').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
  return toPage(rows, first, total, toRuleSet, (r) => ruleSetCursor.encode([r.valid_from]));
}

function realDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export async function createRuleSet(ctx: SignedInOperationContext, input: LearningRuleSetInput): Promise<LearningRuleSet> {
  if (!realDate(input.validFrom)) throw badInput('validFrom', 'not a calendar date');
  // A rule set starting in the past would change the target of days already counted (and JP a later credit of an
  // earlier day gets): rules only ever start from today on, so a past year reads the same for ever.
  if (input.validFrom < isoDateIn(new Date())) throw new AppError('RULE_DATE_IN_PAST', { date: input.validFrom }, 'validFrom');
  const legalBasis = input.legalBasis.trim();
  if (legalBasis.length < 3) throw badInput('legalBasis', 'empty');
  const defaults: Record<string, number> = {};
  for (const { form, jp } of input.nonClassroomDefaults ?? []) {
    if (groupOf(form) !== DevelopmentFormGroup.NON_CLASSROOM) throw badInput('nonClassroomDefaults', `${form} is not a non-classroom form`);
    if (form in defaults) throw badInput('nonClassroomDefaults', `${form} is listed twice`);
    defaults[form] = jp;
  }
  return inTransaction(ctx, async (tx) => {
    const row = await rules(tx.em).insertInto('learning_rule_set')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
        valid_from: input.validFrom, minutes_per_jp: input.minutesPerJp, yearly_target_jp: input.yearlyTargetJp,
        non_classroom_defaults: sql<Record<string, number>>`${JSON.stringify(defaults)}::jsonb`, legal_basis: legalBasis,
      })
      .onConflict((oc) => oc.column('valid_from').doNothing())
      .returning([...RULE_COLUMNS, 'created_at'])
      .executeTakeFirst();
    if (!row) throw new AppError('DUPLICATE_RULE_DATE', { date: input.validFrom }, 'validFrom');
    writeAudit(tx, 'learningRuleSet.create', 'LearningRuleSet', row.id, {
      validFrom: input.validFrom, minutesPerJp: input.minutesPerJp, yearlyTargetJp: input.yearlyTargetJp, nonClassroomDefaults: defaults, legalBasis,
    });
    // The one before it now ends the day before this one starts; a later one (if any) ends this one.
    const until = await rules(tx.em).selectFrom('learning_rule_set').select((eb) => historyColumns(eb)[0]).where('id', '=', row.id).executeTakeFirstOrThrow();
    return toRuleSet({ ...row, valid_until: until.valid_until });
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
  /** Text when read as a column, ISO text inside JSON; a Date only in the builder's types. */
  occurred_at: string | Date;
  created_at: string | Date;
  course_id: string | null;
}

/** Ledger lines (alias lr) with what they show: their rule's minutes per JP, the agency and unit names, the course of a completion. */
function lines(d: Db) {
  return d.selectFrom('learning_record as lr')
    .innerJoin('learning_rule_set as rs', 'rs.id', 'lr.rule_set_id')
    .leftJoin('agency as a', 'a.id', 'lr.agency_id')
    .leftJoin('org_unit as u', 'u.id', 'lr.org_unit_id')
    .leftJoin('enrolment as e', (join) => join.onRef('e.id', '=', 'lr.source_id').on('lr.source', '=', sql.lit(LearningSource.COURSE_RUN_COMPLETION)))
    .select((eb) => [
      'lr.id', 'lr.person_id', 'lr.year', 'lr.title', 'lr.minutes', eb.cast<number>('lr.jp', 'float8').as('jp'), 'rs.minutes_per_jp',
      'lr.rule_set_id', 'lr.source', 'lr.source_id', 'lr.status', 'lr.reverses_id', 'lr.reason', 'lr.agency_id', 'a.name as agency_name',
      'lr.org_unit_id', 'u.name as org_unit_name', 'lr.occurred_at', 'lr.created_at', 'e.course_id',
    ]);
}

/** Newest first: by when it happened, then when it was written. */
const newestFirst = <Q extends ReturnType<typeof lines>>(qb: Q): Q =>
  qb.orderBy('lr.occurred_at', 'desc').orderBy('lr.created_at', 'desc').orderBy('lr.id', 'desc') as Q;

function toLine(r: LineRow): LearningRecordLine {
  return {
    id: r.id, personId: r.person_id, year: r.year, title: r.title, minutes: r.minutes, jp: Number(r.jp), minutesPerJp: r.minutes_per_jp,
    ruleSetId: r.rule_set_id, source: r.source, sourceId: r.source_id, status: r.status, reversesId: r.reverses_id, reason: r.reason,
    agencyId: r.agency_id, agencyName: r.agency_name, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name,
    occurredAt: new Date(r.occurred_at), recordedAt: new Date(r.created_at),
    enrolmentId: r.source === LearningSource.COURSE_RUN_COMPLETION ? r.source_id : null, courseId: r.course_id,
  };
}

/** `column = any(ids)`: one statement text whatever the number of ids (none: false). */
const anyOf = (column: Expression<unknown>, ids: readonly string[]): RawBuilder<SqlBool> => sql<SqlBool>`${column} = any(${ids}::uuid[])`;

/**
 * An instant as ISO 8601 text with microseconds, for a cursor: a JS Date would drop the microseconds and
 * skip rows, and the cursor codec reads ISO 8601.
 */
const isoMicros = (column: Expression<Date>): RawBuilder<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A page of lines ends at its last line's (occurred_at, created_at, id). */
const lineCursor = keysetCursor('timestamp', 'timestamp', 'uuid');

/**
 * A person's ledger lines, newest first (by when they happened, then when they were written). Shown to the
 * person's circle (seesPersonLearning); an admin of an agency the person has left sees the lines credited while
 * the person was in it, since those are theirs to revoke. Anyone else: NOT_FOUND. Two statements a page (access,
 * page), and a third only when totalCount is selected.
 */
export async function listLearningRecords(
  ctx: SignedInOperationContext, personId: string, year: number | null | undefined, first: number, after?: string | null,
): Promise<LearningRecordPage> {
  const { viewer } = ctx;
  const cursor = lineCursor.decode(after);
  const adminOf = viewer.adminAgencyIds;
  const access = await db(ctx).selectFrom('person as p')
    .select((eb) => [
      'p.id as person_id', 'p.supervisor_id', 'p.agency_id',
      eb.exists(eb.selectFrom('learning_record as lr').select(eb.lit(1).as('one'))
        .whereRef('lr.person_id', '=', 'p.id').where((e) => anyOf(e.ref('lr.agency_id'), adminOf))).as('former_agency_line'),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!access) throw new AppError('NOT_FOUND', { what: 'person' });
  const whole = seesPersonLearning(viewer, access);
  if (!whole && !access.former_agency_line) throw new AppError('NOT_FOUND', { what: 'person' });

  const eb = expressionBuilder<Database & { lr: Database['learning_record'] }, 'lr'>();
  const filter = eb.and([
    eb('lr.person_id', '=', personId),
    ...(year != null ? [eb('lr.year', '=', year)] : []),
    ...(whole ? [] : [anyOf(eb.ref('lr.agency_id'), adminOf)]),
  ]);
  const rows = await lines(db(ctx))
    .select((e) => [isoMicros(e.ref('lr.occurred_at')).as('occurred_key'), isoMicros(e.ref('lr.created_at')).as('created_key')])
    .where(filter)
    .$if(cursor !== null, (qb) => qb.where((e) => e(
      e.refTuple('lr.occurred_at', 'lr.created_at', 'lr.id'), '<',
      e.tuple(sql<Date>`${cursor![0]}::timestamptz`, sql<Date>`${cursor![1]}::timestamptz`, sql<string>`${cursor![2]}::uuid`),
    )))
    .$call(newestFirst)
    .limit(first + 1)
    .execute();
  const count = async () => Number((await db(ctx).selectFrom('learning_record as lr').select((e) => e.fn.countAll<string>().as('n'))
    .where(filter).executeTakeFirstOrThrow()).n);
  return toPage(rows, first, count, toLine, (r) => lineCursor.encode([r.occurred_key, r.created_key, r.id]));
}

// ------------------------------------------------------------------------------------------- revoking

/**
 * Takes a credited line back, for whoever mayRevokeLine allows (a platform admin; an admin of the agency the
 * person was in when it was credited, for a person holding no more power than they could grant): the line
 * becomes REVOKED, a reversal line (minutes and JP negated, same year, same agency and unit, the reason) is
 * written, the year goes down, and an audit row is written, all in one transaction. Revoking a revoked line again
 * changes nothing (no second reversal, no second audit row). Whoever may see the line but not revoke it gets
 * FORBIDDEN; whoever may not see it, NOT_FOUND. Only credited lines can be revoked (not reversals, pending or
 * rejected lines).
 */
export async function revokeLearningRecord(ctx: SignedInOperationContext, id: string, reason: string): Promise<LearningRecordLine> {
  const { viewer } = ctx;
  const note = reason.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', { reason: 'empty' }, 'reason');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'learningRecord' });
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    // The lock makes concurrent revocations of one line take turns: the second sees REVOKED and stops.
    const row = await lines(d)
      .innerJoin('person as p', 'p.id', 'lr.person_id')
      .select((eb) => [
        'p.supervisor_id', 'p.agency_id as person_agency_id', 'p.partner_id as person_partner_id',
        jsonArrayFrom(eb.selectFrom('role_grant as g').select(['g.role', 'g.agency_id', 'g.partner_id']).whereRef('g.person_id', '=', 'p.id'))
          .as('grants'),
      ])
      .where('lr.id', '=', id)
      .forUpdate('lr')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { what: 'learningRecord' });
    const person = { person_id: row.person_id, supervisor_id: row.supervisor_id, agency_id: row.person_agency_id, partner_id: row.person_partner_id };
    if (!mayRevokeLine(viewer, row, person, row.grants)) {
      const sees = seesPersonLearning(viewer, person) || (!!row.agency_id && viewer.adminAgencyIds.includes(row.agency_id));
      throw new AppError(sees ? 'FORBIDDEN' : 'NOT_FOUND', sees ? {} : { what: 'learningRecord' });
    }
    if (row.status === LearningRecordStatus.REVOKED && !row.reverses_id) return toLine(row);
    if (row.reverses_id || row.status !== LearningRecordStatus.CREDITED) {
      throw new AppError('LEARNING_RECORD_NOT_REVOCABLE', { status: row.reverses_id ? 'REVERSAL' : row.status });
    }
    const reversal = await reverseLine(d, row, note);
    writeAudit(tx, 'learningRecord.revoke', 'LearningRecord', id, {
      personId: row.person_id, year: row.year, minutes: row.minutes, jp: Number(row.jp), source: row.source, sourceId: row.source_id,
      reversalId: reversal.id, reason: note,
    });
    return toLine({ ...row, status: LearningRecordStatus.REVOKED });
  });
}

/** Marks a credited line REVOKED and writes its reversal line (minutes and JP negated); the year goes down by as much. */
async function reverseLine(d: Db, row: { id: string; person_id: string; year: number; minutes: number; jp: number | string }, note: string): Promise<{ id: string }> {
  const id = row.id;
  await d.updateTable('learning_record').set({ status: LearningRecordStatus.REVOKED, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  const reversal = await d.insertInto('learning_record')
    .columns(['person_id', 'year', 'minutes', 'jp', 'rule_set_id', 'source', 'source_id', 'status', 'reverses_id', 'reason', 'agency_id',
      'org_unit_id', 'title', 'occurred_at'])
    .expression((ins) => ins.selectFrom('learning_record as l')
      .select((eb) => [
        'l.person_id', 'l.year', eb.neg(eb.ref('l.minutes')).as('minutes'), sql<string>`-${eb.ref('l.jp')}`.as('jp'), 'l.rule_set_id',
        'l.source', 'l.source_id', eb.cast<LearningRecordStatus>(eb.val(LearningRecordStatus.REVOKED), 'text').as('status'), 'l.id',
        eb.cast<string>(eb.val(note.slice(0, 500)), 'text').as('reason'), 'l.agency_id', 'l.org_unit_id', 'l.title',
        sql<Date>`now()`.as('occurred_at'),
      ])
      .where('l.id', '=', id))
    .returning('id')
    .executeTakeFirstOrThrow();
  // Both lines are counted (REVOKED): the year loses exactly what the line had added.
  await addToYear(d, row.person_id, row.year, -row.minutes, -Number(row.jp));
  return reversal;
}

/**
 * Takes back a source's standing credit, if it has one, in the caller's transaction: the line REVOKED, its reversal
 * line, the year down (a workshop's attendance corrected after it was credited). Returns the line taken back.
 */
export async function reverseCredit(tx: EntityManager, source: LearningSource, sourceId: string, reason: string): Promise<{ minutes: number; jp: number } | null> {
  const d = db({ em: tx });
  const row = await d.selectFrom('learning_record').select(['id', 'person_id', 'year', 'minutes', 'jp'])
    .where('source', '=', source).where('source_id', '=', sourceId)
    .where('reverses_id', 'is', null).where('status', '=', LearningRecordStatus.CREDITED)
    .forUpdate().executeTakeFirst();
  if (!row) return null;
  await reverseLine(d, row, reason);
  return { minutes: row.minutes, jp: Number(row.jp) };
}

// ------------------------------------------------------------------------------------------- the year

const RECORD_LIMIT = 100;

/** One statement: the person, their year's total (one row), the rule in force and the latest ledger lines. */
async function readLearningYear(ctx: OperationContext, personId: string, year: number) {
  const d = db(ctx);
  const row = await d.selectFrom('person as p')
    .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', year))
    .leftJoinLateral(
      (eb) => eb.selectFrom('learning_rule_set').select(['minutes_per_jp', 'yearly_target_jp'])
        .where('valid_from', '<=', ruleDateForYear(year)).orderBy('valid_from', 'desc').limit(1).as('r'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'p.id as person_id', 'p.full_name', 'p.supervisor_id', 'p.agency_id',
      eb.fn.coalesce('ply.minutes', eb.lit(0)).as('minutes'),
      eb.cast<number>(eb.fn.coalesce('ply.jp', sql<string>`0`), 'float8').as('jp'),
      'r.minutes_per_jp', 'r.yearly_target_jp',
      eb.selectFrom('learning_record as lr').select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n'))
        .where('lr.person_id', '=', personId).where('lr.year', '=', year).as('record_count'),
      jsonArrayFrom(lines(d).where('lr.person_id', '=', personId).where('lr.year', '=', year).$call(newestFirst).limit(RECORD_LIMIT))
        .as('records'),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return row ?? null;
}

type LearningYearRow = NonNullable<Awaited<ReturnType<typeof readLearningYear>>>;

/**
 * The year's JP are the sum of its lines' JP as credited (person_learning_year.jp), never its minutes over
 * today's rule (yearProgress). The target is the rule's for the year.
 */
function toLearningYear(row: LearningYearRow, year: number): LearningYear {
  if (row.minutes_per_jp == null || row.yearly_target_jp == null) throw new AppError('RULE_NOT_FOUND');
  const target = row.yearly_target_jp;
  const jp = Number(row.jp);
  return {
    personId: row.person_id,
    fullName: row.full_name,
    year,
    minutes: Number(row.minutes),
    jp,
    minutesPerJp: row.minutes_per_jp,
    targetJp: target,
    ...yearProgress(jp, target),
    recordCount: row.record_count ?? 0,
    records: (row.records as LineRow[]).map(toLine),
  };
}

export async function myLearningYear(ctx: SignedInOperationContext, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(ctx, ctx.viewer.personId, y);
  if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

/** A person's year, for their supervisor, the admins of their agency and platform admins; anyone else sees NOT_FOUND. */
export async function personLearningYear(ctx: SignedInOperationContext, personId: string, year?: number | null): Promise<LearningYear> {
  const y = year ?? yearIn(new Date());
  const row = await readLearningYear(ctx, personId, y);
  if (!row || !seesPersonLearning(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'person' });
  return toLearningYear(row, y);
}

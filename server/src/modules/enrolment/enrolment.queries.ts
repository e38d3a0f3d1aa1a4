import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql,
  type Expression, type ExpressionBuilder, type Selectable, type SelectQueryBuilder,
} from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, type Database, type Db } from '../../shared/db/kysely.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import type { TotalCount } from '../../shared/graphql/pagination.js';
import { toCourseRun, type RunRow } from '../run/index.js';
import { LearningRecordStatus, LearningSource } from '../learning-hours/index.js';
import { EnrolmentStatus } from './enrolment.entity.js';
import type { EnrolmentAccessRow } from './enrolment.policy.js';
import type { Enrolment, EnrolmentCourse, EnrolmentLearner } from './enrolment.types.js';

/** The tables of a shaped enrolment read, under the aliases its joins give them. */
type Joined = Database & {
  e: Database['enrolment']; r: Database['course_run']; c: Database['course']; oa: Database['agency'];
  op: Database['partner_institution']; p: Database['person']; la: Database['agency']; lu: Database['org_unit'];
  ap: Database['person']; db: Database['person']; lr: Database['learning_record'];
};
type JoinedAlias = 'e' | 'r' | 'c' | 'oa' | 'op' | 'p' | 'la' | 'lu' | 'ap' | 'db' | 'lr';

/** Epoch milliseconds as a JS number, as the run module's rows carry a run's instants. */
const epochMs = (column: 'r.starts_at' | 'r.ends_at' | 'r.enrolment_closes_at') =>
  sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

/** A run's columns (alias `r`, its course `c`) in the run module's RunRow shape, so `toCourseRun` reads them. */
function runColumns(eb: ExpressionBuilder<Joined, JoinedAlias>) {
  return [
    'r.id as run_id', 'r.code as run_code', 'r.course_id as run_course_id',
    epochMs('r.starts_at').as('run_starts_at'), epochMs('r.ends_at').as('run_ends_at'),
    epochMs('r.enrolment_closes_at').as('run_enrolment_closes_at'),
    'r.location as run_location', 'r.time_zone as run_time_zone', 'r.online_url as run_online_url', 'r.capacity as run_capacity', 'r.seats_taken as run_seats_taken',
    'r.waitlist_length as run_waitlist_length', 'r.enrolment_policy as run_enrolment_policy', 'r.status as run_status',
    'c.owner_agency_id as run_owner_agency_id', 'c.owner_partner_id as run_owner_partner_id',
    jsonArrayFrom(eb.selectFrom('course_run_instructor as ri')
      .innerJoin('person as ip', 'ip.id', 'ri.person_id')
      .leftJoin('partner_institution as ipi', 'ipi.id', 'ip.partner_id')
      .select(['ip.id', 'ip.full_name as fullName', 'ipi.name as partnerName'])
      .whereRef('ri.run_id', '=', 'r.id')
      .orderBy('ip.full_name').orderBy('ip.id')).as('run_instructors'),
  ] as const;
}

/**
 * Shaped reads: every enrolment screen selects exactly these columns, with the run, course, learner
 * and approver joined in, in one statement and without hydrating entities. Alias `e` is the
 * enrolment, `r` its run, `c` its course, `p` the learner; add the `where`, order and limit.
 * Constants are literals, not parameters, so the statement text alone says what it reads.
 */
export function selectEnrolments(kysely: Db): EnrolmentSelection {
  return kysely.selectFrom('enrolment as e')
    .innerJoin('course_run as r', 'r.id', 'e.run_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .leftJoin('agency as oa', 'oa.id', 'c.owner_agency_id')
    .leftJoin('partner_institution as op', 'op.id', 'c.owner_partner_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('agency as la', 'la.id', 'p.agency_id')
    .leftJoin('org_unit as lu', 'lu.id', 'p.org_unit_id')
    .leftJoin('person as ap', 'ap.id', 'e.approver_id')
    .leftJoin('person as db', 'db.id', 'e.decided_by_id')
    // The credit of a completion: its line while it counts (a revoked line credits nothing).
    .leftJoin('learning_record as lr', (join) => join
      .on('lr.source', '=', sql.lit(LearningSource.COURSE_RUN_COMPLETION))
      .onRef('lr.source_id', '=', 'e.id')
      .on('lr.reverses_id', 'is', null)
      .on('lr.status', '=', sql.lit(LearningRecordStatus.CREDITED)))
    .select((eb) => [
      'e.id', 'e.status', 'e.requested_at', 'e.waitlisted_at', 'e.decided_at', 'e.decision_note', 'e.finished_at',
      'e.person_id', 'e.approver_id',
      'c.id as course_id', 'c.code as course_code', 'c.title as course_title', 'c.jp as course_jp', 'c.form as course_form',
      'c.delivery as course_delivery', eb.fn.coalesce('oa.name', 'op.name', sql.lit('')).as('course_owner_name'),
      ...runColumns(eb),
      'p.full_name as learner_name', 'p.nip as learner_nip', 'p.position_title as learner_position_title',
      'p.supervisor_id as learner_supervisor_id', 'p.agency_id as learner_agency_id',
      'la.name as learner_agency_name', 'lu.name as learner_org_unit_name',
      'ap.full_name as approver_name', 'db.full_name as decided_by_name',
      // 1-based place in the waiting list: first in, first promoted (waitlisted_at, then id).
      eb.case().when('e.status', '=', sql.lit(EnrolmentStatus.WAITLISTED)).then(
        eb.selectFrom('enrolment as w')
          .select(eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
          .whereRef('w.run_id', '=', 'e.run_id')
          .where('w.status', '=', sql.lit(EnrolmentStatus.WAITLISTED))
          .where((w) => w(w.refTuple('w.waitlisted_at', 'w.id'), '<=', w.refTuple('e.waitlisted_at', 'e.id'))),
      ).end().as('waitlist_position'),
      'lr.minutes as credited_minutes',
    ]);
}

/** Typed as EnrolmentRow: a column renamed or dropped in `selectEnrolments` fails to compile. */
type EnrolmentSelection = SelectQueryBuilder<Joined, JoinedAlias, EnrolmentRow>;

/**
 * One enrolment row as `selectEnrolments` reads it. Instants arrive as the driver gives them (text;
 * as JSON inside a home page's aggregate), so each is a string or a Date here: `toDate` takes both.
 */
export interface EnrolmentRow extends RunRow {
  id: string;
  status: EnrolmentStatus;
  requested_at: string | Date;
  waitlisted_at: string | Date | null;
  decided_at: string | Date | null;
  decision_note: string | null;
  finished_at: string | Date | null;
  person_id: string;
  approver_id: string | null;
  course_id: string;
  course_code: string;
  course_title: string;
  course_jp: number;
  course_form: Selectable<Database['course']>['form'];
  course_delivery: Selectable<Database['course']>['delivery'];
  course_owner_name: string;
  learner_name: string;
  learner_nip: string | null;
  learner_position_title: string | null;
  learner_supervisor_id: string | null;
  learner_agency_id: string | null;
  learner_agency_name: string | null;
  learner_org_unit_name: string | null;
  approver_name: string | null;
  decided_by_name: string | null;
  waitlist_position: number | null;
  credited_minutes: number | null;
}

/** For SQL text only (never executed): the shared columns and joins as fragments, for the home page's one statement. */
const compileOnly = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

function fragments(): { columns: string; joins: string } {
  const { sql: text, parameters } = selectEnrolments(compileOnly).compile();
  const from = ' from "enrolment" as "e" ';
  const at = text.indexOf(from);
  if (!text.startsWith('select ') || at < 0 || parameters.length) throw new Error('selectEnrolments: not splittable into columns and joins');
  return { columns: text.slice('select '.length, at), joins: text.slice(at + from.length) };
}
const { columns, joins } = fragments();

/**
 * `selectEnrolments` as SQL text (columns, and the joins after `from enrolment e`), for statements that
 * read enrolments as JSON inside another row (home's and the course page's one statement). Generated from
 * the builder above, so there is one definition of what an enrolment row is.
 */
export const ENROLMENT_COLUMNS = columns;
/** The joins that go with ENROLMENT_COLUMNS. */
export const ENROLMENT_JOINS = joins;

/** PostgreSQL timestamps arrive as text (MikroORM keeps them raw); GraphQL wants Dates. */
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null): Date | null;
export function toDate(value: string | Date | null): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(value);
}

export type CourseColumns = Pick<
  EnrolmentRow,
  | 'course_id' | 'course_code' | 'course_title' | 'course_jp' | 'course_form' | 'course_delivery' | 'course_owner_name'
>;

export function toEnrolmentCourse(row: CourseColumns): EnrolmentCourse {
  return {
    id: row.course_id,
    code: row.course_code,
    title: row.course_title,
    jp: row.course_jp,
    form: row.course_form,
    delivery: row.course_delivery,
    ownerName: row.course_owner_name,
  };
}

export function toEnrolmentLearner(row: EnrolmentRow): EnrolmentLearner {
  return {
    id: row.person_id,
    fullName: row.learner_name,
    identity: { personId: row.person_id, agencyId: row.learner_agency_id, supervisorId: row.learner_supervisor_id, nip: row.learner_nip, nidn: null },
    agencyName: row.learner_agency_name,
    orgUnitName: row.learner_org_unit_name,
    positionTitle: row.learner_position_title,
  };
}

export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    status: row.status,
    course: toEnrolmentCourse(row),
    run: { ...toCourseRun(row), readWithEnrolmentOf: { personId: row.person_id, status: row.status } },
    learner: toEnrolmentLearner(row),
    approverName: row.approver_name,
    decidedByName: row.decided_by_name,
    requestedAt: toDate(row.requested_at),
    waitlistedAt: toDate(row.waitlisted_at),
    waitlistPosition: row.waitlist_position,
    decidedAt: toDate(row.decided_at),
    decisionNote: row.decision_note,
    finishedAt: toDate(row.finished_at),
    creditedMinutes: row.credited_minutes,
  };
}

export async function readEnrolment(ctx: { em: EntityManager }, id: string): Promise<EnrolmentRow | null> {
  return (await selectEnrolments(db(ctx)).where('e.id', '=', id).executeTakeFirst()) ?? null;
}

export interface EnrolmentAccess extends EnrolmentAccessRow {
  course_jp: number;
  course_title: string;
  course_delivery: EnrolmentRow['course_delivery'];
  run_starts_at: string | Date | null;
  run_ends_at: string | Date | null;
}

/** What the policies need about one enrolment for this viewer, in one statement; null when it does not exist. */
export async function loadEnrolmentAccess(ctx: { em: EntityManager }, viewer: Viewer, id: string): Promise<EnrolmentAccess | null> {
  const row = await db(ctx).selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .innerJoin('course_run as r', 'r.id', 'e.run_id')
    .select((eb) => [
      'e.id', 'e.status', 'e.person_id', 'e.course_id', 'e.run_id', 'e.approver_id',
      'p.supervisor_id as learner_supervisor_id', 'p.agency_id as learner_agency_id',
      'c.owner_agency_id', 'c.owner_partner_id', 'c.jp as course_jp', 'c.title as course_title',
      'c.delivery as course_delivery', 'r.starts_at as run_starts_at', 'r.ends_at as run_ends_at',
      eb.exists(eb.selectFrom('course_run_instructor as ri').select(eb.lit(1).as('one'))
        .whereRef('ri.run_id', '=', 'e.run_id').where('ri.person_id', '=', viewer.personId)).$castTo<boolean>().as('teaches'),
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The cursor of lists ordered by when the request was made (then the id). */
export const requestedCursor = keysetCursor('timestamp', 'uuid');
/** The cursor of the roster, ordered by the learner's name (then the enrolment's id). */
export const learnerNameCursor = keysetCursor('text', 'uuid');

/**
 * One statement for a page. With the total: the count (a one-row CTE) left-joined to the page, so an
 * empty page still reports its total. Without it (the client did not select `totalCount`): the page
 * alone, and a function that counts if called. `page` has its own order and limit; `order` orders
 * the joined rows the same way.
 */
export async function pageWithTotal<R extends { id: string }>(
  kysely: Db,
  count: Expression<{ n: number }> & { executeTakeFirstOrThrow(): Promise<{ n: number }> },
  page: Expression<R> & { execute(): Promise<R[]> },
  order: { column: keyof R & string; direction: 'asc' | 'desc' }[],
  withTotal: boolean,
): Promise<{ rows: R[]; total: TotalCount }> {
  if (!withTotal) {
    const rows = await page.execute();
    return { rows, total: async () => (await count.executeTakeFirstOrThrow()).n };
  }
  let joined = kysely.with('total', () => count).with('page', () => page)
    .selectFrom('total')
    .leftJoin('page', (join) => join.onTrue())
    .select(sql<number>`total.n`.as('total_count'))
    .selectAll('page');
  for (const { column, direction } of order) joined = joined.orderBy(sql.ref(`page.${column}`), direction);
  const rows = (await joined.execute()) as unknown as (R & { total_count: number; id: string | null })[];
  return { rows: rows.filter((r) => r.id !== null), total: rows[0]?.total_count ?? 0 };
}

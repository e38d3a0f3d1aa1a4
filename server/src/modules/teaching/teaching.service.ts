import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import { courseColumns, CourseStatus, DeliveryMode, joinOwners, ownerNames, toCourse, type CourseRow } from '../course/index.js';
import { EnrolmentStatus, SEAT_HOLDING } from '../enrolment/index.js';
import { CourseRunStatus, runSelections, toCourseRun, type RunRow } from '../run/index.js';
import type { AgencyLearners, InstructorHome, InstructorHomeRun } from './teaching.types.js';

const LIST_LIMIT = 20;

type Bucket = 'TODAY' | 'WEEK' | 'AWAITING';

type HomeRow = RunRow & CourseRow & {
  bucket: Bucket; outcomes_to_record: number; learners: number;
  by_agency: { agencyId: string | null; agencyName: string | null; learners: number }[] | null;
};

/** A learner whose result (complete/fail) is not recorded yet. */
const ACTIVE = sql<boolean>`e.status = ${sql.lit(EnrolmentStatus.ACTIVE)}`;

/**
 * The whole home in ONE prepared statement, whatever the number of runs:
 * - the viewer's day and week (Monday to Sunday) in their own zone (person.time_zone; Indonesia keeps no
 *   daylight saving, so a day is always 24 hours);
 * - the runs they teach (course_run_instructor), whichever agency or partner owns the course, scheduled and not
 *   of a draft course, in three bounded lists: on today (any part of a classroom, blended or synchronous run overlaps it), on the rest of the
 *   week (not today), and waiting for outcomes: learners still ACTIVE where the enrolment module lets an
 *   outcome be recorded without confirming an early decision (the run ended; a self-paced run: started);
 * - for each listed run its seat holders counted by their agency (the roster grouped by agency).
 */
function homeQuery(ctx: SignedInOperationContext) {
  const me = ctx.viewer.personId;
  return db(ctx)
    .with('b', (qc) => qc.selectFrom('person as p').where('p.id', '=', me)
      .select([
        'p.time_zone',
        sql<Date>`date_trunc('day', now() at time zone p.time_zone) at time zone p.time_zone`.as('day_start'),
        sql<Date>`(date_trunc('day', now() at time zone p.time_zone) + interval '1 day') at time zone p.time_zone`.as('day_end'),
        sql<Date>`(date_trunc('week', now() at time zone p.time_zone) + interval '7 days') at time zone p.time_zone`.as('week_end'),
      ]))
    .with('taught', (qc) => qc.selectFrom('course_run_instructor as ri')
      .innerJoin('course_run as r', 'r.id', 'ri.run_id')
      .innerJoin('course as c', 'c.id', 'r.course_id')
      .crossJoin('b')
      .where('ri.person_id', '=', me)
      .where('r.status', '=', sql.lit(CourseRunStatus.SCHEDULED))
      .where('c.status', '<>', sql.lit(CourseStatus.DRAFT))
      .select((eb) => [
        'r.id', 'r.starts_at', 'r.ends_at',
        // A run without an end is on the moment it starts; a self-paced one is on no day in particular.
        sql<boolean>`c.delivery <> ${sql.lit(DeliveryMode.ONLINE_SELF_PACED)} and r.starts_at < b.day_end and coalesce(r.ends_at, r.starts_at + interval '1 second') > b.day_start`.as('on_today'),
        sql<boolean>`c.delivery <> ${sql.lit(DeliveryMode.ONLINE_SELF_PACED)} and r.starts_at < b.week_end and coalesce(r.ends_at, r.starts_at + interval '1 second') > b.day_end`.as('on_week'),
        eb.or([
          eb('r.ends_at', '<=', sql<Date>`now()`),
          eb.and([eb('c.delivery', '=', sql.lit(DeliveryMode.ONLINE_SELF_PACED)), eb('r.starts_at', '<=', sql<Date>`now()`)]),
        ]).as('decidable'),
      ]))
    .with('picked', (qc) => {
      const today = qc.selectFrom('taught as t').where('t.on_today', '=', true)
        .select((eb) => ['t.id', sql<Bucket>`'TODAY'`.as('bucket'), eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('t.starts_at').orderBy('t.id')).as('rank')])
        .orderBy('t.starts_at').orderBy('t.id').limit(sql.lit(LIST_LIMIT));
      const week = qc.selectFrom('taught as t').where('t.on_week', '=', true).where('t.on_today', '=', false)
        .select((eb) => ['t.id', sql<Bucket>`'WEEK'`.as('bucket'), eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('t.starts_at').orderBy('t.id')).as('rank')])
        .orderBy('t.starts_at').orderBy('t.id').limit(sql.lit(LIST_LIMIT));
      const awaiting = qc.selectFrom('taught as t').where('t.decidable', '=', true)
        .where((eb) => eb.exists(eb.selectFrom('enrolment as e').select(eb.lit(1).as('one'))
          .whereRef('e.run_id', '=', 't.id').where(ACTIVE)))
        .select((eb) => ['t.id', sql<Bucket>`'AWAITING'`.as('bucket'),
          eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('t.ends_at', (o) => o.asc().nullsLast()).orderBy('t.id')).as('rank')])
        .orderBy('t.ends_at', (o) => o.asc().nullsLast()).orderBy('t.id').limit(sql.lit(LIST_LIMIT));
      // Each list is ordered and limited on its own, so each is a derived table of the union.
      return qc.selectFrom(today.as('today')).selectAll()
        .unionAll(qc.selectFrom(week.as('week')).selectAll())
        .unionAll(qc.selectFrom(awaiting.as('awaiting')).selectAll());
    })
    .with('counts', (qc) => qc.selectFrom('enrolment as e')
      .innerJoin('person as lp', 'lp.id', 'e.person_id')
      .leftJoin('agency as la', 'la.id', 'lp.agency_id')
      .where('e.run_id', 'in', (eb) => eb.selectFrom('picked').select('picked.id'))
      // Seat holders: the roster's people (active, completed or failed).
      .where('e.status', 'in', SEAT_HOLDING)
      .groupBy(['e.run_id', 'la.id', 'la.name'])
      .select((eb) => ['e.run_id', 'la.id as agency_id', 'la.name as agency_name',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('learners'),
        eb.cast<number>(eb.fn.count('e.id').filterWhere(ACTIVE), 'integer').as('active')]))
    .selectFrom('picked')
    .innerJoin('course_run as r', 'r.id', 'picked.id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .$call((q) => joinOwners(q, 'c'))
    .select([...runSelections(), ...courseColumns(), ...ownerNames] as never[])
    .select((eb) => [
      'picked.bucket',
      eb.selectFrom('counts as k').whereRef('k.run_id', '=', 'r.id')
        .select(sql<number>`coalesce(sum(k.learners), 0)::int`.as('n')).as('learners'),
      eb.selectFrom('counts as k').whereRef('k.run_id', '=', 'r.id')
        .select(sql<number>`coalesce(sum(k.active), 0)::int`.as('n')).as('outcomes_to_record'),
      eb.selectFrom('counts as k').whereRef('k.run_id', '=', 'r.id')
        .select(sql<HomeRow['by_agency']>`json_agg(json_build_object('agencyId', k.agency_id, 'agencyName', k.agency_name, 'learners', k.learners)
          order by k.learners desc, k.agency_name nulls last, k.agency_id)`.as('j')).as('by_agency'),
    ])
    .orderBy('picked.bucket').orderBy('picked.rank')
    .$castTo<HomeRow>();
}

export async function instructorHome(ctx: SignedInOperationContext): Promise<InstructorHome> {
  const rows = await preparedQuery(ctx.em, homeQuery(ctx));
  const toHomeRun = (row: HomeRow): InstructorHomeRun => {
    const byAgency: AgencyLearners[] = (row.by_agency ?? []).map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, learners: a.learners }));
    return { run: { ...toCourseRun(row), preloadedCourse: toCourse(row) }, learners: row.learners, learnersByAgency: byAgency, outcomesToRecord: row.outcomes_to_record };
  };
  const bucket = (b: Bucket) => rows.filter((r) => r.bucket === b).map(toHomeRun);
  return {
    today: bucket('TODAY'),
    thisWeek: bucket('WEEK'),
    awaitingOutcomes: bucket('AWAITING'),
  };
}

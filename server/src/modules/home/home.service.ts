import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import { AppError } from '../../shared/errors.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { catalogueVisibility, DeliveryMode, EnrolmentPolicy } from '../course/index.js';
import {
  CURRENT, ENROLMENT_COLUMNS, EnrolmentStatus, ENROLMENT_JOINS, toEnrolment, toEnrolmentCourse, type CourseColumns, type EnrolmentRow,
} from '../enrolment/index.js';
import { yearProgress } from '../learning-hours/index.js';
import { closedReasonSql, RUN_COLUMNS, toCourseRun, type RunRow } from '../run/index.js';
import { HomeRecommendationReason, type HomeRecommendation, type LearnerHome } from './home.types.js';

const LIST_LIMIT = 10;
const RECOMMENDATIONS = 4;

type Bucket = 'ACTIVE' | 'PENDING' | 'UPCOMING' | 'AWAITING';

type RecommendationRow = CourseColumns & { run: RunRow; closes_gap: boolean };

const now = sql<Date>`now()`;

/**
 * The whole page in one prepared statement (limits are literals, so PostgreSQL settles on a generic plan) (it is the first thing every learner opens):
 * - the rule in force (no rule: no row), one row of person_learning_year (never a sum over the ledger), its JP
 *   as credited, and approvals waiting;
 * - four bounded lists of enrolments, split by their run's dates so each says one thing: running now
 *   (started or undated, not ended), not started yet, requests and waiting places, and ended runs
 *   whose result the instructor has not recorded yet;
 * - up to four published courses the viewer may see and is not in (nor has completed), each with its
 *   soonest run the viewer may enrol in themselves that has not started (or is self-paced: joining late
 *   loses nothing), with seats first; while there is a JP gap, those that close it (smallest first),
 *   then the largest; without a gap, the newest. A course failed before is suggested again (a retake).
 * An enrolment and a run are shaped by their own modules' columns (ENROLMENT_COLUMNS, RUN_COLUMNS), read as
 * JSON objects, so their mappers read them as from any other list.
 */
function homeQuery(ctx: SignedInOperationContext, year: number, today: string) {
  const me = ctx.viewer.personId;
  return db(ctx)
    .with('stats', (qc) => qc
      .selectFrom((eb) => eb.selectFrom('learning_rule_set').select(['minutes_per_jp', 'yearly_target_jp'])
        .where('valid_from', '<=', today).orderBy('valid_from', 'desc').limit(sql.lit(1)).as('rule'))
      .leftJoin('person_learning_year as ply', (join) => join.on('ply.person_id', '=', me).on('ply.year', '=', year))
      .select((eb) => [
        'rule.minutes_per_jp', 'rule.yearly_target_jp',
        eb.fn.coalesce('ply.minutes', eb.lit(0)).as('minutes'),
        eb.fn.coalesce('ply.jp', sql<string>`0`).as('jp'),
        eb.selectFrom('enrolment as a').select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n'))
          .where('a.approver_id', '=', me).where('a.status', '=', sql.lit(EnrolmentStatus.REQUESTED)).as('pending_approvals'),
      ]))
    // The JP still missing this year, from the JP as credited: a course closes the gap when its JP reach it.
    .with('gap', (qc) => qc.selectFrom('stats as s')
      .select((eb) => eb.fn<number>('greatest', [eb.lit(0), sql<number>`${eb.ref('s.yearly_target_jp')} - ${eb.ref('s.jp')}`]).as('missing')))
    .with('picked', (qc) => {
      const rows = qc.selectFrom('enrolment as e').innerJoin('course_run as r', 'r.id', 'e.run_id').where('e.person_id', '=', me);
      const active = rows
        .select((eb) => ['e.id', sql<Bucket>`'ACTIVE'`.as('bucket'),
          eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc')).as('rank')])
        .where('e.status', '=', sql.lit(EnrolmentStatus.ACTIVE))
        .where((eb) => eb.or([eb('r.starts_at', 'is', null), eb('r.starts_at', '<=', now)]))
        .where((eb) => eb.or([eb('r.ends_at', 'is', null), eb('r.ends_at', '>', now)]))
        .orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc').limit(sql.lit(LIST_LIMIT));
      const pending = rows
        .select((eb) => ['e.id', sql<Bucket>`'PENDING'`.as('bucket'),
          eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('e.requested_at').orderBy('e.id')).as('rank')])
        .where('e.status', 'in', [sql.lit(EnrolmentStatus.REQUESTED), sql.lit(EnrolmentStatus.WAITLISTED)])
        .orderBy('e.requested_at').orderBy('e.id').limit(sql.lit(LIST_LIMIT));
      const upcoming = rows
        .select((eb) => ['e.id', sql<Bucket>`'UPCOMING'`.as('bucket'),
          eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('r.starts_at').orderBy('e.id')).as('rank')])
        .where('e.status', '=', sql.lit(EnrolmentStatus.ACTIVE)).where('r.starts_at', '>', now)
        .orderBy('r.starts_at').orderBy('e.id').limit(sql.lit(LIST_LIMIT));
      const awaiting = rows
        .select((eb) => ['e.id', sql<Bucket>`'AWAITING'`.as('bucket'),
          eb.fn.agg<number>('row_number').over((ob) => ob.orderBy('r.ends_at', 'desc').orderBy('e.id')).as('rank')])
        .where('e.status', '=', sql.lit(EnrolmentStatus.ACTIVE)).where('r.ends_at', '<=', now)
        .orderBy('r.ends_at', 'desc').orderBy('e.id').limit(sql.lit(LIST_LIMIT));
      // Each list is ordered and limited on its own, so each is a derived table of the union.
      return qc.selectFrom(active.as('active')).selectAll()
        .unionAll(qc.selectFrom(pending.as('pending')).selectAll())
        .unionAll(qc.selectFrom(upcoming.as('upcoming')).selectAll())
        .unionAll(qc.selectFrom(awaiting.as('awaiting')).selectAll());
    })
    .with('lists', (qc) => qc.selectFrom('picked')
      .select((eb) => [
        'picked.bucket', 'picked.rank',
        sql<EnrolmentRow>`(select row_to_json(x) from (select ${sql.raw(ENROLMENT_COLUMNS)} from enrolment e ${sql.raw(ENROLMENT_JOINS)}
                            where e.id = ${eb.ref('picked.id')}) x)`.as('enrolment'),
      ]))
    .with('recs', (qc) => {
      const best = qc.selectFrom('course as c')
        .crossJoin('gap as g')
        .innerJoinLateral(
          (eb) => eb.selectFrom('course_run as rr').selectAll('rr')
            .whereRef('rr.course_id', '=', 'c.id')
            .where('rr.enrolment_policy', '<>', sql.lit(EnrolmentPolicy.INVITATION))
            .where(sql<boolean>`${sql.raw(closedReasonSql('rr'))} is null`)
            .where((e) => e.or([e('rr.starts_at', 'is', null), e('rr.starts_at', '>', now), e('c.delivery', '=', sql.lit(DeliveryMode.ONLINE_SELF_PACED))]))
            .orderBy((e) => e.or([e('rr.capacity', 'is', null), e('rr.seats_taken', '<', e.ref('rr.capacity'))]), 'desc')
            .orderBy((e) => sql`coalesce(${e.ref('rr.starts_at')}, '-infinity'::timestamptz)`)
            .orderBy('rr.id')
            .limit(sql.lit(1))
            .as('r'),
          (join) => join.onTrue(),
        )
        .leftJoin('agency as oa', 'oa.id', 'c.owner_agency_id')
        .leftJoin('partner_institution as op', 'op.id', 'c.owner_partner_id')
        .select((eb) => [
          'c.id as course_id', 'c.code as course_code', 'c.title as course_title', 'c.jp as course_jp', 'c.form as course_form',
          'c.delivery as course_delivery', eb.fn.coalesce('oa.name', 'op.name', sql<string>`''`).as('course_owner_name'),
          sql<RunRow>`(select row_to_json(x) from (select ${sql.raw(RUN_COLUMNS)}) x)`.as('run'),
          eb('c.jp', '>=', eb.ref('g.missing')).as('closes_gap'),
        ])
        .where(catalogueVisibility(ctx.viewer, 'c'))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('enrolment as x').select(eb.lit(1).as('one'))
          .whereRef('x.course_id', '=', 'c.id').where('x.person_id', '=', me).where('x.status', 'in', CURRENT))))
        .orderBy((eb) => eb.or([eb('r.capacity', 'is', null), eb('r.seats_taken', '<', eb.ref('r.capacity'))]), 'desc')
        .orderBy((eb) => eb.case().when('g.missing', '>', 0).then(eb('c.jp', '>=', eb.ref('g.missing'))).end(), 'desc')
        .orderBy((eb) => eb.case().when(eb.and([eb('g.missing', '>', 0), eb('c.jp', '>=', eb.ref('g.missing'))])).then(eb.ref('c.jp')).end(), 'asc')
        .orderBy((eb) => eb.case().when('g.missing', '>', 0).then(eb.ref('c.jp')).end(), 'desc')
        .orderBy((eb) => eb.case().when('g.missing', '>', 0).then(eb.ref('r.starts_at')).end(), (ob) => ob.asc().nullsLast())
        .orderBy((eb) => eb.case().when('g.missing', '=', 0).then(eb.ref('c.published_at')).end(), (ob) => ob.desc().nullsLast())
        .orderBy('c.id')
        .limit(sql.lit(RECOMMENDATIONS));
      return qc.selectFrom(best.as('best')).selectAll('best').select((eb) => eb.fn.agg<number>('row_number').over().as('rank'));
    })
    .selectFrom('stats as s')
    .crossJoin('gap as g')
    .select((eb) => [
      's.minutes', eb.cast<number>('s.jp', 'float8').as('jp'), 's.minutes_per_jp', 's.yearly_target_jp', 's.pending_approvals',
      eb.cast<number>('g.missing', 'float8').as('missing_jp'),
      eb.selectFrom('lists as l').select((e) => sql<{ bucket: Bucket; enrolment: EnrolmentRow }[] | null>`json_agg(json_build_object('bucket', ${e.ref('l.bucket')}, 'enrolment', ${e.ref('l.enrolment')}) order by ${e.ref('l.bucket')}, ${e.ref('l.rank')})`.as('j')).as('lists'),
      eb.selectFrom('recs as r').select((e) => sql<RecommendationRow[] | null>`json_agg(${e.table('r')} order by ${e.ref('r.rank')})`.as('j')).as('recommended'),
    ]);
}

/** Why a course is suggested, as a code the client words in the viewer's language (with the figures of LearnerHome). */
function reasonFor(row: RecommendationRow, missingJp: number): HomeRecommendationReason {
  if (missingJp <= 0) return HomeRecommendationReason.TARGET_REACHED;
  return row.closes_gap ? HomeRecommendationReason.CLOSES_GAP : HomeRecommendationReason.ADDS_TO_GAP;
}

/**
 * The year's JP, progress and what remains are the JP as credited (person_learning_year.jp), never its minutes
 * over today's rule: a rule change after a completion does not change what the home shows for it.
 */
export async function learnerHome(ctx: SignedInOperationContext): Promise<LearnerHome> {
  const at = new Date();
  const year = yearIn(at);
  const [home] = await preparedQuery(ctx.em, homeQuery(ctx, year, isoDateIn(at)));
  if (!home) throw new AppError('RULE_NOT_FOUND');
  const target = home.yearly_target_jp;
  const jp = Number(home.jp);
  const missingJp = Number(home.missing_jp);
  const lists = home.lists ?? [];

  const bucket = (b: Bucket) => lists.filter((r) => r.bucket === b).map((r) => toEnrolment(r.enrolment));
  return {
    year,
    minutes: Number(home.minutes),
    jp,
    targetJp: target,
    ...yearProgress(jp, target),
    minutesPerJp: home.minutes_per_jp,
    activeEnrolments: bucket('ACTIVE'),
    pendingEnrolments: bucket('PENDING'),
    upcoming: bucket('UPCOMING'),
    awaitingResult: bucket('AWAITING'),
    recommended: (home.recommended ?? []).map(
      (r): HomeRecommendation => ({
        course: toEnrolmentCourse(r), run: toCourseRun(r.run), reason: reasonFor(r, missingJp), closesGap: missingJp > 0 && r.closes_gap,
      }),
    ),
    pendingApprovalsCount: home.pending_approvals ?? 0,
  };
}

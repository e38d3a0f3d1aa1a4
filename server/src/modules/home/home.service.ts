import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { numbered, preparedRows } from '../../shared/db/prepared.js';
import { AppError } from '../../shared/errors.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { catalogueVisibilitySql } from '../course/index.js';
import {
  CURRENT, ENROLMENT_COLUMNS, ENROLMENT_JOINS, toEnrolment, toEnrolmentCourse, type CourseColumns, type EnrolmentRow,
} from '../enrolment/index.js';
import { jpOf, progressOf, remainingJpOf } from '../learning-hours/index.js';
import { closedReasonSql, RUN_COLUMNS, toCourseRun, type RunRow } from '../run/index.js';
import { HomeRecommendationReason, type HomeRecommendation, type LearnerHome } from './home.types.js';

const LIST_LIMIT = 10;
const RECOMMENDATIONS = 4;

type Bucket = 'ACTIVE' | 'PENDING' | 'UPCOMING' | 'AWAITING';

type RecommendationRow = CourseColumns & RunRow & { closes_gap: boolean };

interface HomeRow {
  minutes: number;
  minutes_per_jp: number | null;
  yearly_target_jp: number | null;
  pending_approvals: number;
  /** JSON: the four bounded enrolment lists, in bucket and rank order. */
  lists: (EnrolmentRow & { bucket: Bucket; rank: number })[] | null;
  /** JSON: the recommendations, best first. */
  recommended: RecommendationRow[] | null;
}

/**
 * The whole page in one prepared statement (it is the first thing every learner opens):
 * - one row of person_learning_year (never a sum over the ledger), the rule in force, approvals waiting;
 * - four bounded lists of enrolments, split by their run's dates so each says one thing: running now
 *   (started or undated, not ended), not started yet, requests and waiting places, and ended runs
 *   whose result the instructor has not recorded yet;
 * - up to four published courses the viewer may see and is not in (nor has completed), each with its
 *   soonest run the viewer may enrol in themselves that has not started (or is self-paced: joining late
 *   loses nothing), with seats first; while there is a JP gap, those that close it (smallest first),
 *   then the largest; without a gap, the newest. A course failed before is suggested again (a retake).
 */
function readHome(em: EntityManager, viewer: Viewer, year: number, today: string): Promise<HomeRow[]> {
  const vis = catalogueVisibilitySql(viewer);
  const q = numbered(
    `with stats as (
       select coalesce(ply.minutes, 0) as minutes, r.minutes_per_jp, r.yearly_target_jp,
              (select count(*)::int from enrolment a where a.approver_id = ? and a.status = 'REQUESTED') as pending_approvals
         from (select 1) one
         left join person_learning_year ply on ply.person_id = ? and ply.year = ?
         left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                             where valid_from <= ?::date order by valid_from desc limit 1) r on true
     ),
     gap as (select s.minutes_per_jp as mpj, greatest(0, s.yearly_target_jp * s.minutes_per_jp - s.minutes) as missing from stats s),
     picked as (
       (select e.id, 'ACTIVE' as bucket, row_number() over (order by e.requested_at desc, e.id desc) as rank
          from enrolment e join course_run r on r.id = e.run_id
         where e.person_id = ? and e.status = 'ACTIVE'
           and (r.starts_at is null or r.starts_at <= now()) and (r.ends_at is null or r.ends_at > now())
         order by e.requested_at desc, e.id desc limit ${LIST_LIMIT})
       union all
       (select e.id, 'PENDING', row_number() over (order by e.requested_at, e.id)
          from enrolment e where e.person_id = ? and e.status in ('REQUESTED', 'WAITLISTED')
         order by e.requested_at, e.id limit ${LIST_LIMIT})
       union all
       (select e.id, 'UPCOMING', row_number() over (order by r.starts_at, e.id)
          from enrolment e join course_run r on r.id = e.run_id
         where e.person_id = ? and e.status = 'ACTIVE' and r.starts_at > now()
         order by r.starts_at, e.id limit ${LIST_LIMIT})
       union all
       (select e.id, 'AWAITING', row_number() over (order by r.ends_at desc, e.id)
          from enrolment e join course_run r on r.id = e.run_id
         where e.person_id = ? and e.status = 'ACTIVE' and r.ends_at <= now()
         order by r.ends_at desc, e.id limit ${LIST_LIMIT})
     ),
     lists as (
       select ${ENROLMENT_COLUMNS}, picked.bucket, picked.rank
         from picked join enrolment e on e.id = picked.id ${ENROLMENT_JOINS}
     ),
     recs as (
       select row_number() over () as rank, x.* from (
         select c.id as course_id, c.code as course_code, c.title as course_title, c.jp as course_jp, c.form as course_form,
                c.delivery as course_delivery, coalesce(oa.name, op.name, '') as course_owner_name,
                ${RUN_COLUMNS},
                (c.jp * g.mpj >= g.missing) as closes_gap
           from course c
           cross join gap g
           cross join lateral (
             select rr.* from course_run rr
              where rr.course_id = c.id and rr.enrolment_policy <> 'INVITATION' and ${closedReasonSql('rr')} is null
                and (rr.starts_at is null or rr.starts_at > now() or c.delivery = 'ONLINE_SELF_PACED')
              order by (rr.capacity is null or rr.seats_taken < rr.capacity) desc, coalesce(rr.starts_at, '-infinity'::timestamptz), rr.id
              limit 1) r
           left join agency oa on oa.id = c.owner_agency_id
           left join partner_institution op on op.id = c.owner_partner_id
          where ${vis.sql}
            and not exists (select 1 from enrolment x where x.course_id = c.id and x.person_id = ? and x.status = any(?::text[]))
          order by (r.capacity is null or r.seats_taken < r.capacity) desc,
                   case when g.missing > 0 then c.jp * g.mpj >= g.missing end desc,
                   case when g.missing > 0 and c.jp * g.mpj >= g.missing then c.jp end asc,
                   case when g.missing > 0 then c.jp end desc,
                   case when g.missing > 0 then r.starts_at end asc nulls last,
                   case when g.missing = 0 then c.published_at end desc nulls last,
                   c.id
          limit ${RECOMMENDATIONS}) x
     )
     select s.*,
            (select json_agg(l order by l.bucket, l.rank) from lists l) as lists,
            (select json_agg(r order by r.rank) from recs r) as recommended
       from stats s`,
    [viewer.personId, viewer.personId, year, today, viewer.personId, viewer.personId, viewer.personId, viewer.personId, ...vis.params, viewer.personId, CURRENT],
  );
  return preparedRows<HomeRow>(em, q.text, q.values);
}

/** Why a course is suggested, as a code the client words in the viewer's language (with the figures of LearnerHome). */
function reasonFor(row: RecommendationRow, missingMinutes: number): HomeRecommendationReason {
  if (missingMinutes <= 0) return HomeRecommendationReason.TARGET_REACHED;
  return row.closes_gap ? HomeRecommendationReason.CLOSES_GAP : HomeRecommendationReason.ADDS_TO_GAP;
}

export async function learnerHome(ctx: SignedInOperationContext): Promise<LearnerHome> {
  const { em, viewer } = ctx;
  const now = new Date();
  const year = yearIn(now);
  const [home] = await readHome(em, viewer, year, isoDateIn(now));
  if (home.minutes_per_jp == null || home.yearly_target_jp == null) throw new AppError('RULE_NOT_FOUND');
  const mpj = home.minutes_per_jp;
  const target = home.yearly_target_jp;
  const missingMinutes = Math.max(0, target * mpj - home.minutes);
  const remainingJp = remainingJpOf(home.minutes, target, mpj);
  const lists = home.lists ?? [];

  const bucket = (b: Bucket) => lists.filter((r) => r.bucket === b).map((r) => toEnrolment(r));
  return {
    year,
    minutes: home.minutes,
    jp: jpOf(home.minutes, mpj),
    targetJp: target,
    remainingJp,
    minutesPerJp: mpj,
    progress: progressOf(home.minutes, target, mpj),
    activeEnrolments: bucket('ACTIVE'),
    pendingEnrolments: bucket('PENDING'),
    upcoming: bucket('UPCOMING'),
    awaitingResult: bucket('AWAITING'),
    recommended: (home.recommended ?? []).map(
      (r): HomeRecommendation => ({
        course: toEnrolmentCourse(r), run: toCourseRun(r), reason: reasonFor(r, missingMinutes), closesGap: missingMinutes > 0 && r.closes_gap,
      }),
    ),
    pendingApprovalsCount: home.pending_approvals,
  };
}

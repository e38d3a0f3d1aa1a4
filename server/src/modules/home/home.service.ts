import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { catalogueVisibilitySql } from '../course/course.policy.js';
import { ENROLMENT_COLUMNS, ENROLMENT_JOINS, toEnrolment, toEnrolmentCourse, type CourseColumns, type EnrolmentRow } from '../enrolment/index.js';
import { jpOf, progressOf, remainingJpOf } from '../learning-hours/index.js';
import type { HomeRecommendation, LearnerHome } from './home.types.js';

const LIST_LIMIT = 10;
const RECOMMENDATIONS = 4;

interface StatsRow {
  minutes: number;
  minutes_per_jp: number | null;
  yearly_target_jp: number | null;
  pending_approvals: number;
}

type Bucket = 'ACTIVE' | 'PENDING' | 'UPCOMING';

/** One row of person_learning_year (never a sum over the ledger), the rule in force and the approvals waiting. */
function readStats(em: EntityManager, viewer: Viewer, year: number, today: string): Promise<StatsRow[]> {
  return em.execute<StatsRow[]>(
    `select coalesce(ply.minutes, 0) as minutes, r.minutes_per_jp, r.yearly_target_jp,
            (select count(*)::int from enrolment a where a.approver_id = ? and a.status = 'REQUESTED') as pending_approvals
       from (select 1) one
       left join person_learning_year ply on ply.person_id = ? and ply.year = ?
       left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                           where valid_from <= ?::date order by valid_from desc limit 1) r on true`,
    [viewer.personId, viewer.personId, year, today],
  );
}

/** The three bounded enrolment lists of the page in one statement. */
function readLists(em: EntityManager, viewer: Viewer): Promise<(EnrolmentRow & { bucket: Bucket; rank: number })[]> {
  return em.execute(
    `with picked as (
       (select e.id, 'ACTIVE' as bucket, row_number() over (order by e.requested_at desc, e.id desc) as rank
          from enrolment e where e.person_id = ? and e.status = 'ACTIVE'
         order by e.requested_at desc, e.id desc limit ${LIST_LIMIT})
       union all
       (select e.id, 'PENDING', row_number() over (order by e.requested_at, e.id)
          from enrolment e where e.person_id = ? and e.status in ('REQUESTED', 'WAITLISTED')
         order by e.requested_at, e.id limit ${LIST_LIMIT})
       union all
       (select e.id, 'UPCOMING', row_number() over (order by c.starts_at, e.id)
          from enrolment e join course c on c.id = e.course_id
         where e.person_id = ? and e.status = 'ACTIVE' and c.starts_at is not null
           and c.starts_at <= now() + interval '30 days'
           and (c.starts_at >= now() or coalesce(c.ends_at, c.starts_at + interval '1 day') >= now())
         order by c.starts_at, e.id limit ${LIST_LIMIT})
     )
     select ${ENROLMENT_COLUMNS}, picked.bucket, picked.rank
       from picked join enrolment e on e.id = picked.id ${ENROLMENT_JOINS}
      order by picked.bucket, picked.rank`,
    [viewer.personId, viewer.personId, viewer.personId],
  );
}

type RecommendationRow = CourseColumns & { closes_gap: boolean };

/**
 * Up to four published courses the viewer may see and enrol in themselves, is not already in,
 * with seats first; while there is a JP gap, those that close it (smallest first), then the largest.
 */
function readRecommendations(em: EntityManager, viewer: Viewer, minutesPerJp: number, missingMinutes: number): Promise<RecommendationRow[]> {
  const vis = catalogueVisibilitySql(viewer);
  const order = missingMinutes > 0
    ? `closes_gap desc, case when c.jp * ? >= ? then c.jp end asc, c.jp desc, c.starts_at asc nulls last, c.id`
    : `c.published_at desc nulls last, c.id`;
  return em.execute<RecommendationRow[]>(
    `select c.id as course_id, c.code as course_code, c.title as course_title, c.jp as course_jp, c.form as course_form,
            c.delivery as course_delivery, c.enrolment_policy as course_policy, c.starts_at as course_starts_at,
            c.ends_at as course_ends_at, c.capacity as course_capacity, c.seats_taken as course_seats_taken,
            coalesce(oa.name, op.name, '') as course_owner_name,
            (c.jp * ? >= ?) as closes_gap
       from course c
       left join agency oa on oa.id = c.owner_agency_id
       left join partner_institution op on op.id = c.owner_partner_id
      where ${vis.sql}
        and c.enrolment_policy <> 'INVITATION'
        and (c.ends_at is null or c.ends_at > now())
        and not exists (select 1 from enrolment x where x.course_id = c.id and x.person_id = ? and x.status <> 'WITHDRAWN')
      order by (c.capacity is null or c.seats_taken < c.capacity) desc, ${order}
      limit ${RECOMMENDATIONS}`,
    [minutesPerJp, missingMinutes, ...vis.params, viewer.personId, ...(missingMinutes > 0 ? [minutesPerJp, missingMinutes] : [])],
  );
}

const jpFormat = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

function formatJp(value: number, locale: Locale): string {
  return jpFormat[locale === 'en' ? 'en' : 'id'].format(value);
}

function reasonFor(row: RecommendationRow, remainingJp: number, targetJp: number, locale: Locale): string {
  const gap = formatJp(remainingJp, locale);
  const jp = formatJp(row.course_jp, locale);
  if (remainingJp <= 0) {
    return locale === 'en'
      ? `You reached this year's ${targetJp} JP; ${jp} more JP for your development`
      : `Target ${targetJp} JP tahun ini sudah tercapai; tambah ${jp} JP untuk pengembangan diri`;
  }
  if (row.closes_gap) return locale === 'en' ? `Closes your ${gap} JP gap` : `Menutup kekurangan ${gap} JP`;
  return locale === 'en' ? `Adds ${jp} of the ${gap} JP you still need` : `Menambah ${jp} JP dari kekurangan ${gap} JP`;
}

export async function learnerHome(em: EntityManager, viewer: Viewer, locale: Locale): Promise<LearnerHome> {
  const now = new Date();
  const year = yearIn(now);
  const [[stats], lists] = await Promise.all([readStats(em, viewer, year, isoDateIn(now)), readLists(em, viewer)]);
  if (stats.minutes_per_jp == null || stats.yearly_target_jp == null) throw new AppError('RULE_NOT_FOUND');
  const mpj = stats.minutes_per_jp;
  const target = stats.yearly_target_jp;
  const missingMinutes = Math.max(0, target * mpj - stats.minutes);
  const remainingJp = remainingJpOf(stats.minutes, target, mpj);
  const recommendations = await readRecommendations(em, viewer, mpj, missingMinutes);

  const bucket = (b: Bucket) => lists.filter((r) => r.bucket === b).map((r) => toEnrolment(r));
  return {
    year,
    minutes: stats.minutes,
    jp: jpOf(stats.minutes, mpj),
    targetJp: target,
    remainingJp,
    minutesPerJp: mpj,
    progress: progressOf(stats.minutes, target, mpj),
    activeEnrolments: bucket('ACTIVE'),
    pendingEnrolments: bucket('PENDING'),
    upcoming: bucket('UPCOMING'),
    recommended: recommendations.map(
      (r): HomeRecommendation => ({ course: toEnrolmentCourse(r), reason: reasonFor(r, remainingJp, target, locale), closesGap: missingMinutes > 0 && r.closes_gap }),
    ),
    pendingApprovalsCount: stats.pending_approvals,
  };
}

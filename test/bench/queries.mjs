/**
 * What `pnpm bench` measures: each operation is a GraphQL document sent to the real server, and the
 * floor for it: ONE hand-written SQL statement that returns the very same response JSON, served by a
 * bare node:http handler (floor.mjs). The harness checks the two answers are equal before timing.
 *
 * Adjust here when the API changes; the floor SQL must then be changed to match (the harness says
 * which operation differs and where).
 */

/**
 * Catalogue, first page, with what the catalogue card reads (client/src/features/catalogue/CourseCard.tsx): the
 * course, its owner, its next run (angkatan, dates, place, seats, whether enrolment is open) and the viewer's own
 * enrolment. Default order: what one can start soonest, courses with no run still to come hidden.
 */
export const CATALOGUE = `query BenchCatalogue {
  catalogue(first: 20) {
    nodes {
      id code title form delivery jp competencyTags
      owner { id name kind }
      nextRun { id code startsAt endsAt location hasOnlineUrl capacity seatsLeft waitlistLength enrolmentPolicy enrolmentClosedReason }
      viewerEnrolment { id status }
    }
  }
}`;

/** The learner's home page, as client/src/routes/home.tsx asks for it (its enrolment and recommendation cards). */
export const LEARNER_HOME = `query BenchLearnerHome {
  learnerHome {
    year jp targetJp remainingJp progress minutesPerJp pendingApprovalsCount
    pendingEnrolments { ...BenchEnrolmentCard }
    activeEnrolments { ...BenchEnrolmentCard }
    upcoming { ...BenchEnrolmentCard }
    awaitingResult { ...BenchEnrolmentCard }
    recommended { reason closesGap course { id title jp form ownerName } run { id code startsAt endsAt location capacity seatsLeft } }
  }
}
fragment BenchEnrolmentCard on Enrolment {
  id status requestedAt approverName decidedByName decisionNote waitlistPosition finishedAt creditedMinutes
  course { id code title jp form delivery ownerName }
  run { id code startsAt endsAt location onlineUrl hasOnlineUrl }
}`;

/** The viewer, from the session cookie's token (hashed as the server hashes it). $1 = raw token. */
const VIEWER = `v as (
  select p.id as person_id, p.agency_id
    from session s join person p on p.id = s.person_id
   where s.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') and s.expires_at > now() and p.active
)`;

/** Timestamps exactly as GraphQL's DateTimeISO prints them. */
const iso = (col) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The catalogue rule: published, and open to all, owned by, or listing the viewer's agency. */
const VISIBLE = `c.status = 'PUBLISHED' and (c.visibility = 'ALL_AGENCIES' or c.owner_agency_id = v.agency_id
  or (c.visibility = 'LISTED_AGENCIES' and exists (select 1 from course_visible_agency x where x.course_id = c.id and x.agency_id = v.agency_id)))`;

const seatsLeft = (r) => `case when ${r}.capacity is null then null else greatest(0, ${r}.capacity - ${r}.seats_taken) end`;

/** A run that still counts (the run module's notEndedSql): scheduled, and no end or an end ahead. */
const NOT_ENDED = (r) => `${r}.status = 'SCHEDULED' and (${r}.ends_at is null or ${r}.ends_at > now())`;

/** Why a run takes no more enrolments, or null (the run module's closedReasonSql). */
const closedReason = (r) => `case when ${r}.status = 'CANCELLED' then 'RUN_CANCELLED' when ${r}.ends_at <= now() then 'COURSE_ENDED'
  when ${r}.enrolment_closes_at <= now() then 'ENROLMENT_DEADLINE_PASSED' end`;

/** Requested, waiting, active or completed: the enrolment a learner is "in" (enrolment module's CURRENT). */
const CURRENT = `('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED')`;

/*
 * The catalogue's default page (course module): visible courses with a run not ended, ordered by their next run's
 * start (undated = any time, first), then id. nextRun is that run (ties by run id); viewerEnrolment the viewer's
 * current enrolment in the course, else their latest.
 */
export const CATALOGUE_FLOOR_SQL = `with ${VIEWER},
page as (
  select c.id, c.code, c.title, c.form, c.delivery, c.jp, c.competency_tags, c.owner_agency_id, c.owner_partner_id, n.sort_at, v.person_id
    from course c
    cross join v
    cross join lateral (select min(coalesce(r.starts_at, '-infinity'::timestamptz)) as sort_at
                          from course_run r where r.course_id = c.id and ${NOT_ENDED('r')}) n
   where ${VISIBLE} and n.sort_at is not null
   order by n.sort_at, c.id
   limit 20
)
select json_build_object('data', json_build_object('catalogue', json_build_object('nodes', coalesce(json_agg(json_build_object(
         'id', page.id, 'code', page.code, 'title', page.title, 'form', page.form, 'delivery', page.delivery, 'jp', page.jp,
         'competencyTags', to_json(page.competency_tags),
         'owner', json_build_object('id', coalesce(page.owner_agency_id, page.owner_partner_id), 'name', coalesce(a.name, pi.name),
                                    'kind', case when page.owner_agency_id is not null then 'AGENCY' else 'PARTNER' end),
         'nextRun', (select json_build_object('id', r.id, 'code', r.code, 'startsAt', ${iso('r.starts_at')}, 'endsAt', ${iso('r.ends_at')},
                                              'location', r.location, 'hasOnlineUrl', r.online_url is not null, 'capacity', r.capacity, 'seatsLeft', ${seatsLeft('r')},
                                              'waitlistLength', r.waitlist_length, 'enrolmentPolicy', r.enrolment_policy,
                                              'enrolmentClosedReason', ${closedReason('r')})
                       from course_run r where r.course_id = page.id and ${NOT_ENDED('r')}
                      order by coalesce(r.starts_at, '-infinity'::timestamptz), r.id limit 1),
         'viewerEnrolment', (select json_build_object('id', e.id, 'status', e.status)
                               from enrolment e where e.person_id = page.person_id and e.course_id = page.id
                              order by (e.status in ${CURRENT}) desc, e.requested_at desc, e.id desc limit 1)
       ) order by page.sort_at, page.id), '[]'::json))))::text as body
  from page
  left join agency a on a.id = page.owner_agency_id
  left join partner_institution pi on pi.id = page.owner_partner_id`;

/*
 * The home page (home module): the year's figures from person_learning_year and the rule in force; four bounded
 * lists of ACTIVE/pending enrolments split by their run's dates; up to four recommended courses the viewer is not
 * in (nor has completed), each with its soonest run they may enrol in themselves that has not started (self-paced:
 * any time), seats first. The reason is a code the client words.
 */
export const LEARNER_HOME_FLOOR_SQL = `with ${VIEWER},
clock as (select extract(year from now() at time zone 'Asia/Jakarta')::int as year, (now() at time zone 'Asia/Jakarta')::date as today),
stats as (
  select v.person_id, v.agency_id, clock.year, coalesce(ply.minutes, 0) as minutes, r.minutes_per_jp as mpj, r.yearly_target_jp as target,
         (select count(*)::int from enrolment a where a.approver_id = v.person_id and a.status = 'REQUESTED') as pending_approvals
    from v cross join clock
    left join person_learning_year ply on ply.person_id = v.person_id and ply.year = clock.year
    left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                        where valid_from <= clock.today order by valid_from desc limit 1) r on true
),
calc as (
  select s.*, greatest(0, s.target * s.mpj - s.minutes) as missing,
         floor(s.minutes * 10.0 / s.mpj) / 10 as jp,
         case when s.target * s.mpj - s.minutes <= 0 then 0 else ceil((s.target * s.mpj - s.minutes) * 10.0 / s.mpj) / 10 end as remaining
    from stats s
),
picked as (
  (select e.id, 'A' as bucket, row_number() over (order by e.requested_at desc, e.id desc) as rank
     from enrolment e join course_run r on r.id = e.run_id, v
    where e.person_id = v.person_id and e.status = 'ACTIVE'
      and (r.starts_at is null or r.starts_at <= now()) and (r.ends_at is null or r.ends_at > now())
    order by e.requested_at desc, e.id desc limit 10)
  union all
  (select e.id, 'P', row_number() over (order by e.requested_at, e.id)
     from enrolment e, v where e.person_id = v.person_id and e.status in ('REQUESTED', 'WAITLISTED')
    order by e.requested_at, e.id limit 10)
  union all
  (select e.id, 'U', row_number() over (order by r.starts_at, e.id)
     from enrolment e join course_run r on r.id = e.run_id, v
    where e.person_id = v.person_id and e.status = 'ACTIVE' and r.starts_at > now()
    order by r.starts_at, e.id limit 10)
  union all
  (select e.id, 'W', row_number() over (order by r.ends_at desc, e.id)
     from enrolment e join course_run r on r.id = e.run_id, v
    where e.person_id = v.person_id and e.status = 'ACTIVE' and r.ends_at <= now()
    order by r.ends_at desc, e.id limit 10)
),
items as (
  select pk.bucket, pk.rank, json_build_object(
           'id', e.id, 'status', e.status, 'requestedAt', ${iso('e.requested_at')}, 'approverName', ap.full_name, 'decidedByName', db.full_name,
           'decisionNote', e.decision_note,
           'waitlistPosition', case when e.status = 'WAITLISTED' then
             (select count(*)::int from enrolment w where w.run_id = e.run_id and w.status = 'WAITLISTED' and (w.waitlisted_at, w.id) <= (e.waitlisted_at, e.id)) end,
           'finishedAt', ${iso('e.finished_at')}, 'creditedMinutes', lr.minutes,
           'course', json_build_object('id', c.id, 'code', c.code, 'title', c.title, 'jp', c.jp, 'form', c.form, 'delivery', c.delivery,
                                       'ownerName', coalesce(oa.name, op.name, '')),
           'run', json_build_object('id', r.id, 'code', r.code, 'startsAt', ${iso('r.starts_at')}, 'endsAt', ${iso('r.ends_at')},
                                    'location', r.location,
                                    'onlineUrl', case when e.status in ('ACTIVE', 'COMPLETED', 'FAILED') then r.online_url end,
                                    'hasOnlineUrl', r.online_url is not null)
         ) as card
    from picked pk
    join enrolment e on e.id = pk.id
    join course_run r on r.id = e.run_id
    join course c on c.id = e.course_id
    left join agency oa on oa.id = c.owner_agency_id
    left join partner_institution op on op.id = c.owner_partner_id
    left join person ap on ap.id = e.approver_id
    left join person db on db.id = e.decided_by_id
    left join learning_record lr on lr.source = 'COURSE_RUN_COMPLETION' and lr.source_id = e.id and lr.reverses_id is null and lr.status = 'CREDITED'
),
recs as (
  select row_number() over () as rank, x.* from (
    select c.id, c.title, c.jp, c.form, coalesce(oa.name, op.name, '') as owner_name,
           r.id as run_id, r.code as run_code, r.starts_at, r.ends_at, r.location, r.capacity, r.seats_taken,
           (c.jp * calc.mpj >= calc.missing) as closes_gap
      from course c cross join v cross join calc
      cross join lateral (
        select rr.* from course_run rr
         where rr.course_id = c.id and rr.enrolment_policy <> 'INVITATION' and (${closedReason('rr')}) is null
           and (rr.starts_at is null or rr.starts_at > now() or c.delivery = 'ONLINE_SELF_PACED')
         order by (rr.capacity is null or rr.seats_taken < rr.capacity) desc, coalesce(rr.starts_at, '-infinity'::timestamptz), rr.id
         limit 1) r
      left join agency oa on oa.id = c.owner_agency_id
      left join partner_institution op on op.id = c.owner_partner_id
     where ${VISIBLE}
       and not exists (select 1 from enrolment x where x.course_id = c.id and x.person_id = v.person_id and x.status in ${CURRENT})
     order by (r.capacity is null or r.seats_taken < r.capacity) desc,
              case when calc.missing > 0 then c.jp * calc.mpj >= calc.missing end desc,
              case when calc.missing > 0 and c.jp * calc.mpj >= calc.missing then c.jp end asc,
              case when calc.missing > 0 then c.jp end desc,
              case when calc.missing > 0 then r.starts_at end asc nulls last,
              case when calc.missing = 0 then c.published_at end desc nulls last,
              c.id
     limit 4
  ) x
)
select json_build_object('data', json_build_object('learnerHome', json_build_object(
  'year', calc.year, 'jp', calc.jp, 'targetJp', calc.target, 'remainingJp', calc.remaining,
  'progress', case when calc.target <= 0 then 1 else least(1, calc.minutes::float8 / (calc.target * calc.mpj)) end,
  'minutesPerJp', calc.mpj, 'pendingApprovalsCount', calc.pending_approvals,
  'pendingEnrolments', coalesce((select json_agg(i.card order by i.rank) from items i where i.bucket = 'P'), '[]'::json),
  'activeEnrolments', coalesce((select json_agg(i.card order by i.rank) from items i where i.bucket = 'A'), '[]'::json),
  'upcoming', coalesce((select json_agg(i.card order by i.rank) from items i where i.bucket = 'U'), '[]'::json),
  'awaitingResult', coalesce((select json_agg(i.card order by i.rank) from items i where i.bucket = 'W'), '[]'::json),
  'recommended', coalesce((select json_agg(json_build_object(
      'reason', case when calc.missing <= 0 then 'TARGET_REACHED' when r.closes_gap then 'CLOSES_GAP' else 'ADDS_TO_GAP' end,
      'closesGap', calc.missing > 0 and r.closes_gap,
      'course', json_build_object('id', r.id, 'title', r.title, 'jp', r.jp, 'form', r.form, 'ownerName', r.owner_name),
      'run', json_build_object('id', r.run_id, 'code', r.run_code, 'startsAt', ${iso('r.starts_at')}, 'endsAt', ${iso('r.ends_at')},
                               'location', r.location, 'capacity', r.capacity, 'seatsLeft', ${seatsLeft('r')})
    ) order by r.rank) from recs r), '[]'::json)
)))::text as body
  from calc`;

export const OPERATIONS = [
  { name: 'catalogue', document: CATALOGUE, floorSql: CATALOGUE_FLOOR_SQL },
  { name: 'learnerHome', document: LEARNER_HOME, floorSql: LEARNER_HOME_FLOOR_SQL },
];

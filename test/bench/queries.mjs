/**
 * What `pnpm bench` measures: each operation is a GraphQL document sent to the real server, and the
 * floor for it: ONE hand-written SQL statement that returns the very same response JSON, served by a
 * bare node:http handler (floor.mjs). The harness checks the two answers are equal before timing.
 *
 * Adjust here when the API changes; the floor SQL must then be changed to match (the harness says
 * which operation differs and where).
 */

/** Catalogue, first page, as the catalogue screen asks for it (default order: what one can start soonest, ended hidden). */
export const CATALOGUE = `query BenchCatalogue {
  catalogue(first: 20) { nodes { id code title jp seatsLeft owner { name } instructors { fullName } } }
}`;

/** The learner's home page. */
export const LEARNER_HOME = `query BenchLearnerHome {
  learnerHome {
    year jp targetJp remainingJp progress pendingApprovalsCount
    activeEnrolments { id status requestedAt course { id title jp startsAt ownerName seatsLeft } }
    pendingEnrolments { id status waitlistPosition approverName course { id title jp } }
    upcoming { id course { id title startsAt endsAt } }
    recommended { closesGap reason course { id title jp seatsLeft ownerName } }
  }
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

const seatsLeft = (c) => `case when ${c}.capacity is null then null else greatest(0, ${c}.capacity - ${c}.seats_taken) end`;

export const CATALOGUE_FLOOR_SQL = `with ${VIEWER},
page as (
  select c.id, c.code, c.title, c.jp, c.capacity, c.seats_taken, c.owner_agency_id, c.owner_partner_id,
         coalesce(c.starts_at, '-infinity'::timestamptz) as sort_at
    from course c, v
   where ${VISIBLE} and (c.ends_at is null or c.ends_at > now())
   order by sort_at, c.id
   limit 20
)
select json_build_object('data', json_build_object('catalogue', json_build_object('nodes', coalesce(json_agg(json_build_object(
         'id', page.id, 'code', page.code, 'title', page.title, 'jp', page.jp, 'seatsLeft', ${seatsLeft('page')},
         'owner', json_build_object('name', coalesce(a.name, pi.name)),
         'instructors', coalesce((select json_agg(json_build_object('fullName', p.full_name) order by p.full_name, p.id)
                                    from course_instructor ci join person p on p.id = ci.person_id where ci.course_id = page.id), '[]'::json)
       ) order by page.sort_at, page.id), '[]'::json))))::text as body
  from page
  left join agency a on a.id = page.owner_agency_id
  left join partner_institution pi on pi.id = page.owner_partner_id`;

/** id-ID number formatting with at most one decimal ("8,5", "12"). */
const jpText = (x) => `replace(trim(trailing '.' from trim(trailing '0' from to_char(${x}, 'FM99999990.0'))), '.', ',')`;

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
     from enrolment e, v where e.person_id = v.person_id and e.status = 'ACTIVE'
    order by e.requested_at desc, e.id desc limit 10)
  union all
  (select e.id, 'P', row_number() over (order by e.requested_at, e.id)
     from enrolment e, v where e.person_id = v.person_id and e.status in ('REQUESTED', 'WAITLISTED')
    order by e.requested_at, e.id limit 10)
  union all
  (select e.id, 'U', row_number() over (order by c.starts_at, e.id)
     from enrolment e join course c on c.id = e.course_id, v
    where e.person_id = v.person_id and e.status = 'ACTIVE' and c.starts_at is not null
      and c.starts_at <= now() + interval '30 days'
      and (c.starts_at >= now() or coalesce(c.ends_at, c.starts_at + interval '1 day') >= now())
    order by c.starts_at, e.id limit 10)
),
items as (
  select pk.bucket, pk.rank, e.id, e.status, e.requested_at, ap.full_name as approver_name,
         case when e.status = 'WAITLISTED' then
           (select count(*)::int from enrolment w where w.course_id = e.course_id and w.status = 'WAITLISTED' and (w.waitlisted_at, w.id) <= (e.waitlisted_at, e.id))
         end as waitlist_position,
         c.id as course_id, c.title, c.jp, c.starts_at, c.ends_at, c.capacity, c.seats_taken, coalesce(oa.name, op.name, '') as owner_name
    from picked pk
    join enrolment e on e.id = pk.id
    join course c on c.id = e.course_id
    left join agency oa on oa.id = c.owner_agency_id
    left join partner_institution op on op.id = c.owner_partner_id
    left join person ap on ap.id = e.approver_id
),
recs as (
  select row_number() over () as rank, x.* from (
    select c.id, c.title, c.jp, c.capacity, c.seats_taken, coalesce(oa.name, op.name, '') as owner_name,
           (c.jp * calc.mpj >= calc.missing) as closes_gap
      from course c cross join v cross join calc
      left join agency oa on oa.id = c.owner_agency_id
      left join partner_institution op on op.id = c.owner_partner_id
     where ${VISIBLE}
       and c.enrolment_policy <> 'INVITATION'
       and (c.ends_at is null or c.ends_at > now())
       and not exists (select 1 from enrolment x where x.course_id = c.id and x.person_id = v.person_id and x.status <> 'WITHDRAWN')
     order by (c.capacity is null or c.seats_taken < c.capacity) desc,
              case when calc.missing > 0 then c.jp * calc.mpj >= calc.missing end desc,
              case when calc.missing > 0 and c.jp * calc.mpj >= calc.missing then c.jp end asc,
              case when calc.missing > 0 then c.jp end desc,
              case when calc.missing > 0 then c.starts_at end asc nulls last,
              case when calc.missing = 0 then c.published_at end desc nulls last,
              c.id
     limit 4
  ) x
)
select json_build_object('data', json_build_object('learnerHome', json_build_object(
  'year', calc.year, 'jp', calc.jp, 'targetJp', calc.target, 'remainingJp', calc.remaining,
  'progress', case when calc.target <= 0 then 1 else least(1, calc.minutes::float8 / (calc.target * calc.mpj)) end,
  'pendingApprovalsCount', calc.pending_approvals,
  'activeEnrolments', coalesce((select json_agg(json_build_object('id', i.id, 'status', i.status, 'requestedAt', ${iso('i.requested_at')},
      'course', json_build_object('id', i.course_id, 'title', i.title, 'jp', i.jp, 'startsAt', ${iso('i.starts_at')}, 'ownerName', i.owner_name, 'seatsLeft', ${seatsLeft('i')})
    ) order by i.rank) from items i where i.bucket = 'A'), '[]'::json),
  'pendingEnrolments', coalesce((select json_agg(json_build_object('id', i.id, 'status', i.status, 'waitlistPosition', i.waitlist_position,
      'approverName', i.approver_name, 'course', json_build_object('id', i.course_id, 'title', i.title, 'jp', i.jp)
    ) order by i.rank) from items i where i.bucket = 'P'), '[]'::json),
  'upcoming', coalesce((select json_agg(json_build_object('id', i.id,
      'course', json_build_object('id', i.course_id, 'title', i.title, 'startsAt', ${iso('i.starts_at')}, 'endsAt', ${iso('i.ends_at')})
    ) order by i.rank) from items i where i.bucket = 'U'), '[]'::json),
  'recommended', coalesce((select json_agg(json_build_object(
      'closesGap', calc.missing > 0 and r.closes_gap,
      'reason', case
        when calc.remaining <= 0 then 'Target ' || calc.target || ' JP tahun ini sudah tercapai; tambah ' || ${jpText('r.jp')} || ' JP untuk pengembangan diri'
        when r.closes_gap then 'Menutup kekurangan ' || ${jpText('calc.remaining')} || ' JP'
        else 'Menambah ' || ${jpText('r.jp')} || ' JP dari kekurangan ' || ${jpText('calc.remaining')} || ' JP' end,
      'course', json_build_object('id', r.id, 'title', r.title, 'jp', r.jp, 'seatsLeft', ${seatsLeft('r')}, 'ownerName', r.owner_name)
    ) order by r.rank) from recs r), '[]'::json)
)))::text as body
  from calc`;

export const OPERATIONS = [
  { name: 'catalogue', document: CATALOGUE, floorSql: CATALOGUE_FLOOR_SQL },
  { name: 'learnerHome', document: LEARNER_HOME, floorSql: LEARNER_HOME_FLOOR_SQL },
];

import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, type TotalCount } from '../../shared/graphql/pagination.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { COURSE_COLUMNS, OWNER_NAMES, ownerJoins, toCourse, type CourseInstructor, type CourseRow, type EnrolmentPolicy } from '../course/index.js';
import { closedReason } from './enrolment-window.js';
import type { CourseRunStatus } from './run.entity.js';
import type { CourseRun } from './run.types.js';

/** Epoch milliseconds as a JS number (the driver returns timestamps as raw text). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * The columns of a run (alias `r`) with its course's owner (alias `c`, joined on r.course_id) and
 * its instructors as JSON, so one statement reads everything the CourseRun type shows.
 */
export const RUN_COLUMNS = `r.id as run_id, r.code as run_code, r.course_id as run_course_id,
  ${ms('r.starts_at')} as run_starts_at, ${ms('r.ends_at')} as run_ends_at, ${ms('r.enrolment_closes_at')} as run_enrolment_closes_at,
  r.location as run_location, r.time_zone as run_time_zone, r.online_url as run_online_url, r.capacity as run_capacity, r.seats_taken as run_seats_taken,
  r.waitlist_length as run_waitlist_length, r.enrolment_policy as run_enrolment_policy, r.status as run_status,
  c.owner_agency_id as run_owner_agency_id, c.owner_partner_id as run_owner_partner_id,
  (select coalesce(json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'partnerName', pi.name) order by p.full_name, p.id), '[]'::json)
     from course_run_instructor ri join person p on p.id = ri.person_id left join partner_institution pi on pi.id = p.partner_id
    where ri.run_id = r.id) as run_instructors`;

export interface RunRow {
  run_id: string;
  run_code: string;
  run_course_id: string;
  run_starts_at: number | null;
  run_ends_at: number | null;
  run_enrolment_closes_at: number | null;
  run_location: string | null;
  run_time_zone: string;
  run_online_url: string | null;
  run_capacity: number | null;
  run_seats_taken: number;
  run_waitlist_length: number;
  run_enrolment_policy: EnrolmentPolicy;
  run_status: CourseRunStatus;
  run_owner_agency_id: string | null;
  run_owner_partner_id: string | null;
  run_instructors: CourseInstructor[] | null;
}

const toDate = (value: number | string | null) => (value === null || value === undefined ? null : new Date(value));

/** A run as GraphQL shows it, from RUN_COLUMNS (also when they arrive inside JSON: numbers stay numbers). */
export function toCourseRun(row: RunRow): CourseRun {
  return {
    id: row.run_id,
    code: row.run_code,
    courseId: row.run_course_id,
    startsAt: toDate(row.run_starts_at),
    endsAt: toDate(row.run_ends_at),
    enrolmentClosesAt: toDate(row.run_enrolment_closes_at),
    location: row.run_location,
    timeZone: row.run_time_zone,
    onlineUrl: row.run_online_url,
    capacity: row.run_capacity,
    seatsTaken: row.run_seats_taken,
    seatsLeft: row.run_capacity === null ? null : Math.max(0, row.run_capacity - row.run_seats_taken),
    waitlistLength: row.run_waitlist_length,
    enrolmentPolicy: row.run_enrolment_policy,
    status: row.run_status,
    enrolmentClosedReason: closedReason(row.run_status, row.run_ends_at, row.run_enrolment_closes_at),
    instructors: row.run_instructors ?? [],
    ownerAgencyId: row.run_owner_agency_id,
    ownerPartnerId: row.run_owner_partner_id,
  };
}

/** A run with its course (and the course's owner) read in the same row: CourseRun.course costs no statement. */
const RUN_WITH_COURSE = `${RUN_COLUMNS}, ${COURSE_COLUMNS}, ${OWNER_NAMES}`;
const RUN_FROM = `course_run r join course c on c.id = r.course_id ${ownerJoins('c')}`;

function toRunWithCourse(row: RunRow & CourseRow): CourseRun {
  return { ...toCourseRun(row), preloadedCourse: toCourse(row) };
}

/** One run with its course, in one statement; null when there is none (or the id is malformed). */
export async function runById(em: EntityManager, id: string): Promise<CourseRun | null> {
  if (!isUuid(id)) return null;
  const rows = await em.execute<(RunRow & CourseRow)[]>(`select ${RUN_WITH_COURSE} from ${RUN_FROM} where r.id = ?`, [id]);
  return rows[0] ? toRunWithCourse(rows[0]) : null;
}

/** The order of a course's runs: undated (any time) first, then by start, then id. */
export const RUN_ORDER_KEY = `coalesce(r.starts_at, '-infinity'::timestamptz)`;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)|-?infinity)$/;

/**
 * A page of runs matching `where` (SQL over r and c with `?` params), ordered by `order` (start
 * ascending for a course's runs, descending for an instructor's list), keyset-paginated: one statement,
 * plus the count when asked for.
 */
export async function runPage(
  em: EntityManager,
  opts: {
    where: string; params: unknown[]; direction: 'asc' | 'desc'; first: number; after?: string | null; withTotal: boolean;
    /** The sort key (a timestamptz over r); RUN_ORDER_KEY by default. */
    key?: string;
  },
): Promise<{ rows: (RunRow & CourseRow & { sort_at: string })[]; total: TotalCount }> {
  const key = opts.key ?? RUN_ORDER_KEY;
  const cursor = decodeCursor(opts.after, 2);
  let keyset = '';
  const keyParams: unknown[] = [];
  if (cursor) {
    const [sortAt, id] = cursor;
    if (typeof sortAt !== 'string' || !TIMESTAMP.test(sortAt) || !isUuid(id)) throw new AppError('INVALID_CURSOR', {}, 'after');
    keyset = ` and (${key}, r.id) ${opts.direction === 'asc' ? '>' : '<'} (?::timestamptz, ?::uuid)`;
    keyParams.push(sortAt, id);
  }
  const rows = await em.execute<(RunRow & CourseRow & { sort_at: string })[]>(
    `select ${RUN_WITH_COURSE}, ${key}::text as sort_at
       from ${RUN_FROM}
      where (${opts.where})${keyset}
      order by ${key} ${opts.direction}, r.id ${opts.direction}
      limit ?`,
    [...opts.params, ...keyParams, opts.first + 1],
  );
  const count = async () => (await em.execute<{ n: number }[]>(
    `select count(*)::int as n from course_run r join course c on c.id = r.course_id where ${opts.where}`, opts.params,
  ))[0].n;
  return { rows, total: opts.withTotal ? await count() : count };
}

export const runCursorOf = (row: { sort_at: string; run_id: string }): unknown[] => [row.sort_at, row.run_id];

/** A listed run with its course. */
export const toPageRun = (row: RunRow & CourseRow): CourseRun => toRunWithCourse(row);

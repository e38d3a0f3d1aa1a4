import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import type { TotalCount } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import {
  courseColumns, decodeSortKey, encodeSortKey, epochMs, joinOwners, ownerNames, RUN_START_KEY, toCourse,
  type CourseInstructor, type CourseRow, type EnrolmentPolicy, type RunPageJson,
} from '../course/index.js';
import { runAccessSelections, type RunAccessRow } from './run.policy.js';
import { closedReason } from './enrolment-window.js';
import type { CourseRunStatus } from './run.entity.js';
import type { CourseRun } from './run.types.js';

/** Epoch milliseconds as a JS number (the driver returns timestamps as raw text). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * The columns of a run (alias `r`) with its course's owner (alias `c`, joined on r.course_id) and
 * its instructors as JSON, so one statement reads everything the CourseRun type shows.
 * As SQL text for statements that read a run as a JSON object inside another row (home's
 * `row_to_json`); the run module's own statements select the same columns with Kysely (`runSelections`).
 */
export const RUN_COLUMNS = `r.id as run_id, r.code as run_code, r.course_id as run_course_id,
  ${ms('r.starts_at')} as run_starts_at, ${ms('r.ends_at')} as run_ends_at, ${ms('r.enrolment_closes_at')} as run_enrolment_closes_at,
  r.location as run_location, r.time_zone as run_time_zone, r.online_url as run_online_url, r.capacity as run_capacity, r.seats_taken as run_seats_taken,
  r.waitlist_length as run_waitlist_length, r.enrolment_policy as run_enrolment_policy, r.status as run_status, r.series_id as run_series_id,
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
  /** Absent in rows written before series existed (JSON kept elsewhere): undefined reads as none. */
  run_series_id?: string | null;
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
    storedOnlineUrl: row.run_online_url,
    hasOnlineUrl: row.run_online_url !== null,
    capacity: row.run_capacity,
    seatsTaken: row.run_seats_taken,
    seatsLeft: row.run_capacity === null ? null : Math.max(0, row.run_capacity - row.run_seats_taken),
    waitlistLength: row.run_waitlist_length,
    enrolmentPolicy: row.run_enrolment_policy,
    status: row.run_status,
    seriesId: row.run_series_id ?? null,
    enrolmentClosedReason: closedReason(row.run_status, row.run_ends_at, row.run_enrolment_closes_at),
    instructors: row.run_instructors ?? [],
    ownerAgencyId: row.run_owner_agency_id,
    ownerPartnerId: row.run_owner_partner_id,
  };
}

/**
 * RUN_COLUMNS as Kysely selections (run `r`, its course `c`): the run module's own statements select these.
 */
export const runSelections = () => [
  'r.id as run_id', 'r.code as run_code', 'r.course_id as run_course_id',
  epochMs('r.starts_at').as('run_starts_at'), epochMs('r.ends_at').as('run_ends_at'), epochMs('r.enrolment_closes_at').as('run_enrolment_closes_at'),
  'r.location as run_location', 'r.time_zone as run_time_zone', 'r.online_url as run_online_url', 'r.capacity as run_capacity', 'r.seats_taken as run_seats_taken',
  'r.waitlist_length as run_waitlist_length', 'r.enrolment_policy as run_enrolment_policy', 'r.status as run_status', 'r.series_id as run_series_id',
  'c.owner_agency_id as run_owner_agency_id', 'c.owner_partner_id as run_owner_partner_id',
  sql<CourseInstructor[]>`(select coalesce(json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'partnerName', pi.name) order by p.full_name, p.id), '[]'::json)
     from course_run_instructor ri join person p on p.id = ri.person_id left join partner_institution pi on pi.id = p.partner_id
    where ri.run_id = r.id)`.as('run_instructors'),
];

/** Runs (`r`) with their course (`c`) and its owner in the same row: CourseRun.course costs no statement. */
function selectRunsWithCourse(ctx: { em: EntityManager }) {
  return joinOwners(db(ctx).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id'), 'c')
    .select([...runSelections(), ...courseColumns(), ...ownerNames] as never[]);
}

function toRunWithCourse(row: RunRow & CourseRow): CourseRun {
  return { ...toCourseRun(row), preloadedCourse: toCourse(row) };
}

/** One run with its course, in one statement (in `em`'s transaction if any); null when there is none (or the id is malformed). */
export async function runById(em: EntityManager, id: string): Promise<CourseRun | null> {
  if (!isUuid(id)) return null;
  const row = await selectRunsWithCourse({ em }).where('r.id', '=', id).$castTo<RunRow & CourseRow>().executeTakeFirst();
  return row ? toRunWithCourse(row) : null;
}

/**
 * One run for its page: the run with its instructors, its course and the course's owner, and the viewer's
 * access to it (run.policy's RunAccessRow), as ONE named prepared statement (planned once per connection).
 * Outside transactions only.
 */
export async function runWithAccess(ctx: { em: EntityManager; viewer: Viewer }, id: string): Promise<(RunRow & CourseRow & RunAccessRow) | null> {
  if (!isUuid(id)) return null;
  const query = selectRunsWithCourse(ctx)
    .select(runAccessSelections(ctx.viewer) as never[])
    .where('r.id', '=', id)
    .$castTo<RunRow & CourseRow & RunAccessRow>();
  return (await preparedQuery(ctx.em, query))[0] ?? null;
}

/** The cursor of a list of runs: its sort key as PostgreSQL prints it, and the run's id. */
export const runCursorOf = (row: { sort_at: string; run_id: string }): string => encodeSortKey(row.sort_at, row.run_id);

/**
 * A page of runs matching `where` (a condition over r and c), ordered by `key` (RUN_START_KEY by default:
 * start ascending for a course's runs, descending for an instructor's list), keyset-paginated: one
 * statement, plus the count when asked for (else a function that counts if called).
 */
export async function runPage(
  em: EntityManager,
  opts: {
    where: RawBuilder<boolean>; direction: 'asc' | 'desc'; first: number; after?: string | null; withTotal: boolean;
    /** The sort key (a timestamptz over r); RUN_START_KEY by default. */
    key?: RawBuilder<string>;
  },
): Promise<{ rows: (RunRow & CourseRow & { sort_at: string })[]; total: TotalCount }> {
  const key = opts.key ?? RUN_START_KEY;
  const cursor = decodeSortKey(opts.after, 'timestamptz');
  const keyset = cursor
    ? sql<boolean>`(${key}, r.id) ${sql.raw(opts.direction === 'asc' ? '>' : '<')} (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
    : sql<boolean>`true`;
  const rows = await selectRunsWithCourse({ em })
    .select(sql<string>`${key}::text`.as('sort_at'))
    .where(opts.where).where(keyset)
    .orderBy(key, opts.direction).orderBy('r.id', opts.direction)
    .limit(opts.first + 1)
    .$castTo<RunRow & CourseRow & { sort_at: string }>()
    .execute();
  const count = async () => (await db({ em }).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select(sql<number>`count(*)::int`.as('n')).where(opts.where).executeTakeFirstOrThrow()).n;
  return { rows, total: opts.withTotal ? await count() : count };
}

/** A listed run with its course. */
export const toPageRun = (row: RunRow & CourseRow): CourseRun => toRunWithCourse(row);

/** A run of a course's page (course.sql.ts runsPageSql: RUN_COLUMNS as JSON, with its sort key). */
export const toPreloadedRun = (row: RunPageJson): CourseRun => toCourseRun(row as unknown as RunRow);

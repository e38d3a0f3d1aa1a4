import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type AliasedRawBuilder, type RawBuilder } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import type { TotalCount } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, groupOf } from './course.enums.js';
import { CourseOwnerKind, type Course, type CourseOwner } from './course.types.js';
import { catalogueVisibility, teachesCourse, type CourseAccessRow } from './course.policy.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { coursePageReaders } from './course.page.js';

/*
 * Shaped SQL for course reads, built with Kysely: only the columns the Course type returns, no entity
 * hydration. Course rows are aliased `c` (a page's chosen rows `x`).
 */

/** A condition over the course row `c` (catalogue filters, search, visibility). */
export type Condition = RawBuilder<boolean>;

/** All of `parts` (true when there are none). */
export function and(parts: readonly Condition[]): Condition {
  if (parts.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(parts.map((p) => sql`(${p})`), sql` and `)})`;
}

/** Epoch milliseconds as a JS number (the driver returns timestamps as raw text). */
export const epochMs = (column: string) => sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

export interface CourseRow {
  id: string;
  /** Joined by reads that return the owner (`ownerNames` with `joinOwners`). */
  owner_agency_name?: string | null;
  owner_partner_name?: string | null;
  /** Joined by listings that select nextRun (`nextRunJson`): the run module's RunRow as JSON, or null. */
  next_run?: unknown;
  code: string;
  title: string;
  description: string;
  form: DevelopmentForm;
  delivery: DeliveryMode;
  jp: number;
  competency_tags: string[];
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  cost_per_participant: number;
  status: CourseStatus;
  visibility: CourseVisibility;
  published_at: number | null;
  kind: CourseKind;
  attendance_credit: AttendanceCredit;
  fixed_jp: number | null;
  min_attendance_percent: number;
}

type Selection = string | AliasedRawBuilder<unknown, string>;

/**
 * The columns behind each Course field (GraphQL name → selections over alias `c`), so listings select only
 * what the client asked for. Fields a listing did not select are left undefined on its Course objects.
 */
const FIELD_COLUMNS: Record<string, Selection[]> = {
  code: ['c.code'], title: ['c.title'], description: ['c.description'], form: ['c.form'], formGroup: ['c.form'],
  delivery: ['c.delivery'], jp: ['c.jp'], competencyTags: ['c.competency_tags'],
  costPerParticipant: [sql<number>`c.cost_per_participant::float8`.as('cost_per_participant')],
  status: ['c.status'], visibility: ['c.visibility'],
  publishedAt: [epochMs('c.published_at').as('published_at')],
  kind: ['c.kind'], attendanceCredit: ['c.attendance_credit'],
  fixedJp: [sql<number | null>`c.fixed_jp::float8`.as('fixed_jp')], minAttendancePercent: ['c.min_attendance_percent'],
};

/** Every column a Course shows, over alias `c` (for one course, a run's course, the result of a write). */
export const courseColumns = (): Selection[] => ['c.id', 'c.owner_agency_id', 'c.owner_partner_id', ...new Set(Object.values(FIELD_COLUMNS).flat())];

/** Columns for the selected Course fields, in a fixed order (one statement text per selection). */
function listingColumns(fields: ReadonlySet<string>): Selection[] {
  const columns = new Set<Selection>(['c.id', 'c.owner_agency_id', 'c.owner_partner_id']);
  for (const [field, selections] of Object.entries(FIELD_COLUMNS)) if (fields.has(field)) for (const s of selections) columns.add(s);
  return [...columns];
}

/** Owner names of the course rows aliased `alias`, joined as `oa` and `op` (see `joinOwners`). */
export const ownerNames: Selection[] = ['oa.name as owner_agency_name', 'op.name as owner_partner_name'];

/** Joins the owners (`oa` agency, `op` partner) of the course rows aliased `alias` onto a query. */
export function joinOwners<QB>(query: QB, alias: string): QB {
  // Kysely types a join by the tables it knows; the aliases here (`c`, a page's `x`) are the caller's.
  const untyped = query as unknown as { leftJoin(table: string, a: string, b: string): typeof untyped };
  return untyped
    .leftJoin('agency as oa', 'oa.id', `${alias}.owner_agency_id`)
    .leftJoin('partner_institution as op', 'op.id', `${alias}.owner_partner_id`) as unknown as QB;
}

const toDate = (value: number | null) => (value === null ? null : new Date(value));

export function toCourse(row: CourseRow): Course {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    form: row.form,
    formGroup: groupOf(row.form),
    delivery: row.delivery,
    jp: row.jp,
    competencyTags: row.competency_tags ?? [],
    costPerParticipant: Number(row.cost_per_participant),
    status: row.status,
    visibility: row.visibility,
    publishedAt: toDate(row.published_at),
    kind: row.kind,
    attendanceCredit: row.attendance_credit,
    fixedJp: row.fixed_jp === null || row.fixed_jp === undefined ? null : Number(row.fixed_jp),
    minAttendancePercent: row.min_attendance_percent,
    ownerAgencyId: row.owner_agency_id,
    ownerPartnerId: row.owner_partner_id,
    // Set when the statement joined it (always for one course; for a listing, when selected):
    // GraphQL never reads a field that was not selected.
    owner: row.owner_agency_name !== undefined ? ownerOf(row) : (undefined as never),
    nextRunRow: row.next_run,
  };
}

function ownerOf(row: CourseRow): CourseOwner {
  // The database guarantees exactly one owner; a missing owner row shows as unknown rather than failing the page.
  return {
    id: (row.owner_agency_id ?? row.owner_partner_id) ?? '',
    name: (row.owner_agency_id ? row.owner_agency_name : row.owner_partner_name) ?? '',
    kind: row.owner_agency_id ? CourseOwnerKind.AGENCY : CourseOwnerKind.PARTNER,
  };
}

/**
 * A run of the course row `alias` as JSON in the shape of the run module's RunRow (run.sql.ts: same keys),
 * with its instructors; the run is aliased `r`. Written here as SQL because the run module imports this
 * one, not the other way round; Course.nextRun and Course.runs (run module) turn it into a CourseRun.
 */
const runJson = (alias: string) => sql<unknown>`json_build_object(
    'run_id', r.id, 'run_code', r.code, 'run_course_id', r.course_id,
    'run_starts_at', ${epochMs('r.starts_at')}, 'run_ends_at', ${epochMs('r.ends_at')}, 'run_enrolment_closes_at', ${epochMs('r.enrolment_closes_at')},
    'run_location', r.location, 'run_time_zone', r.time_zone, 'run_online_url', r.online_url, 'run_capacity', r.capacity, 'run_seats_taken', r.seats_taken,
    'run_waitlist_length', r.waitlist_length, 'run_enrolment_policy', r.enrolment_policy, 'run_status', r.status, 'run_series_id', r.series_id,
    'run_owner_agency_id', ${sql.ref(`${alias}.owner_agency_id`)}, 'run_owner_partner_id', ${sql.ref(`${alias}.owner_partner_id`)},
    'run_instructors', (select coalesce(json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'partnerName', pi.name) order by p.full_name, p.id), '[]'::json)
       from course_run_instructor ri join person p on p.id = ri.person_id left join partner_institution pi on pi.id = p.partner_id where ri.run_id = r.id))`;

/** A scheduled run that has not ended (or has no end), over the run aliased `r`. */
export const RUN_NOT_ENDED = sql<boolean>`(r.status = 'SCHEDULED' and (r.ends_at is null or r.ends_at > now()))`;

/** The order of a course's runs: undated (any time) first, then by start, then id. */
export const RUN_START_KEY = sql<string>`coalesce(r.starts_at, '-infinity'::timestamptz)`;

/**
 * The course's next run (the soonest scheduled run not ended, undated first) as `runJson`, so a catalogue
 * page carries it in its own statement.
 */
const nextRunJson = (alias: string) => sql<unknown>`(select ${runJson(alias)}
   from course_run r
  where r.course_id = ${sql.ref(`${alias}.id`)} and ${RUN_NOT_ENDED}
  order by ${RUN_START_KEY}, r.id limit 1)`;

/** Courses with their owners, in one statement (in `em`'s transaction if any). */
export async function coursesByIds(em: EntityManager, ids: readonly string[]): Promise<Course[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = await joinOwners(db({ em }).selectFrom('course as c'), 'c')
    .select([...courseColumns(), ...ownerNames] as never[])
    .where('c.id', 'in', valid)
    .$castTo<CourseRow>()
    .execute();
  return rows.map(toCourse);
}

/** One course with its owner, in one statement. */
export async function courseById(em: EntityManager, id: string): Promise<Course | null> {
  if (!isUuid(id)) return null;
  return (await coursesByIds(em, [id]))[0] ?? null;
}

/**
 * The text search both listings share: Indonesian full text (stemmed: "pelatihan" finds "latihan"),
 * with the words fixed for typos and expanded by the synonym list (lentera_ext.catalogue_tsquery, see
 * the catalogue_search migration: "bimtek" finds "Bimbingan Teknis", "pelayann" what "pelayanan"
 * finds), or trigram similarity on the title (typos: "kepemimpian" finds "Kepemimpinan"). The query
 * is a scalar subquery, so PostgreSQL builds it once per statement.
 */
export function searchSql(search: string): { where: Condition; score: RawBuilder<string> } {
  return {
    where: sql<boolean>`c.search_vector @@ (select lentera_ext.catalogue_tsquery(${search})) or c.title % ${search} or ${search} <% c.title`,
    // Scaled to an integer so keyset cursors compare exactly.
    score: sql<string>`round((ts_rank(c.search_vector, (select lentera_ext.catalogue_tsquery(${search})))
              + greatest(similarity(c.title, ${search}), word_similarity(${search}, c.title))) * 1000000)::int8`,
  };
}

export function normalizeSearch(search: string | null | undefined): string | null {
  const trimmed = search?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

/** A timestamptz as PostgreSQL prints it ("2026-11-01 00:00:00.123456+00"), exact to the microsecond, or ±infinity. */
const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)|-?infinity)$/;

/**
 * Cursor of a list in a sort key and the id. The key is text as PostgreSQL prints it (a title, or a
 * timestamptz: ±infinity are keys too, which the codec's `timestamp` kind does not take, so a time key
 * is checked here as well).
 */
const sortKeyCursor = keysetCursor('text', 'uuid');
/** Cursor of a search: the score and the tie-breaking time in µs (both int8), and the id. */
const relevanceCursor = keysetCursor('int', 'int', 'uuid');

/** Decodes a (sort key, id) cursor for a key of `type`; a forged time is INVALID_CURSOR, not a cast error. */
export function decodeSortKey(after: string | null | undefined, type: 'timestamptz' | 'text'): readonly [string, string] | null {
  const cursor = sortKeyCursor.decode(after);
  if (cursor && type === 'timestamptz' && !PG_TIMESTAMP.test(cursor[0])) throw new AppError('INVALID_CURSOR', {}, 'after');
  return cursor;
}

export const encodeSortKey = (sortAt: string, id: string) => sortKeyCursor.encode([sortAt, id]);

/**
 * A keyset order: `key` is an SQL expression over alias `c` (with `id` as the tie-break, same
 * direction) that a partial index on (key, id) serves, so a page reads only its own rows.
 */
export interface PageOrder {
  key: RawBuilder<unknown>;
  type: 'timestamptz' | 'text';
  direction: 'asc' | 'desc';
}

export interface CoursePageRow extends CourseRow {
  /** Keyset values: the sort key as PostgreSQL prints it; with a search, the score and the sort time in µs. */
  sort_at: string | null;
  score: string | null;
  sort_us: string | null;
}

/**
 * One page of courses in `order` (or most relevant first when `score` is given, ties by `order`'s
 * time, newest first), keyset-paginated, as one prepared statement: the page's rows are chosen first
 * (without a search an index on (key, id) serves the order, so only `first + 1` rows are read), then
 * only the columns of the selected `fields`, with owner names and the next run when selected. The
 * total is counted only when asked for; otherwise it is a function that counts if called.
 */
export async function coursePage(
  em: EntityManager,
  opts: {
    where: Condition; score: RawBuilder<string> | null; order: PageOrder; first: number; after?: string | null;
    fields: ReadonlySet<string>; withTotal: boolean;
  },
): Promise<{ rows: CoursePageRow[]; total: TotalCount }> {
  const { key, type, direction } = opts.order;
  // A literal limit (a checked integer) lets PostgreSQL settle on one generic plan for the statement.
  if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > 100) throw new AppError('BAD_USER_INPUT', {}, 'first');
  const limit = sql.lit(opts.first + 1);
  const q = db({ em });
  const columns = listingColumns(opts.fields) as never[];
  let chosen;
  if (!opts.score) {
    const cursor = decodeSortKey(opts.after, type);
    const keyset = cursor
      ? sql<boolean>`(${key}, c.id) ${sql.raw(direction === 'desc' ? '<' : '>')} (${cursor[0]}::${sql.raw(type)}, ${cursor[1]}::uuid)`
      : sql<boolean>`true`;
    chosen = q.selectFrom('course as c')
      .select(columns)
      .select([key.as('sort_at'), sql<string | null>`null::text`.as('score'), sql<string | null>`null::text`.as('sort_us')])
      .where(opts.where).where(keyset)
      .orderBy(key, direction).orderBy('c.id', direction)
      .limit(limit);
  } else {
    if (type !== 'timestamptz' || direction !== 'desc') throw new Error('relevance ties are broken by a time, newest first');
    const cursor = relevanceCursor.decode(opts.after);
    const keyset = cursor
      ? sql<boolean>`(k.score, k.sort_us, k.id) < (${cursor[0]}::int8, ${cursor[1]}::int8, ${cursor[2]}::uuid)`
      : sql<boolean>`true`;
    // The score needs every match; the columns only the page's.
    const scored = q.selectFrom('course as c')
      .select(['c.id', opts.score.as('score'), sql<string>`(extract(epoch from ${key}) * 1000000)::int8`.as('sort_us')])
      .where(opts.where);
    const best = q.selectFrom(scored.as('k')).selectAll('k')
      .where(keyset)
      .orderBy('k.score', 'desc').orderBy('k.sort_us', 'desc').orderBy('k.id', 'desc')
      .limit(limit);
    chosen = q.selectFrom(best.as('k')).innerJoin('course as c', 'c.id', 'k.id')
      .select(columns)
      .select([sql<string | null>`null::timestamptz`.as('sort_at'), 'k.score', 'k.sort_us']);
  }
  const extras: Selection[] = [
    ...(opts.fields.has('owner') ? ownerNames : []),
    ...(opts.fields.has('nextRun') ? [nextRunJson('x').as('next_run')] : []),
  ];
  let page = q.selectFrom(chosen.as('x')).selectAll('x').select(extras as never[]);
  if (opts.fields.has('owner')) page = joinOwners(page, 'x');
  page = opts.score
    ? page.orderBy(sql.ref('x.score'), 'desc').orderBy(sql.ref('x.sort_us'), 'desc').orderBy(sql.ref('x.id'), 'desc')
    : page.orderBy(sql.ref('x.sort_at'), direction).orderBy(sql.ref('x.id'), direction);
  const counted = q.selectFrom('course as c').select(sql<number>`count(*)::int`.as('n')).where(opts.where);
  const count = async () => (await preparedQuery(em, counted))[0].n;
  const [rows, total] = await Promise.all([preparedQuery(em, page.$castTo<CoursePageRow>()), opts.withTotal ? count() : count]);
  return { rows, total };
}

export const cursorOf = (row: CoursePageRow): string => (row.score !== null
  ? relevanceCursor.encode([row.score, row.sort_us!, row.id])
  : encodeSortKey(row.sort_at!, row.id));

/** A listed course: only its selected fields are set (the owner when selected, joined by the page query). */
export const toPageCourse = (row: CoursePageRow): Course => toCourse(row);

/** What a course's page asks of its runs (Course.runs' arguments), so the course's own statement reads that page of them. */
export interface RunsWanted {
  first: number;
  after: string | null;
  includeEnded: boolean;
  withTotal: boolean;
}

/** Identifies a RunsWanted: Course.runs uses what the course's statement read only for the same arguments. */
export const runsKey = (runs: RunsWanted) => JSON.stringify([runs.first, runs.after, runs.includeEnded, runs.withTotal]);

/** A run as `runJson` with its keyset value (`sort_at`: RUN_START_KEY as text), as a course's page carries its runs. */
export interface RunPageJson {
  run_id: string;
  sort_at: string;
  [column: string]: unknown;
}

/**
 * A page of the runs of the course aliased `c` as a JSON array (RunPageJson, soonest first, `first + 1`
 * of them so the caller sees whether there is a next page), and their count when asked for.
 */
function runsPageSql(runs: RunsWanted): { page: RawBuilder<RunPageJson[]>; total: RawBuilder<number | null> } {
  if (!Number.isInteger(runs.first) || runs.first < 1 || runs.first > 100) throw new AppError('BAD_USER_INPUT', {}, 'first');
  const cursor = decodeSortKey(runs.after, 'timestamptz');
  const ended = runs.includeEnded ? sql<boolean>`true` : RUN_NOT_ENDED;
  const keyset = cursor ? sql<boolean>`(${RUN_START_KEY}, r.id) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : sql<boolean>`true`;
  return {
    page: sql<RunPageJson[]>`(select coalesce(json_agg(k.run order by k.start, k.id), '[]'::json)
        from (select r.id, ${RUN_START_KEY} as start, (${runJson('c')}::jsonb || jsonb_build_object('sort_at', ${RUN_START_KEY}::text)) as run
                from course_run r
               where r.course_id = c.id and ${ended} and ${keyset}
               order by ${RUN_START_KEY}, r.id
               limit ${sql.lit(runs.first + 1)}) k)`,
    total: runs.withTotal
      ? sql<number>`(select count(*)::int from course_run r where r.course_id = c.id and ${ended})`
      : sql<null>`null::int`,
  };
}

export interface CoursePageRowWithAccess extends CourseRow, CourseAccessRow {
  runs?: RunPageJson[];
  runs_total?: number | null;
  /** The columns of the course page's readers (course.page.ts), by their names. */
  [reader: string]: unknown;
}

/**
 * One course for its page: its columns, its owner, the viewer's access to it (course.policy's
 * CourseAccessRow), what other modules read on the page (course.page.ts: the viewer's enrolments) and,
 * when `runs` is given, that page of its runs with their instructors, as ONE
 * named prepared statement (PostgreSQL plans it once per connection). Outside transactions only.
 */
export async function courseWithAccess(
  ctx: { em: EntityManager; viewer: Viewer }, id: string, runs: RunsWanted | null,
): Promise<CoursePageRowWithAccess | null> {
  if (!isUuid(id)) return null;
  const runsSql = runs ? runsPageSql(runs) : null;
  const query = joinOwners(db(ctx).selectFrom('course as c'), 'c')
    .select([...courseColumns(), ...ownerNames] as never[])
    .select([catalogueVisibility(ctx.viewer).as('visible_to_viewer'), teachesCourse(ctx.viewer.personId).as('teaches')])
    .$if(runsSql !== null, (q) => q.select([runsSql!.page.as('runs'), runsSql!.total.as('runs_total')]))
    .select(coursePageReaders().map((reader) => reader.select(ctx.viewer, id).as(reader.name)))
    .where('c.id', '=', id)
    .$castTo<CoursePageRowWithAccess>();
  return (await preparedQuery(ctx.em, query))[0] ?? null;
}

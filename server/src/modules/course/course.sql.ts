import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.js';
import { numbered, preparedRows } from '../../shared/db/prepared.js';
import { decodeCursor, type TotalCount } from '../../shared/graphql/pagination.js';
import { CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, groupOf } from './course.enums.js';
import { CourseOwnerKind, type Course, type CourseOwner } from './course.types.js';
import { isUuid } from '../../shared/util/ids.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { catalogueVisibilitySql, type CourseAccessRow } from './course.policy.js';

/**
 * Shaped SQL for course reads: only the columns the Course type returns, no entity hydration.
 * MikroORM fills `?` placeholders with escaped literals, so fragments carry their params in order.
 */
export interface Sql {
  sql: string;
  params: unknown[];
}

export const sql = (text: string, ...params: unknown[]): Sql => ({ sql: text, params });

export function and(parts: Sql[]): Sql {
  if (parts.length === 0) return sql('true');
  return { sql: parts.map((p) => `(${p.sql})`).join(' and '), params: parts.flatMap((p) => p.params) };
}

export { isUuid };

/** Epoch milliseconds as a JS number (the driver returns timestamps as raw text). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

export const COURSE_COLUMNS = `c.id, c.code, c.title, c.description, c.form, c.delivery, c.jp, c.competency_tags,
  c.owner_agency_id, c.owner_partner_id, c.cost_per_participant::float8 as cost_per_participant, c.status, c.visibility,
  ${ms('c.published_at')} as published_at`;

export interface CourseRow {
  id: string;
  /** Joined by reads that return the owner (OWNER_NAMES with ownerJoins). */
  owner_agency_name?: string | null;
  owner_partner_name?: string | null;
  /** Joined by listings that select nextRun (NEXT_RUN_JSON): the run module's RunRow as JSON, or null. */
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
}

/**
 * The columns behind each Course field (GraphQL name → SQL over alias `c`), so listings select only
 * what the client asked for. Fields a listing did not select are left undefined on its Course objects.
 */
const FIELD_COLUMNS: Record<string, string[]> = {
  code: ['c.code'], title: ['c.title'], description: ['c.description'], form: ['c.form'], formGroup: ['c.form'],
  delivery: ['c.delivery'], jp: ['c.jp'], competencyTags: ['c.competency_tags'],
  costPerParticipant: ['c.cost_per_participant::float8 as cost_per_participant'],
  status: ['c.status'], visibility: ['c.visibility'],
  publishedAt: [`${ms('c.published_at')} as published_at`],
};

/** Columns for the selected Course fields, in a fixed order (one statement text per selection). */
function listingColumns(fields: ReadonlySet<string>): string {
  const columns = new Set(['c.id', 'c.owner_agency_id', 'c.owner_partner_id']);
  for (const [field, sqls] of Object.entries(FIELD_COLUMNS)) if (fields.has(field)) for (const s of sqls) columns.add(s);
  return [...columns].join(', ');
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

/** Owner names of the course rows aliased `alias` (select `OWNER_NAMES` and join `ownerJoins(alias)`). */
export const OWNER_NAMES = 'oa.name as owner_agency_name, op.name as owner_partner_name';
export const ownerJoins = (alias: string) =>
  `left join agency oa on oa.id = ${alias}.owner_agency_id left join partner_institution op on op.id = ${alias}.owner_partner_id`;

/**
 * The course's next run (the soonest scheduled run not ended, undated first) as JSON in the shape of the
 * run module's RunRow (run.sql.ts RUN_COLUMNS: same keys), so a catalogue page carries it in its own
 * statement; Course.nextRun (run module) turns it into a CourseRun. Written here as SQL only: the run
 * module imports this one, not the other way round.
 */
const nextRunJson = (alias: string) => `(select json_build_object(
    'run_id', r.id, 'run_code', r.code, 'run_course_id', r.course_id,
    'run_starts_at', ${ms('r.starts_at')}, 'run_ends_at', ${ms('r.ends_at')}, 'run_enrolment_closes_at', ${ms('r.enrolment_closes_at')},
    'run_location', r.location, 'run_time_zone', r.time_zone, 'run_online_url', r.online_url, 'run_capacity', r.capacity, 'run_seats_taken', r.seats_taken,
    'run_waitlist_length', r.waitlist_length, 'run_enrolment_policy', r.enrolment_policy, 'run_status', r.status,
    'run_owner_agency_id', ${alias}.owner_agency_id, 'run_owner_partner_id', ${alias}.owner_partner_id,
    'run_instructors', (select coalesce(json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'partnerName', pi.name) order by p.full_name, p.id), '[]'::json)
       from course_run_instructor ri join person p on p.id = ri.person_id left join partner_institution pi on pi.id = p.partner_id where ri.run_id = r.id))
   from course_run r
  where r.course_id = ${alias}.id and r.status = 'SCHEDULED' and (r.ends_at is null or r.ends_at > now())
  order by coalesce(r.starts_at, '-infinity'::timestamptz), r.id limit 1)`;

/** One course with its owner, in one statement. */
export async function courseById(em: EntityManager, id: string): Promise<Course | null> {
  if (!isUuid(id)) return null;
  return (await coursesByIds(em, [id]))[0] ?? null;
}

/** One course with its owner and the viewer's access to it (course.policy's CourseAccessRow), as one prepared statement. */
export async function courseWithAccess(em: EntityManager, viewer: Viewer, id: string): Promise<(CourseRow & CourseAccessRow) | null> {
  const vis = catalogueVisibilitySql(viewer);
  const q = numbered(
    `select ${COURSE_COLUMNS}, ${OWNER_NAMES}, ${vis.sql} as visible_to_viewer,
            exists (select 1 from course_run_instructor ri join course_run r on r.id = ri.run_id where r.course_id = c.id and ri.person_id = ?::uuid) as teaches
       from course c ${ownerJoins('c')} where c.id = ?::uuid`,
    [...vis.params, viewer.personId, id],
  );
  return (await preparedRows<CourseRow & CourseAccessRow>(em, q.text, q.values))[0] ?? null;
}

/** Courses with their owners, in one statement. */
export async function coursesByIds(em: EntityManager, ids: string[]): Promise<Course[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = await em.execute<CourseRow[]>(
    `select ${COURSE_COLUMNS}, ${OWNER_NAMES} from course c ${ownerJoins('c')} where c.id = any(array[?]::uuid[])`,
    [valid],
  );
  return rows.map(toCourse);
}

/**
 * The text search both listings share: Indonesian full text (stemmed: "pelatihan" finds "latihan"),
 * with the words fixed for typos and expanded by the synonym list (lentera_ext.catalogue_tsquery, see
 * the catalogue_search migration: "bimtek" finds "Bimbingan Teknis", "pelayann" what "pelayanan"
 * finds), or trigram similarity on the title (typos: "kepemimpian" finds "Kepemimpinan"). The query
 * is a scalar subquery, so PostgreSQL builds it once per statement.
 */
export function searchSql(search: string): { where: Sql; score: Sql } {
  return {
    where: sql(
      `c.search_vector @@ (select lentera_ext.catalogue_tsquery(?)) or c.title % ? or ? <% c.title`,
      search, search, search,
    ),
    // Scaled to an integer so keyset cursors compare exactly.
    score: sql(
      `round((ts_rank(c.search_vector, (select lentera_ext.catalogue_tsquery(?)))
              + greatest(similarity(c.title, ?), word_similarity(?, c.title))) * 1000000)::int8`,
      search, search, search,
    ),
  };
}

export function normalizeSearch(search: string | null | undefined): string | null {
  const trimmed = search?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

const INTEGER = /^-?\d{1,19}$/;
/** A timestamptz as PostgreSQL prints it ("2026-11-01 00:00:00.123456+00"), exact to the microsecond, or ±infinity. */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)|-?infinity)$/;

/**
 * A keyset order: `key` is an SQL expression over alias `c` (with `id` as the tie-break, same
 * direction) that a partial index on (key, id) serves, so a page reads only its own rows.
 */
export interface PageOrder {
  key: string;
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
 * only the columns of the selected `fields`, with owner names and instructors when selected. The
 * total is counted only when asked for; otherwise it is a function that counts if called.
 */
export async function coursePage(
  em: EntityManager,
  opts: {
    where: Sql; score: Sql | null; order: PageOrder; first: number; after?: string | null;
    fields: ReadonlySet<string>; withTotal: boolean;
  },
): Promise<{ rows: CoursePageRow[]; total: TotalCount }> {
  const { key: sort, type, direction } = opts.order;
  // A literal limit (a checked integer) lets PostgreSQL settle on one generic plan for the statement.
  if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > 100) throw new AppError('BAD_USER_INPUT', {}, 'first');
  const limit = opts.first + 1;
  const columns = listingColumns(opts.fields);
  const extras = (opts.fields.has('owner') ? `, ${OWNER_NAMES}` : '') + (opts.fields.has('nextRun') ? `, ${nextRunJson('x')} as next_run` : '');
  const owners = opts.fields.has('owner') ? ownerJoins('x') : '';
  let query: Sql;
  if (!opts.score) {
    const cursor = decodeCursor(opts.after, 2);
    let keyset = sql('true');
    if (cursor) {
      const [sortAt, id] = cursor;
      const validKey = typeof sortAt === 'string' && (type === 'text' ? sortAt.length <= 400 : TIMESTAMP.test(sortAt));
      if (!validKey || !isUuid(id)) throw new AppError('INVALID_CURSOR', {}, 'after');
      keyset = sql(`(${sort}, c.id) ${direction === 'desc' ? '<' : '>'} (?::${type}, ?::uuid)`, sortAt, id);
    }
    query = sql(
      `select x.*${extras}
         from (select ${columns}, ${sort} as sort_at, null::text as score, null::text as sort_us
                 from course c
                where (${opts.where.sql}) and ${keyset.sql}
                order by ${sort} ${direction}, c.id ${direction}
                limit ${limit}) x
         ${owners}
        order by x.sort_at ${direction}, x.id ${direction}`,
      ...opts.where.params, ...keyset.params,
    );
  } else {
    if (type !== 'timestamptz' || direction !== 'desc') throw new Error('relevance ties are broken by a time, newest first');
    const cursor = decodeCursor(opts.after, 3);
    let keyset = sql('true');
    if (cursor) {
      const [score, sortUs, id] = cursor.map((v) => (typeof v === 'number' ? String(v) : v));
      if (typeof score !== 'string' || !INTEGER.test(score) || typeof sortUs !== 'string' || !INTEGER.test(sortUs) || !isUuid(id)) {
        throw new AppError('INVALID_CURSOR', {}, 'after');
      }
      keyset = sql(`(k.score, k.sort_us, k.id) < (?::int8, ?::int8, ?::uuid)`, score, sortUs, id);
    }
    // The score needs every match; the columns only the page's.
    query = sql(
      `select x.*${extras}
         from (select ${columns}, null::timestamptz as sort_at, k.score, k.sort_us
                 from (select k.* from (select c.id, ${opts.score.sql} as score, (extract(epoch from ${sort}) * 1000000)::int8 as sort_us
                                          from course c where ${opts.where.sql}) k
                        where ${keyset.sql}
                        order by k.score desc, k.sort_us desc, k.id desc
                        limit ${limit}) k
                 join course c on c.id = k.id) x
         ${owners}
        order by x.score desc, x.sort_us desc, x.id desc`,
      ...opts.score.params, ...opts.where.params, ...keyset.params,
    );
  }
  const countQuery = numbered(`select count(*)::int as n from course c where ${opts.where.sql}`, opts.where.params);
  const count = async () => (await preparedRows<{ n: number }>(em, countQuery.text, countQuery.values))[0].n;
  const page = numbered(query.sql, query.params);
  const [rows, total] = await Promise.all([preparedRows<CoursePageRow>(em, page.text, page.values), opts.withTotal ? count() : count]);
  return { rows, total };
}

export const cursorOf = (row: CoursePageRow): unknown[] => (row.score !== null ? [row.score, row.sort_us, row.id] : [row.sort_at, row.id]);

/** A listed course: only its selected fields are set (the owner when selected, joined by the page query). */
export const toPageCourse = (row: CoursePageRow): Course => toCourse(row);

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.js';
import { decodeCursor } from '../../shared/graphql/pagination.js';
import { CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, EnrolmentPolicy, groupOf } from './course.enums.js';
import type { Course } from './course.types.js';
import { isUuid } from '../../shared/util/ids.js';

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
  c.owner_agency_id, c.owner_partner_id, c.capacity, c.seats_taken, c.waitlist_length, c.enrolment_policy,
  c.cost_per_participant::float8 as cost_per_participant, c.status, c.visibility, c.location,
  ${ms('c.starts_at')} as starts_at, ${ms('c.ends_at')} as ends_at, ${ms('c.published_at')} as published_at`;

export interface CourseRow {
  id: string;
  code: string;
  title: string;
  description: string;
  form: DevelopmentForm;
  delivery: DeliveryMode;
  jp: number;
  competency_tags: string[];
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  capacity: number | null;
  seats_taken: number;
  waitlist_length: number;
  enrolment_policy: EnrolmentPolicy;
  cost_per_participant: number;
  status: CourseStatus;
  visibility: CourseVisibility;
  location: string | null;
  starts_at: number | null;
  ends_at: number | null;
  published_at: number | null;
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
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.seats_taken),
    waitlistLength: row.waitlist_length,
    enrolmentPolicy: row.enrolment_policy,
    costPerParticipant: Number(row.cost_per_participant),
    status: row.status,
    visibility: row.visibility,
    startsAt: toDate(row.starts_at),
    endsAt: toDate(row.ends_at),
    location: row.location,
    publishedAt: toDate(row.published_at),
    ownerAgencyId: row.owner_agency_id,
    ownerPartnerId: row.owner_partner_id,
  };
}

export async function courseById(em: EntityManager, id: string): Promise<Course | null> {
  if (!isUuid(id)) return null;
  const rows = await em.execute<CourseRow[]>(`select ${COURSE_COLUMNS} from course c where c.id = ?`, [id]);
  return rows[0] ? toCourse(rows[0]) : null;
}

/**
 * The text search both listings share: Indonesian full text (stemmed: "pelatihan" finds "latihan")
 * or trigram similarity on the title (typos: "kepemimpian" finds "Kepemimpinan").
 */
export function searchSql(search: string): { where: Sql; score: Sql } {
  return {
    where: sql(
      `c.search_vector @@ websearch_to_tsquery('indonesian', ?) or c.title % ? or ? <% c.title`,
      search, search, search,
    ),
    // Scaled to an integer so keyset cursors compare exactly.
    score: sql(
      `round((ts_rank(c.search_vector, websearch_to_tsquery('indonesian', ?))
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

/**
 * One page of courses, newest first (or most relevant first when `score` is given), keyset-paginated
 * on (score, sort time, id): one statement for the page and one for the total, run side by side.
 */
export async function coursePage(
  em: EntityManager,
  opts: { where: Sql; score: Sql | null; sortColumn: string; first: number; after?: string | null },
): Promise<{ rows: (CourseRow & { score: string; sort_us: string })[]; total: number }> {
  const cursor = decodeCursor(opts.after, 3);
  let keyset: Sql = sql('true');
  if (cursor) {
    const [score, sortUs, id] = cursor.map((v) => (typeof v === 'number' ? String(v) : v));
    if (typeof score !== 'string' || !INTEGER.test(score) || typeof sortUs !== 'string' || !INTEGER.test(sortUs) || !isUuid(id)) {
      throw new AppError('INVALID_CURSOR', {}, 'after');
    }
    keyset = sql(`(x.score, x.sort_us, x.id) < (?::int8, ?::int8, ?::uuid)`, score, sortUs, id);
  }
  const score = opts.score ?? sql('0::int8');
  const page = em.execute<(CourseRow & { score: string; sort_us: string })[]>(
    `select * from (
       select ${COURSE_COLUMNS}, ${score.sql} as score,
              (extract(epoch from ${opts.sortColumn}) * 1000000)::int8 as sort_us
         from course c
        where ${opts.where.sql}
     ) x
     where ${keyset.sql}
     order by x.score desc, x.sort_us desc, x.id desc
     limit ?`,
    [...score.params, ...opts.where.params, ...keyset.params, opts.first + 1],
  );
  const count = em.execute<{ n: number }[]>(`select count(*)::int as n from course c where ${opts.where.sql}`, opts.where.params);
  const [rows, [{ n }]] = await Promise.all([page, count]);
  return { rows, total: n };
}

export const cursorOf = (row: { score: string; sort_us: string; id: string }): unknown[] => [row.score, row.sort_us, row.id];

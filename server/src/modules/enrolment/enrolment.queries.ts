import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import { decodeCursor, type TotalCount } from '../../shared/graphql/pagination.js';
import type { DeliveryMode, DevelopmentForm } from '../course/index.js';
import { RUN_COLUMNS, toCourseRun, type RunRow } from '../run/index.js';
import type { EnrolmentStatus } from './enrolment.entity.js';
import type { EnrolmentAccessRow } from './enrolment.policy.js';
import type { Enrolment, EnrolmentCourse, EnrolmentLearner } from './enrolment.types.js';
import { isUuid } from '../../shared/util/ids.js';

/**
 * Shaped reads: every enrolment screen selects exactly these columns in one statement, without
 * hydrating entities. Alias `e` is the enrolment.
 */
export const ENROLMENT_COLUMNS = `
  e.id, e.status, e.requested_at, e.waitlisted_at, e.decided_at, e.decision_note, e.finished_at,
  e.person_id, e.approver_id,
  c.id as course_id, c.code as course_code, c.title as course_title, c.jp as course_jp, c.form as course_form,
  c.delivery as course_delivery, coalesce(oa.name, op.name, '') as course_owner_name,
  ${RUN_COLUMNS},
  p.full_name as learner_name, p.nip as learner_nip, p.position_title as learner_position_title,
  p.supervisor_id as learner_supervisor_id, p.agency_id as learner_agency_id,
  la.name as learner_agency_name, lu.name as learner_org_unit_name,
  ap.full_name as approver_name, db.full_name as decided_by_name,
  case when e.status = 'WAITLISTED' then
    (select count(*)::int from enrolment w
      where w.run_id = e.run_id and w.status = 'WAITLISTED' and (w.waitlisted_at, w.id) <= (e.waitlisted_at, e.id))
  end as waitlist_position,
  lr.minutes as credited_minutes`;

export const ENROLMENT_JOINS = `
  join course_run r on r.id = e.run_id
  join course c on c.id = e.course_id
  left join agency oa on oa.id = c.owner_agency_id
  left join partner_institution op on op.id = c.owner_partner_id
  join person p on p.id = e.person_id
  left join agency la on la.id = p.agency_id
  left join org_unit lu on lu.id = p.org_unit_id
  left join person ap on ap.id = e.approver_id
  left join person db on db.id = e.decided_by_id
  left join learning_record lr on lr.enrolment_id = e.id`;

export interface EnrolmentRow extends RunRow {
  id: string;
  status: EnrolmentStatus;
  requested_at: string;
  waitlisted_at: string | null;
  decided_at: string | null;
  decision_note: string | null;
  finished_at: string | null;
  person_id: string;
  approver_id: string | null;
  course_id: string;
  course_code: string;
  course_title: string;
  course_jp: number;
  course_form: DevelopmentForm;
  course_delivery: DeliveryMode;
  course_owner_name: string;
  learner_name: string;
  learner_nip: string | null;
  learner_position_title: string | null;
  learner_supervisor_id: string | null;
  learner_agency_id: string | null;
  learner_agency_name: string | null;
  learner_org_unit_name: string | null;
  approver_name: string | null;
  decided_by_name: string | null;
  waitlist_position: number | null;
  credited_minutes: number | null;
}

/** PostgreSQL timestamps arrive as text (MikroORM keeps them raw); GraphQL wants Dates. */
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null): Date | null;
export function toDate(value: string | Date | null): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(value);
}

export type CourseColumns = Pick<
  EnrolmentRow,
  | 'course_id' | 'course_code' | 'course_title' | 'course_jp' | 'course_form' | 'course_delivery' | 'course_owner_name'
>;

export function toEnrolmentCourse(row: CourseColumns): EnrolmentCourse {
  return {
    id: row.course_id,
    code: row.course_code,
    title: row.course_title,
    jp: row.course_jp,
    form: row.course_form,
    delivery: row.course_delivery,
    ownerName: row.course_owner_name,
  };
}

export function toEnrolmentLearner(row: EnrolmentRow): EnrolmentLearner {
  return {
    id: row.person_id,
    fullName: row.learner_name,
    identity: { personId: row.person_id, agencyId: row.learner_agency_id, supervisorId: row.learner_supervisor_id, nip: row.learner_nip, nidn: null },
    agencyName: row.learner_agency_name,
    orgUnitName: row.learner_org_unit_name,
    positionTitle: row.learner_position_title,
  };
}

export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    status: row.status,
    course: toEnrolmentCourse(row),
    run: toCourseRun(row),
    learner: toEnrolmentLearner(row),
    approverName: row.approver_name,
    decidedByName: row.decided_by_name,
    requestedAt: toDate(row.requested_at),
    waitlistedAt: toDate(row.waitlisted_at),
    waitlistPosition: row.waitlist_position,
    decidedAt: toDate(row.decided_at),
    decisionNote: row.decision_note,
    finishedAt: toDate(row.finished_at),
    creditedMinutes: row.credited_minutes,
  };
}

export async function readEnrolment(em: EntityManager, id: string): Promise<EnrolmentRow | null> {
  const rows = await em.execute<EnrolmentRow[]>(`select ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS} where e.id = ?`, [id]);
  return rows[0] ?? null;
}

export interface EnrolmentAccess extends EnrolmentAccessRow {
  course_jp: number;
  course_title: string;
  course_delivery: DeliveryMode;
  run_starts_at: string | null;
  run_ends_at: string | null;
}

/** What the policies need about one enrolment for this viewer, in one statement; null when it does not exist. */
export async function loadEnrolmentAccess(em: EntityManager, viewer: Viewer, id: string): Promise<EnrolmentAccess | null> {
  const rows = await em.execute<EnrolmentAccess[]>(
    `select e.id, e.status, e.person_id, e.course_id, e.run_id, e.approver_id,
            p.supervisor_id as learner_supervisor_id, p.agency_id as learner_agency_id,
            c.owner_agency_id, c.owner_partner_id, c.jp as course_jp, c.title as course_title,
            c.delivery as course_delivery, r.starts_at as run_starts_at, r.ends_at as run_ends_at,
            exists (select 1 from course_run_instructor ri where ri.run_id = e.run_id and ri.person_id = ?) as teaches
       from enrolment e join person p on p.id = e.person_id join course c on c.id = e.course_id join course_run r on r.id = e.run_id
      where e.id = ?`,
    [viewer.personId, id],
  );
  return rows[0] ?? null;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

export type KeyKind = 'timestamp' | 'uuid' | 'text';

/** Decodes a keyset cursor and checks each value's shape, so a forged cursor is INVALID_CURSOR, never a SQL error. */
export function decodeKeyset(after: string | null | undefined, kinds: KeyKind[]): string[] | null {
  const values = decodeCursor(after, kinds.length);
  if (!values) return null;
  kinds.forEach((kind, i) => {
    const v = values[i];
    const ok = typeof v === 'string' && (kind === 'text' ? v.length <= 300 : kind === 'uuid' ? isUuid(v) : TIMESTAMP.test(v));
    if (!ok) throw new AppError('INVALID_CURSOR', {}, 'after');
  });
  return values as string[];
}

/**
 * One statement for a page. With the total: the count (a one-row CTE) left-joined to the page, so an
 * empty page still reports its total. Without it (the client did not select `totalCount`): the page
 * alone, and a function that counts if called. `pageSql` selects `ENROLMENT_COLUMNS` (plus extras)
 * with its own order and limit.
 */
export async function pageQuery<R extends { id: string | null }>(
  em: EntityManager,
  countSql: string,
  countParams: unknown[],
  pageSql: string,
  pageParams: unknown[],
  outerOrder: string,
  withTotal: boolean,
): Promise<{ rows: R[]; total: TotalCount }> {
  if (!withTotal) {
    const rows = await em.execute<R[]>(pageSql, pageParams);
    return { rows, total: async () => (await em.execute<{ n: number }[]>(countSql, countParams))[0].n };
  }
  const rows = await em.execute<(R & { total_count: number })[]>(
    `with total as (${countSql}), page as (${pageSql})
     select total.n as total_count, page.* from total left join page on true order by ${outerOrder}`,
    [...countParams, ...pageParams],
  );
  return { rows: rows.filter((r) => r.id !== null), total: rows[0]?.total_count ?? 0 };
}

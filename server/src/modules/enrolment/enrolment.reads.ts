import type { SignedInOperationContext } from '../../app/context.js';
import { AppError } from '../../shared/errors.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { canTeachRun, canViewRun, loadRunAccess, toCourseRun } from '../run/index.js';
import { jpOf } from '../learning-hours/index.js';
import type { EnrolmentStatus } from './enrolment.entity.js';
import { canSeeEnrolment } from './enrolment.policy.js';
import {
  decodeKeyset, ENROLMENT_COLUMNS, ENROLMENT_JOINS, loadEnrolmentAccess, pageQuery, readEnrolment, toDate,
  toEnrolment, toEnrolmentCourse, toEnrolmentLearner, type EnrolmentRow,
} from './enrolment.queries.js';
import type { ApprovalRequestPage, Enrolment, EnrolmentPage } from './enrolment.types.js';

/** The learner, their approver/supervisor, who runs the course and admins of the learner's agency; else NOT_FOUND. */
export async function getEnrolment(
  ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const access = await loadEnrolmentAccess(em, viewer, id);
  if (!access || !canSeeEnrolment(viewer, access)) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  const row = await readEnrolment(em, id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  return toEnrolment(row);
}

function statusFilter(alias: string, statuses: EnrolmentStatus[] | null | undefined): { sql: string; params: unknown[] } {
  return statuses?.length ? { sql: ` and ${alias}.status in (?)`, params: [statuses] } : { sql: '', params: [] };
}

/** The viewer's own enrolments, newest request first. One statement per page. */
export async function myEnrolments(
  ctx: SignedInOperationContext, args: { first: number; after?: string | null; status?: EnrolmentStatus[] | null },
  withTotal: boolean,
): Promise<EnrolmentPage> {
  const { em, viewer } = ctx;
  const cursor = decodeKeyset(args.after, ['timestamp', 'uuid']);
  const countFilter = statusFilter('t', args.status);
  const pageFilter = statusFilter('e', args.status);
  const { rows, total } = await pageQuery<EnrolmentRow>(
    em,
    `select count(*)::int as n from enrolment t where t.person_id = ?${countFilter.sql}`,
    [viewer.personId, ...countFilter.params],
    `select ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS}
      where e.person_id = ?${pageFilter.sql}${cursor ? ' and (e.requested_at, e.id) < (?::timestamptz, ?::uuid)' : ''}
      order by e.requested_at desc, e.id desc limit ?`,
    [viewer.personId, ...pageFilter.params, ...(cursor ?? []), args.first + 1],
    'page.requested_at desc, page.id desc',
    withTotal,
  );
  return toPage(rows, args.first, total, (r) => toEnrolment(r), (r) => [r.requested_at, r.id]);
}

interface InboxRow extends EnrolmentRow {
  learner_minutes: number;
  minutes_per_jp: number | null;
  yearly_target_jp: number | null;
}

/**
 * Pending requests waiting on the viewer, oldest first; agency admins may ask for every pending
 * request of the agencies they administer. One statement per page, with each learner's JP this year.
 */
export async function approvalsInbox(
  ctx: SignedInOperationContext, args: { first: number; after?: string | null; agencyWide: boolean },
  withTotal: boolean,
): Promise<ApprovalRequestPage> {
  const { em, viewer } = ctx;
  let scope: { sql: string; params: unknown[] };
  if (args.agencyWide) {
    if (viewer.isPlatformAdmin) scope = { sql: 'true', params: [] };
    else if (viewer.adminAgencyIds.length) scope = { sql: 'p.agency_id in (?)', params: [viewer.adminAgencyIds] };
    else throw new AppError('FORBIDDEN');
  } else {
    scope = { sql: 'e.approver_id = ?', params: [viewer.personId] };
  }
  const cursor = decodeKeyset(args.after, ['timestamp', 'uuid']);
  const now = new Date();
  const year = yearIn(now);
  const { rows, total } = await pageQuery<InboxRow>(
    em,
    `select count(*)::int as n from enrolment e join person p on p.id = e.person_id where e.status = 'REQUESTED' and ${scope.sql}`,
    scope.params,
    `select ${ENROLMENT_COLUMNS}, coalesce(ply.minutes, 0) as learner_minutes, rule.minutes_per_jp, rule.yearly_target_jp
       from enrolment e ${ENROLMENT_JOINS}
       left join person_learning_year ply on ply.person_id = p.id and ply.year = ?
       left join lateral (select minutes_per_jp, yearly_target_jp from learning_rule_set
                           where valid_from <= ?::date order by valid_from desc limit 1) rule on true
      where e.status = 'REQUESTED' and ${scope.sql}${cursor ? ' and (e.requested_at, e.id) > (?::timestamptz, ?::uuid)' : ''}
      order by e.requested_at, e.id limit ?`,
    [year, isoDateIn(now), ...scope.params, ...(cursor ?? []), args.first + 1],
    'page.requested_at, page.id',
    withTotal,
  );
  if (rows.some((r) => r.minutes_per_jp == null)) throw new AppError('RULE_NOT_FOUND');
  return toPage(
    rows,
    args.first,
    total,
    (r) => ({
      id: r.id,
      learner: toEnrolmentLearner(r),
      course: toEnrolmentCourse(r),
      run: toCourseRun(r),
      requestedAt: toDate(r.requested_at),
      approverName: r.approver_name,
      learnerJpThisYear: jpOf(r.learner_minutes, r.minutes_per_jp!),
      learnerTargetJp: r.yearly_target_jp!,
    }),
    (r) => [r.requested_at, r.id],
  );
}

/** Who is in a run, by name, for its instructors and its course's managers. One statement per page. */
export async function courseRoster(
  ctx: SignedInOperationContext, args: { runId: string; first: number; after?: string | null; status?: EnrolmentStatus[] | null },
  withTotal: boolean,
): Promise<EnrolmentPage> {
  const { em, viewer } = ctx;
  const run = await loadRunAccess(em, viewer, args.runId);
  if (!run || !canTeachRun(viewer, run)) {
    throw run && canViewRun(viewer, run) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { what: 'run' });
  }
  const cursor = decodeKeyset(args.after, ['text', 'uuid']);
  const countFilter = statusFilter('t', args.status);
  const pageFilter = statusFilter('e', args.status);
  const { rows, total } = await pageQuery<EnrolmentRow>(
    em,
    `select count(*)::int as n from enrolment t where t.run_id = ?${countFilter.sql}`,
    [args.runId, ...countFilter.params],
    `select ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS}
      where e.run_id = ?${pageFilter.sql}${cursor ? ' and (p.full_name, e.id) > (?, ?::uuid)' : ''}
      order by p.full_name, e.id limit ?`,
    [args.runId, ...pageFilter.params, ...(cursor ?? []), args.first + 1],
    'page.learner_name, page.id',
    withTotal,
  );
  return toPage(rows, args.first, total, (r) => toEnrolment(r), (r) => [r.learner_name, r.id]);
}

import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { isoDateIn, yearIn } from '../../shared/util/time.js';
import { canTeachRun, canViewRun, loadRunAccess, toCourseRun } from '../run/index.js';
import { EnrolmentStatus } from './enrolment.entity.js';
import { canSeeEnrolment } from './enrolment.policy.js';
import {
  learnerNameCursor, loadEnrolmentAccess, pageWithTotal, readEnrolment, requestedCursor, selectEnrolments, toDate,
  toEnrolment, toEnrolmentCourse, toEnrolmentLearner,
} from './enrolment.queries.js';
import type { ApprovalRequestPage, Enrolment, EnrolmentPage } from './enrolment.types.js';

/** The learner, their approver/supervisor, who runs the course and admins of the learner's agency; else NOT_FOUND. */
export async function getEnrolment(ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const access = await loadEnrolmentAccess(ctx, ctx.viewer, id);
  if (!access || !canSeeEnrolment(ctx.viewer, access)) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  const row = await readEnrolment(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  return toEnrolment(row);
}

const hasStatuses = (statuses: EnrolmentStatus[] | null | undefined): statuses is EnrolmentStatus[] => !!statuses?.length;

/** The viewer's own enrolments, newest request first. One statement per page. */
export async function myEnrolments(
  ctx: SignedInOperationContext, args: { first: number; after?: string | null; status?: EnrolmentStatus[] | null },
  withTotal: boolean,
): Promise<EnrolmentPage> {
  const { viewer } = ctx;
  const cursor = requestedCursor.decode(args.after);
  const k = db(ctx);
  const count = k.selectFrom('enrolment as t')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('t.person_id', '=', viewer.personId)
    .$if(hasStatuses(args.status), (q) => q.where('t.status', 'in', args.status!));
  const page = selectEnrolments(k)
    .where('e.person_id', '=', viewer.personId)
    .$if(hasStatuses(args.status), (q) => q.where('e.status', 'in', args.status!))
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('e.requested_at', 'e.id'), '<', eb.tuple(
      eb.cast<Date>(eb.val(cursor![0]), 'timestamptz'), eb.cast<string>(eb.val(cursor![1]), 'uuid')))))
    .orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc')
    .limit(args.first + 1);
  const { rows, total } = await pageWithTotal(k, count, page, [{ column: 'requested_at', direction: 'desc' }, { column: 'id', direction: 'desc' }], withTotal);
  return toPage(rows, args.first, total, toEnrolment, (r) => requestedCursor.encode([r.requested_at, r.id]));
}

/**
 * Pending requests waiting on the viewer, oldest first; agency admins may ask for every pending
 * request of the agencies they administer. One statement per page, with each learner's JP this year
 * as the ledger credited them (person_learning_year.jp: a later rule does not change them) and the
 * yearly target in force today.
 */
export async function approvalsInbox(
  ctx: SignedInOperationContext, args: { first: number; after?: string | null; agencyWide: boolean },
  withTotal: boolean,
): Promise<ApprovalRequestPage> {
  const { viewer } = ctx;
  if (args.agencyWide && !viewer.isPlatformAdmin && !viewer.adminAgencyIds.length) throw new AppError('FORBIDDEN');
  // Whose requests: the viewer's own to decide, or (agency-wide) all of the agencies they administer.
  const scope: { approver?: string; agencies?: string[] } =
    !args.agencyWide ? { approver: viewer.personId } : viewer.isPlatformAdmin ? {} : { agencies: viewer.adminAgencyIds };
  const cursor = requestedCursor.decode(args.after);
  const now = new Date();
  const k = db(ctx);
  const count = k.selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('e.status', '=', sql.lit(EnrolmentStatus.REQUESTED))
    .$if(!!scope.approver, (q) => q.where('e.approver_id', '=', scope.approver!))
    .$if(!!scope.agencies, (q) => q.where('p.agency_id', 'in', scope.agencies!));
  const page = selectEnrolments(k)
    .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', yearIn(now)))
    .select((eb) => [
      eb.cast<number>(eb.fn.coalesce('ply.jp', sql.lit(0)), 'float8').as('learner_jp'),
      eb.selectFrom('learning_rule_set').select('yearly_target_jp')
        .where('valid_from', '<=', eb.cast<string>(eb.val(isoDateIn(now)), 'date'))
        .orderBy('valid_from', 'desc').limit(1)
        .as('yearly_target_jp'),
    ])
    .where('e.status', '=', sql.lit(EnrolmentStatus.REQUESTED))
    .$if(!!scope.approver, (q) => q.where('e.approver_id', '=', scope.approver!))
    .$if(!!scope.agencies, (q) => q.where('p.agency_id', 'in', scope.agencies!))
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('e.requested_at', 'e.id'), '>', eb.tuple(
      eb.cast<Date>(eb.val(cursor![0]), 'timestamptz'), eb.cast<string>(eb.val(cursor![1]), 'uuid')))))
    .orderBy('e.requested_at').orderBy('e.id')
    .limit(args.first + 1);
  const { rows, total } = await pageWithTotal(k, count, page, [{ column: 'requested_at', direction: 'asc' }, { column: 'id', direction: 'asc' }], withTotal);
  if (rows.some((r) => r.yearly_target_jp == null)) throw new AppError('RULE_NOT_FOUND');
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
      learnerJpThisYear: r.learner_jp,
      learnerTargetJp: r.yearly_target_jp!,
    }),
    (r) => requestedCursor.encode([r.requested_at, r.id]),
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
  const cursor = learnerNameCursor.decode(args.after);
  const k = db(ctx);
  const count = k.selectFrom('enrolment as t')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('t.run_id', '=', args.runId)
    .$if(hasStatuses(args.status), (q) => q.where('t.status', 'in', args.status!));
  const page = selectEnrolments(k)
    .where('e.run_id', '=', args.runId)
    .$if(hasStatuses(args.status), (q) => q.where('e.status', 'in', args.status!))
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.full_name', 'e.id'), '>', eb.tuple(
      eb.val(cursor![0]), eb.cast<string>(eb.val(cursor![1]), 'uuid')))))
    .orderBy('p.full_name').orderBy('e.id')
    .limit(args.first + 1);
  const { rows, total } = await pageWithTotal(k, count, page, [{ column: 'learner_name', direction: 'asc' }, { column: 'id', direction: 'asc' }], withTotal);
  return toPage(rows, args.first, total, toEnrolment, (r) => learnerNameCursor.encode([r.learner_name, r.id]));
}

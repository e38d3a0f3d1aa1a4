import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type UpdateObject } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db, inTransaction, type Database } from '../../shared/db/kysely.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { isoDateIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { CourseStatus, CourseVisibility, DeliveryMode, EnrolmentPolicy } from '../course/index.js';
import { creditLearning, LearningSource, ruleSetOn } from '../learning-hours/index.js';
import {
  admit, assertCanViewRun, closedReasonSql, EnrolmentClosedReason, leaveWaitlist, promoteFromWaitlist, releaseSeat,
} from '../run/index.js';
import { CURRENT, EnrolmentStatus, REOPENABLE } from './enrolment.entity.js';
import { enqueueMail, enqueueSeatMails } from '../mail/index.js';
import { EmploymentType } from '../person/index.js';
import { canDecideEnrolment, canFinishEnrolment, canSeeEnrolment, canWithdrawEnrolment } from './enrolment.policy.js';
import { loadEnrolmentAccess, readEnrolment, toEnrolment, type EnrolmentAccess } from './enrolment.queries.js';
import { enrolmentOutcomesChanged } from './outcome-listeners.js';
import type { Enrolment, EnrolPeopleResult } from './enrolment.types.js';

/** The states a learner may withdraw from. */
const WITHDRAWABLE = [EnrolmentStatus.REQUESTED, EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED];

async function result(ctx: { em: EntityManager }, id: string): Promise<Enrolment> {
  const row = await readEnrolment(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  return toEnrolment(row);
}

/**
 * Moves an enrolment from one of `from` in one statement that locks the row and checks the state
 * it finds (so two concurrent decisions cannot both succeed). Returns the state it left, or null
 * when the row was no longer in one of `from`.
 */
async function transition(
  tx: { em: EntityManager }, id: string, from: EnrolmentStatus[], set: UpdateObject<Database, 'enrolment'>,
): Promise<EnrolmentStatus | null> {
  const row = await db(tx)
    .with('old', (q) => q.selectFrom('enrolment').select(['id', 'status']).where('id', '=', id).forUpdate())
    .updateTable('enrolment')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .from('old')
    .whereRef('enrolment.id', '=', 'old.id')
    .where('old.status', 'in', from)
    .returning('old.status as previous')
    .executeTakeFirst();
  return row?.previous ?? null;
}

/** Loads an enrolment the viewer may see; anything else (unknown, or not theirs to see) is NOT_FOUND. */
async function visibleEnrolment(ctx: SignedInOperationContext, id: string): Promise<EnrolmentAccess> {
  const row = await loadEnrolmentAccess(ctx, ctx.viewer, id);
  if (!row || !canSeeEnrolment(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  return row;
}

function assertState(row: EnrolmentAccess, allowed: EnrolmentStatus[]): void {
  if (!allowed.includes(row.status as EnrolmentStatus)) throw new AppError('INVALID_TRANSITION', { from: row.status });
}

/**
 * The learner's supervisor, read under a share lock on the learner's row: a concurrent supervisor change
 * (which locks the row and moves pending requests) commits either before, and the request goes to the
 * new supervisor, or after, and moves this request with the others.
 */
async function currentSupervisor(tx: { em: EntityManager }, learnerId: string): Promise<string> {
  // The supervisor's row is read in the select list, not joined: after waiting on the lock PostgreSQL
  // re-reads the learner's row, and a joined row would still be the former supervisor's (or none).
  const row = await db(tx).selectFrom('person as p')
    .select((eb) => ['p.supervisor_id as id', eb.selectFrom('person as s').select('s.active').whereRef('s.id', '=', 'p.supervisor_id').as('active')])
    .where('p.id', '=', learnerId)
    .forShare()
    .executeTakeFirst();
  if (!row?.id || !row.active) throw new AppError('NO_SUPERVISOR');
  return row.id;
}

/**
 * An outcome belongs to a run that has happened: never before it starts; before it ends only when the
 * caller confirms an early outcome (`early`). Self-paced courses are taken at each learner's own pace,
 * so a run's end date is when the offer closes, not when learning is done: any time after the start.
 * Returns whether the outcome was recorded early, for the audit.
 */
function assertOutcomeDue(row: EnrolmentAccess, now: Date, early: boolean): boolean {
  if (row.run_starts_at && new Date(row.run_starts_at) > now) throw new AppError('COURSE_NOT_STARTED');
  const running = !!row.run_ends_at && new Date(row.run_ends_at) > now && row.course_delivery !== DeliveryMode.ONLINE_SELF_PACED;
  if (running && !early) throw new AppError('COURSE_NOT_ENDED');
  return running;
}

/** Why a run (alias `r`) takes no enrolments now, by the run module's rule at the statement's clock; null while open. */
const closedReasonOfRun = () => sql<EnrolmentClosedReason | null>`${sql.raw(closedReasonSql('r'))}`.as('closed_reason');

async function runClosedReason(ctx: { em: EntityManager }, runId: string): Promise<EnrolmentClosedReason | null> {
  const run = await db(ctx).selectFrom('course_run as r').select(closedReasonOfRun()).where('r.id', '=', runId).executeTakeFirst();
  return run?.closed_reason ?? null;
}

/**
 * Serialises enrolment writes of the same learners in the same course (transaction-scoped advisory locks, taken in a
 * fixed order so two bulk enrolments cannot deadlock each other). Enrolment has two unique indexes (once per run, one
 * current run per course) and INSERT … ON CONFLICT arbitrates on one: concurrent speculative inserts of the same
 * learner could otherwise deadlock on the other (test/api/enrolment-concurrency.test.ts, 20 enrols at once).
 */
export async function lockLearnersInCourse(tx: { em: EntityManager }, courseId: string, personIds: string[]): Promise<void> {
  // Sorted here; unnest hands them to the lock in array order, so every caller locks in the same order.
  const keys = [...new Set(personIds)].map((p) => `enrolment:${courseId}:${p}`).sort();
  await db(tx).selectFrom(sql<{ k: string }>`unnest(${keys}::text[])`.as(sql`keys(k)`))
    .select(sql<string>`pg_advisory_xact_lock(hashtextextended(k, 0))`.as('locked'))
    .execute();
}

async function mapOneRunAtATime<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'enrolment_one_current_per_course')) throw new AppError('ALREADY_IN_ANOTHER_RUN');
    throw error;
  }
}

/**
 * The signed-in learner enrols in a run. Idempotent: an existing enrolment in this run comes back
 * unchanged, except a withdrawn or rejected one, which is re-opened (same row) and goes through the
 * policy again. One run of a course at a time: while requested, waiting or active in another run of
 * the course, ALREADY_IN_ANOTHER_RUN; after completing it, COURSE_ALREADY_COMPLETED. After failing,
 * withdrawing or being rejected, a later run is a new enrolment (the earlier one stays as history).
 */
export async function enrol(ctx: SignedInOperationContext, runId: string): Promise<Enrolment> {
  const { em, viewer } = ctx;
  if (!viewer.hasRole(Role.LEARNER)) throw new AppError('NOT_A_LEARNER');
  const run = await assertCanViewRun(em, viewer, runId);
  if (run.status !== CourseStatus.PUBLISHED) throw new AppError('COURSE_NOT_OPEN');
  // Managing or teaching a course shows it; joining it as a learner takes the catalogue's own rule.
  if (!run.visible_to_viewer) throw new AppError('COURSE_NOT_VISIBLE');
  const info = await db(ctx).selectFrom('course_run as r')
    .innerJoin('person as p', (join) => join.on('p.id', '=', viewer.personId))
    .leftJoin('person as s', 's.id', 'p.supervisor_id')
    .leftJoin('enrolment as e', (join) => join.onRef('e.run_id', '=', 'r.id').onRef('e.person_id', '=', 'p.id'))
    .select((eb) => [
      'r.course_id', 'r.enrolment_policy', 'r.series_id', closedReasonOfRun(), 'e.id as enrolment_id', 'e.status as enrolment_status',
      eb.selectFrom('enrolment as o').select('o.status')
        .whereRef('o.person_id', '=', 'p.id').whereRef('o.course_id', '=', 'r.course_id').whereRef('o.run_id', '<>', 'r.id')
        .where('o.status', 'in', CURRENT).where('o.one_per_course', '=', sql.lit(true)).limit(1)
        .as('other_status'),
      's.id as supervisor_id', 's.active as supervisor_active',
    ])
    .where('r.id', '=', runId)
    .executeTakeFirstOrThrow();
  if (info.enrolment_id && !REOPENABLE.includes(info.enrolment_status!)) return result(ctx, info.enrolment_id);
  // An occurrence of a recurring forum is joined on its own, whatever other runs of the forum the learner is in.
  const onePerCourse = info.series_id === null;
  if (onePerCourse && info.other_status === EnrolmentStatus.COMPLETED) throw new AppError('COURSE_ALREADY_COMPLETED');
  if (onePerCourse && info.other_status) throw new AppError('ALREADY_IN_ANOTHER_RUN');
  // Closed (cancelled, ended, or past its deadline): nothing new, nothing re-opened.
  if (info.closed_reason) throw new AppError(info.closed_reason);
  if (info.enrolment_policy === EnrolmentPolicy.INVITATION) throw new AppError('INVITATION_ONLY');
  const needsApproval = info.enrolment_policy === EnrolmentPolicy.SUPERVISOR_APPROVAL;
  if (needsApproval && (!info.supervisor_id || !info.supervisor_active)) throw new AppError('NO_SUPERVISOR');

  const id = await mapOneRunAtATime(() => inTransaction(ctx, async (tx) => {
    await lockLearnersInCourse(tx, info.course_id, [viewer.personId]);
    const approverId = needsApproval ? await currentSupervisor(tx, viewer.personId) : null;
    // OPEN runs insert a placeholder state that admit() settles on a seat or the waiting list.
    const initial = needsApproval ? EnrolmentStatus.REQUESTED : EnrolmentStatus.WAITLISTED;
    let row = await db(tx).insertInto('enrolment')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, requested_at: sql<Date>`now()`,
        person_id: viewer.personId, course_id: info.course_id, run_id: runId, status: initial, approver_id: approverId,
        one_per_course: onePerCourse,
      })
      .onConflict((oc) => oc.constraint('enrolment_once_per_run').doNothing())
      .returning('id')
      .executeTakeFirst();
    row ??= await db(tx).updateTable('enrolment')
      .set({
        status: initial, approver_id: approverId, requested_at: sql<Date>`now()`, waitlisted_at: null, decided_at: null,
        decided_by_id: null, decision_note: null, finished_at: null, updated_at: sql<Date>`now()`,
      })
      .where('person_id', '=', viewer.personId).where('run_id', '=', runId).where('status', 'in', REOPENABLE)
      .returning('id')
      .executeTakeFirst();
    // Nothing inserted or re-opened: a concurrent request of the same learner got there first.
    if (!row) return null;
    if (!needsApproval && (await admit(tx.em, row.id, runId)) === 'ACTIVE') await enqueueSeatMails(tx.em, 'registration-confirmed', [row.id]);
    return row.id;
  }));
  if (id) return result(ctx, id);
  const existing = await db(ctx).selectFrom('enrolment').select('id')
    .where('person_id', '=', viewer.personId).where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return result(ctx, existing.id);
}

/** The learner leaves. A freed seat goes to the first on the waiting list in the same transaction. */
export async function withdraw(ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const row = await visibleEnrolment(ctx, id);
  if (!canWithdrawEnrolment(ctx.viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, WITHDRAWABLE);
  await inTransaction(ctx, async (tx) => {
    const previous = await transition(tx, id, WITHDRAWABLE, { status: EnrolmentStatus.WITHDRAWN, finished_at: sql<Date>`now()` });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    if (previous === EnrolmentStatus.ACTIVE) await releaseSeat(tx.em, row.run_id);
    else if (previous === EnrolmentStatus.WAITLISTED) await leaveWaitlist(tx.em, row.run_id);
  });
  return result(ctx, id);
}

/** The approver (or an admin of the learner's agency) lets the learner in: a seat if one is free, else the waiting list. */
export async function approve(ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const { viewer } = ctx;
  const row = await visibleEnrolment(ctx, id);
  if (!canDecideEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.REQUESTED]);
  await inTransaction(ctx, async (tx) => {
    // A request made in time may be approved after the deadline, but no one joins a run that has ended or was cancelled.
    const closed = await runClosedReason(tx, row.run_id);
    if (closed && closed !== EnrolmentClosedReason.ENROLMENT_DEADLINE_PASSED) throw new AppError(closed);
    const previous = await transition(tx, id, [EnrolmentStatus.REQUESTED], { decided_at: sql<Date>`now()`, decided_by_id: viewer.personId });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    const status = await admit(tx.em, id, row.run_id);
    writeAudit(tx, 'enrolment.approve', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, runId: row.run_id, status });
    await enqueueMail(tx.em, { kind: 'enrolment-decision', enrolmentId: id, decision: 'APPROVED' });
  });
  return result(ctx, id);
}

export async function reject(ctx: SignedInOperationContext, id: string, reason: string): Promise<Enrolment> {
  const { viewer } = ctx;
  const note = reason.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', { reason: 'empty' }, 'reason');
  const row = await visibleEnrolment(ctx, id);
  if (!canDecideEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.REQUESTED]);
  await inTransaction(ctx, async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.REQUESTED], {
      status: EnrolmentStatus.REJECTED, decided_at: sql<Date>`now()`, decided_by_id: viewer.personId, decision_note: note,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    writeAudit(tx, 'enrolment.reject', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, reason: note });
    await enqueueMail(tx.em, { kind: 'enrolment-decision', enrolmentId: id, decision: 'REJECTED' });
  });
  return result(ctx, id);
}

/**
 * An instructor of the run or an admin of its course's owner records completion (see assertOutcomeDue
 * for when). The course's JP go to the learner's ledger in the same transaction, at the minutes per JP
 * of the rule set in force on the completion date (Asia/Jakarta), exactly once per enrolment; and since
 * a completed course is not taken again (enrolment_one_current_per_course), once per course.
 */
export async function complete(ctx: SignedInOperationContext, id: string, note?: string | null, early = false): Promise<Enrolment> {
  const row = await visibleEnrolment(ctx, id);
  if (!canFinishEnrolment(ctx.viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.ACTIVE]);
  const now = new Date();
  const beforeEnd = assertOutcomeDue(row, now, early);
  const rule = await ruleSetOn(ctx.em, isoDateIn(now));
  const minutes = row.course_jp * rule.minutes_per_jp;
  await inTransaction(ctx, async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.ACTIVE], {
      status: EnrolmentStatus.COMPLETED, finished_at: sql<Date>`${now.toISOString()}::timestamptz`, decision_note: note?.trim() || null,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    const { credited } = await creditLearning(tx.em, {
      personId: row.person_id, minutes, source: LearningSource.COURSE_RUN_COMPLETION, sourceId: id, title: row.course_title, occurredAt: now,
    });
    writeAudit(tx, 'enrolment.complete', 'Enrolment', id, {
      learnerId: row.person_id, courseId: row.course_id, runId: row.run_id, minutes: credited ? minutes : 0, ruleSetId: rule.id, ...(beforeEnd ? { early: true } : {}),
    });
    // A programme whose path holds this course may be complete now (programme module, path.completion.ts).
    await enrolmentOutcomesChanged(tx, [id]);
  });
  return result(ctx, id);
}

/** Records a failure, by the same people and at the same times as completion: the seat stays taken (the learner had it), no JP are credited. */
export async function fail(ctx: SignedInOperationContext, id: string, note?: string | null, early = false): Promise<Enrolment> {
  const row = await visibleEnrolment(ctx, id);
  if (!canFinishEnrolment(ctx.viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.ACTIVE]);
  const beforeEnd = assertOutcomeDue(row, new Date(), early);
  await inTransaction(ctx, async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.ACTIVE], {
      status: EnrolmentStatus.FAILED, finished_at: sql<Date>`now()`, decision_note: note?.trim() || null,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    writeAudit(tx, 'enrolment.fail', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, ...(beforeEnd ? { early: true } : {}) });
  });
  return result(ctx, id);
}

/**
 * An agency admin enrols people of the agencies they administer, into any run of a course those people
 * may see (invitation-only ones included). Set-based: one INSERT … SELECT for the rows (re-opening
 * withdrawn or rejected ones in this run; leaving out whoever is in another run of the course or has
 * completed it), then one promotion that fills the free seats in order; the rest wait.
 */
export async function enrolPeople(ctx: SignedInOperationContext, runId: string, personIds: string[]): Promise<EnrolPeopleResult> {
  const { em, viewer } = ctx;
  const run = await assertCanViewRun(em, viewer, runId);
  if (run.status !== CourseStatus.PUBLISHED) throw new AppError('COURSE_NOT_OPEN');
  // The same closing rule as a learner's own enrolment: an admin cannot enrol anyone into an ended run either.
  const closed = await runClosedReason(ctx, runId);
  if (closed) throw new AppError(closed);
  const courseId = run.id; // the run's course (a run's access row is its course's, plus the run)
  // An occurrence of a recurring forum is joined on its own (enrolment.one_per_course false).
  const { series_id: seriesId } = await db(ctx).selectFrom('course_run').select('series_id').where('id', '=', runId).executeTakeFirstOrThrow();
  const onePerCourse = seriesId === null;
  const ids = [...new Set(personIds.map((p) => p.toLowerCase()))];
  const people = await db(ctx).selectFrom('person as p')
    .crossJoin('course as c')
    .select((eb) => [
      'p.id', 'p.agency_id', 'p.active', 'p.employment_type',
      eb.or([
        eb('c.visibility', '=', sql.lit(CourseVisibility.ALL_AGENCIES)),
        eb('c.owner_agency_id', '=', eb.ref('p.agency_id')),
        eb.and([
          eb('c.visibility', '=', sql.lit(CourseVisibility.LISTED_AGENCIES)),
          eb.exists(eb.selectFrom('course_visible_agency as v').select(eb.lit(1).as('one'))
            .whereRef('v.course_id', '=', 'c.id').whereRef('v.agency_id', '=', 'p.agency_id')),
        ]),
      ]).$castTo<boolean>().as('course_visible'),
    ])
    .where('p.id', 'in', ids)
    .where('c.id', '=', courseId)
    .execute();
  const found = new Map(people.map((p) => [p.id, p]));
  if (ids.some((pid) => !found.has(pid) || !viewer.administersAgency(found.get(pid)!.agency_id))) {
    throw new AppError('NOT_FOUND', { what: 'person' }, 'personIds');
  }
  if (people.some((p) => !p.active || p.employment_type === EmploymentType.NON_ASN)) throw new AppError('NOT_A_LEARNER', {}, 'personIds');
  if (people.some((p) => !p.course_visible)) throw new AppError('COURSE_NOT_VISIBLE', {}, 'personIds');

  return mapOneRunAtATime(() => inTransaction(ctx, async (tx) => {
    await lockLearnersInCourse(tx, courseId, ids);
    // New rows and re-opened ones start at the end of the waiting list, in the order given.
    const added = await db(tx).insertInto('enrolment')
      .columns(['id', 'created_at', 'updated_at', 'person_id', 'course_id', 'run_id', 'status', 'requested_at', 'waitlisted_at', 'decided_at', 'decided_by_id', 'one_per_course'])
      .expression((eb) => eb.selectFrom(sql<{ person_id: string; n: number }>`unnest(${ids}::uuid[]) with ordinality`.as<'x'>(sql`x(person_id, n)`))
        .select([
          sql<string>`gen_random_uuid()`.as('id'), sql<Date>`now()`.as('created_at'), sql<Date>`now()`.as('updated_at'),
          'x.person_id', eb.cast<string>(eb.val(courseId), 'uuid').as('course_id'), eb.cast<string>(eb.val(runId), 'uuid').as('run_id'),
          sql.lit(EnrolmentStatus.WAITLISTED).as('status'), sql<Date>`now()`.as('requested_at'),
          sql<Date>`clock_timestamp() + x.n * interval '1 microsecond'`.as('waitlisted_at'), sql<Date>`now()`.as('decided_at'),
          eb.cast<string>(eb.val(viewer.personId), 'uuid').as('decided_by_id'), sql.lit(onePerCourse).as('one_per_course'),
        ])
        .where((w) => (onePerCourse ? w.not(w.exists(w.selectFrom('enrolment as o').select(sql.lit(1).as('one'))
          .whereRef('o.person_id', '=', 'x.person_id').where('o.course_id', '=', courseId).where('o.run_id', '<>', runId)
          .where('o.status', 'in', CURRENT).where('o.one_per_course', '=', sql.lit(true)))) : w.lit(true))))
      .onConflict((oc) => oc.constraint('enrolment_once_per_run')
        .doUpdateSet({
          status: EnrolmentStatus.WAITLISTED, requested_at: sql<Date>`now()`, waitlisted_at: (eb) => eb.ref('excluded.waitlisted_at'),
          decided_at: sql<Date>`now()`, decided_by_id: (eb) => eb.ref('excluded.decided_by_id'), approver_id: null, decision_note: null,
          finished_at: null, updated_at: sql<Date>`now()`,
        })
        .where('enrolment.status', 'in', REOPENABLE))
      .returning('id')
      .execute();
    let enrolled = 0;
    if (added.length) {
      await db(tx).updateTable('course_run')
        .set((eb) => ({ waitlist_length: eb('waitlist_length', '+', added.length) }))
        .where('id', '=', runId)
        .execute();
      const promoted = new Set(await promoteFromWaitlist(tx.em, runId));
      enrolled = added.filter((a) => promoted.has(a.id)).length;
      // Seats are free here only when no one was waiting (promotion fills them at once), so everyone seated was just added.
      await enqueueSeatMails(tx.em, 'registration-confirmed', added.filter((a) => promoted.has(a.id)).map((a) => a.id));
    }
    const counts = { enrolled, waitlisted: added.length - enrolled, alreadyEnrolled: ids.length - added.length };
    writeAudit(tx, 'enrolment.bulk_enrol', 'CourseRun', runId, { courseId, people: ids.length, ...counts });
    return counts;
  }));
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { isoDateIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { DeliveryMode, EnrolmentPolicy } from '../course/index.js';
import { creditLearning, LearningSource, ruleSetOn } from '../learning-hours/index.js';
import {
  admit, assertCanViewRun, closedReasonSql, EnrolmentClosedReason, leaveWaitlist, promoteFromWaitlist, releaseSeat,
} from '../run/index.js';
import { CURRENT, EnrolmentStatus, REOPENABLE } from './enrolment.entity.js';
import { enqueueMail, enqueueSeatMails } from '../mail/index.js';
import { canDecideEnrolment, canFinishEnrolment, canSeeEnrolment, canWithdrawEnrolment } from './enrolment.policy.js';
import { loadEnrolmentAccess, readEnrolment, toEnrolment, type EnrolmentAccess } from './enrolment.queries.js';
import type { Enrolment, EnrolPeopleResult } from './enrolment.types.js';

/** The states a learner may withdraw from. */
const WITHDRAWABLE = [EnrolmentStatus.REQUESTED, EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED];

async function result(em: EntityManager, id: string): Promise<Enrolment> {
  const row = await readEnrolment(em, id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'enrolment' });
  return toEnrolment(row);
}

/**
 * Moves an enrolment from one of `from` in one statement that locks the row and checks the state
 * it finds (so two concurrent decisions cannot both succeed). Returns the state it left, or null
 * when the row was no longer in one of `from`.
 */
async function transition(tx: EntityManager, id: string, from: EnrolmentStatus[], set: string, setParams: unknown[] = []): Promise<EnrolmentStatus | null> {
  const rows = await tx.execute<{ previous: EnrolmentStatus }[]>(
    `with old as (select id, status from enrolment where id = ? for update)
     update enrolment e set ${set}, updated_at = now()
       from old where e.id = old.id and old.status in (?)
     returning old.status as previous`,
    [id, ...setParams, from],
  );
  return rows[0]?.previous ?? null;
}

/** Loads an enrolment the viewer may see; anything else (unknown, or not theirs to see) is NOT_FOUND. */
async function visibleEnrolment(em: EntityManager, viewer: Viewer, id: string): Promise<EnrolmentAccess> {
  const row = await loadEnrolmentAccess(em, viewer, id);
  if (!row || !canSeeEnrolment(viewer, row)) throw new AppError('NOT_FOUND', { what: 'enrolment' });
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
async function currentSupervisor(tx: EntityManager, learnerId: string): Promise<string> {
  // The supervisor's row is read in the select list, not joined: after waiting on the lock PostgreSQL
  // re-reads the learner's row, and a joined row would still be the former supervisor's (or none).
  const [row] = await tx.execute<{ id: string | null; active: boolean | null }[]>(
    `select p.supervisor_id as id, (select s.active from person s where s.id = p.supervisor_id) as active
       from person p where p.id = ? for share`,
    [learnerId],
  );
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

interface EnrolInfo {
  course_id: string;
  enrolment_policy: EnrolmentPolicy;
  closed_reason: EnrolmentClosedReason | null;
  enrolment_id: string | null;
  enrolment_status: EnrolmentStatus | null;
  other_status: EnrolmentStatus | null;
  supervisor_id: string | null;
  supervisor_active: boolean | null;
}

/** The partial unique index behind "one run of a course at a time" (and "a completed course is not taken again"). */
/**
 * Serialises enrolment writes of the same learners in the same course (transaction-scoped advisory locks, taken in a
 * fixed order so two bulk enrolments cannot deadlock each other). Enrolment has two unique indexes (once per run, one
 * current run per course) and INSERT … ON CONFLICT arbitrates on one: concurrent speculative inserts of the same
 * learner could otherwise deadlock on the other (test/api/enrolment-concurrency.test.ts, 20 enrols at once).
 */
async function lockLearnersInCourse(tx: EntityManager, courseId: string, personIds: string[]): Promise<void> {
  await tx.execute(
    `select pg_advisory_xact_lock(hashtextextended(k, 0))
       from (select 'enrolment:' || ? || ':' || p as k from unnest(array[?]::text[]) p order by 1) keys`,
    [courseId, personIds],
  );
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
  if (run.status !== 'PUBLISHED') throw new AppError('COURSE_NOT_OPEN');
  // Managing or teaching a course shows it; joining it as a learner takes the catalogue's own rule.
  if (!run.visible_to_viewer) throw new AppError('COURSE_NOT_VISIBLE');
  const [info] = await em.execute<EnrolInfo[]>(
    `select r.course_id, r.enrolment_policy, ${closedReasonSql('r')} as closed_reason, e.id as enrolment_id, e.status as enrolment_status,
            (select o.status from enrolment o where o.person_id = p.id and o.course_id = r.course_id and o.run_id <> r.id
                and o.status in (?) limit 1) as other_status,
            s.id as supervisor_id, s.active as supervisor_active
       from course_run r
       join person p on p.id = ?
       left join person s on s.id = p.supervisor_id
       left join enrolment e on e.run_id = r.id and e.person_id = p.id
      where r.id = ?`,
    [CURRENT, viewer.personId, runId],
  );
  if (info.enrolment_id && !REOPENABLE.includes(info.enrolment_status!)) return result(em, info.enrolment_id);
  if (info.other_status === EnrolmentStatus.COMPLETED) throw new AppError('COURSE_ALREADY_COMPLETED');
  if (info.other_status) throw new AppError('ALREADY_IN_ANOTHER_RUN');
  // Closed (cancelled, ended, or past its deadline): nothing new, nothing re-opened.
  if (info.closed_reason) throw new AppError(info.closed_reason);
  if (info.enrolment_policy === EnrolmentPolicy.INVITATION) throw new AppError('INVITATION_ONLY');
  const needsApproval = info.enrolment_policy === EnrolmentPolicy.SUPERVISOR_APPROVAL;
  if (needsApproval && (!info.supervisor_id || !info.supervisor_active)) throw new AppError('NO_SUPERVISOR');

  const id = await mapOneRunAtATime(() => em.transactional(async (tx) => {
    await lockLearnersInCourse(tx, info.course_id, [viewer.personId]);
    const approverId = needsApproval ? await currentSupervisor(tx, viewer.personId) : null;
    // OPEN runs insert a placeholder state that admit() settles on a seat or the waiting list.
    const initial = needsApproval ? EnrolmentStatus.REQUESTED : EnrolmentStatus.WAITLISTED;
    let rows = await tx.execute<{ id: string }[]>(
      `insert into enrolment (person_id, course_id, run_id, status, approver_id)
       values (?, ?, ?, ?, ?)
       on conflict on constraint enrolment_once_per_run do nothing returning id`,
      [viewer.personId, info.course_id, runId, initial, approverId],
    );
    if (!rows.length) {
      rows = await tx.execute<{ id: string }[]>(
        `update enrolment set status = ?, approver_id = ?, requested_at = now(), waitlisted_at = null, decided_at = null,
                decided_by_id = null, decision_note = null, finished_at = null, updated_at = now()
          where person_id = ? and run_id = ? and status in (?) returning id`,
        [initial, approverId, viewer.personId, runId, REOPENABLE],
      );
    }
    // Nothing inserted or re-opened: a concurrent request of the same learner got there first.
    if (!rows.length) return null;
    if (!needsApproval && (await admit(tx, rows[0].id, runId)) === 'ACTIVE') await enqueueSeatMails(tx, 'registration-confirmed', [rows[0].id]);
    return rows[0].id;
  }));
  if (id) return result(em, id);
  const [existing] = await em.execute<{ id: string }[]>(`select id from enrolment where person_id = ? and run_id = ?`, [viewer.personId, runId]);
  return result(em, existing.id);
}

/** The learner leaves. A freed seat goes to the first on the waiting list in the same transaction. */
export async function withdraw(ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const row = await visibleEnrolment(em, viewer, id);
  if (!canWithdrawEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, WITHDRAWABLE);
  await em.transactional(async (tx) => {
    const previous = await transition(tx, id, WITHDRAWABLE, `status = 'WITHDRAWN', finished_at = now()`);
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    if (previous === EnrolmentStatus.ACTIVE) await releaseSeat(tx, row.run_id);
    else if (previous === EnrolmentStatus.WAITLISTED) await leaveWaitlist(tx, row.run_id);
  });
  return result(em, id);
}

/** The approver (or an admin of the learner's agency) lets the learner in: a seat if one is free, else the waiting list. */
export async function approve(ctx: SignedInOperationContext, id: string): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const row = await visibleEnrolment(em, viewer, id);
  if (!canDecideEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.REQUESTED]);
  await em.transactional(async (tx) => {
    // A request made in time may be approved after the deadline, but no one joins a run that has ended or was cancelled.
    const [run] = await tx.execute<{ closed_reason: EnrolmentClosedReason | null }[]>(
      `select ${closedReasonSql('r')} as closed_reason from course_run r where r.id = ?`, [row.run_id],
    );
    if (run?.closed_reason && run.closed_reason !== EnrolmentClosedReason.ENROLMENT_DEADLINE_PASSED) throw new AppError(run.closed_reason);
    const previous = await transition(tx, id, [EnrolmentStatus.REQUESTED], `decided_at = now(), decided_by_id = ?`, [viewer.personId]);
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    const status = await admit(tx, id, row.run_id);
    writeAudit(tx, viewer, 'enrolment.approve', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, runId: row.run_id, status });
    await enqueueMail(tx, { kind: 'enrolment-decision', enrolmentId: id, decision: 'APPROVED' });
  });
  return result(em, id);
}

export async function reject(ctx: SignedInOperationContext, id: string, reason: string): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const note = reason.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', { reason: 'empty' }, 'reason');
  const row = await visibleEnrolment(em, viewer, id);
  if (!canDecideEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.REQUESTED]);
  await em.transactional(async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.REQUESTED], `status = 'REJECTED', decided_at = now(), decided_by_id = ?, decision_note = ?`, [viewer.personId, note]);
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    writeAudit(tx, viewer, 'enrolment.reject', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, reason: note });
    await enqueueMail(tx, { kind: 'enrolment-decision', enrolmentId: id, decision: 'REJECTED' });
  });
  return result(em, id);
}

/**
 * An instructor of the run or an admin of its course's owner records completion (see assertOutcomeDue
 * for when). The course's JP go to the learner's ledger in the same transaction, at the minutes per JP
 * of the rule set in force on the completion date (Asia/Jakarta), exactly once per enrolment; and since
 * a completed course is not taken again (enrolment_one_current_per_course), once per course.
 */
export async function complete(ctx: SignedInOperationContext, id: string, note?: string | null, early = false): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const row = await visibleEnrolment(em, viewer, id);
  if (!canFinishEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.ACTIVE]);
  const now = new Date();
  const beforeEnd = assertOutcomeDue(row, now, early);
  const rule = await ruleSetOn(em, isoDateIn(now));
  const minutes = row.course_jp * rule.minutes_per_jp;
  await em.transactional(async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.ACTIVE], `status = 'COMPLETED', finished_at = ?::timestamptz, decision_note = ?`, [now.toISOString(), note?.trim() || null]);
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    const { credited } = await creditLearning(tx, {
      personId: row.person_id, minutes, source: LearningSource.COURSE_RUN_COMPLETION, sourceId: id, title: row.course_title, occurredAt: now,
    });
    writeAudit(tx, viewer, 'enrolment.complete', 'Enrolment', id, {
      learnerId: row.person_id, courseId: row.course_id, runId: row.run_id, minutes: credited ? minutes : 0, ruleSetId: rule.id, ...(beforeEnd ? { early: true } : {}),
    });
  });
  return result(em, id);
}

/** Records a failure, by the same people and at the same times as completion: the seat stays taken (the learner had it), no JP are credited. */
export async function fail(ctx: SignedInOperationContext, id: string, note?: string | null, early = false): Promise<Enrolment> {
  const { em, viewer } = ctx;
  const row = await visibleEnrolment(em, viewer, id);
  if (!canFinishEnrolment(viewer, row)) throw new AppError('FORBIDDEN');
  assertState(row, [EnrolmentStatus.ACTIVE]);
  const beforeEnd = assertOutcomeDue(row, new Date(), early);
  await em.transactional(async (tx) => {
    const previous = await transition(tx, id, [EnrolmentStatus.ACTIVE], `status = 'FAILED', finished_at = now(), decision_note = ?`, [note?.trim() || null]);
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: row.status });
    writeAudit(tx, viewer, 'enrolment.fail', 'Enrolment', id, { learnerId: row.person_id, courseId: row.course_id, ...(beforeEnd ? { early: true } : {}) });
  });
  return result(em, id);
}

interface CandidateRow {
  id: string;
  agency_id: string | null;
  active: boolean;
  employment_type: string;
  course_visible: boolean;
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
  if (run.status !== 'PUBLISHED') throw new AppError('COURSE_NOT_OPEN');
  // The same closing rule as a learner's own enrolment: an admin cannot enrol anyone into an ended run either.
  const [window] = await em.execute<{ closed_reason: EnrolmentClosedReason | null }[]>(
    `select ${closedReasonSql('r')} as closed_reason from course_run r where r.id = ?`, [runId],
  );
  if (window?.closed_reason) throw new AppError(window.closed_reason);
  const courseId = run.id; // the run's course (a run's access row is its course's, plus the run)
  const ids = [...new Set(personIds.map((p) => p.toLowerCase()))];
  const people = await em.execute<CandidateRow[]>(
    `select p.id, p.agency_id, p.active, p.employment_type,
            (c.visibility = 'ALL_AGENCIES' or c.owner_agency_id = p.agency_id
              or (c.visibility = 'LISTED_AGENCIES' and exists (select 1 from course_visible_agency v where v.course_id = c.id and v.agency_id = p.agency_id))) as course_visible
       from person p cross join course c
      where p.id in (?) and c.id = ?`,
    [ids, courseId],
  );
  const found = new Map(people.map((p) => [p.id, p]));
  if (ids.some((pid) => !found.has(pid) || !viewer.administersAgency(found.get(pid)!.agency_id))) {
    throw new AppError('NOT_FOUND', { what: 'person' }, 'personIds');
  }
  if (people.some((p) => !p.active || p.employment_type === 'NON_ASN')) throw new AppError('NOT_A_LEARNER', {}, 'personIds');
  if (people.some((p) => !p.course_visible)) throw new AppError('COURSE_NOT_VISIBLE', {}, 'personIds');

  return mapOneRunAtATime(() => em.transactional(async (tx) => {
    await lockLearnersInCourse(tx, courseId, ids);
    // New rows and re-opened ones start at the end of the waiting list, in the order given.
    const added = await tx.execute<{ id: string }[]>(
      `insert into enrolment (person_id, course_id, run_id, status, requested_at, waitlisted_at, decided_at, decided_by_id)
       select x.person_id::uuid, ?::uuid, ?::uuid, 'WAITLISTED', now(), clock_timestamp() + x.n * interval '1 microsecond', now(), ?::uuid
         from unnest(array[?]::uuid[]) with ordinality as x(person_id, n)
        where not exists (select 1 from enrolment o where o.person_id = x.person_id and o.course_id = ?::uuid and o.run_id <> ?::uuid and o.status in (?))
       on conflict on constraint enrolment_once_per_run do update
         set status = 'WAITLISTED', requested_at = now(), waitlisted_at = excluded.waitlisted_at, decided_at = now(),
             decided_by_id = excluded.decided_by_id, approver_id = null, decision_note = null, finished_at = null, updated_at = now()
         where enrolment.status in (?)
       returning id`,
      [courseId, runId, viewer.personId, ids, courseId, runId, CURRENT, REOPENABLE],
    );
    let enrolled = 0;
    if (added.length) {
      await tx.execute(`update course_run set waitlist_length = waitlist_length + ? where id = ?`, [added.length, runId]);
      const promoted = new Set(await promoteFromWaitlist(tx, runId));
      enrolled = added.filter((a) => promoted.has(a.id)).length;
      // Seats are free here only when no one was waiting (promotion fills them at once), so everyone seated was just added.
      await enqueueSeatMails(tx, 'registration-confirmed', added.filter((a) => promoted.has(a.id)).map((a) => a.id));
    }
    const counts = { enrolled, waitlisted: added.length - enrolled, alreadyEnrolled: ids.length - added.length };
    writeAudit(tx, viewer, 'enrolment.bulk_enrol', 'CourseRun', runId, { courseId, people: ids.length, ...counts });
    return counts;
  }));
}

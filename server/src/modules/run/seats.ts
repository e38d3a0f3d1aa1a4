import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueSeatMails } from '../mail/index.js';
/** What admit() settled an enrolment on (the enrolment module's statuses of the same names). */
export type AdmitResult = 'ACTIVE' | 'WAITLISTED';

/*
 * Seat and waiting-list bookkeeping of a run (the algorithms of the first release, on course_run
 * instead of course). Every function runs in the caller's transaction (pass the transactional
 * EntityManager) and keeps course_run.seats_taken and course_run.waitlist_length exact.
 * Lock order is always enrolment rows first, then the run row, and waitlisted rows are taken
 * with SKIP LOCKED, so concurrent enrolments, withdrawals and promotions cannot deadlock.
 */

/** Takes one seat if one is free: a single conditional UPDATE, so concurrent requests never overbook. */
export async function takeSeat(em: EntityManager, runId: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `update course_run set seats_taken = seats_taken + 1 where id = ? and (capacity is null or seats_taken < capacity) returning id`,
    [runId],
  );
  return rows.length > 0;
}

/** Seats an enrolment that was just let in (new, re-opened or approved), or puts it at the end of the waiting list. */
export async function admit(em: EntityManager, enrolmentId: string, runId: string): Promise<AdmitResult> {
  if (await takeSeat(em, runId)) {
    await em.execute(`update enrolment set status = 'ACTIVE', waitlisted_at = null, updated_at = now() where id = ?`, [enrolmentId]);
    return 'ACTIVE';
  }
  await em.execute(
    `with w as (update enrolment set status = 'WAITLISTED', waitlisted_at = clock_timestamp(), updated_at = now() where id = ? returning run_id)
     update course_run set waitlist_length = waitlist_length + 1 where id = (select run_id from w)`,
    [enrolmentId],
  );
  return 'WAITLISTED';
}

/** A seat holder left: frees the seat and hands it to the first on the waiting list. */
export async function releaseSeat(em: EntityManager, runId: string): Promise<void> {
  await em.execute(`update course_run set seats_taken = seats_taken - 1 where id = ? and seats_taken > 0`, [runId]);
  await enqueueSeatMails(em, 'moved-up', await promoteFromWaitlist(em, runId));
}

/** A waitlisted enrolment left the list. */
export async function leaveWaitlist(em: EntityManager, runId: string): Promise<void> {
  await em.execute(`update course_run set waitlist_length = greatest(waitlist_length - 1, 0) where id = ?`, [runId]);
}

/**
 * Fills every free seat of a run from its waiting list, first in first out (by waitlistedAt, then
 * id), in one statement: the run row is locked, the earliest waitlisted rows are taken with
 * SKIP LOCKED (one being withdrawn right now is passed over), promoted to ACTIVE, and both counters
 * move by the number promoted. Call it in the transaction that freed seats or raised the capacity.
 * A run that has ended (or was cancelled) promotes no one (a seat freed after the end is no place to learn).
 * Returns the ids promoted.
 */
export async function promoteFromWaitlist(em: EntityManager, runId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with c as (
       select id, capacity, seats_taken, ends_at, status from course_run where id = ? for update
     ), picked as (
       select e.id from enrolment e
        where e.run_id = ? and e.status = 'WAITLISTED'
          and (select c.status = 'SCHEDULED' and (c.ends_at is null or c.ends_at > now()) from c)
        order by e.waitlisted_at, e.id
        limit (select case when c.capacity is null then null else greatest(c.capacity - c.seats_taken, 0) end from c)
        for update of e skip locked
     ), promoted as (
       update enrolment e set status = 'ACTIVE', updated_at = now()
         from picked where e.id = picked.id and e.status = 'WAITLISTED'
       returning e.id
     ), counters as (
       update course_run set seats_taken = seats_taken + (select count(*) from promoted),
                         waitlist_length = greatest(waitlist_length - (select count(*) from promoted), 0)
        where id = ? and exists (select 1 from promoted)
       returning id
     )
     select id from promoted`,
    [runId, runId, runId],
  );
  return rows.map((r) => r.id);
}

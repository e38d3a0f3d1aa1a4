import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { enqueueSeatMails } from '../mail/index.js';

/** What admit() settled an enrolment on (the enrolment module's statuses of the same names). */
export type AdmitResult = 'ACTIVE' | 'WAITLISTED';

// Enrolment statuses are written as literals: this module sits below the enrolment module (which imports it).
const ACTIVE = sql<never>`'ACTIVE'`;
const WAITLISTED = sql<never>`'WAITLISTED'`;

/*
 * Seat and waiting-list bookkeeping of a run (the algorithms of the first release, on course_run
 * instead of course). Every function runs in the caller's transaction (pass the transactional
 * EntityManager: `db({ em })` runs in it) and keeps course_run.seats_taken and course_run.waitlist_length
 * exact. Lock order is always enrolment rows first, then the run row, and waitlisted rows are taken
 * with SKIP LOCKED, so concurrent enrolments, withdrawals and promotions cannot deadlock.
 */

/** Takes one seat if one is free: a single conditional UPDATE, so concurrent requests never overbook. */
async function takeSeat(em: EntityManager, runId: string): Promise<boolean> {
  const taken = await db({ em }).updateTable('course_run')
    .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
    .where('id', '=', runId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('seats_taken', '<', eb.ref('capacity'))]))
    .returning('id')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Seats an enrolment that was just let in (new, re-opened or approved), or puts it at the end of the waiting list. */
export async function admit(em: EntityManager, enrolmentId: string, runId: string): Promise<AdmitResult> {
  const q = db({ em });
  if (await takeSeat(em, runId)) {
    await q.updateTable('enrolment').set({ status: ACTIVE, waitlisted_at: null, updated_at: sql`now()` }).where('id', '=', enrolmentId).execute();
    return 'ACTIVE';
  }
  // One statement: the enrolment joins the list (stamped with the clock, for FIFO) and the run's counter grows.
  await q.with('w', (w) => w.updateTable('enrolment')
    .set({ status: WAITLISTED, waitlisted_at: sql`clock_timestamp()`, updated_at: sql`now()` })
    .where('id', '=', enrolmentId)
    .returning('run_id'))
    .updateTable('course_run')
    .set((eb) => ({ waitlist_length: eb('waitlist_length', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('w').select('w.run_id'))
    .execute();
  return 'WAITLISTED';
}

/** A seat holder left: frees the seat and hands it to the first on the waiting list. */
export async function releaseSeat(em: EntityManager, runId: string): Promise<void> {
  await db({ em }).updateTable('course_run')
    .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1) }))
    .where('id', '=', runId).where('seats_taken', '>', 0)
    .execute();
  await enqueueSeatMails(em, 'moved-up', await promoteFromWaitlist(em, runId));
}

/** A waitlisted enrolment left the list. */
export async function leaveWaitlist(em: EntityManager, runId: string): Promise<void> {
  await db({ em }).updateTable('course_run')
    .set({ waitlist_length: sql`greatest(waitlist_length - 1, 0)` })
    .where('id', '=', runId)
    .execute();
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
  const promoted = sql<number>`(select count(*) from promoted)`;
  const rows = await db({ em })
    .with('run', (q) => q.selectFrom('course_run').select(['id', 'capacity', 'seats_taken', 'ends_at', 'status']).where('id', '=', runId).forUpdate())
    .with('picked', (q) => q.selectFrom('enrolment as e').select('e.id')
      .where('e.run_id', '=', runId).where('e.status', '=', WAITLISTED)
      .where(sql<boolean>`(select run.status = 'SCHEDULED' and (run.ends_at is null or run.ends_at > now()) from run)`)
      .orderBy('e.waitlisted_at').orderBy('e.id')
      .limit(sql<number>`(select case when run.capacity is null then null else greatest(run.capacity - run.seats_taken, 0) end from run)`)
      .forUpdate('e').skipLocked())
    .with('promoted', (q) => q.updateTable('enrolment as e').from('picked')
      .set({ status: ACTIVE, updated_at: sql`now()` })
      .whereRef('e.id', '=', 'picked.id').where('e.status', '=', WAITLISTED)
      .returning('e.id'))
    .with('counters', (q) => q.updateTable('course_run')
      .set((eb) => ({ seats_taken: eb('seats_taken', '+', promoted), waitlist_length: sql`greatest(waitlist_length - ${promoted}, 0)` }))
      .where('id', '=', runId).where(sql<boolean>`exists (select 1 from promoted)`)
      .returning('id'))
    .selectFrom('promoted').select('promoted.id')
    .execute();
  return rows.map((r) => r.id);
}

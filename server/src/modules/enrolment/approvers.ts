import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { EnrolmentStatus } from './enrolment.entity.js';

/**
 * Requests follow the org chart: a learner's pending requests go to their new supervisor's inbox (or,
 * with no supervisor, to their agency's admins alone). Called by the person module in the transaction
 * that changes the supervisor (pass that transaction's context), so the former supervisor can no longer
 * see or decide them; `enrol` reads the supervisor under a lock on the learner's row, so a request made
 * meanwhile is moved here or made to the new supervisor. Returns how many moved.
 */
export async function moveRequestsToSupervisor(tx: { em: EntityManager }, learnerId: string, supervisorId: string | null): Promise<number> {
  const result = await db(tx).updateTable('enrolment')
    .set({ approver_id: supervisorId, updated_at: sql<Date>`now()` })
    .where('person_id', '=', learnerId)
    .where('status', '=', EnrolmentStatus.REQUESTED)
    .where('approver_id', 'is distinct from', supervisorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Requests follow the org chart: a learner's pending requests go to their new supervisor's inbox (or,
 * with no supervisor, to their agency's admins alone). Called by the person module in the transaction
 * that changes the supervisor, so the former supervisor can no longer see or decide them; `enrol` reads
 * the supervisor under a lock on the learner's row, so a request made meanwhile is moved here or made
 * to the new supervisor. Returns how many moved.
 */
export async function moveRequestsToSupervisor(tx: EntityManager, learnerId: string, supervisorId: string | null): Promise<number> {
  const res = await tx.execute<{ affectedRows: number }>(
    `update enrolment set approver_id = ?, updated_at = now()
      where person_id = ? and status = 'REQUESTED' and approver_id is distinct from ?`,
    [supervisorId, learnerId, supervisorId],
    'run',
  );
  return res.affectedRows;
}

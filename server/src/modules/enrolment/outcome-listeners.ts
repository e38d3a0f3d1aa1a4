import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';

/** The transaction an outcome was written in; `viewer` is null when a job wrote it (the workshop settlement). */
export interface OutcomeTransaction {
  em: EntityManager;
  viewer: Viewer | null;
}

/**
 * Called in the transaction that completed these enrolments, or took a completion back (a workshop's attendance
 * corrected below the minimum), after their status and ledger lines are written.
 */
export type EnrolmentOutcomeListener = (tx: OutcomeTransaction, enrolmentIds: string[]) => Promise<void>;

const listeners: EnrolmentOutcomeListener[] = [];

/**
 * Modules above enrolment (programmes: a participant completes when the path's items do) react to outcomes without
 * enrolment or workshop importing them: they register here when their module loads.
 */
export function onEnrolmentOutcomesChanged(listener: EnrolmentOutcomeListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Every writer of an enrolment's outcome calls this in its transaction: `complete`, the workshop settlement and its corrections. */
export async function enrolmentOutcomesChanged(tx: OutcomeTransaction, enrolmentIds: string[]): Promise<void> {
  if (!enrolmentIds.length) return;
  for (const listener of listeners) await listener(tx, enrolmentIds);
}

import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import type { OutcomeTransaction } from '../enrolment/index.js';
import { ParticipantStatus } from './programme.entity.js';
import { readPaths, ruleMet } from './path.progress.js';

/**
 * Evaluates programme completion for the people whose item enrolments just changed outcome, in the transaction that
 * changed them (registered with the enrolment module's `onEnrolmentOutcomesChanged`, so enrolment and workshop never
 * import programmes). Every participant (NOMINATED or COMPLETED) of a cohort whose programme has one of these courses
 * on its path is re-read under a row lock and:
 *
 * - NOMINATED and the rule is met → COMPLETED with `completed_at`, an audit row `programme.complete`;
 * - COMPLETED and the rule no longer met (a workshop's attendance corrected below its minimum took an item's
 *   completion back) → NOMINATED again, `completed_at` cleared, an audit row `programme.completion_revoked`. The rating
 *   stays stored (the person's words), but `rateProgramme` refuses until the path is complete again.
 *
 * No ledger line is written here: the items' own lines are the programme's JP (ARCHITECTURE.md "Programmes").
 */
/** Participants whose programme completion changed in a transaction: COMPLETED now, or taken back to NOMINATED. */
export type ProgrammeCompletionListener = (tx: OutcomeTransaction, changes: { completed: string[]; revoked: string[] }) => Promise<void>;

const completionListeners: ProgrammeCompletionListener[] = [];

/** Modules above programmes (certificates) react to completions without programmes importing them. */
export function onProgrammeCompletionsChanged(listener: ProgrammeCompletionListener): void {
  if (!completionListeners.includes(listener)) completionListeners.push(listener);
}

export async function evaluateProgrammeCompletion(tx: OutcomeTransaction, enrolmentIds: string[]): Promise<void> {
  const d = db(tx);
  const affected = await d.selectFrom('enrolment as e')
    .innerJoin('programme_item as i', 'i.course_id', 'e.course_id')
    .innerJoin('programme_cohort as c', 'c.programme_id', 'i.programme_id')
    .innerJoin('cohort_participant as cp', (j) => j.onRef('cp.cohort_id', '=', 'c.id').onRef('cp.person_id', '=', 'e.person_id'))
    .select('cp.id').distinct()
    .where('e.id', '=', sql<string>`any(${enrolmentIds}::uuid[])`)
    .where('cp.status', 'in', [ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED])
    .execute();
  if (!affected.length) return;
  // Participant rows first (the module's lock order), in id order so two evaluations cannot deadlock.
  const locked = await d.selectFrom('cohort_participant').select(['id', 'status'])
    .where('id', '=', sql<string>`any(${affected.map((a) => a.id)}::uuid[])`)
    .where('status', 'in', [ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED])
    .orderBy('id').forUpdate().execute();
  const paths = await readPaths(tx.em, locked.map((l) => l.id));
  const complete: string[] = [];
  const revoke: string[] = [];
  for (const l of locked) {
    const path = paths.get(l.id);
    const met = !!path && ruleMet(path);
    if (met && l.status === ParticipantStatus.NOMINATED) complete.push(l.id);
    if (!met && l.status === ParticipantStatus.COMPLETED) revoke.push(l.id);
  }
  const actorId = tx.viewer?.personId ?? null;
  let done: { id: string; cohort_id: string; person_id: string }[] = [];
  let undone: { id: string; cohort_id: string; person_id: string }[] = [];
  if (complete.length) {
    done = await d.updateTable('cohort_participant')
      .set({ status: ParticipantStatus.COMPLETED, completed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('id', '=', sql<string>`any(${complete}::uuid[])`).where('status', '=', ParticipantStatus.NOMINATED)
      .returning(['id', 'cohort_id', 'person_id']).execute();
    await audit(tx, actorId, 'programme.complete', done);
  }
  if (revoke.length) {
    undone = await d.updateTable('cohort_participant')
      .set({ status: ParticipantStatus.NOMINATED, completed_at: null, updated_at: sql<Date>`now()` })
      .where('id', '=', sql<string>`any(${revoke}::uuid[])`).where('status', '=', ParticipantStatus.COMPLETED)
      .returning(['id', 'cohort_id', 'person_id']).execute();
    await audit(tx, actorId, 'programme.completion_revoked', undone);
  }
  if (done.length || undone.length) {
    for (const listener of completionListeners) await listener(tx, { completed: done.map((d) => d.id), revoked: undone.map((u) => u.id) });
  }
}

/** One audit row per participant, set-based; the actor is whoever recorded the item's outcome (none for the settlement job). */
async function audit(tx: OutcomeTransaction, actorId: string | null, action: string, rows: { id: string; cohort_id: string; person_id: string }[]) {
  if (!rows.length) return;
  await db(tx).insertInto('audit_entry')
    .values(rows.map((r) => ({
      id: sql<string>`gen_random_uuid()`, actor_id: actorId, action, target_type: 'CohortParticipant', target_id: r.id,
      data: JSON.stringify({ cohortId: r.cohort_id, learnerId: r.person_id }), at: sql<Date>`now()`,
    })))
    .execute();
}

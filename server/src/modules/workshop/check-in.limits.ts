import { sql } from 'kysely';
import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';

/** Typed 6-digit codes per person per fixed window (a code is one in a million, so 5 guesses are harmless). */
const CODE_ATTEMPTS = 5;
const CODE_WINDOW_MINUTES = 10;

/**
 * Takes one code attempt for the person BEFORE the code is compared, in one atomic upsert of its own (outside the
 * check-in's transaction, so a refused check-in still counts): the window restarts once 10 minutes have passed.
 * Over the limit: CHECK_IN_TOO_MANY_ATTEMPTS with the minutes to wait, and the code is never looked at. The idea
 * of auth/sign-in-limits.ts on a table of our own, with Kysely.
 */
export async function takeCodeAttempt(ctx: OperationContext, personId: string): Promise<void> {
  const expired = sql<boolean>`check_in_limit.window_started_at <= now() - make_interval(mins => ${CODE_WINDOW_MINUTES}::int)`;
  const row = await db(ctx).insertInto('check_in_limit')
    .values({ person_id: personId, window_started_at: sql<Date>`now()`, attempts: 1 })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({
      attempts: sql<number>`case when ${expired} then 1 else check_in_limit.attempts + 1 end`,
      window_started_at: sql<Date>`case when ${expired} then now() else check_in_limit.window_started_at end`,
    }))
    .returning(['attempts', sql<number>`greatest(1, ceil(extract(epoch from window_started_at + make_interval(mins => ${CODE_WINDOW_MINUTES}::int) - now()) / 60))::int`.as('wait')])
    .executeTakeFirstOrThrow();
  if (row.attempts > CODE_ATTEMPTS) throw new AppError('CHECK_IN_TOO_MANY_ATTEMPTS', { minutes: row.wait });
}

/** A right code gives its attempt back: only wrong codes count. */
export async function refundCodeAttempt(ctx: OperationContext, personId: string): Promise<void> {
  await db(ctx).updateTable('check_in_limit').set({ attempts: sql<number>`greatest(0, attempts - 1)` }).where('person_id', '=', personId).execute();
}

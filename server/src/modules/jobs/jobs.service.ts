import { sql } from 'kysely';
import { fromKysely } from 'pg-boss';
import { db } from '../../shared/db/kysely.js';
import type { SignedInOperationContext } from '../../app/context.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { DEAD_LETTER_QUEUE, jobQueueOf } from '../../shared/jobs/queue.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import type { FailedJob } from './jobs.types.js';

/** The first value is PostgreSQL's own text of created_on (microseconds kept, so no row is skipped). */
const deadLetterCursor = keysetCursor('timestamp', 'uuid');

interface DeadLetterRow {
  id: string;
  source_name: string | null;
  data: unknown;
  error: string | null;
  source_retry_count: number | null;
  source_created_on: string | null;
  created_on: string;
}

/**
 * The dead letters, newest first: one statement over pg-boss's job table (its dead-letter queue's
 * partition), keyset-paginated on (created_on, id). pg-boss's own findJobs lists oldest first and refuses
 * a cursor whose job was retried meanwhile, which an admin working down the list does all the time.
 */
export async function failedJobs(ctx: SignedInOperationContext, first: number, after?: string | null): Promise<Page<FailedJob>> {
  const cursor = deadLetterCursor.decode(after);
  // pg-boss's table is not an entity of ours (no Kysely types): the statement is a typed `sql` template.
  const waiting = sql`name = ${DEAD_LETTER_QUEUE} and state in ('created', 'retry')`;
  const { rows } = await sql<DeadLetterRow & { created_key: string }>`
    select id, source_name, data, source_output->>'message' as error, source_retry_count, source_created_on, created_on, created_on::text as created_key
      from pgboss.job
     where ${waiting} ${cursor ? sql`and (created_on, id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : sql``}
     order by created_on desc, id desc
     limit ${first + 1}`.execute(db(ctx));
  // The whole list's size is counted only when asked for.
  const total = async () => {
    const { rows: [row] } = await sql<{ n: string }>`select count(*) as n from pgboss.job where ${waiting}`.execute(db(ctx));
    return Number(row.n);
  };
  return toPage(
    rows,
    first,
    total,
    (r) => ({
      id: r.id,
      queue: r.source_name ?? DEAD_LETTER_QUEUE,
      data: JSON.stringify(r.data ?? null),
      error: r.error,
      attempts: (r.source_retry_count ?? 0) + 1,
      queuedAt: new Date(r.source_created_on ?? r.created_on),
      failedAt: new Date(r.created_on),
    }),
    (r) => deadLetterCursor.encode([r.created_key, r.id]),
  );
}

/**
 * Sends a dead letter back to the queue it failed on, with a fresh set of retries (after the cause was
 * fixed: SMTP settings, a server that was down). One transaction with the audit row.
 */
export async function retryFailedJob(ctx: SignedInOperationContext, id: string): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'FailedJob' });
  const { boss } = jobQueueOf(ctx.em);
  await ctx.em.transactional(async (tx) => {
    const { rows: [row] } = await sql<{ source_name: string | null }>`
      select source_name from pgboss.job where name = ${DEAD_LETTER_QUEUE} and id = ${id}::uuid and state in ('created', 'retry') for update`.execute(db({ em: tx }));
    if (!row?.source_name) throw new AppError('NOT_FOUND', { what: 'FailedJob' });
    const moved = await boss.redrive(DEAD_LETTER_QUEUE, { ids: [id], db: fromKysely(tx.getKysely()) });
    if (moved !== 1) throw new AppError('NOT_FOUND', { what: 'FailedJob' });
    writeAudit({ em: tx, viewer: ctx.viewer }, 'job.retry', 'Job', id, { queue: row.source_name });
    await tx.flush();
  });
}

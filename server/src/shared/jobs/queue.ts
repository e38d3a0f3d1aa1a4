import { fromKysely, PgBoss, type Job, type QueueOptions, type SendOptions } from 'pg-boss';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { JobSettings } from '../config/config.js';

/**
 * The job queue: pg-boss on the application's own PostgreSQL (schema `pgboss`, which pg-boss creates and
 * migrates itself at start). Jobs are rows, so a job enqueued inside a transaction exists exactly when the
 * write that caused it commits (see enqueueJob). Every process that enqueues starts a queue; only workers
 * (the server by default, or `lentera worker`) work the jobs and create the scheduled ones.
 */

/** Where jobs go once their retries are spent: nobody works this queue, platform admins read and retry it. */
export const DEAD_LETTER_QUEUE = 'dead-letters';
/** How long a dead letter waits for an admin before pg-boss deletes it. */
const DEAD_LETTER_DAYS = 30;

export interface JobDefinition<T extends object = object> {
  /** Queue name: letters, digits, `-`, `.`. */
  name: string;
  /** Cron expression (UTC) for a recurring job, created by whichever worker holds pg-boss's cron lock. */
  schedule?: string;
  /** Does the work; throwing fails the attempt (retried with backoff, then a dead letter). */
  run(data: T, job: Job<T>): Promise<void>;
}

export interface JobQueue {
  boss: PgBoss;
  /** The queues that exist (for the dead-letter view's "retry into" check). */
  names: readonly string[];
  stop(): Promise<void>;
}

const queues = new WeakMap<object, JobQueue>();

/**
 * Starts the queue for this database: installs/migrates pg-boss's schema, creates the queues, and, when
 * `work` is set, starts a worker per queue and the schedules. `onError` gets failures pg-boss reports
 * outside any job (a lost connection); a failing job is reported by its own output, not here.
 */
export async function startJobQueue(
  orm: MikroORM,
  settings: JobSettings,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of jobs whose payload types differ
  definitions: JobDefinition<any>[],
  opts: { work: boolean; onError: (error: unknown) => void },
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: String(orm.config.get('clientUrl')),
    max: 4,
    application_name: opts.work ? 'lentera-worker' : 'lentera',
    // Maintenance (expiring, deleting old jobs) and cron run where jobs are worked.
    supervise: opts.work,
    schedule: opts.work,
    // Polling only (every `pollSeconds`): LISTEN/NOTIFY keeps a dedicated client that pg-boss gives no error
    // listener, so a database that goes away first (Ctrl-C reaches the embedded PostgreSQL too) crashed the
    // process on shutdown (test/smoke/compiled-server.test.ts). A mail two seconds later is fine.
    useListenNotify: false,
    migrate: true,
  });
  boss.on('error', opts.onError);
  await boss.start();
  await ensureQueue(boss, DEAD_LETTER_QUEUE, { retentionSeconds: DEAD_LETTER_DAYS * 86_400 });
  const retries: QueueOptions = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3_600,
    // A job that never finishes (a hung SMTP server) is failed and retried rather than held for ever.
    expireInSeconds: 300,
  };
  for (const definition of definitions) {
    await ensureQueue(boss, definition.name, { ...retries, deadLetter: DEAD_LETTER_QUEUE, notify: true });
    // pg-boss reads a queue's row once, on its first insert (enqueueJobs): an empty insert now keeps that read
    // out of the first request that enqueues, so statement counts do not depend on what ran before.
    await boss.insert(definition.name, []);
  }
  if (opts.work) {
    for (const definition of definitions) {
      await boss.work<object>(definition.name, { pollingIntervalSeconds: settings.pollSeconds, notifyPollingIntervalSeconds: settings.pollSeconds }, async ([job]) => {
        await definition.run(job.data, job);
      });
      if (definition.schedule) await boss.schedule(definition.name, definition.schedule, null, { tz: 'UTC' });
    }
  }
  const queue: JobQueue = {
    boss,
    names: definitions.map((d) => d.name),
    async stop() {
      queues.delete(keyOf(orm.em));
      // Lets a job in progress finish (up to 10 s) before the pool closes.
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
  queues.set(keyOf(orm.em), queue);
  return queue;
}

async function ensureQueue(boss: PgBoss, name: string, options: Parameters<PgBoss['createQueue']>[1] & object): Promise<void> {
  if (await boss.getQueue(name)) await boss.updateQueue(name, options);
  else await boss.createQueue(name, options);
}

/** Every fork and transaction of one ORM shares its driver, so the queue is found from any of them. */
function keyOf(em: EntityManager): object {
  return em.getDriver();
}

/** Whether a job queue runs for this database (demo seeding and the CLI write before one is started). */
export function hasJobQueue(em: EntityManager): boolean {
  return queues.has(keyOf(em));
}

export function jobQueueOf(em: EntityManager): JobQueue {
  const queue = queues.get(keyOf(em));
  if (!queue) throw new Error('the job queue is not started for this database');
  return queue;
}

/** Several jobs of one queue in one statement (pg-boss `insert`, the queue's retry policy), like enqueueJob. */
export async function enqueueJobs(em: EntityManager, name: string, data: object[]): Promise<void> {
  if (data.length === 0) return;
  const { boss } = jobQueueOf(em);
  await boss.insert(name, data.map((d) => ({ data: d })), { db: fromKysely(em.getKysely()) });
}

/**
 * Enqueues a job on the connection of `em`: inside `em.transactional(tx => …)` pass `tx`, and the job is
 * written in that transaction, so it is worked only if the transaction commits and never if it rolls back.
 */
export async function enqueueJob(em: EntityManager, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
  const { boss } = jobQueueOf(em);
  // getKysely() is bound to the EntityManager's transaction when it has one.
  return boss.send(name, data, { ...options, db: fromKysely(em.getKysely()) });
}

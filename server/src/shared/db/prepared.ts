import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Compilable } from 'kysely';
import type { Pool, QueryResultRow } from 'pg';

/**
 * Hot read paths (catalogue, home, the per-request viewer) run as named prepared statements on the
 * ORM's own `pg` pool. MikroORM inlines parameters as literals, so PostgreSQL parses and plans each
 * of its statements on every call (0.5–3 ms apiece for the home page's lists); a named statement is
 * parsed once per connection and, once PostgreSQL settles on a generic plan, not planned again.
 *
 * Reads only and never inside `em.transactional` (the pool hands out its own connection). Build the
 * statement with Kysely (`preparedQuery(em, db(ctx).selectFrom(…)…)`); raw text uses `$1, $2 …`
 * placeholders and arrays go as one parameter (`= any($1::uuid[])`). Each statement is logged through
 * the ORM's logger like any other, so statement counts (tests, `pnpm bench`) stay honest.
 */
async function preparedRows<R extends QueryResultRow>(em: EntityManager, text: string, values: unknown[]): Promise<R[]> {
  if (em.isInTransaction()) throw new Error('preparedRows: hot reads run outside transactions; use em.execute inside one');
  const pool = await poolOf(em);
  const started = Date.now();
  const logger = em.config.getLogger();
  try {
    const result = await pool.query<R>({ name: statementName(text), text, values });
    logger.logQuery({ level: 'info', query: text, took: Date.now() - started, results: result.rows.length });
    return result.rows;
  } catch (error) {
    logger.logQuery({ level: 'error', query: text, took: Date.now() - started });
    throw error;
  }
}

/** A Kysely query (compiled to `$n` text) as a named prepared statement. */
export async function preparedQuery<R extends QueryResultRow>(em: EntityManager, query: Compilable<R>): Promise<R[]> {
  const { sql, parameters } = query.compile();
  return preparedRows<R>(em, sql, parameters as unknown[]);
}

const pools = new WeakMap<object, Pool>();

async function poolOf(em: EntityManager): Promise<Pool> {
  const connection = em.getConnection();
  let pool = pools.get(connection);
  if (!pool) {
    pool = await connection.getNativeClient();
    pools.set(connection, pool);
  }
  return pool;
}

const names = new Map<string, string>();

/** One name per distinct text (a connection refuses a known name with another text). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lentera_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    // Filter combinations make a bounded but open set of texts; do not keep unbounded ones forever.
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  return name;
}

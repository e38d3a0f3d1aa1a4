import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from './app/boot.js';
import { loadConfig } from './shared/config/config.js';
import { EmbeddedPostgresUnavailable, startEmbeddedPostgres } from './shared/db/embedded-postgres.js';
import { appendToLock, LOCK_FILE, lockProblems, migrationFiles, MIGRATIONS_DIR } from './shared/db/migration-lock.js';
import { createOrm, type MikroORM } from './shared/db/orm.js';

/**
 * The migration workflow (README.md, "Migrations"): `pnpm migration:<command>` from the clone.
 *
 *   create [--name <what>] [--blank] [--timestamp <14 digits>]
 *     Writes the next migration: the difference between the entities and the schema all committed
 *     migrations build, on a scratch database. Records it in migrations.lock.json. --blank writes an empty one
 *     (data moves); --timestamp names it with an assigned slot instead of the current time.
 *   check [--to <migration>]
 *     Fails (exit 1, printing the SQL) when the committed migrations do not build exactly the schema the
 *     entities describe. --to: as if the migrations ended at that one.
 *   up
 *     Applies pending migrations to the database the server uses (DATABASE_URL or the embedded one in .data/).
 *   lock
 *     Records migration files that are not in the lock yet, and re-records those not on main yet (your own,
 *     adjusted after create); never changes the entry of a migration that is on main.
 *
 * Scratch databases live on DATABASE_URL's server when it is set, else in a throwaway embedded PostgreSQL.
 */
const USAGE = 'usage: migration-cli create [--name <what>] [--blank] [--timestamp <yyyymmddhhmmss>] | check [--to <migration>] | up | lock';

class UsageError extends Error {}

/** A database built from nothing by the committed migrations (up to `to`), dropped afterwards. */
async function withMigratedScratchDatabase<T>(to: string | undefined, fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL;
  const embedded = serverUrl ? null : await startEmbeddedPostgres({ persistent: false });
  const adminUrl = serverUrl ?? embedded!.urlFor('postgres');
  const name = `lentera_scratch_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const orm = await createOrm(url.toString(), { migrations: { path: MIGRATIONS_DIR, glob: '!(*.d).{js,ts}', snapshot: false, silent: true } });
    try {
      await orm.migrator.up(to ? { to } : undefined);
      return await fn(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
  }
}

/**
 * The SQL that would make the migrated schema equal the entities; empty when they agree. The one comparison
 * of entities and migrations: `migration:check` runs it, and test/api/schema.test.ts runs that command.
 */
async function schemaDrift(orm: MikroORM): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
}

async function check(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true });
  const drift = await withMigratedScratchDatabase(values.to, schemaDrift);
  if (drift) {
    console.error('The entities and the migrations disagree. The migrations build a schema that needs this to match the entities:\n');
    console.error(drift);
    console.error('\nWrite the change as a new migration: pnpm migration:create --name <what>');
    process.exitCode = 1;
    return;
  }
  console.log('Entities and migrations agree.');
}

async function create(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: { name: { type: 'string' }, blank: { type: 'boolean', default: false }, timestamp: { type: 'string' } }, strict: true,
  });
  if (values.timestamp !== undefined && !/^\d{14}$/.test(values.timestamp)) throw new UsageError('--timestamp takes 14 digits (yyyymmddhhmmss)');
  // A migration written on top of an edited one would be built against a schema no deployed database has.
  const unshipped = unshippedMigrations();
  const tampered = lockProblems().filter((p) => !p.includes('not in migrations.lock.json') && !unshipped.has(p.split(' ')[0]));
  if (tampered.length) throw new UsageError(tampered.join('\n'));
  const result = await withMigratedScratchDatabase(undefined, (orm) => orm.migrator.create(MIGRATIONS_DIR, values.blank, false, values.name));
  if (!result.fileName) {
    console.log('Entities and migrations agree: no migration to write (use --blank for a data-only one).');
    return;
  }
  let fileName = result.fileName;
  if (values.timestamp) {
    const generated = fileName.replace(/\.ts$/, '');
    const wanted = generated.replace(/^Migration\d{14}/, `Migration${values.timestamp}`);
    fileName = `${wanted}.ts`;
    writeFileSync(`${MIGRATIONS_DIR}/${generated}.ts`, readFileSync(`${MIGRATIONS_DIR}/${generated}.ts`, 'utf8').replaceAll(generated, wanted));
    renameSync(`${MIGRATIONS_DIR}/${generated}.ts`, `${MIGRATIONS_DIR}/${fileName}`);
  }
  appendToLock(MIGRATIONS_DIR, LOCK_FILE, unshipped);
  console.log(`Wrote ${fileName} and recorded it in migrations.lock.json. Read it, adjust it (data moves, defaults for existing rows), then run \`pnpm migration:check\`. Once committed to main it never changes again.`);
}

async function up(): Promise<void> {
  // openDatabase applies whatever is pending, exactly as the server does at start.
  const db = await openDatabase(loadConfig(), (msg) => console.log(msg));
  try {
    const pending = await db.orm.migrator.getPending();
    console.log(pending.length === 0 ? 'The database is up to date.' : `${pending.length} migration(s) still pending.`);
  } finally {
    await db.close();
  }
}

/** Migration files not on main (only on this branch): `git ls-tree` of main; none when git or main is absent. */
function unshippedMigrations(): Set<string> {
  const files = migrationFiles();
  try {
    const onMain = execFileSync('git', ['ls-tree', '--name-only', 'main', '--', '.'], { cwd: MIGRATIONS_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').map((line) => basename(line.trim())).filter(Boolean);
    return new Set(files.filter((f) => !onMain.includes(f)));
  } catch {
    return new Set();
  }
}

function lock(): void {
  const added = appendToLock(MIGRATIONS_DIR, LOCK_FILE, unshippedMigrations());
  console.log(added.length ? `Recorded ${added.join(', ')}.` : 'Every migration file is already recorded.');
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'create') await create(rest);
  else if (command === 'check') await check(rest);
  else if (command === 'up') await up();
  else if (command === 'lock') lock();
  else throw new UsageError(USAGE);
} catch (error) {
  const known = error instanceof UsageError || error instanceof EmbeddedPostgresUnavailable || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(known ? (error as Error).message : error);
  process.exitCode = 1;
}
process.exit(process.exitCode ?? 0);

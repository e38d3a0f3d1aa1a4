import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Shipped migrations are frozen: a database that already ran one never runs it again, so editing it would
 * leave those databases with a schema the code no longer describes. migrations.lock.json records the
 * SHA-256 of every migration file; `migration:create` appends new ones, nothing rewrites an entry.
 * Checked by test/unit/migration-lock.test.ts (and, against main's files, by .ci/run).
 */
export const MIGRATIONS_DIR = `${import.meta.dirname}/migrations`;
export const LOCK_FILE = `${import.meta.dirname}/migrations.lock.json`;

export const EDITED_MIGRATION = 'a shipped migration was edited: write a new migration instead';

export type MigrationLock = Record<string, string>;

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir).filter((f) => /^Migration\d{14}.*\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
}

function hashMigration(file: string, dir = MIGRATIONS_DIR): string {
  return createHash('sha256').update(readFileSync(`${dir}/${file}`)).digest('hex');
}

export function readLock(lockFile = LOCK_FILE): MigrationLock {
  return existsSync(lockFile) ? (JSON.parse(readFileSync(lockFile, 'utf8')) as MigrationLock) : {};
}

/** Every way the migrations folder disagrees with the lock, one sentence each (empty: they agree). */
export function lockProblems(dir = MIGRATIONS_DIR, lockFile = LOCK_FILE): string[] {
  const lock = readLock(lockFile);
  const files = migrationFiles(dir);
  const problems: string[] = [];
  for (const [file, hash] of Object.entries(lock)) {
    if (!files.includes(file)) problems.push(`${file} is gone: ${EDITED_MIGRATION}`);
    else if (hashMigration(file, dir) !== hash) problems.push(`${file} changed: ${EDITED_MIGRATION} (still unshipped, only on your branch? re-record it with \`pnpm migration:lock\`)`);
  }
  for (const file of files) {
    if (!(file in lock)) {
      problems.push(`${file} is not in migrations.lock.json: create migrations with \`pnpm migration:create\` (it records them), or record a hand-written one with \`pnpm migration:lock\``);
    }
  }
  return problems;
}

/**
 * Records migration files that are not in the lock yet. Never touches the entry of a shipped file: a changed
 * or missing one stops here with the same message as the test. `unshipped` names files that are not on main
 * yet (your branch's own new migration, adjusted after `migration:create`): their entries are re-recorded.
 */
export function appendToLock(dir = MIGRATIONS_DIR, lockFile = LOCK_FILE, unshipped: ReadonlySet<string> = new Set()): string[] {
  const lock = readLock(lockFile);
  for (const file of unshipped) if (file in lock && migrationFiles(dir).includes(file)) delete lock[file];
  const tampered = Object.entries(lock).filter(([file, hash]) => !migrationFiles(dir).includes(file) || hashMigration(file, dir) !== hash);
  if (tampered.length) throw new Error(tampered.map(([file]) => `${file}: ${EDITED_MIGRATION}`).join('\n'));
  const added = migrationFiles(dir).filter((f) => !(f in lock));
  for (const file of added) lock[file] = hashMigration(file, dir);
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(lockFile, JSON.stringify(sorted, null, 2) + '\n');
  return added;
}

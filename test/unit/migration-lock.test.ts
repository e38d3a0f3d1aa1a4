import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendToLock, EDITED_MIGRATION, LOCK_FILE, lockProblems, migrationFiles, MIGRATIONS_DIR, readLock } from '../../server/src/shared/db/migration-lock.js';

describe('shipped migrations are frozen (migrations.lock.json)', () => {
  it('every migration file is recorded in the lock with the hash it shipped with', () => {
    // Fails with "a shipped migration was edited: write a new migration instead" for an edited or deleted file.
    expect(lockProblems()).toEqual([]);
    expect(Object.keys(readLock())).toEqual(migrationFiles());
  });

  describe('on a copy of the migrations', () => {
    let copy: string;
    const setUp = () => {
      copy = mkdtempSync(join(tmpdir(), 'lentera-lock-'));
      cpSync(MIGRATIONS_DIR, join(copy, 'migrations'), { recursive: true });
      cpSync(LOCK_FILE, join(copy, 'lock.json'));
      return { dir: join(copy, 'migrations'), lock: join(copy, 'lock.json') };
    };
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('an edited migration fails the check, and appending to the lock refuses to hide it', () => {
      const { dir, lock } = setUp();
      const [first] = migrationFiles(dir);
      appendFileSync(join(dir, first), '\n// a "harmless" tweak\n');
      expect(lockProblems(dir, lock)).toEqual([expect.stringContaining(`${first} changed: ${EDITED_MIGRATION}`)]);
      expect(() => appendToLock(dir, lock)).toThrow(EDITED_MIGRATION);
    });

    it('a migration not on main yet (still being written on a branch) is re-recorded after an edit', () => {
      const { dir, lock } = setUp();
      writeFileSync(join(dir, 'Migration20991231000000_later.ts'), 'export {};\n');
      appendToLock(dir, lock);
      appendFileSync(join(dir, 'Migration20991231000000_later.ts'), '// adjusted by hand\n');
      expect(lockProblems(dir, lock)).toHaveLength(1);
      appendToLock(dir, lock, new Set(['Migration20991231000000_later.ts']));
      expect(lockProblems(dir, lock)).toEqual([]);
    });

    it('a deleted or renamed migration fails the check', () => {
      const { dir, lock } = setUp();
      const files = migrationFiles(dir);
      const last = files[files.length - 1];
      renameSync(join(dir, last), join(dir, last.replace(/\.ts$/, '_renamed.ts')));
      const problems = lockProblems(dir, lock);
      expect(problems).toContain(`${last} is gone: ${EDITED_MIGRATION}`);
      expect(problems.some((p) => p.startsWith(`${last.replace(/\.ts$/, '_renamed.ts')} is not in migrations.lock.json`))).toBe(true);
    });

    it('a migration not in the lock fails the check until it is recorded; recording never rewrites an entry', () => {
      const { dir, lock } = setUp();
      const before = readLock(lock);
      writeFileSync(join(dir, 'Migration20991231000000_later.ts'), 'export {};\n');
      expect(lockProblems(dir, lock)).toEqual([expect.stringMatching(/^Migration20991231000000_later\.ts is not in migrations\.lock\.json/)]);
      expect(appendToLock(dir, lock)).toEqual(['Migration20991231000000_later.ts']);
      expect(lockProblems(dir, lock)).toEqual([]);
      const after = readLock(lock);
      expect(Object.keys(after)).toEqual([...Object.keys(before), 'Migration20991231000000_later.ts']);
      for (const [file, hash] of Object.entries(before)) expect(after[file]).toBe(hash);
    });
  });
});

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/shared/db/embedded-postgres.js';

/**
 * As root, the embedded PostgreSQL runs as the "postgres" OS user. A data folder that user cannot enter (as
 * `.data/` is in a clone under /root) used to fail deep inside initdb; a folder the operator chose now stops
 * with one sentence saying what to do. (The default `.data/` moves instead, and PostgreSQL's binaries are run
 * from a reachable copy: checked by hand in a clone under /root, see README.)
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const mainJs = join(root, 'server/dist/main.js');
const asRoot = process.getuid?.() === 0;
const locked = mkdtempSync(join(tmpdir(), 'lentera-root-only-'));
chmodSync(locked, 0o700);

afterAll(() => rmSync(locked, { recursive: true, force: true }));

describe('embedded PostgreSQL started by root', () => {
  it.runIf(asRoot)('a LENTERA_DATA_DIR the postgres user cannot enter stops with one clear sentence', async () => {
    expect(existsSync(mainJs), `${mainJs} is missing: run pnpm run build`).toBe(true);
    const env: NodeJS.ProcessEnv = { ...process.env, LENTERA_DATA_DIR: join(locked, 'data'), PORT: String(await freePort()), LENTERA_PG_PORT: String(await freePort()) };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const child = spawn(process.execPath, [mainJs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(1);
    expect(stderr.trim()).toBe(
      `LENTERA_DATA_DIR (${join(locked, 'data')}/pg) is inside a folder the "postgres" OS user cannot enter, and as root PostgreSQL runs as that user: choose a folder it can reach (e.g. /var/lib/lentera), run as a normal user, or set DATABASE_URL.`,
    );
  }, 120_000);
});

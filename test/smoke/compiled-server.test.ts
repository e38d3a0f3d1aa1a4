import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/shared/db/embedded-postgres.js';
import { GraphQLClient } from '../kit/graphql-client.js';

/**
 * What `pnpm start` does, on the compiled server: `node server/dist/main.js` starts its own embedded
 * PostgreSQL, migrates, seeds the demo world, prints the accounts and serves; Ctrl-C stops everything
 * and exits 0.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const mainJs = join(root, 'server/dist/main.js');
const clientIndex = join(root, 'client/dist/index.html');
const compiled = existsSync(mainJs);
if (!compiled) console.warn(`[smoke] SKIPPED: ${mainJs} is missing; run \`pnpm build\` (\`pnpm test\` builds first).`);

let child: ChildProcess | null = null;
let dataDir: string | null = null;
let output = '';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what: string, ms: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`server exited (${child.exitCode}) while waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

afterAll(() => {
  // Only if the test failed half-way: take down the whole process group (server and its PostgreSQL).
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('compiled server (node server/dist/main.js)', () => {
  it.skipIf(!compiled)('starts its own PostgreSQL, seeds, serves GraphQL and the client, and stops cleanly on Ctrl-C', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lentera-smoke-'));
    // When tests run as root, PostgreSQL runs as the "postgres" user and must reach the folder.
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const pgPort = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LENTERA_DATA_DIR: dataDir, PORT: String(port), LENTERA_PG_PORT: String(pgPort), HOST: '127.0.0.1', LENTERA_SEED_DEMO: 'true' };
    delete env.DATABASE_URL; // the embedded database is the point here
    delete env.NODE_ENV;
    // Its own process group, so SIGINT reaches the server and its PostgreSQL as Ctrl-C in a terminal does.
    child = spawn(process.execPath, [mainJs], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));

    await waitFor('the start-up banner', 120_000, () => output.includes('Tekan Ctrl-C'));
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await portOpen(pgPort)).toBe(true);

    // The printed demo accounts: "Akun demo (kata sandi untuk semua: …)" then "  ROLE  login  name".
    const password = /kata sandi untuk semua: (\S+)\)/.exec(output)?.[1];
    expect(password).toBe('lentera123');
    const accounts = [...output.matchAll(/^ {2}([A-Z_]+) +(\S+) +(.+)$/gm)].map(([, role, login, name]) => ({ role, login, name: name.trim() }));
    expect(accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['LEARNER', 'SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR', 'PLATFORM_ADMIN']));

    const client = new GraphQLClient(`${base}/graphql`);
    expect(await client.ok(`{ me { id } }`)).toEqual({ me: null });
    const learner = accounts.find((a) => a.role === 'LEARNER')!;
    await client.signIn(learner.login, password!);
    const { me } = await client.ok(`{ me { id fullName roles } }`);
    expect(me.fullName).toBe(learner.name);
    expect(me.roles).toContain('LEARNER');

    if (existsSync(clientIndex)) {
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toBe(readFileSync(clientIndex, 'utf8'));
    } else {
      console.warn(`[smoke] ${clientIndex} is missing: GET / not checked`);
    }

    process.kill(-child.pid!, 'SIGINT');
    const stoppedWithin = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    expect(stoppedWithin, `did not exit within 20 s:\n${output}`).not.toBeNull();
    expect(stoppedWithin).toEqual({ code: 0, signal: null });
    expect(await portOpen(pgPort)).toBe(false);
    expect(await portOpen(port)).toBe(false);
  }, 180_000);
});

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
 * PostgreSQL, migrates, seeds the demo world, prints the accounts and serves; Ctrl-C (or SIGTERM) stops
 * the server and its PostgreSQL and exits 0; a second start reuses the data without seeding again.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const mainJs = join(root, 'server/dist/main.js');
const clientIndex = join(root, 'client/dist/index.html');

let child: ChildProcess | null = null;
let dataDir: string | null = null;
let output = '';
let ports: { http: number; pg: number } | null = null;

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

/** `node server/dist/main.js` in its own process group, as `pnpm start` runs it; resolves once it is serving. */
async function startServer(): Promise<{ base: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  output = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env, LENTERA_DATA_DIR: dataDir!, PORT: String(ports!.http), LENTERA_PG_PORT: String(ports!.pg), HOST: '127.0.0.1', LENTERA_SEED_DEMO: 'true',
  };
  delete env.DATABASE_URL; // the embedded database is the point here
  delete env.NODE_ENV;
  child = spawn(process.execPath, [mainJs], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const started = child;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => started.once('exit', (code, signal) => resolve({ code, signal })));
  await waitFor('the start-up banner', 120_000, () => output.includes('Tekan Ctrl-C'));
  return { base: `http://127.0.0.1:${ports!.http}`, exited };
}

async function expectStopped(exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>): Promise<void> {
  const result = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
  expect(result, `did not exit within 20 s:\n${output}`).not.toBeNull();
  expect(result, output).toEqual({ code: 0, signal: null });
  expect(await portOpen(ports!.pg)).toBe(false);
  expect(await portOpen(ports!.http)).toBe(false);
}

let learner: { login: string; name: string } | null = null;
let password: string | null = null;

afterAll(() => {
  // Only if the test failed half-way: take down the whole process group (server and its PostgreSQL).
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('compiled server (node server/dist/main.js)', () => {
  // `pnpm test` builds first, so a missing build is a failure, never a silent skip.
  it('the server and the client are built', () => {
    expect(existsSync(mainJs), `${mainJs} is missing: run pnpm run build`).toBe(true);
    expect(existsSync(clientIndex), `${clientIndex} is missing: run pnpm run build`).toBe(true);
  });

  it('starts its own PostgreSQL, seeds, serves GraphQL and the client, and stops cleanly on Ctrl-C', async () => {
    expect(existsSync(mainJs), `${mainJs} is missing: run pnpm run build`).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'lentera-smoke-'));
    // When tests run as root, PostgreSQL runs as the "postgres" user and must reach the folder.
    chmodSync(dataDir, 0o755);
    ports = { http: await freePort(), pg: await freePort() };
    const { base, exited } = await startServer();
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await portOpen(ports.pg)).toBe(true);

    // The printed demo accounts: "Akun demo (kata sandi untuk semua: …)" then "  ROLE  login  name".
    password = /kata sandi untuk semua: (\S+)\)/.exec(output)?.[1] ?? null;
    expect(password).toBe('lentera123');
    const accounts = [...output.matchAll(/^ {2}([A-Z_]+) +(\S+) +(.+)$/gm)].map(([, role, login, name]) => ({ role, login, name: name.trim() }));
    expect(accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['LEARNER', 'SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR', 'PLATFORM_ADMIN']));

    const client = new GraphQLClient(`${base}/graphql`);
    expect(await client.ok(`{ me { id } }`)).toEqual({ me: null });
    learner = accounts.find((a) => a.role === 'LEARNER')!;
    await client.signIn(learner.login, password!);
    const { me } = await client.ok(`{ me { id fullName roles } }`);
    expect(me.fullName).toBe(learner.name);
    expect(me.roles).toContain('LEARNER');

    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe(readFileSync(clientIndex, 'utf8'));

    // Ctrl-C in a terminal signals the whole foreground group: the server and its PostgreSQL.
    process.kill(-child!.pid!, 'SIGINT');
    await expectStopped(exited);
  }, 180_000);

  it('starts again on the same data without seeding twice, and stops cleanly on SIGTERM (docker stop, kill)', async () => {
    expect(learner, 'the first start must have run').not.toBeNull();
    const { base, exited } = await startServer();
    expect(output).not.toContain('Akun demo');
    const client = new GraphQLClient(`${base}/graphql`);
    await client.signIn(learner!.login, password!);
    expect((await client.ok(`{ me { fullName } }`)).me.fullName).toBe(learner!.name);

    // Only the server process is signalled here; it must stop its PostgreSQL itself.
    child!.kill('SIGTERM');
    await expectStopped(exited);
  }, 180_000);
});

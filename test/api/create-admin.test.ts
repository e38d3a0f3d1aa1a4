import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/shared/config/config.js';
import { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A production installation starts empty (no demo accounts, no known password); its first platform admin
 * comes from `lentera create-admin`, run here as the operator would: the compiled CLI as a child process.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cliJs = join(root, 'server/dist/cli.js');

let app: TestApp;
beforeAll(async () => {
  if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: run pnpm run build (pnpm test builds first)`);
  // The configuration production really gets (seeding included), on a database of its own.
  const { production, seedDemo } = loadConfig({ NODE_ENV: 'production', LENTERA_CREDENTIAL_KEY: '11'.repeat(32) });
  app = await startTestApp({ production, seedDemo, cookieSecure: false });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

function runCli(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: app.databaseUrl, ...opts.env };
    if (!opts.env?.LENTERA_ADMIN_PASSWORD) delete env.LENTERA_ADMIN_PASSWORD;
    const child = spawn(process.execPath, [cliJs, ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

const count = async (sql: string) => (await app.sql<{ n: number }>(`select count(*)::int as n from ${sql}`))[0].n;

describe('production start and the first platform admin', () => {
  it('production starts with an empty database: no demo world, no accounts', async () => {
    expect(await count('person')).toBe(0);
    expect(await count('agency')).toBe(0);
    expect(await count('course')).toBe(0);
    // …while development keeps seeding the demo world by default.
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('refuses bad input without writing anything', async () => {
    const noName = await runCli(['create-admin', '--email', 'admin@lentera.go.id'], { stdin: 'rahasia-sekali-123\n' });
    expect(noName.code).toBe(1);
    expect(noName.stderr).toMatch(/create-admin --email/);
    const shortPassword = await runCli(['create-admin', '--email', 'admin@lentera.go.id', '--name', 'Fajar Nugraha'], { stdin: 'pendek\n' });
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.stderr).toMatch(/Kata sandi harus 8–200 karakter/);
    const badEmail = await runCli(['create-admin', '--email', 'bukan-email', '--name', 'Fajar Nugraha'], { stdin: 'rahasia-sekali-123\n' });
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).not.toMatch(/\bat \S+ \(/); // one sentence, no stack
    expect(await count('person')).toBe(0);
  });

  it('creates the first platform admin from a password on stdin (argon2id); they can sign in', async () => {
    const run = await runCli(['create-admin', '--email', 'Admin@Lentera.go.id', '--name', 'Fajar Nugraha'], { stdin: 'rahasia-sekali-123\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Admin platform dibuat \(admin@lentera\.go\.id/);

    const [person] = await app.sql(`select p.full_name, p.email, p.password_hash, g.role from person p join role_grant g on g.person_id = p.id`);
    expect(person).toMatchObject({ full_name: 'Fajar Nugraha', email: 'admin@lentera.go.id', role: 'PLATFORM_ADMIN' });
    expect(person.password_hash).toMatch(/^\$argon2id\$/);
    expect(await count(`audit_entry where action = 'platform-admin.bootstrap'`)).toBe(1);

    const client = new GraphQLClient(`${app.url}/graphql`);
    await client.signIn('admin@lentera.go.id', 'rahasia-sekali-123');
    expect((await client.ok(`{ me { fullName roles } }`)).me).toEqual({ fullName: 'Fajar Nugraha', roles: ['PLATFORM_ADMIN'] });
  });

  it('is refused with a clear sentence once a platform admin exists', async () => {
    const again = await runCli(['create-admin', '--email', 'penyusup@contoh.id', '--name', 'Penyusup'], { env: { LENTERA_ADMIN_PASSWORD: 'rahasia-lain-456' } });
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^Sudah ada admin platform; perintah ini hanya untuk admin pertama\..*A platform admin already exists/);
    expect(await count('person')).toBe(1);
    expect(await count(`person where email = 'penyusup@contoh.id'`)).toBe(0);
  });
});

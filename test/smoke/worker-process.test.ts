import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Jobs run in a separate process when the server is told not to run them (LENTERA_IN_PROCESS_WORKER=false):
 * the compiled `lentera worker` (`node server/dist/cli.js worker`) works the queue the server fills.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cliJs = join(root, 'server/dist/cli.js');

let app: TestApp;
beforeAll(async () => {
  if (!existsSync(cliJs)) throw new Error('server/dist/cli.js is missing: build first (pnpm run build)');
  app = await startTestApp({ jobs: { inProcessWorker: false, pollSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 1 } });
});
afterAll(async () => {
  await app?.close();
});

describe('a separate worker process', () => {
  it('leaves jobs to `lentera worker`, which sends them, and stops cleanly on SIGTERM', async () => {
    const email = `pekerja.${process.pid}@instansi.go.id`;
    await app.seed.person({ email });
    await app.anonymous().ok(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email });
    // The server does not work it: the job waits.
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await app.sql(`select state from pgboss.job where name = 'mail'`)).map((r) => r.state)).toEqual(['created']);
    expect(app.mail.messages).toEqual([]);

    const env: NodeJS.ProcessEnv = {
      ...process.env, DATABASE_URL: app.databaseUrl, SMTP_URL: `smtp://127.0.0.1:${app.mail.port}`, LENTERA_PUBLIC_URL: 'https://lentera.contoh.go.id',
    };
    delete env.NODE_ENV;
    const worker = spawn(process.execPath, [cliJs, 'worker'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    worker.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      const mail = await app.mail.waitFor((m) => m.to.includes(email), 60_000).catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${output}`);
      });
      expect(mail.text).toContain('https://lentera.contoh.go.id/atur-ulang-kata-sandi#token=');
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Lentera worker running');
  }, 180_000); // a second Node process booting (migrations, pg-boss) on a loaded machine
});

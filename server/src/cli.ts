import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { checkNewAdmin, CreateAdminRefused, createFirstPlatformAdmin } from './app/create-admin.js';
import { openDatabase } from './app/boot.js';
import { startBackground } from './app/background.js';
import { loadConfig } from './shared/config/config.js';
import { EmbeddedPostgresUnavailable } from './shared/db/embedded-postgres.js';

/**
 * Operator commands: `pnpm lentera <command>` (in the Docker image: `node server/dist/cli.js <command>`).
 *
 *   create-admin --email <e-mail> --name <full name>
 *     Creates the first platform admin. The password comes from LENTERA_ADMIN_PASSWORD or the first line
 *     of standard input, never from the command line (which other users of the machine can read).
 *     Refused once a platform admin exists.
 *
 *   worker
 *     Runs the background jobs (mail, clean-up) in this process until SIGINT/SIGTERM. Start the server with
 *     LENTERA_IN_PROCESS_WORKER=false beside it, or run several workers: they share the queue safely.
 */
const USAGE = 'Pemakaian / usage: lentera create-admin --email <e-mail> --name "<nama lengkap>"   (kata sandi dari LENTERA_ADMIN_PASSWORD atau stdin)\n                  lentera worker   (menjalankan pekerjaan latar / runs the background jobs)';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.LENTERA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Kata sandi admin (terlihat saat diketik) / admin password (echoed): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !values.name) throw new CreateAdminRefused(USAGE);
  const password = await readPassword();
  checkNewAdmin({ email: values.email, fullName: values.name, password });
  const db = await openDatabase(loadConfig(), () => {});
  try {
    const { id } = await createFirstPlatformAdmin(db.orm.em.fork(), { email: values.email, fullName: values.name, password });
    console.log(`Admin platform dibuat (${values.email.trim().toLowerCase()}, id ${id}). Masuk dengan e-mail dan kata sandi itu. / Platform admin created; sign in with that e-mail and password.`);
  } finally {
    await db.close();
  }
}

/** Works the job queue until a signal; a job in progress is given time to finish. */
async function worker(): Promise<void> {
  const config = loadConfig();
  const log = (msg: string) => console.log(msg);
  const db = await openDatabase(config, log);
  const background = await startBackground(db.orm, config, {
    work: true, catcher: false, log, publicUrl: () => config.publicUrl ?? `http://localhost:${config.port}`,
  });
  console.log('Pekerja latar Lentera berjalan. / Lentera worker running.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await background.stop();
  await db.close();
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'create-admin') await createAdmin(rest);
  else if (command === 'worker') await worker();
  else throw new CreateAdminRefused(USAGE);
  process.exit(0);
} catch (error) {
  const known = error instanceof CreateAdminRefused || error instanceof EmbeddedPostgresUnavailable || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(known ? (error as Error).message : error);
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(USAGE);
  process.exit(1);
}

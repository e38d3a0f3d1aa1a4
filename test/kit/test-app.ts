import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { EntityManager } from '../../server/src/shared/db/orm.js';
import { startLentera, type Lentera } from '../../server/src/app/boot.js';
import { loadConfig, type AppConfig } from '../../server/src/shared/config/config.js';
import { DEAD_LETTER_QUEUE } from '../../server/src/shared/jobs/queue.js';
import { GraphQLClient } from './graphql-client.js';
import type { MailCatcher } from '../../server/src/modules/mail/index.js';
import { Seed } from './seed.js';
import { createFromTemplate, demoTemplate, freshDemoClone } from './demo-template.js';
import type { DemoAccount } from '../../server/src/shared/db/seed/demo-world.js';

export interface TestApp {
  lentera: Lentera;
  url: string;
  databaseUrl: string;
  /** A fresh, signed-out client. */
  anonymous(): GraphQLClient;
  /** A client signed in as this login (NIP or e-mail) with the test password. */
  as(login: string | { nip?: string | null; email?: string | null }): Promise<GraphQLClient>;
  seed: Seed;
  /** A fresh EntityManager for direct checks ("nothing was written"). */
  em(): EntityManager;
  sql<T extends pg.QueryResultRow = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** The development mail catcher of this server: every mail it sent (tests read links and languages from it). */
  mail: MailCatcher;
  /** SQL statements the server ran while `fn` ran. */
  countSql(fn: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  close(): Promise<void>;
}

/** A database of this file's own, cloned from `template` (by default the migrated, empty one). */
async function cloneTemplate(template = inject('templateDatabase')): Promise<string> {
  const serverUrl = new URL(inject('postgresUrl'));
  const name = `${inject('databasePrefix')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await createFromTemplate(admin, name, template);
  } finally {
    await admin.end();
  }
  serverUrl.pathname = `/${name}`;
  return serverUrl.toString();
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * The file's database: for `{ seedDemo: true }` a clone of the run's demo template when it is still the world of now
 * (demo-template.ts), with the accounts its seed printed; otherwise a clone of the empty template, which the server
 * seeds itself when asked to.
 */
async function fileDatabase(seedDemo: boolean): Promise<{ databaseUrl: string; demoAccounts: DemoAccount[] | null }> {
  if (seedDemo) {
    const template = await demoTemplate();
    const databaseUrl = await cloneTemplate(template.database);
    if (await freshDemoClone(databaseUrl, template)) return { databaseUrl, demoAccounts: template.accounts };
    console.log('[tests] the demo template is out of date (a seeded moment has passed or a day has turned): this file seeds its own');
    await dropDatabase(databaseUrl);
  }
  return { databaseUrl: await cloneTemplate(), demoAccounts: null };
}

/**
 * Every test client signs in from 127.0.0.1, so the per-address sign-in limit is raised here;
 * test/api/sign-in-limits.test.ts runs with the production limits (pass `loadConfig({}).signInLimits`).
 */
const testSignInLimits: AppConfig['signInLimits'] = { ...loadConfig({}).signInLimits, perAddress: 100_000 };

/**
 * Mail goes to the server's own catcher on a free port; jobs are picked up quickly and retried once after a
 * second, so a failing job reaches the dead letters within a test.
 */
const testMail: AppConfig['mail'] = { ...loadConfig({}).mail, smtpUrl: undefined, catcherPort: 0 };
/** Like sign-in limits: every test client asks from 127.0.0.1. */
const testPasswordReset: AppConfig['passwordReset'] = { ...loadConfig({}).passwordReset, perAddress: 100_000 };
const testJobs: AppConfig['jobs'] = { inProcessWorker: true, pollSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 1 };

/** Waits (up to 10 s) until no job is due or running; the dead letters wait for an admin and do not count. */
async function dueJobsDone(pool: pg.Pool): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name <> $1 and state in ('created', 'retry', 'active') and start_after <= now()`,
      [DEAD_LETTER_QUEUE],
    ).catch((error: { code?: string }) => {
      // A server started without its job queue has no pgboss schema: nothing can be due.
      if (error.code === '42P01' || error.code === '3F000') return { rows: [{ n: 0 }] };
      throw error;
    });
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Boots the real server (migrations, schema, HTTP) on a random port against a database of its own.
 * `overrides` change the configuration (e.g. `{ production: true }` to test production mode,
 * `{ seedDemo: true }` for the demo world or another `staticDir`).
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const { databaseUrl, demoAccounts } = await fileDatabase(overrides.seedDemo === true);
  const statements: string[] = [];
  let recording = false;
  const lentera = await startLentera(
    { ...loadConfig({}), databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, production: false, cookieSecure: false, signInLimits: testSignInLimits, mail: testMail, jobs: testJobs, passwordReset: testPasswordReset, ...overrides },
    {
      log: () => {},
      sqlLogger: (line: string) => {
        if (recording) statements.push(line);
      },
    },
  );
  // A cloned demo world was there already, so the server's seed left it alone: its accounts are the template's.
  if (demoAccounts) lentera.demoAccounts = demoAccounts;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const app: TestApp = {
    lentera,
    url: lentera.url,
    databaseUrl,
    anonymous: () => new GraphQLClient(`${lentera.url}/graphql`),
    async as(login) {
      const id = typeof login === 'string' ? login : (login.nip ?? login.email)!;
      const client = new GraphQLClient(`${lentera.url}/graphql`);
      await client.signIn(id, Seed.PASSWORD);
      return client;
    },
    seed: new Seed(lentera.orm.em.fork()),
    get mail(): MailCatcher {
      if (!lentera.background.catcher) throw new Error('this test server has no mail catcher (production, or SMTP_URL set)');
      return lentera.background.catcher;
    },
    em: () => lentera.orm.em.fork(),
    async sql(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async countSql(fn) {
      // A job queued by an earlier write (a seat mail after `enrol`) runs in this process and logs its statements
      // like a request does: let the due jobs finish first, so they are not counted as the measured operation's.
      await dueJobsDone(pool);
      statements.length = 0;
      recording = true;
      try {
        await fn();
      } finally {
        recording = false;
      }
      // MikroORM logs one line per statement it sends (queries, begin/commit).
      const sqlLines = statements.filter((l) => !/^\s*$/.test(l));
      return { count: sqlLines.length, statements: [...sqlLines] };
    },
    async close() {
      await pool.end();
      await lentera.stop();
    },
  };
  return app;
}

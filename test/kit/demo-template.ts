import pg from 'pg';
import { inject } from 'vitest';
import { createOrm } from '../../server/src/shared/db/orm.js';
import { seedDemoWorldIfEmpty, type DemoAccount } from '../../server/src/shared/db/seed/demo-world.js';
import { isoDateIn } from '../../server/src/shared/util/time.js';

/**
 * The demo world, seeded once per test run into a second template database (cloned from the migrated one) and cloned
 * by every file that starts its app with `{ seedDemo: true }`: seeding it took several seconds of CPU per file.
 *
 * The first file that asks seeds it (under an advisory lock, so the others wait for it rather than seed it too); a run
 * that asks for no demo world never pays for it. Its name carries the run's database prefix, so the global teardown
 * drops it with the files' databases.
 *
 * The seed places everything relative to the moment it runs (runs past, running or coming; "today" in WIB, WITA and
 * WIT), so a world seeded minutes earlier is only the world of now while no seeded instant has passed since and no
 * calendar day has turned: `freshDemoClone` checks both, and a file whose clone is out of date seeds its own as before.
 */

/** The zones the seed's calendar days are in (agencies' and runs' zones). */
const SEED_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
/** Serialises the files that want the demo template (any number not used elsewhere for an advisory lock). */
const DEMO_TEMPLATE_LOCK = 7_402_612;

interface DemoTemplate {
  database: string;
  accounts: DemoAccount[];
  /** When the seed started (its "now") and when it had committed. */
  seededFrom: string;
  seededUntil: string;
}

let cached: Promise<DemoTemplate> | undefined;

/** The run's demo template, seeding it first if no file has yet. */
export function demoTemplate(): Promise<DemoTemplate> {
  cached ??= findOrSeedDemoTemplate();
  return cached;
}

async function findOrSeedDemoTemplate(): Promise<DemoTemplate> {
  const serverUrl = new URL(inject('postgresUrl'));
  const database = `${inject('databasePrefix')}_demo`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [DEMO_TEMPLATE_LOCK]);
    const { rows } = await admin.query<{ description: string | null }>(
      `select shobj_description(oid, 'pg_database') as description from pg_database where datname = $1`, [database],
    );
    if (rows[0]?.description) return JSON.parse(rows[0].description) as DemoTemplate;
    // Half-made by a file that failed while seeding: start again.
    if (rows[0]) await admin.query(`drop database ${database} with (force)`);
    await createFromTemplate(admin, database, inject('templateDatabase'));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const orm = await createOrm(url.toString());
    const seededFrom = new Date();
    let accounts: DemoAccount[] | null;
    try {
      accounts = await seedDemoWorldIfEmpty(orm.em.fork(), (msg) => console.log(`[tests] ${msg}`), { now: seededFrom });
    } finally {
      await orm.close();
    }
    if (!accounts) throw new Error(`the demo template ${database} already had a world in it`);
    const template: DemoTemplate = { database, accounts, seededFrom: seededFrom.toISOString(), seededUntil: new Date().toISOString() };
    // The database's comment carries the accounts and the seed's moment to the other test processes.
    await admin.query(`comment on database ${database} is ${admin.escapeLiteral(JSON.stringify(template))}`);
    return template;
  } finally {
    await admin.end();
  }
}

/** `create database … template …`, retried while another file is cloning the same template at that instant. */
export async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/**
 * Whether a clone of the demo template (at `databaseUrl`) is the world the seed would write now: the calendar day is
 * the seed's in every zone it uses, and no timestamp in any table lies between the seed's commit and now (a run that
 * has started or ended since, a session that began, a deadline that passed: the seed decided those against its own now).
 */
export async function freshDemoClone(databaseUrl: string, template: DemoTemplate): Promise<boolean> {
  const now = new Date();
  for (const moment of [template.seededFrom, template.seededUntil]) {
    if (SEED_ZONES.some((zone) => isoDateIn(new Date(moment), zone) !== isoDateIn(now, zone))) return false;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ t: string; c: string }>(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone')`,
    );
    if (columns.length === 0) return true;
    const checks = columns.map(({ t, c }) => `exists (select 1 from "${t}" where "${c}" > $1::timestamptz and "${c}" <= now())`);
    const { rows } = await client.query<{ passed: boolean }>(`select ${checks.join(' or ')} as passed`, [template.seededUntil]);
    return !rows[0].passed;
  } finally {
    await client.end();
  }
}

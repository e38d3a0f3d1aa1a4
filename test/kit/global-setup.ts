import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/shared/db/embedded-postgres.js';
import { createOrm } from '../../server/src/shared/db/orm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (no database path) of the PostgreSQL the tests use. */
    postgresUrl: string;
    /** Database migrated once, cloned by every test file. */
    templateDatabase: string;
    /** Prefix of the databases test files clone, so teardown finds them. */
    databasePrefix: string;
  }
}

/**
 * Starts a throwaway embedded PostgreSQL (or uses DATABASE_URL), migrates a template database
 * once, and hands its name to the test files, which clone it.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  let stop: () => Promise<void> = async () => {};
  let serverUrl: URL;
  if (process.env.DATABASE_URL) {
    serverUrl = new URL(process.env.DATABASE_URL);
  } else {
    const db = await startEmbeddedPostgres({ persistent: false });
    serverUrl = new URL(db.urlFor('postgres'));
    stop = () => db.stop();
  }
  const template = `lentera_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const orm = await createOrm(withDatabase(serverUrl, template));
  const applied = await orm.migrator.up();
  if (applied.length === 0) throw new Error('no migrations found for the test template');
  await orm.close();
  console.log(`[tests] PostgreSQL ready and migrated in ${Math.round(performance.now() - started)} ms`);
  project.provide('postgresUrl', withDatabase(serverUrl, 'postgres'));
  project.provide('templateDatabase', template);
  project.provide('databasePrefix', `lentera_t_${process.pid}`);
  return async () => {
    // Drop what the test files cloned, then the template (matters when DATABASE_URL is shared).
    const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`lentera_t_${process.pid}_%`]);
    for (const { datname } of rows.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await stop();
  };
}

export function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}

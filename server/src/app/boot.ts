import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_DATA_DIR, type AppConfig } from '../shared/config/config.js';
import { createOrm } from '../shared/db/orm.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded-postgres.js';
import { seedDemoWorldIfEmpty, type DemoAccount } from '../shared/db/seed/demo-world.js';
import { buildAppSchema } from './build-schema.js';
import { platformAdminExists } from './create-admin.js';
import { startHttpServer, type HttpApp } from './http-server.js';
import { startBackground, type Background } from './background.js';

export interface Lentera {
  orm: MikroORM;
  background: Background;
  http: HttpApp;
  url: string;
  embedded: EmbeddedDatabase | null;
  demoAccounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

/** The database (DATABASE_URL or the embedded one), migrated; used by the server and by the CLI. */
export async function openDatabase(
  config: AppConfig,
  log: (msg: string) => void,
  sqlLogger?: (sql: string) => void,
): Promise<{ orm: MikroORM; embedded: EmbeddedDatabase | null; close(): Promise<void> }> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: `${config.dataDir}/pg`, persistent: true, port: Number(process.env.LENTERA_PG_PORT ?? 54329), relocateIfUnreachable: config.dataDir === DEFAULT_DATA_DIR,
    });
    log(`Embedded PostgreSQL started (data in ${embedded.dataDir}).`);
    databaseUrl = await embedded.createDatabase('lentera');
  }
  const orm = await createOrm(databaseUrl, sqlLogger ? { debug: ['query'], logger: sqlLogger } : {});
  const close = async () => {
    await orm.close();
    if (embedded) await embedded.stop();
  };
  try {
    const applied = await orm.migrator.up();
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
  } catch (error) {
    await close();
    throw error;
  }
  return { orm, embedded, close };
}

/** config → database → migrations → (demo data) → schema → HTTP server. */
export async function startLentera(config: AppConfig, opts: { log?: (msg: string) => void; sqlLogger?: (sql: string) => void } = {}): Promise<Lentera> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const { orm, embedded } = await openDatabase(config, log, opts.sqlLogger);
  try {
    // Production never seeds by itself (see config): the first admin comes from `lentera create-admin`.
    const demoAccounts = config.seedDemo ? await seedDemoWorldIfEmpty(orm.em.fork(), log) : null;
    if (!config.seedDemo && !(await platformAdminExists(orm.em.fork()))) {
      log('Belum ada admin platform. Buat yang pertama dengan `pnpm lentera create-admin --email … --name …` (Docker: `node server/dist/cli.js create-admin …`). / No platform admin yet: create the first one with that command.');
    }
    const schema = await buildAppSchema();
    let url: string | null = null;
    const background = await startBackground(orm, config, {
      work: config.jobs.inProcessWorker, catcher: true, log, publicUrl: () => config.publicUrl ?? url ?? `http://localhost:${config.port}`,
    });
    let http: HttpApp;
    try {
      http = await startHttpServer(orm, schema, config, undefined, background.catcher);
    } catch (error) {
      await background.stop();
      throw error;
    }
    url = http.url;
    return {
      orm, background, http, url: http.url, embedded, demoAccounts,
      async stop() {
        await http.stop();
        await background.stop();
        await orm.close();
        if (embedded) await embedded.stop();
      },
    };
  } catch (error) {
    await orm.close();
    if (embedded) await embedded.stop();
    throw error;
  }
}

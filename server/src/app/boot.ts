import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../shared/config/config.js';
import { createOrm } from '../shared/db/orm.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded-postgres.js';
import { seedDemoWorldIfEmpty, type DemoAccount } from '../shared/db/seed/demo-world.js';
import { buildAppSchema } from './build-schema.js';
import { startHttpServer, type HttpApp } from './http-server.js';

export interface Lentera {
  orm: MikroORM;
  http: HttpApp;
  url: string;
  embedded: EmbeddedDatabase | null;
  demoAccounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

/** config → database → migrations → (demo data) → schema → HTTP server. */
export async function startLentera(config: AppConfig, opts: { log?: (msg: string) => void; sqlLogger?: (sql: string) => void } = {}): Promise<Lentera> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log(`Starting embedded PostgreSQL (data in ${config.dataDir}/pg) …`);
    embedded = await startEmbeddedPostgres({ dataDir: `${config.dataDir}/pg`, persistent: true, port: Number(process.env.LENTERA_PG_PORT ?? 54329) });
    databaseUrl = await embedded.createDatabase('lentera');
  }
  const orm = await createOrm(databaseUrl, opts.sqlLogger ? { debug: ['query'], logger: opts.sqlLogger } : {});
  try {
    const applied = await orm.migrator.up();
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
    const demoAccounts = config.seedDemo ? await seedDemoWorldIfEmpty(orm.em.fork(), log) : null;
    const schema = await buildAppSchema();
    const http = await startHttpServer(orm, schema, config);
    return {
      orm, http, url: http.url, embedded, demoAccounts,
      async stop() {
        await http.stop();
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

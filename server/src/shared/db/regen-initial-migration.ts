/**
 * Until the first release ships, the schema lives in one generated migration. This rewrites it
 * from the entities: it applies the hand-written migration that precedes it to a scratch database, then
 * lets MikroORM generate the rest. After the release, use `migration:create` for each change.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { createOrm } from './orm.js';

const dir = import.meta.dirname + '/migrations';
for (const f of readdirSync(dir)) if (f.startsWith('Migration20261123000001') || f.startsWith('.snapshot') || /^Migration\d{14}\.ts$/.test(f)) rmSync(`${dir}/${f}`);

const pg = await startEmbeddedPostgres({ persistent: false });
const url = await pg.createDatabase('lentera_regen');
const orm = await createOrm(url, { migrations: { path: dir, glob: '!(*.d).{js,ts}', snapshot: false } });
try {
  // Only what must exist before the generated schema (extensions, helper functions).
  await orm.migrator.up({ to: 'Migration20261123000000_extensions' });
  const result = await orm.migrator.create(dir, false, false);
  // A fixed name keeps the file stable across regenerations (the generator stamps the current time).
  const fixed = 'Migration20261123000001_initial';
  const generated = `${dir}/${result.fileName}`;
  const code = readFileSync(generated, 'utf8').replaceAll(result.fileName.replace(/\.ts$/, ''), fixed);
  rmSync(generated);
  writeFileSync(`${dir}/${fixed}.ts`, code);
  console.log('wrote', `${fixed}.ts`);
} finally {
  await orm.close();
  await pg.stop();
}

import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { entities } from './entities.js';

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Batches Reference/Collection loads made while resolving one request.
    dataloader: true,
    pool: { min: 0, max: 20 },
    migrations: {
      path: import.meta.dirname + '/migrations',
      glob: '!(*.d).{js,ts}',
      // No snapshot file: migration:create diffs against a real database, and running migrations
      // (tests, start-up) never rewrites files in the source tree.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    ...overrides,
  });
}

export function createOrm(clientUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, overrides));
}

export type { MikroORM };
/** For migrations written outside the migrations folder (tests of the migration machinery). */
export { Migration } from '@mikro-orm/migrations';
export type { EntityManager } from '@mikro-orm/postgresql';

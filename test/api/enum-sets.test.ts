import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, Migration } from '../../server/src/shared/db/orm.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Native PostgreSQL enums allowed: none. A value added to a native enum cannot be used in the transaction that
 * added it, and a migration run is one transaction: sets that grow are text + CHECK (the entity's @Enum without
 * `nativeEnumName`). Never add one.
 */
const NATIVE_ENUMS_ALLOWED = new Set<string>([]);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('sets that grow are text + CHECK, not native enums', () => {
  it('no entity declares a native enum outside the allow-list', () => {
    const declared = [...app.lentera.orm.getMetadata().getAll().values()].filter((meta) => !meta.embeddable && meta.properties);
    expect(declared.map((meta) => meta.className)).toEqual(expect.arrayContaining(['Agency', 'Person', 'RoleGrant', 'PartnerInstitution']));
    const offenders = declared.flatMap((meta) =>
      Object.values(meta.properties)
        .filter((prop) => prop.nativeEnumName && !NATIVE_ENUMS_ALLOWED.has(prop.nativeEnumName))
        .map((prop) => `${meta.className}.${prop.name} (${prop.nativeEnumName})`));
    expect(offenders).toEqual([]);
  });

  it('the migrated database has no native enum type outside the allow-list', async () => {
    const types = await app.sql<{ typname: string }>(`select typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'e' and n.nspname = 'public'`);
    expect(types.map((t) => t.typname).filter((name) => !NATIVE_ENUMS_ALLOWED.has(name))).toEqual([]);
  });

  it('a migration adds a value to a CHECK set and a later migration of the same run uses it', async () => {
    class AddVillageKind extends Migration {
      override up(): void {
        this.addSql(`alter table agency drop constraint agency_kind_check`);
        this.addSql(`alter table agency add constraint agency_kind_check check (kind in ('MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'REGENCY', 'CITY', 'VILLAGE'))`);
      }
    }
    class AddFirstVillage extends Migration {
      override up(): void {
        this.addSql(`insert into agency (code, name, kind) values ('DESA-SUKAMAJU', 'Pemerintah Desa Sukamaju', 'VILLAGE')`);
      }
    }
    const kindsBefore = await app.sql(`select count(*)::int as n from agency where kind = 'VILLAGE'`);
    expect(kindsBefore).toEqual([{ n: 0 }]);
    // The project's migration settings (one transaction for the whole run), with these two as the pending ones.
    const orm = await createOrm(app.databaseUrl, {
      migrations: { tableName: 'grow_a_set_migrations', transactional: true, allOrNothing: true, snapshot: false, silent: true,
        migrationsList: [{ name: 'Migration20991231000000_add_village_kind', class: AddVillageKind }, { name: 'Migration20991231000001_add_first_village', class: AddFirstVillage }] },
    });
    try {
      const applied = await orm.migrator.up();
      expect(applied.map((m) => m.name)).toEqual(['Migration20991231000000_add_village_kind', 'Migration20991231000001_add_first_village']);
    } finally {
      await orm.close();
    }
    expect(await app.sql(`select code, kind from agency where kind = 'VILLAGE'`)).toEqual([{ code: 'DESA-SUKAMAJU', kind: 'VILLAGE' }]);
    // The constraint still guards the set.
    await expect(app.sql(`insert into agency (code, name, kind) values ('X-1', 'Bukan jenis', 'HAMLET')`)).rejects.toThrow(/agency_kind_check/);
  });
});

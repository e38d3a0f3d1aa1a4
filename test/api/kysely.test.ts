import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, inTransaction, kyselyPivotTables, kyselyTables } from '../../server/src/shared/db/kysely.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** The typed Kysely every module builds its SQL with (server/src/shared/db/kysely.ts), on the server's own ORM. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('db(ctx)', () => {
  it('knows every table the entities define, by its SQL name', () => {
    const metadata = [...app.lentera.orm.getMetadata().getAll().values()].filter((meta) => !meta.embeddable && !meta.virtual && meta.tableName);
    const fromOrm = metadata.filter((meta) => !meta.pivotTable).map((meta) => [meta.tableName, meta.className]).sort();
    const mapped = Object.entries(kyselyTables).map(([table, entity]) => [table, entity.name]).sort();
    expect(mapped).toEqual(fromOrm);
    const pivots = metadata.filter((meta) => meta.pivotTable).map((meta) => meta.tableName).sort();
    expect([...kyselyPivotTables].sort()).toEqual(pivots);
  });

  it('runs inside the context’s transaction: its writes are seen there, and roll back with it', async () => {
    const em = app.em();
    const code = 'KYSELY-TX';
    const failure = new Error('roll back');
    await expect(inTransaction({ em }, async (tx) => {
      await db(tx).insertInto('agency').values({
        id: crypto.randomUUID(), code, name: 'Instansi Transaksi', kind: 'CITY' as never,
        time_zone: 'Asia/Jakarta', active: true, created_at: new Date(), updated_at: new Date(),
      }).execute();
      // The transaction sees its own row; a query outside it (another connection) does not.
      expect(await db(tx).selectFrom('agency').select('code').where('code', '=', code).executeTakeFirst()).toEqual({ code });
      expect(await app.sql(`select 1 from agency where code = $1`, [code])).toHaveLength(0);
      throw failure;
    })).rejects.toBe(failure);
    expect(await app.sql(`select 1 from agency where code = $1`, [code])).toHaveLength(0);
    expect(await db({ em }).selectFrom('agency').select('id').where('code', '=', code).execute()).toHaveLength(0);
  });

  it('binds values as parameters and writes each statement to the ORM’s query log', async () => {
    const em = app.em();
    const hostile = `x' or '1'='1`;
    const { count, statements } = await app.countSql(async () => {
      expect(await db({ em }).selectFrom('person').select('id').where('full_name', '=', hostile).execute()).toHaveLength(0);
    });
    expect(count).toBe(1);
    expect(statements[0]).toContain('"full_name" = $1');
    expect(statements[0]).not.toContain(hostile);
  });
});

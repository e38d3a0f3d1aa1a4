import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, type MikroORM } from '../../server/src/shared/db/orm.js';

/**
 * The ledger migration on a database of the first release: built by the first release's migrations only, filled
 * with first-release rows (ledger lines keyed by enrolment_id), then migrated to now. Nothing may be lost.
 */
const FIRST_RELEASE_LAST = 'Migration20261123000003_planner_statistics';

let orm: MikroORM;
let db: pg.Client;

beforeAll(async () => {
  const server = new URL(inject('postgresUrl'));
  const name = `${inject('databasePrefix')}_ledger_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  orm = await createOrm(server.toString(), { logger: () => {} });
  await orm.migrator.up({ to: FIRST_RELEASE_LAST });
  db = new pg.Client({ connectionString: server.toString() });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await orm?.close();
});

const ids = {
  agencyA: '0a000000-0000-4000-8000-00000000000a', agencyB: '0b000000-0000-4000-8000-00000000000b', unit: '0c000000-0000-4000-8000-00000000000c',
  p1: '01000000-0000-4000-8000-000000000001', p2: '02000000-0000-4000-8000-000000000002',
  c1: 'c1000000-0000-4000-8000-0000000000c1', c2: 'c2000000-0000-4000-8000-0000000000c2',
  e1: 'e1000000-0000-4000-8000-0000000000e1', e2: 'e2000000-0000-4000-8000-0000000000e2', e3: 'e3000000-0000-4000-8000-0000000000e3',
  l1: 'f1000000-0000-4000-8000-0000000000f1', l2: 'f2000000-0000-4000-8000-0000000000f2', l3: 'f3000000-0000-4000-8000-0000000000f3',
  l4: 'f4000000-0000-4000-8000-0000000000f4',
};

/** First-release rows, in the first release's columns. */
async function fillFirstRelease() {
  await db.query(`insert into agency (id, code, name, kind) values ($1, 'A', 'Pemkot A', 'CITY'), ($2, 'B', 'Pemkot B', 'CITY')`, [ids.agencyA, ids.agencyB]);
  await db.query(`insert into org_unit (id, agency_id, name, path) values ($1, $2, 'Bidang Uji', $3)`, [ids.unit, ids.agencyA, ids.unit]);
  await db.query(
    `insert into person (id, full_name, nip, employment_type, agency_id, org_unit_id) values
       ($1, 'Satu', '199001012015011001', 'PNS', $3, $4), ($2, 'Dua', '199102022016012002', 'PNS', $5, null)`,
    [ids.p1, ids.p2, ids.agencyA, ids.unit, ids.agencyB],
  );
  await db.query(
    `insert into course (id, code, title, form, delivery, jp, owner_agency_id, enrolment_policy, status, visibility) values
       ($1, 'K1', 'Kursus Satu', 'TECHNICAL_TRAINING', 'ONLINE_SELF_PACED', 2, $3, 'OPEN', 'PUBLISHED', 'ALL_AGENCIES'),
       ($2, 'K2', 'Kursus Dua', 'TECHNICAL_TRAINING', 'ONLINE_SELF_PACED', 2, $3, 'OPEN', 'PUBLISHED', 'ALL_AGENCIES')`,
    [ids.c1, ids.c2, ids.agencyA],
  );
  await db.query(
    `insert into enrolment (id, person_id, course_id, status, finished_at) values
       ($1, $4, $5, 'COMPLETED', '2024-06-01T02:00:00Z'), ($2, $4, $6, 'COMPLETED', '2025-03-01T02:00:00Z'), ($3, $7, $5, 'COMPLETED', '2025-12-31T20:00:00Z')`,
    [ids.e1, ids.e2, ids.e3, ids.p1, ids.c1, ids.c2, ids.p2],
  );
  // A 60-minute rule from 2025: lines of 2024 were credited at 45 minutes per JP, lines of 2025 on at 60.
  await db.query(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ('2025-01-01', 60, 24)`);
  await db.query(
    `insert into learning_record (id, person_id, year, minutes, source, enrolment_id, title, occurred_at) values
       ($1, $5, 2024, 90, 'COURSE_COMPLETION', $7, 'Kursus Satu', '2024-06-01T02:00:00Z'),
       ($2, $5, 2025, 120, 'COURSE_COMPLETION', $8, 'Kursus Dua', '2025-03-01T02:00:00Z'),
       -- 20:00 UTC on 31 December is 1 January in Jakarta: the 2026 line, at the 2025 rule.
       ($3, $6, 2026, 100, 'COURSE_COMPLETION', $9, 'Kursus Satu', '2025-12-31T20:00:00Z'),
       -- A line whose enrolment is gone (set null), older than every rule set.
       ($4, $6, 2016, 50, 'COURSE_COMPLETION', null, 'Lama', '2016-05-01T02:00:00Z')`,
    [ids.l1, ids.l2, ids.l3, ids.l4, ids.p1, ids.p2, ids.e1, ids.e2, ids.e3],
  );
  await db.query(
    `insert into person_learning_year (person_id, year, minutes) values ($1, 2024, 90), ($1, 2025, 120), ($2, 2026, 100), ($2, 2016, 50)`,
    [ids.p1, ids.p2],
  );
}

describe('the ledger migration', () => {
  it('moves the first release’s lines onto sources, JP as credited, rule sets, statuses and agencies, without loss', async () => {
    await fillFirstRelease();
    const before = (await db.query(`select id, person_id, year, minutes, title, occurred_at from learning_record order by id`)).rows;
    const pending = await orm.migrator.up();
    expect(pending.map((m) => m.name)).toContain('Migration20261202200000_learning_ledger');

    const rules = Object.fromEntries((await db.query(`select valid_from::text as d, id from learning_rule_set`)).rows.map((r) => [r.d, r.id]));
    const lines = (await db.query(
      `select id, person_id, year, minutes, jp::float8 as jp, rule_set_id, source, source_id, status, reverses_id, agency_id, org_unit_id, title, occurred_at
         from learning_record order by id`,
    )).rows;
    // Nothing lost, nothing changed that was there.
    expect(lines.map(({ id, person_id, year, minutes, title, occurred_at }) => ({ id, person_id, year, minutes, title, occurred_at }))).toEqual(before);
    const common = { source: 'COURSE_RUN_COMPLETION', status: 'CREDITED', reverses_id: null };
    expect(lines).toEqual([
      // 90 minutes in 2024 at 45 per JP: 2 JP; agency and unit are the person's current ones.
      expect.objectContaining({ ...common, id: ids.l1, source_id: ids.e1, jp: 2, rule_set_id: rules['2017-01-01'], agency_id: ids.agencyA, org_unit_id: ids.unit }),
      // 120 minutes in 2025 at 60 per JP: 2 JP (not 2.6 as at 45).
      expect.objectContaining({ ...common, id: ids.l2, source_id: ids.e2, jp: 2, rule_set_id: rules['2025-01-01'], agency_id: ids.agencyA }),
      // 100 minutes at 60: 1.6 JP, rounded down as the first release showed it.
      expect.objectContaining({ ...common, id: ids.l3, source_id: ids.e3, jp: 1.6, rule_set_id: rules['2025-01-01'], agency_id: ids.agencyB, org_unit_id: null }),
      // No enrolment left: its own id is its source id; older than every rule: the earliest rule (45): 1.1 JP.
      expect.objectContaining({ ...common, id: ids.l4, source_id: ids.l4, jp: 1.1, rule_set_id: rules['2017-01-01'], agency_id: ids.agencyB }),
    ]);
    const years = (await db.query(`select person_id, year, minutes, jp::float8 as jp from person_learning_year order by person_id, year`)).rows;
    expect(years).toEqual([
      { person_id: ids.p1, year: 2024, minutes: 90, jp: 2 },
      { person_id: ids.p1, year: 2025, minutes: 120, jp: 2 },
      { person_id: ids.p2, year: 2016, minutes: 50, jp: 1.1 },
      { person_id: ids.p2, year: 2026, minutes: 100, jp: 1.6 },
    ]);
    expect((await db.query(`select 1 from pg_type where typname = 'learning_source'`)).rows).toEqual([]);
  });

  it('lets a later migration add a source and use it in the same transaction (text and CHECK, not a native enum)', async () => {
    await db.query('begin');
    try {
      await db.query(`alter table learning_record drop constraint learning_record_source_known`);
      await db.query(`alter table learning_record add constraint learning_record_source_known
        check (source in ('COURSE_RUN_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PROGRAMME_COMPLETION', 'EXTERNAL_ACTIVITY', 'MENTORING', 'CORRECTION', 'PODCAST'))`);
      const [rule] = (await db.query(`select id from learning_rule_set limit 1`)).rows;
      await db.query(
        `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, title, occurred_at)
         values ($1, 2026, 45, 1, $2, 'PODCAST', gen_random_uuid(), 'CREDITED', 'Siniar', now())`,
        [ids.p1, rule.id],
      );
    } finally {
      await db.query('rollback');
    }
  });
});

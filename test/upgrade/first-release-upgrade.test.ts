import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLentera, type Lentera } from '../../server/src/app/boot.js';
import { loadConfig } from '../../server/src/shared/config/config.js';
import { migrationFiles } from '../../server/src/shared/db/migration-lock.js';
import { createOrm, ormOptions } from '../../server/src/shared/db/orm.js';
import { GraphQLClient } from '../kit/graphql-client.js';
import { INVENTORY } from './inventory.js';

/**
 * A database the first release built and seeded (its four migrations, then test/fixtures/first-release.sql, the
 * data its demo seed wrote) is upgraded by every later migration; nothing may be lost. What "nothing" covers is
 * test/upgrade/inventory.ts: each item is answered before upgrading (from the fixture) and after.
 */
const FIRST_RELEASE_MIGRATIONS = migrationFiles().filter((f) => f.startsWith('Migration20261123')).map((f) => f.replace(/\.ts$/, ''));
const FIXTURE = readFileSync(new URL('../fixtures/first-release.sql', import.meta.url), 'utf8');
/** The demo world's shared password (first release's demo-world.ts). */
const DEMO_PASSWORD = 'lentera123';

type Answers = Record<string, unknown[]>;

let databaseUrl: string;
let db: pg.Client;
let before: Answers;
let after: Answers;
let appliedByUpgrade: string[];

async function answer(which: 'firstRelease' | 'current'): Promise<Answers> {
  const answers: Answers = {};
  for (const [name, item] of Object.entries(INVENTORY)) answers[name] = (await db.query(item[which])).rows;
  return answers;
}

beforeAll(async () => {
  const serverUrl = new URL(inject('postgresUrl'));
  const name = `${inject('databasePrefix')}_upgrade_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  serverUrl.pathname = `/${name}`;
  databaseUrl = serverUrl.toString();

  const orm = await createOrm(databaseUrl, { migrations: { ...ormOptions(databaseUrl).migrations, silent: true } });
  try {
    const firstRelease = await orm.migrator.up({ to: FIRST_RELEASE_MIGRATIONS.at(-1) });
    expect(firstRelease.map((m) => m.name)).toEqual(FIRST_RELEASE_MIGRATIONS);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(FIXTURE);
    before = await answer('firstRelease');
    appliedByUpgrade = (await orm.migrator.up()).map((m) => m.name);
    after = await answer('current');
  } finally {
    await orm.close();
  }
});

afterAll(async () => {
  await db?.end();
});

describe('a database created and seeded by the first release upgrades without loss', () => {
  it('the fixture is a real first-release world: every enrolment state, ledger lines and yearly totals', async () => {
    const states = (before.enrolmentsPerState as { status: string }[]).map((r) => r.status);
    // The first release's own list of states, read from its schema before upgrading.
    expect(states).toEqual([...(await firstReleaseEnrolmentStates())].sort());
    expect(before.people.length).toBeGreaterThan(10);
    expect(before.ledgerLines.length).toBeGreaterThan(10);
    expect(before.ledgerTotalsPerPersonYear.length).toBeGreaterThan(5);
    expect(appliedByUpgrade.length).toBe(migrationFiles().length - FIRST_RELEASE_MIGRATIONS.length);
  });

  for (const name of Object.keys(INVENTORY)) {
    it(`keeps ${name}`, () => {
      expect(before[name].length).toBeGreaterThan(0);
      expect(after[name]).toEqual(before[name]);
    });
  }

  describe('the current server on the upgraded database', () => {
    let lentera: Lentera;
    beforeAll(async () => {
      lentera = await startLentera(
        { ...loadConfig({}), databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, production: false, cookieSecure: false },
        { log: () => {} },
      );
    });
    afterAll(async () => {
      await lentera?.stop();
    });

    it('signs a first-release learner in and shows their enrolments and learning hours', async () => {
      // The person-year with the most credited minutes, among people who sign in with a NIP.
      const people = new Map((before.people as { id: string; nip: string | null }[]).map((p) => [p.id, p]));
      const totals = (before.ledgerTotalsPerPersonYear as { person_id: string; year: number; minutes: number }[])
        .filter((t) => people.get(t.person_id)?.nip)
        .sort((a, b) => b.minutes - a.minutes);
      const { person_id: personId, year, minutes } = totals[0];
      const enrolments = (before.enrolments as { person_id: string }[]).filter((e) => e.person_id === personId).length;

      const client = new GraphQLClient(`${lentera.url}/graphql`);
      await client.signIn(people.get(personId)!.nip!, DEMO_PASSWORD);
      const data = await client.ok<{ myEnrolments: { totalCount: number }; myLearningHours: { personId: string; minutes: number } }>(
        `query($year: Int) { myEnrolments(first: 1) { totalCount } myLearningHours(year: $year) { personId minutes } }`, { year },
      );
      expect(data).toEqual({ myEnrolments: { totalCount: enrolments }, myLearningHours: { personId, minutes } });
    });
  });
});

async function firstReleaseEnrolmentStates(): Promise<string[]> {
  // The fixture's file, not the upgraded schema: the states the first release's migration declared.
  const initial = readFileSync(new URL('../../server/src/shared/db/migrations/Migration20261123000001_initial.ts', import.meta.url), 'utf8');
  const declared = /create type "enrolment_status" as enum \(([^)]*)\)/.exec(initial)![1];
  return declared.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
}

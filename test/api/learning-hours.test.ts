import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { yearIn } from '../../server/src/shared/util/time.js';
import { creditLedgerLine } from '../kit/ledger.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const RULES = `query($first: Int, $after: String) { learningRuleSets(first: $first, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } nodes { id validFrom minutesPerJp yearlyTargetJp legalBasis nonClassroomDefaults { form jp } } } }`;
const CREATE = `mutation($input: LearningRuleSetInput!) { createLearningRuleSet(input: $input) {
  id validFrom minutesPerJp yearlyTargetJp legalBasis nonClassroomDefaults { form jp } } }`;
const MY_HOURS = `query($year: Int) { myLearningHours(year: $year) {
  personId fullName year minutes jp minutesPerJp targetJp remainingJp progress recordCount records { title minutes jp source occurredAt } } }`;
const PERSON_HOURS = `query($personId: ID!, $year: Int) { personLearningHours(personId: $personId, year: $year) {
  personId fullName year minutes jp targetJp remainingJp recordCount } }`;

const thisYear = yearIn(new Date());

const credit = (personId: string, year: number, minutes: number, title: string) => creditLedgerLine(app, personId, year, minutes, title);

describe('learning rule sets', () => {
  it('anyone signed in reads them; the migration’s rule is 45 minutes per JP and 20 JP a year', async () => {
    const client = await app.as(await app.seed.person({ agency: await app.seed.agency() }));
    const page = (await client.ok(RULES)).learningRuleSets;
    expect(page.totalCount).toBe(1);
    expect(page.nodes[0]).toMatchObject({ validFrom: '2017-01-01', minutesPerJp: 45, yearlyTargetJp: 20 });
    expect(page.nodes[0].nonClassroomDefaults).toContainEqual({ form: 'COACHING', jp: 2 });
    expect(await app.anonymous().errorCode(RULES)).toBe('UNAUTHENTICATED');
  });

  it('a platform admin adds one (audited); a second on the same date is refused', async () => {
    const admin = await app.as(await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    const input = {
      validFrom: '2031-01-01', minutesPerJp: 60, yearlyTargetJp: 24, legalBasis: '  Peraturan uji  ',
      nonClassroomDefaults: [{ form: 'MENTORING', jp: 3 }, { form: 'INTERNSHIP', jp: 40 }],
    };
    const created = (await admin.ok(CREATE, { input })).createLearningRuleSet;
    expect(created).toMatchObject({ validFrom: '2031-01-01', minutesPerJp: 60, yearlyTargetJp: 24, legalBasis: 'Peraturan uji' });
    expect(created.nonClassroomDefaults).toEqual([{ form: 'INTERNSHIP', jp: 40 }, { form: 'MENTORING', jp: 3 }]);
    const [audit] = await app.sql(`select action from audit_entry where target_id = $1`, [created.id]);
    expect(audit.action).toBe('learningRuleSet.create');

    const dup = await admin.request(CREATE, { input: { ...input, minutesPerJp: 50 } });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'DUPLICATE_RULE_DATE', field: 'validFrom' });

    const page1 = (await admin.ok(RULES, { first: 1 })).learningRuleSets;
    expect(page1.nodes[0].validFrom).toBe('2031-01-01');
    expect(page1.totalCount).toBe(2);
    const page2 = (await admin.ok(RULES, { first: 1, after: page1.pageInfo.endCursor })).learningRuleSets;
    expect(page2.nodes[0].validFrom).toBe('2017-01-01');
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses bad values and other roles, writing nothing', async () => {
    const agency = await app.seed.agency();
    const admin = await app.as(await app.seed.person({ agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    const ok = { validFrom: '2032-01-01', minutesPerJp: 45, yearlyTargetJp: 20, nonClassroomDefaults: [], legalBasis: 'Peraturan uji' };
    const cases: [Record<string, unknown>, string][] = [
      [{ minutesPerJp: 0 }, 'minutesPerJp'],
      [{ minutesPerJp: 121 }, 'minutesPerJp'],
      [{ yearlyTargetJp: -1 }, 'yearlyTargetJp'],
      [{ yearlyTargetJp: 201 }, 'yearlyTargetJp'],
      [{ validFrom: '2032/01/01' }, 'validFrom'],
      [{ validFrom: '2032-02-30' }, 'validFrom'],
      [{ nonClassroomDefaults: [{ form: 'COACHING', jp: 0 }] }, 'nonClassroomDefaults'],
      [{ nonClassroomDefaults: [{ form: 'WORKSHOP', jp: 2 }] }, 'nonClassroomDefaults'],
      [{ nonClassroomDefaults: [{ form: 'COACHING', jp: 2 }, { form: 'COACHING', jp: 3 }] }, 'nonClassroomDefaults'],
    ];
    for (const [change, field] of cases) {
      const res = await admin.request(CREATE, { input: { ...ok, ...change } });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(change)).toBe('BAD_USER_INPUT');
      const ext = res.errors![0].extensions!;
      const fields = (ext.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [ext.field];
      expect(fields.some((f) => String(f).startsWith(field)), JSON.stringify(ext)).toBe(true);
    }
    const agencyAdmin = await app.as(await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] }));
    expect(await agencyAdmin.errorCode(CREATE, { input: ok })).toBe('FORBIDDEN');
    expect(await (await app.as(await app.seed.person({ agency }))).errorCode(CREATE, { input: ok })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(CREATE, { input: ok })).toBe('UNAUTHENTICATED');
    expect(await app.sql(`select * from learning_rule_set where valid_from >= '2032-01-01'`)).toEqual([]);
  });
});

describe('myLearningHours / personLearningHours', () => {
  it('reads the year from one row, derives JP with the rule in force that year, and lists the ledger', async () => {
    const { learners } = await app.seed.agencyWithStaff(1);
    const me = learners[0];
    await credit(me.id, thisYear, 360, 'Manajemen Proyek');
    await credit(me.id, thisYear, 200, 'Komunikasi Publik');
    await credit(me.id, thisYear - 1, 900, 'Tahun lalu');
    const client = await app.as(me);

    const year = (await client.ok(MY_HOURS)).myLearningHours;
    // 560 minutes at 45 per JP = 12.44… JP: 12.4 shown, 7.6 still needed.
    expect(year).toMatchObject({ personId: me.id, year: thisYear, minutes: 560, jp: 12.4, minutesPerJp: 45, targetJp: 20, remainingJp: 7.6, recordCount: 2 });
    expect(year.progress).toBeCloseTo(12.4 / 20);
    expect(year.records.map((r: { title: string }) => r.title).sort()).toEqual(['Komunikasi Publik', 'Manajemen Proyek']);
    expect(year.records.find((r: { title: string }) => r.title === 'Manajemen Proyek')).toMatchObject({ minutes: 360, jp: 8, source: 'COURSE_RUN_COMPLETION' });

    const last = (await client.ok(MY_HOURS, { year: thisYear - 1 })).myLearningHours;
    expect(last).toMatchObject({ minutes: 900, jp: 20, remainingJp: 0, progress: 1, recordCount: 1 });

    // The 2031 rule set (60 minutes per JP, 24 JP) counts 2031.
    await app.sql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ('2031-01-01', 60, 24) on conflict do nothing`);
    await credit(me.id, 2031, 120, 'Masa depan');
    expect((await client.ok(MY_HOURS, { year: 2031 })).myLearningHours).toMatchObject({ minutes: 120, jp: 2, minutesPerJp: 60, targetJp: 24, remainingJp: 22 });
    // Before any rule set existed there is nothing to count with.
    expect(await client.errorCode(MY_HOURS, { year: 2016 })).toBe('RULE_NOT_FOUND');
    expect(await client.errorCode(MY_HOURS, { year: 1999 })).toBe('BAD_USER_INPUT');

    // One statement, whatever the ledger holds.
    const { count } = await app.countSql(() => client.ok(MY_HOURS));
    expect(count).toBeLessThanOrEqual(2);

    // A new person has an empty year.
    const fresh = await app.as(await app.seed.person({ agency: await app.seed.agency() }));
    expect((await fresh.ok(MY_HOURS)).myLearningHours).toMatchObject({ minutes: 0, jp: 0, remainingJp: 20, progress: 0, records: [] });
    expect(await app.anonymous().errorCode(MY_HOURS)).toBe('UNAUTHENTICATED');
  });

  it('shows a person’s year to their supervisor and their agency’s admins only', async () => {
    const { admin, supervisor, learners } = await app.seed.agencyWithStaff(2);
    await credit(learners[0].id, thisYear, 450, 'Integritas');
    for (const who of [supervisor, admin]) {
      const got = (await (await app.as(who)).ok(PERSON_HOURS, { personId: learners[0].id })).personLearningHours;
      expect(got).toMatchObject({ personId: learners[0].id, fullName: learners[0].fullName, minutes: 450, jp: 10, remainingJp: 10, recordCount: 1 });
    }
    const other = await app.seed.agencyWithStaff(1);
    expect(await (await app.as(other.supervisor)).errorCode(PERSON_HOURS, { personId: learners[0].id })).toBe('NOT_FOUND');
    expect(await (await app.as(other.admin)).errorCode(PERSON_HOURS, { personId: learners[0].id })).toBe('NOT_FOUND');
    expect(await (await app.as(learners[1])).errorCode(PERSON_HOURS, { personId: learners[0].id })).toBe('FORBIDDEN');
    expect(await (await app.as(supervisor)).errorCode(PERSON_HOURS, { personId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await (await app.as(supervisor)).errorCode(PERSON_HOURS, { personId: 'nope' })).toBe('BAD_USER_INPUT');
    expect(await app.anonymous().errorCode(PERSON_HOURS, { personId: learners[0].id })).toBe('UNAUTHENTICATED');
  });
});

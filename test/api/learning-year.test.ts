import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { isoDateIn, yearIn } from '../../server/src/shared/util/time.js';
import { creditLedgerLine } from '../kit/ledger.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const thisYear = yearIn(new Date());
const RULES = `{ learningRuleSets(first: 10) { nodes { id validFrom validUntil inForce minutesPerJp yearlyTargetJp legalBasis nonClassroomDefaults { form jp } } } }`;
const CREATE = `mutation($input: LearningRuleSetInput!) { createLearningRuleSet(input: $input) { id validFrom validUntil inForce legalBasis } }`;
const YEAR = `query($year: Int) { myLearningHours(year: $year) { jp minutes targetJp remainingJp progress minutesPerJp byForm { form jp } byMonth { month jp } } }`;
const TEAM = `query($year: Int, $first: Int, $after: String) { myTeamLearningHours(year: $year, first: $first, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } nodes { personId fullName nip jp targetJp remainingJp progress } } }`;
const AGENCY = `query($agencyId: ID, $year: Int, $belowTargetOnly: Boolean, $search: String, $first: Int, $after: String) {
  agencyLearningHours(agencyId: $agencyId, year: $year, belowTargetOnly: $belowTargetOnly, search: $search, first: $first, after: $after) {
    agencyId agencyName year targetJp peopleCount belowTargetCount
    people { totalCount pageInfo { endCursor hasNextPage } nodes { personId fullName nip orgUnitName jp remainingJp } } } }`;

const credit = (personId: string, year: number, minutes: number, title: string) => creditLedgerLine(app, personId, year, minutes, title);

describe('the supervisor’s team', () => {
  it('lists their direct reports by name with the year’s JP and the gap to the target, NIPs in full', async () => {
    const { supervisor, learners, agency } = await app.seed.agencyWithStaff(3);
    await app.sql(`update person set full_name = case id when $1 then 'Ani' when $2 then 'Budi' else 'Citra' end where id in ($1, $2, $3)`,
      [learners[0].id, learners[1].id, learners[2].id]);
    await credit(learners[0].id, thisYear, 45 * 12, 'Dua belas JP');
    await credit(learners[1].id, thisYear, 45 * 25, 'Dua puluh lima JP');
    await credit(learners[1].id, thisYear - 1, 45 * 3, 'Tahun lalu');
    // Someone of the same agency reporting to another supervisor is not in the team.
    await app.seed.person({ agency, supervisor: await app.seed.person({ agency }) });
    const client = await app.as(supervisor);

    const page1 = (await client.ok(TEAM, { first: 2 })).myTeamLearningHours;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes).toEqual([
      { personId: learners[0].id, fullName: 'Ani', nip: learners[0].nip, jp: 12, targetJp: 20, remainingJp: 8, progress: 0.6 },
      { personId: learners[1].id, fullName: 'Budi', nip: learners[1].nip, jp: 25, targetJp: 20, remainingJp: 0, progress: 1 },
    ]);
    const page2 = (await client.ok(TEAM, { first: 2, after: page1.pageInfo.endCursor })).myTeamLearningHours;
    expect(page2.nodes).toEqual([{ personId: learners[2].id, fullName: 'Citra', nip: learners[2].nip, jp: 0, targetJp: 20, remainingJp: 20, progress: 0 }]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // Last year: Budi's 3 JP only.
    const last = (await client.ok(TEAM, { year: thisYear - 1 })).myTeamLearningHours.nodes;
    expect(last.map((n: { jp: number }) => n.jp)).toEqual([0, 3, 0]);
    // People who supervise nobody are refused.
    expect(await (await app.as(learners[0])).errorCode(TEAM)).toBe('FORBIDDEN');
  });
});

describe('the agency view', () => {
  it('lists who is below the target and by how much, lowest first, pages by keyset and searches by name or NIP', async () => {
    const { agency, admin, supervisor, learners } = await app.seed.agencyWithStaff(2);
    const other = await app.seed.agencyWithStaff(1);
    await app.sql(`update person set full_name = case id when $1 then 'Admin Satu' when $2 then 'Atasan Dua' when $3 then 'Pegawai Tiga' else 'Pegawai Empat' end
      where id in ($1, $2, $3, $4)`, [admin.id, supervisor.id, learners[0].id, learners[1].id]);
    await credit(learners[0].id, thisYear, 45 * 25, 'Di atas target');
    await credit(learners[1].id, thisYear, 45 * 5, 'Di bawah target');
    await credit(supervisor.id, thisYear, 45 * 5, 'Sama-sama lima');
    const client = await app.as(admin);

    const all = (await client.ok(AGENCY, { first: 10 })).agencyLearningHours;
    expect(all).toMatchObject({ agencyId: agency.id, year: thisYear, targetJp: 20, peopleCount: 4, belowTargetCount: 3 });
    // Lowest first, then by name: Admin Satu (0), Atasan Dua (5), Pegawai Empat (5), Pegawai Tiga (25).
    expect(all.people.nodes.map((p: { fullName: string; jp: number; remainingJp: number }) => [p.fullName, p.jp, p.remainingJp])).toEqual([
      ['Admin Satu', 0, 20], ['Atasan Dua', 5, 15], ['Pegawai Empat', 5, 15], ['Pegawai Tiga', 25, 0],
    ]);
    expect(all.people.nodes[3].nip).toBe(learners[0].nip);

    const below1 = (await client.ok(AGENCY, { belowTargetOnly: true, first: 2 })).agencyLearningHours.people;
    expect(below1.totalCount).toBe(3);
    expect(below1.nodes.map((p: { fullName: string }) => p.fullName)).toEqual(['Admin Satu', 'Atasan Dua']);
    const below2 = (await client.ok(AGENCY, { belowTargetOnly: true, first: 2, after: below1.pageInfo.endCursor })).agencyLearningHours.people;
    expect(below2.nodes.map((p: { fullName: string }) => p.fullName)).toEqual(['Pegawai Empat']);
    expect(below2.pageInfo.hasNextPage).toBe(false);

    expect((await client.ok(AGENCY, { search: 'pegawai' })).agencyLearningHours.people.nodes.map((p: { fullName: string }) => p.fullName))
      .toEqual(['Pegawai Empat', 'Pegawai Tiga']);
    expect((await client.ok(AGENCY, { search: learners[1].nip })).agencyLearningHours.people.nodes.map((p: { personId: string }) => p.personId))
      .toEqual([learners[1].id]);

    // Another agency's admin: NOT_FOUND; a learner or supervisor: FORBIDDEN.
    expect(await (await app.as(other.admin)).errorCode(AGENCY, { agencyId: agency.id })).toBe('NOT_FOUND');
    expect(await (await app.as(supervisor)).errorCode(AGENCY)).toBe('FORBIDDEN');
    // A platform admin may read any agency.
    const platform = await app.as(await app.seed.person({ agency: other.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    expect((await platform.ok(AGENCY, { agencyId: agency.id })).agencyLearningHours.peopleCount).toBe(4);

    // A page costs the same statements whatever its size.
    const small = await app.countSql(() => client.ok(AGENCY, { first: 1 }));
    const large = await app.countSql(() => client.ok(AGENCY, { first: 4 }));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(5);
  });
});

describe('rule sets: history, validity and legal basis', () => {
  it('a new rule set never rewrites a past line: past years’ lines, totals and targets read the same; backdating is refused', async () => {
    const { learners } = await app.seed.agencyWithStaff(1);
    const me = learners[0];
    await credit(me.id, thisYear - 2, 45 * 10 + 20, 'Dua tahun lalu');
    await credit(me.id, thisYear - 1, 45 * 7, 'Tahun lalu');
    await credit(me.id, thisYear, 45 * 4, 'Tahun ini');
    const learner = await app.as(me);
    const platform = await app.as(await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    const snapshot = async () => ({
      lines: await app.sql(`select id, year, minutes, jp::text, rule_set_id, status from learning_record where person_id = $1 order by year`, [me.id]),
      totals: await app.sql(`select year, minutes, jp::text from person_learning_year where person_id = $1 order by year`, [me.id]),
      years: [(await learner.ok(YEAR, { year: thisYear - 2 })).myLearningHours, (await learner.ok(YEAR, { year: thisYear - 1 })).myLearningHours],
    });
    const before = await snapshot();
    expect(before.years.map((y) => [y.jp, y.targetJp, y.remainingJp])).toEqual([[10.4, 20, 9.6], [7, 20, 13]]);

    // Backdated into a past year: refused, nothing written.
    const backdated = { validFrom: `${thisYear - 1}-06-01`, minutesPerJp: 60, yearlyTargetJp: 40, legalBasis: 'Peraturan uji berlaku surut' };
    expect(await platform.errorCode(CREATE, { input: backdated })).toBe('RULE_DATE_IN_PAST');
    expect(await platform.errorCode(CREATE, { input: { ...backdated, validFrom: isoDateIn(new Date(Date.now() - 86_400_000)) } })).toBe('RULE_DATE_IN_PAST');
    // A legal basis is required.
    const tomorrow = isoDateIn(new Date(Date.now() + 86_400_000));
    expect(await platform.errorCode(CREATE, { input: { ...backdated, validFrom: tomorrow, legalBasis: '   ' } })).toBe('BAD_USER_INPUT');
    expect(await app.sql(`select id from learning_rule_set where minutes_per_jp = 60`)).toEqual([]);

    const created = (await platform.ok(CREATE, { input: { ...backdated, validFrom: tomorrow, legalBasis: 'Peraturan LAN Nomor 1 Tahun 2027' } })).createLearningRuleSet;
    expect(created).toMatchObject({ validFrom: tomorrow, validUntil: null, inForce: false, legalBasis: 'Peraturan LAN Nomor 1 Tahun 2027' });
    expect(await snapshot()).toEqual(before);

    // The history: newest first, each valid until the day before the next one starts.
    const history = (await learner.ok(RULES)).learningRuleSets.nodes;
    expect(history.map((r: { validFrom: string; validUntil: string | null; inForce: boolean }) => [r.validFrom, r.validUntil, r.inForce])).toEqual([
      [tomorrow, null, false], ['2017-01-01', isoDateIn(new Date()), true],
    ]);
    expect(history[1].legalBasis).toMatch(/\S/);
  });
});

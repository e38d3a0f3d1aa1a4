import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { isoDateIn, yearIn } from '../../server/src/shared/util/time.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status creditedMinutes } }`;
const LINE = `id personId year title minutes jp minutesPerJp ruleSetId source sourceId status reversesId reason agencyId agencyName
  orgUnitId orgUnitName enrolmentId courseId`;
const RECORDS = `query($personId: ID!, $year: Int, $first: Int, $after: String) {
  learningRecords(personId: $personId, year: $year, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${LINE} } } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeLearningRecord(id: $id, reason: $reason) { ${LINE} } }`;
const MY_HOURS = `{ myLearningHours { minutes jp minutesPerJp targetJp remainingJp records { id jp minutes minutesPerJp status } } }`;
const ENROLMENT = `query($id: ID!) { enrolment(id: $id) { id creditedMinutes } }`;

const thisYear = yearIn(new Date());

type Staff = Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;

/**
 * One place that puts learners in a course of their agency and has the agency's admin (the course's owner)
 * complete them through the API: the completion credits the ledger.
 */
async function completedEnrolments(staff: Staff, jp: number, learners = staff.learners, complete = true): Promise<string[]> {
  const course = await app.seed.course({ ownerAgency: staff.agency, jp });
  const ids: string[] = [];
  for (const learner of learners) ids.push((await (await app.as(learner)).ok(ENROL, { runId: course.run.id })).enrol.id);
  if (complete) {
    const admin = await app.as(staff.admin);
    for (const id of ids) await admin.ok(COMPLETE, { id });
  }
  return ids;
}

async function linesOf(client: GraphQLClient, personId: string) {
  return (await client.ok(RECORDS, { personId, first: 100 })).learningRecords.nodes as Record<string, any>[];
}

/** The yearly totals recomputed from the lines: CREDITED lines, and REVOKED credits with their reversals. */
async function recomputedYears(personIds: string[]) {
  return app.sql(
    `select t.person_id, t.year, t.minutes, t.jp::float8 as jp, s.minutes as line_minutes, s.jp::float8 as line_jp
       from person_learning_year t
       full join (select person_id, year, sum(minutes)::int as minutes, sum(jp) as jp from learning_record
                   where status in ('CREDITED', 'REVOKED') group by person_id, year) s using (person_id, year)
      where coalesce(t.person_id, s.person_id) = any($1::uuid[]) order by 1, 2`,
    [personIds],
  );
}

describe('the ledger line of a completion', () => {
  it('credits a source at most once: a second line for the same source and id is refused by the database', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [enrolmentId] = await completedEnrolments(staff, 3);
    const [line] = await app.sql(`select * from learning_record where source_id = $1`, [enrolmentId]);
    await expect(app.sql(
      `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, title, occurred_at)
       values ($1, $2, 135, 3, $3, 'COURSE_RUN_COMPLETION', $4, 'CREDITED', 'again', now())`,
      [line.person_id, line.year, line.rule_set_id, enrolmentId],
    )).rejects.toThrow(/learning_record_source_once/);
    // Sources and statuses are text with CHECK constraints: an unknown one is refused.
    await expect(app.sql(`update learning_record set source = 'GOSSIP' where id = $1`, [line.id])).rejects.toThrow(/learning_record_source_known/);
    await expect(app.sql(`update learning_record set status = 'MAYBE' where id = $1`, [line.id])).rejects.toThrow(/learning_record_status_known/);
  });

  it('keeps the agency and org unit the person was in: a transfer moves the person, not their history', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    const [first] = await completedEnrolments(staff, 2);
    const elsewhere = await app.seed.agencyWithStaff(0);
    await app.sql(`update person set agency_id = $2, org_unit_id = $3, supervisor_id = null where id = $1`, [learner.id, elsewhere.agency.id, elsewhere.unit.id]);
    const [second] = await completedEnrolments({ ...elsewhere, learners: [learner] }, 3);
    const lines = await linesOf(await app.as(learner), learner.id);
    expect(lines.find((l) => l.sourceId === first)).toMatchObject({ agencyId: staff.agency.id, orgUnitId: staff.unit.id, orgUnitName: staff.unit.name });
    expect(lines.find((l) => l.sourceId === second)).toMatchObject({ agencyId: elsewhere.agency.id, orgUnitId: elsewhere.unit.id });
  });
});

describe('learningRecords', () => {
  it('pages a person’s lines for them, their supervisor and their agency’s admins, in a bounded number of statements', async () => {
    const staff = await app.seed.agencyWithStaff(2);
    const [learner, colleague] = staff.learners;
    for (let i = 0; i < 3; i++) await completedEnrolments({ ...staff, learners: [learner] }, 1 + i);

    for (const who of [learner, staff.supervisor, staff.admin]) {
      const client = await app.as(who);
      const page1 = (await client.ok(RECORDS, { personId: learner.id, first: 2 })).learningRecords;
      expect(page1.totalCount).toBe(3);
      expect(page1.nodes).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await client.ok(RECORDS, { personId: learner.id, first: 2, after: page1.pageInfo.endCursor })).learningRecords;
      expect(page2.nodes).toHaveLength(1);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect([...page1.nodes, ...page2.nodes].map((n: { jp: number }) => n.jp).sort()).toEqual([1, 2, 3]);
    }
    expect((await (await app.as(learner)).ok(RECORDS, { personId: learner.id, year: thisYear - 1 })).learningRecords.nodes).toEqual([]);

    const other = await app.seed.agencyWithStaff(1);
    for (const [who, client] of [['colleague', await app.as(colleague)], ['another agency’s admin', await app.as(other.admin)],
      ['another supervisor', await app.as(other.supervisor)]] as const) {
      expect(await client.errorCode(RECORDS, { personId: learner.id }), who).toBe('NOT_FOUND');
    }
    expect(await (await app.as(learner)).errorCode(RECORDS, { personId: learner.id, after: 'bm9wZQ' })).toBe('INVALID_CURSOR');
    expect(await app.anonymous().errorCode(RECORDS, { personId: learner.id })).toBe('UNAUTHENTICATED');

    // The statements do not grow with the lines.
    const admin = await app.as(staff.admin);
    const query = `query($personId: ID!) { learningRecords(personId: $personId, first: 100) { nodes { id jp agencyName orgUnitName courseId } } }`;
    const few = await app.countSql(() => admin.ok(query, { personId: learner.id }));
    for (let i = 0; i < 5; i++) await completedEnrolments({ ...staff, learners: [learner] }, 1);
    const many = await app.countSql(() => admin.ok(query, { personId: learner.id }));
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(3); // the viewer, the access check, the page
  });

  it('pages lines that happened within the same millisecond without skipping any', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    for (const micro of ['000100', '000200', '000300']) {
      await app.sql(
        `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, agency_id, title, occurred_at, created_at)
         select $1, 2026, 45, 1, (select id from learning_rule_set order by valid_from limit 1), 'EXTERNAL_ACTIVITY', gen_random_uuid(), 'CREDITED', $2,
                'Seminar ' || $3::text, ('2026-06-01 10:00:00.' || $3::text || '+07')::timestamptz, ('2026-06-01 11:00:00.' || $3::text || '+07')::timestamptz`,
        [learner.id, staff.agency.id, micro],
      );
    }
    const me = await app.as(learner);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const page: { nodes: { title: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } =
        (await me.ok(RECORDS, { personId: learner.id, first: 1, after })).learningRecords;
      seen.push(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Seminar 000300', 'Seminar 000200', 'Seminar 000100']);
  });
});

describe('revokeLearningRecord', () => {
  it('an admin of the person’s agency takes a line back: reversal line, year down, audit row, all at once; again changes nothing', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    const [enrolmentId] = await completedEnrolments(staff, 4);
    await completedEnrolments(staff, 2);
    const me = await app.as(learner);
    const [line] = (await linesOf(me, learner.id)).filter((l) => l.sourceId === enrolmentId);
    expect((await me.ok(MY_HOURS)).myLearningHours).toMatchObject({ minutes: 270, jp: 6 });

    const admin = await app.as(staff.admin);
    const revoked = (await admin.ok(REVOKE, { id: line.id, reason: '  Sertifikat tidak sah  ' })).revokeLearningRecord;
    expect(revoked).toMatchObject({ id: line.id, status: 'REVOKED', jp: 4, minutes: 180 });
    expect((await me.ok(MY_HOURS)).myLearningHours).toMatchObject({ minutes: 90, jp: 2 });
    const lines = await linesOf(me, learner.id);
    expect(lines).toHaveLength(3);
    const reversal = lines.find((l) => l.reversesId === line.id);
    expect(reversal).toMatchObject({
      minutes: -180, jp: -4, status: 'REVOKED', reason: 'Sertifikat tidak sah', source: 'COURSE_RUN_COMPLETION', sourceId: enrolmentId,
      year: line.year, agencyId: staff.agency.id, orgUnitId: staff.unit.id, ruleSetId: line.ruleSetId,
    });
    const audits = await app.sql(`select action, actor_id, data from audit_entry where target_id = $1`, [line.id]);
    expect(audits).toEqual([expect.objectContaining({ action: 'learningRecord.revoke', actor_id: staff.admin.id })]);
    expect(audits[0].data).toMatchObject({ reason: 'Sertifikat tidak sah', minutes: 180, jp: 4, reversalId: reversal!.id });
    // The completion no longer shows credited minutes.
    expect((await me.ok(ENROLMENT, { id: enrolmentId })).enrolment.creditedMinutes).toBeNull();

    // Idempotent: a second revocation answers the revoked line and writes nothing.
    const again = (await admin.ok(REVOKE, { id: line.id, reason: 'lagi' })).revokeLearningRecord;
    expect(again).toMatchObject({ id: line.id, status: 'REVOKED' });
    expect(await app.sql(`select id from learning_record where reverses_id = $1`, [line.id])).toHaveLength(1);
    expect(await app.sql(`select id from audit_entry where target_id = $1`, [line.id])).toHaveLength(1);
    expect((await me.ok(MY_HOURS)).myLearningHours).toMatchObject({ minutes: 90, jp: 2 });
    // A reversal line is not revocable.
    expect(await admin.errorCode(REVOKE, { id: reversal!.id, reason: 'x' })).toBe('LEARNING_RECORD_NOT_REVOCABLE');
    expect(await recomputedYears([learner.id])).toEqual([
      expect.objectContaining({ minutes: 90, line_minutes: 90, jp: 2, line_jp: 2 }),
    ]);
  });

  it('refuses whoever may not revoke, writing nothing: FORBIDDEN when they may see the line, NOT_FOUND when they may not', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    await completedEnrolments(staff, 2);
    const [line] = await linesOf(await app.as(learner), learner.id);
    const other = await app.seed.agencyWithStaff(0);
    const reason = 'tidak sah';
    expect(await (await app.as(other.admin)).errorCode(REVOKE, { id: line.id, reason })).toBe('NOT_FOUND');
    expect(await (await app.as(staff.admin)).errorCode(REVOKE, { id: '00000000-0000-4000-8000-000000000000', reason })).toBe('NOT_FOUND');
    expect(await (await app.as(staff.admin)).errorCode(REVOKE, { id: 'nope', reason })).toBe('NOT_FOUND');
    expect(await (await app.as(learner)).errorCode(REVOKE, { id: line.id, reason })).toBe('FORBIDDEN');
    expect(await (await app.as(staff.supervisor)).errorCode(REVOKE, { id: line.id, reason })).toBe('FORBIDDEN');
    const empty = await (await app.as(staff.admin)).request(REVOKE, { id: line.id, reason: '   ' });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    // After a transfer, the new agency's admin sees the line but may not revoke it; the old agency's admin may.
    await app.sql(`update person set agency_id = $2, org_unit_id = $3, supervisor_id = null where id = $1`, [learner.id, other.agency.id, other.unit.id]);
    expect(await (await app.as(other.admin)).errorCode(REVOKE, { id: line.id, reason })).toBe('FORBIDDEN');
    expect(await app.sql(`select id from learning_record where reverses_id = $1`, [line.id])).toEqual([]);
    expect(await app.sql(`select id from audit_entry where target_id = $1`, [line.id])).toEqual([]);
    expect((await app.sql(`select status from learning_record where id = $1`, [line.id]))[0].status).toBe('CREDITED');
    // The former agency's admin still finds the lines credited while the person was theirs (and only those).
    const formerAdmin = await app.as(staff.admin);
    expect((await linesOf(formerAdmin, learner.id)).map((l) => l.id)).toEqual([line.id]);
    expect((await formerAdmin.ok(REVOKE, { id: line.id, reason })).revokeLearningRecord.status).toBe('REVOKED');
  });
});

/** A credited line written as a source the next issues bring (partner staff cannot enrol yet), its year kept with it. */
async function creditedLine(personId: string, agencyId: string | null): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `with line as (
       insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, agency_id, title, occurred_at)
       values ($1, $2, 90, 2, (select id from learning_rule_set where valid_from = '2017-01-01'), 'EXTERNAL_ACTIVITY', gen_random_uuid(), 'CREDITED',
               $3, 'Seminar mitra', now())
       returning person_id, year, minutes, jp, id),
     total as (
       insert into person_learning_year (person_id, year, minutes, jp) select person_id, year, minutes, jp from line
       on conflict (person_id, year) do update set minutes = person_learning_year.minutes + excluded.minutes, jp = person_learning_year.jp + excluded.jp)
     select id from line`,
    [personId, thisYear, agencyId],
  );
  return row.id;
}

describe('who may revoke', () => {
  const reason = 'Bukti kehadiran palsu';
  const statusOf = async (id: string) => (await app.sql(`select status from learning_record where id = $1`, [id]))[0].status as string;
  const reversalsOf = async (id: string) => app.sql(`select id from learning_record where reverses_id = $1`, [id]);

  it('a line with no agency (partner staff, or a person who had none then) is a platform admin’s to revoke, never an agency admin’s', async () => {
    const staff = await app.seed.agencyWithStaff(0);
    const operator = await app.seed.person({ agency: staff.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    const partner = await app.seed.partner();
    const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const partnerLine = await creditedLine(lecturer.id, null);
    // Credited while the person had no agency; they have joined one since.
    const newcomer = await app.seed.person({ agency: staff.agency, orgUnit: staff.unit });
    const earlierLine = await creditedLine(newcomer.id, null);

    const admin = await app.as(staff.admin);
    expect(await admin.errorCode(REVOKE, { id: partnerLine, reason })).toBe('NOT_FOUND');
    // The agency's admin sees the newcomer's lines, but the line is not of their agency at the time.
    expect(await admin.errorCode(REVOKE, { id: earlierLine, reason })).toBe('FORBIDDEN');
    expect(await (await app.as(lecturer)).errorCode(REVOKE, { id: partnerLine, reason })).toBe('FORBIDDEN');
    expect([await statusOf(partnerLine), await statusOf(earlierLine)]).toEqual(['CREDITED', 'CREDITED']);
    expect([...await reversalsOf(partnerLine), ...await reversalsOf(earlierLine)]).toEqual([]);

    const platform = await app.as(operator);
    // Platform admins see partner staff's ledger (only they administer people with no agency).
    expect((await linesOf(platform, lecturer.id)).map((l) => l.id)).toEqual([partnerLine]);
    for (const [id, person] of [[partnerLine, lecturer], [earlierLine, newcomer]] as const) {
      const revoked = (await platform.ok(REVOKE, { id, reason })).revokeLearningRecord;
      expect(revoked).toMatchObject({ id, status: 'REVOKED', agencyId: null });
      expect(await reversalsOf(id)).toHaveLength(1);
      expect(await app.sql(`select action, actor_id from audit_entry where target_id = $1`, [id]))
        .toEqual([{ action: 'learningRecord.revoke', actor_id: operator.id }]);
      expect(await recomputedYears([person.id])).toEqual([expect.objectContaining({ minutes: 0, line_minutes: 0, jp: 0, line_jp: 0 })]);
    }
  });

  it('an agency admin revokes only lines of people holding no role beyond what they could grant; a platform admin any', async () => {
    const staff = await app.seed.agencyWithStaff(0);
    const elsewhere = await app.seed.agency();
    const fellowAdmin = await app.seed.person({ agency: staff.agency, orgUnit: staff.unit, roles: [{ role: Role.AGENCY_ADMIN }, { role: Role.INSTRUCTOR }] });
    const operatorOfA = await app.seed.person({ agency: staff.agency, orgUnit: staff.unit, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    const adminOfB = await app.seed.person({ agency: staff.agency, orgUnit: staff.unit, roles: [{ role: Role.AGENCY_ADMIN, agency: elsewhere }] });
    const [fellowLine, operatorLine, crossLine] = [
      await creditedLine(fellowAdmin.id, staff.agency.id), await creditedLine(operatorOfA.id, staff.agency.id), await creditedLine(adminOfB.id, staff.agency.id),
    ];
    const admin = await app.as(staff.admin);
    // A platform admin, and an admin of another agency, are more than an agency admin could grant: FORBIDDEN, nothing written.
    for (const id of [operatorLine, crossLine]) {
      expect(await admin.errorCode(REVOKE, { id, reason })).toBe('FORBIDDEN');
      expect(await statusOf(id)).toBe('CREDITED');
      expect(await reversalsOf(id)).toEqual([]);
      expect(await app.sql(`select id from audit_entry where target_id = $1`, [id])).toEqual([]);
    }
    // A fellow admin and instructor of the same agency holds only what the admin could grant.
    expect((await admin.ok(REVOKE, { id: fellowLine, reason })).revokeLearningRecord.status).toBe('REVOKED');
    // Another platform admin may revoke the operator's line.
    const otherOperator = await app.seed.person({ agency: elsewhere, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    expect((await (await app.as(otherOperator)).ok(REVOKE, { id: operatorLine, reason })).revokeLearningRecord.status).toBe('REVOKED');
    expect(await recomputedYears([operatorOfA.id])).toEqual([expect.objectContaining({ minutes: 0, line_minutes: 0 })]);
  });
});

describe('yearly totals under concurrency', () => {
  it('equal the lines recomputed after a burst of parallel completions and revocations over HTTP', async () => {
    const staff = await app.seed.agencyWithStaff(6);
    const people = staff.learners.map((l) => l.id);
    // Lines to revoke: two completions per learner.
    await completedEnrolments(staff, 3);
    await completedEnrolments(staff, 5);
    const admin = await app.as(staff.admin);
    const credited = await app.sql<{ id: string }>(`select id from learning_record where person_id = any($1::uuid[])`, [people]);
    // Enrolments to complete during the burst: two more per learner.
    const pendingA = await completedEnrolments(staff, 2, staff.learners, false);
    const pendingB = await completedEnrolments(staff, 7, staff.learners, false);

    const clients = [admin, await app.as(staff.admin), await app.as(staff.admin)];
    const calls: Promise<unknown>[] = [];
    let n = 0;
    const next = () => clients[n++ % clients.length];
    for (const line of credited) {
      calls.push(next().ok(REVOKE, { id: line.id, reason: 'burst' }));
      calls.push(next().ok(REVOKE, { id: line.id, reason: 'burst again' })); // the same line twice at once
    }
    for (const id of [...pendingA, ...pendingB]) calls.push(next().ok(COMPLETE, { id }));
    const shuffled = calls.map((c, i) => ({ c, k: (i * 7919) % calls.length })).sort((a, b) => a.k - b.k).map((x) => x.c);
    await Promise.all(shuffled);

    const years = await recomputedYears(people);
    expect(years).toHaveLength(people.length);
    for (const y of years) {
      expect(y.minutes).toBe(y.line_minutes);
      expect(y.jp).toBe(y.line_jp);
      // Only the burst's completions remain: 2 + 7 JP at 45 minutes.
      expect(y).toMatchObject({ minutes: 9 * 45, jp: 9 });
    }
    expect(await app.sql(`select id from learning_record where reverses_id is not null and person_id = any($1::uuid[])`, [people])).toHaveLength(credited.length);
    expect((await app.sql(`select count(*)::int as n from audit_entry where action = 'learningRecord.revoke' and target_id = any($1::uuid[])`,
      [credited.map((c) => c.id)]))[0].n).toBe(credited.length);
   }, 180_000); // dozens of parallel HTTP calls: slow on a loaded machine
});

// Last in the file: it puts a 60-minute rule in force from today, which would change what later tests credit.
describe('a rule change', () => {
  it('keeps the JP it was credited with and its rule set: a 2-JP completion stays 2 JP after a 60-minute rule starts', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    const [enrolmentId] = await completedEnrolments(staff, 2);
    const me = await app.as(learner);
    const [rule45] = await app.sql(`select id from learning_rule_set where valid_from = '2017-01-01'`);
    const before = (await me.ok(MY_HOURS)).myLearningHours;
    expect(before).toMatchObject({ minutes: 90, jp: 2, minutesPerJp: 45 });

    // A rule of 60 minutes per JP in force from today: what was credited does not change.
    await app.sql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ($1::date, 60, 20)`, [isoDateIn(new Date())]);
    const after = (await me.ok(MY_HOURS)).myLearningHours;
    expect(after).toMatchObject({ minutes: 90, jp: 2, minutesPerJp: 60, remainingJp: 18 });
    expect(after.records).toEqual([expect.objectContaining({ minutes: 90, jp: 2, minutesPerJp: 45, status: 'CREDITED' })]);
    const [line] = await linesOf(me, learner.id);
    expect(line).toMatchObject({
      source: 'COURSE_RUN_COMPLETION', sourceId: enrolmentId, enrolmentId, jp: 2, minutes: 90, minutesPerJp: 45, ruleSetId: rule45.id,
      status: 'CREDITED', year: thisYear, reversesId: null,
    });

    // The next completion is credited under the new rule: 2 JP are 120 minutes now, and 2 JP still.
    const staff2 = { ...staff, learners: [learner] };
    await completedEnrolments(staff2, 2);
    const year = (await me.ok(MY_HOURS)).myLearningHours;
    expect(year).toMatchObject({ minutes: 210, jp: 4, remainingJp: 16 });
    expect(year.records.map((r: { minutesPerJp: number; jp: number }) => [r.minutesPerJp, r.jp]).sort()).toEqual([[45, 2], [60, 2]]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/course.enums.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { yearIn } from '../../server/src/shared/util/time.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = `id status waitlistPosition approverName decidedByName decidedAt decisionNote finishedAt creditedMinutes learner { id nip }`;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectEnrolment(id: $id, reason: $reason) { ${FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $note: String) { completeEnrolment(id: $id, note: $note) { ${FIELDS} } }`;
const FAIL = `mutation($id: ID!, $note: String) { failEnrolment(id: $id, note: $note) { ${FIELDS} } }`;
const HOURS = `{ myLearningHours { year minutes jp targetJp remainingJp recordCount records { title minutes jp source enrolmentId } } }`;

async function statusOf(id: string): Promise<string> {
  return (await app.sql(`select status from enrolment where id = $1`, [id]))[0].status;
}
async function auditCount(id: string): Promise<number> {
  return (await app.sql(`select count(*)::int as n from audit_entry where target_id = $1`, [id]))[0].n;
}

/** An agency with a supervisor and learners, an outsider agency, and a course needing approval. */
async function approvalWorld(capacity: number | null = 10) {
  const staff = await app.seed.agencyWithStaff(3);
  const course = await app.seed.course({ ownerAgency: staff.agency, capacity, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
  const requests = [];
  for (const l of staff.learners) requests.push((await (await app.as(l)).ok(ENROL, { runId: course.run.id })).enrol);
  return { ...staff, course, requests };
}

describe('approveEnrolment / rejectEnrolment', () => {
  it('the supervisor approves: a seat when free, the waiting list when full; audited', async () => {
    const { supervisor, course, requests } = await approvalWorld(1);
    const boss = await app.as(supervisor);
    const first = (await boss.ok(APPROVE, { id: requests[0].id })).approveEnrolment;
    expect(first).toMatchObject({ status: 'ACTIVE', decidedByName: supervisor.fullName, approverName: supervisor.fullName });
    expect(first.decidedAt).toBeTruthy();
    const second = (await boss.ok(APPROVE, { id: requests[1].id })).approveEnrolment;
    expect(second).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const [c] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [course.run.id]);
    expect(c).toEqual({ seats_taken: 1, waitlist_length: 1 });
    const audit = await app.sql(`select action, actor_id from audit_entry where target_id = $1`, [requests[0].id]);
    expect(audit).toEqual([{ action: 'enrolment.approve', actor_id: supervisor.id }]);
  });

  it('an admin of the learner’s agency may decide too', async () => {
    const { admin, requests } = await approvalWorld();
    const res = (await (await app.as(admin)).ok(APPROVE, { id: requests[0].id })).approveEnrolment;
    expect(res).toMatchObject({ status: 'ACTIVE', decidedByName: admin.fullName });
  });

  it('nobody else may decide, and nothing is written when they try', async () => {
    const { agency, learners, requests, course } = await approvalWorld();
    const id = requests[0].id;
    const otherSupervisor = await app.seed.person({ agency });
    await app.seed.person({ agency, supervisor: otherSupervisor });
    const otherAgencyAdmin = await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.AGENCY_ADMIN }] });
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    await app.seed.course({ ownerPartner: partner, instructors: [instructor] });

    expect(await (await app.as(otherSupervisor)).errorCode(APPROVE, { id })).toBe('NOT_FOUND');
    expect(await (await app.as(otherAgencyAdmin)).errorCode(APPROVE, { id })).toBe('NOT_FOUND');
    expect(await (await app.as(otherAgencyAdmin)).errorCode(REJECT, { id, reason: 'Tidak' })).toBe('NOT_FOUND');
    expect(await (await app.as(instructor)).errorCode(APPROVE, { id })).toBe('FORBIDDEN');
    // The learner is not a supervisor: the role check refuses them; a fellow learner likewise.
    expect(await (await app.as(learners[0])).errorCode(APPROVE, { id })).toBe('FORBIDDEN');
    expect(await (await app.as(learners[1])).errorCode(REJECT, { id, reason: 'Tidak' })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(APPROVE, { id })).toBe('UNAUTHENTICATED');
    expect(await statusOf(id)).toBe('REQUESTED');
    expect(await auditCount(id)).toBe(0);
    const [c] = await app.sql(`select seats_taken from course_run where course_id = $1`, [course.id]);
    expect(c.seats_taken).toBe(0);
  });

  it('an admin who is also the learner cannot approve their own request', async () => {
    const agency = await app.seed.agency();
    const boss = await app.seed.person({ agency });
    const self = await app.seed.person({ agency, supervisor: boss, roles: [{ role: Role.AGENCY_ADMIN }] });
    const course = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const client = await app.as(self);
    const e = (await client.ok(ENROL, { runId: course.run.id })).enrol;
    expect(await client.errorCode(APPROVE, { id: e.id })).toBe('FORBIDDEN');
    expect(await statusOf(e.id)).toBe('REQUESTED');
  });

  it('rejects with a reason the learner reads; an empty or too long reason writes nothing', async () => {
    const { supervisor, learners, requests, course } = await approvalWorld();
    const boss = await app.as(supervisor);
    const id = requests[0].id;
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const res = await boss.request(REJECT, { id, reason });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields?.[0].field).toBe('reason');
    }
    expect(await statusOf(id)).toBe('REQUESTED');
    expect(await auditCount(id)).toBe(0);

    const rejected = (await boss.ok(REJECT, { id, reason: '  Jadwal bentrok dengan tugas pelayanan.  ' })).rejectEnrolment;
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionNote: 'Jadwal bentrok dengan tugas pelayanan.', decidedByName: supervisor.fullName });
    expect(await auditCount(id)).toBe(1);

    // Deciding twice is a wrong transition, for either decision.
    const again = await boss.request(APPROVE, { id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', params: { from: 'REJECTED' } });
    expect(await boss.errorCode(REJECT, { id, reason: 'Lagi' })).toBe('INVALID_TRANSITION');
    expect(await auditCount(id)).toBe(1);

    // The learner may ask again: same row, back to REQUESTED, the old decision cleared.
    const back = (await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id })).enrol;
    expect(back).toMatchObject({ id, status: 'REQUESTED', decisionNote: null, decidedByName: null, decidedAt: null });
  });

  it('unknown and malformed ids', async () => {
    const { supervisor } = await approvalWorld();
    const boss = await app.as(supervisor);
    expect(await boss.errorCode(APPROVE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await boss.errorCode(REJECT, { id: '00000000-0000-4000-8000-000000000000', reason: 'x' })).toBe('NOT_FOUND');
    expect(await boss.errorCode(APPROVE, { id: '123' })).toBe('BAD_USER_INPUT');
  });
});

describe('completeEnrolment / failEnrolment', () => {
  async function activeWorld(jp = 8) {
    const staff = await app.seed.agencyWithStaff(2);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const course = await app.seed.course({ ownerAgency: staff.agency, jp, instructors: [instructor], title: `Manajemen Proyek ${jp} JP` });
    const enrolments = [];
    for (const l of staff.learners) enrolments.push((await (await app.as(l)).ok(ENROL, { runId: course.run.id })).enrol);
    return { ...staff, partner, instructor, course, enrolments };
  }

  it('the instructor completes: JP credited once to the ledger and the year, at 45 minutes per JP', async () => {
    const { instructor, learners, enrolments, course, agency } = await activeWorld(8);
    const teacher = await app.as(instructor);
    const done = (await teacher.ok(COMPLETE, { id: enrolments[0].id, note: 'Lulus dengan baik' })).completeEnrolment;
    expect(done).toMatchObject({ status: 'COMPLETED', creditedMinutes: 360, decisionNote: 'Lulus dengan baik' });
    expect(done.finishedAt).toBeTruthy();

    // Completing again is refused and credits nothing more.
    const again = await teacher.request(COMPLETE, { id: enrolments[0].id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', params: { from: 'COMPLETED' } });
    const records = await app.sql(`select minutes, year, source, title from learning_record where person_id = $1`, [learners[0].id]);
    expect(records).toEqual([{ minutes: 360, year: yearIn(new Date()), source: 'COURSE_COMPLETION', title: course.title }]);
    const [year] = await app.sql(`select minutes from person_learning_year where person_id = $1`, [learners[0].id]);
    expect(year.minutes).toBe(360);

    // A second course adds to the same year.
    const second = await app.seed.course({ ownerAgency: agency, jp: 4, instructors: [instructor], title: 'Komunikasi Efektif' });
    const learner = await app.as(learners[0]);
    const e2 = (await learner.ok(ENROL, { runId: second.run.id })).enrol;
    expect((await teacher.ok(COMPLETE, { id: e2.id })).completeEnrolment.creditedMinutes).toBe(180);
    const hours = (await learner.ok(HOURS)).myLearningHours;
    expect(hours).toMatchObject({ minutes: 540, jp: 12, targetJp: 20, remainingJp: 8, recordCount: 2 });
    expect(hours.records.map((r: { title: string }) => r.title)).toEqual(['Komunikasi Efektif', course.title]);
    // The seat stays taken by a completed enrolment.
    const [c] = await app.sql(`select seats_taken from course_run where course_id = $1`, [course.id]);
    expect(c.seats_taken).toBe(2);
  });

  it('two completions of the same enrolment at once credit it once', async () => {
    const { instructor, learners, enrolments } = await activeWorld(5);
    const teacher = await app.as(instructor);
    const results = await Promise.all([1, 2, 3, 4].map(() => teacher.request(COMPLETE, { id: enrolments[1].id })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).every((r) => r.errors![0].extensions?.code === 'INVALID_TRANSITION')).toBe(true);
    const [year] = await app.sql(`select minutes from person_learning_year where person_id = $1`, [learners[1].id]);
    expect(year.minutes).toBe(225);
  });

  it('an admin of the learner’s agency records a failure: no JP, the seat stays taken', async () => {
    const { admin, learners, enrolments, course } = await activeWorld();
    const failed = (await (await app.as(admin)).ok(FAIL, { id: enrolments[0].id, note: 'Tidak mengikuti ujian' })).failEnrolment;
    expect(failed).toMatchObject({ status: 'FAILED', creditedMinutes: null, decisionNote: 'Tidak mengikuti ujian' });
    expect(await app.sql(`select * from learning_record where person_id = $1`, [learners[0].id])).toEqual([]);
    const [c] = await app.sql(`select seats_taken from course_run where course_id = $1`, [course.id]);
    expect(c.seats_taken).toBe(2);
    expect(await auditCount(enrolments[0].id)).toBe(1);
  });

  it('others may not complete, and wrong states are refused, with nothing credited', async () => {
    const { learners, supervisor, enrolments, agency, partner, course } = await activeWorld();
    const id = enrolments[0].id;
    const otherInstructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    await app.seed.course({ ownerPartner: partner, instructors: [otherInstructor] });
    const otherAdmin = await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.AGENCY_ADMIN }] });
    expect(await (await app.as(otherInstructor)).errorCode(COMPLETE, { id })).toBe('NOT_FOUND');
    expect(await (await app.as(otherAdmin)).errorCode(COMPLETE, { id })).toBe('NOT_FOUND');
    expect(await (await app.as(otherAdmin)).errorCode(FAIL, { id })).toBe('NOT_FOUND');
    expect(await (await app.as(learners[0])).errorCode(COMPLETE, { id })).toBe('FORBIDDEN');
    expect(await (await app.as(supervisor)).errorCode(COMPLETE, { id })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(COMPLETE, { id })).toBe('UNAUTHENTICATED');
    // An admin of the learner's agency who is the learner: nobody credits their own JP.
    const selfAdmin = await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const own = (await (await app.as(selfAdmin)).ok(ENROL, { runId: course.run.id })).enrol;
    expect(await (await app.as(selfAdmin)).errorCode(COMPLETE, { id: own.id })).toBe('FORBIDDEN');
    expect(await statusOf(id)).toBe('ACTIVE');
    expect(await app.sql(`select * from learning_record where person_id = any($1)`, [[learners[0].id, selfAdmin.id]])).toEqual([]);

    // A request is not yet active.
    const approvalCourse = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const req = (await (await app.as(learners[1])).ok(ENROL, { runId: approvalCourse.run.id })).enrol;
    const admin = await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const res = await (await app.as(admin)).request(COMPLETE, { id: req.id });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', params: { from: 'REQUESTED' } });
    expect(await statusOf(req.id)).toBe('REQUESTED');
    const tooLong = await (await app.as(admin)).request(COMPLETE, { id, note: 'x'.repeat(501) });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await statusOf(id)).toBe('ACTIVE');
  });

  // Last: it removes the rule sets of this file's database.
  it('without a rule set in force, completion fails with RULE_NOT_FOUND and nothing changes', async () => {
    const { instructor, enrolments, learners } = await activeWorld();
    await app.sql(`delete from learning_rule_set`);
    const res = await (await app.as(instructor)).request(COMPLETE, { id: enrolments[0].id });
    expect(res.errors?.[0].extensions?.code).toBe('RULE_NOT_FOUND');
    expect(await statusOf(enrolments[0].id)).toBe('ACTIVE');
    expect(await app.sql(`select * from learning_record where person_id = $1`, [learners[0].id])).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/course.enums.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const BULK = `mutation($runId: ID!, $personIds: [ID!]!) { enrolPeople(runId: $runId, personIds: $personIds) { enrolled waitlisted alreadyEnrolled } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { status } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseRunInput!) { updateCourseRun(id: $id, input: $input) { id capacity enrolmentClosesAt enrolmentClosedReason } }`;
const COURSE = `query($id: ID!) { courseRun(id: $id) { id endsAt enrolmentClosesAt enrolmentClosedReason } }`;
const CATALOGUE = `query($filter: CatalogueFilter) { catalogue(filter: $filter, first: 100) { totalCount nodes { id title runs(includeEnded: true) { nodes { enrolmentClosedReason } } } } }`;

/** Ended three weeks ago (after starting two months ago). */
async function endCourse(courseId: string) {
  await app.sql(`update course_run set starts_at = now() - interval '60 days', ends_at = now() - interval '21 days' where course_id = $1`, [courseId]);
}
async function enrolmentsOf(courseId: string) {
  return app.sql(`select person_id, status from enrolment where course_id = $1 order by person_id`, [courseId]);
}
async function counters(courseId: string) {
  return (await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [courseId]))[0];
}

describe('enrolment closes when a course has ended or its deadline has passed', () => {
  it('refuses a learner’s enrol after the end and after the deadline, writing nothing', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(2);
    const ended = await app.seed.course({ ownerAgency: agency, capacity: 10 });
    await endCourse(ended.id);
    const learner = await app.as(learners[0]);
    const auditBefore = (await app.sql(`select count(*)::int as n from audit_entry`))[0].n;

    expect(await learner.errorCode(ENROL, { runId: ended.run.id })).toBe('COURSE_ENDED');
    expect(await enrolmentsOf(ended.id)).toEqual([]);
    expect(await counters(ended.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });

    // The deadline: still running, but enrolment closed yesterday.
    const late = await app.seed.course({ ownerAgency: agency, capacity: 10 });
    await app.sql(`update course_run set starts_at = now() + interval '7 days', ends_at = now() + interval '30 days', enrolment_closes_at = now() - interval '1 day' where course_id = $1`, [late.id]);
    const res = await learner.request(ENROL, { runId: late.run.id });
    expect(res.errors?.[0].extensions?.code).toBe('ENROLMENT_DEADLINE_PASSED');
    expect(res.errors?.[0].message).toContain('batas waktu pendaftaran');
    expect(await enrolmentsOf(late.id)).toEqual([]);
    expect((await app.sql(`select count(*)::int as n from audit_entry`))[0].n).toBe(auditBefore);

    // Before the deadline it is open, and the course says so.
    await app.sql(`update course_run set enrolment_closes_at = now() + interval '1 day' where course_id = $1`, [late.id]);
    expect((await learner.ok(COURSE, { id: late.run.id })).courseRun.enrolmentClosedReason).toBeNull();
    expect((await learner.ok(ENROL, { runId: late.run.id })).enrol.status).toBe('ACTIVE');
  });

  it('does not re-open a withdrawn enrolment once the course has ended, but returns a kept one unchanged', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(2);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 10 });
    const [stays, leaves] = [await app.as(learners[0]), await app.as(learners[1])];
    const kept = (await stays.ok(ENROL, { runId: course.run.id })).enrol;
    const left = (await leaves.ok(ENROL, { runId: course.run.id })).enrol;
    await leaves.ok(WITHDRAW, { id: left.id });
    await endCourse(course.id);

    expect(await leaves.errorCode(ENROL, { runId: course.run.id })).toBe('COURSE_ENDED');
    expect((await app.sql(`select status from enrolment where id = $1`, [left.id]))[0].status).toBe('WITHDRAWN');
    // Enrol is idempotent: one who is in stays in, nothing changes.
    expect((await stays.ok(ENROL, { runId: course.run.id })).enrol).toEqual({ id: kept.id, status: 'ACTIVE' });
  });

  it('refuses the admin’s enrolPeople after the end and after the deadline, writing nothing', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(3);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 10, policy: EnrolmentPolicy.INVITATION, visibility: CourseVisibility.OWN_AGENCY });
    await endCourse(course.id);
    const client = await app.as(admin);
    const ids = learners.map((l) => l.id);
    expect(await client.errorCode(BULK, { runId: course.run.id, personIds: ids })).toBe('COURSE_ENDED');
    await app.sql(`update course_run set ends_at = now() + interval '10 days', enrolment_closes_at = now() - interval '1 hour' where course_id = $1`, [course.id]);
    expect(await client.errorCode(BULK, { runId: course.run.id, personIds: ids })).toBe('ENROLMENT_DEADLINE_PASSED');
    expect(await enrolmentsOf(course.id)).toEqual([]);
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
    expect(await app.sql(`select 1 from audit_entry where target_id = $1`, [course.id])).toEqual([]);
  });

  it('lets a request made in time be approved after the deadline, but not after the course ended', async () => {
    const { agency, supervisor, learners } = await app.seed.agencyWithStaff(2);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 10, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const a = (await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id })).enrol;
    const b = (await (await app.as(learners[1])).ok(ENROL, { runId: course.run.id })).enrol;
    expect([a.status, b.status]).toEqual(['REQUESTED', 'REQUESTED']);
    const boss = await app.as(supervisor);

    await app.sql(`update course_run set ends_at = now() + interval '10 days', enrolment_closes_at = now() - interval '1 hour' where course_id = $1`, [course.id]);
    expect((await boss.ok(APPROVE, { id: a.id })).approveEnrolment.status).toBe('ACTIVE');

    await endCourse(course.id);
    expect(await boss.errorCode(APPROVE, { id: b.id })).toBe('COURSE_ENDED');
    expect((await app.sql(`select status, decided_at from enrolment where id = $1`, [b.id]))[0]).toEqual({ status: 'REQUESTED', decided_at: null });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });
  });

  it('promotes no one from the waiting list into a course that has ended', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(3);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 1 });
    const first = (await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id })).enrol;
    const second = (await (await app.as(learners[1])).ok(ENROL, { runId: course.run.id })).enrol;
    expect([first.status, second.status]).toEqual(['ACTIVE', 'WAITLISTED']);
    await endCourse(course.id);

    // A seat freed after the end stays free.
    await (await app.as(learners[0])).ok(WITHDRAW, { id: first.id });
    expect((await app.sql(`select status from enrolment where id = $1`, [second.id]))[0].status).toBe('WAITLISTED');
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 1 });

    // Nor do new seats from a raised capacity.
    await (await app.as(admin)).ok(UPDATE, { id: course.run.id, input: { capacity: 5 } });
    expect((await app.sql(`select status from enrolment where id = $1`, [second.id]))[0].status).toBe('WAITLISTED');
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 1 });
  });

  it('tells the viewer why enrolment is closed, and keeps the deadline within the course', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: agency });
    const manager = await app.as(admin);
    const learner = await app.as(learners[0]);
    expect((await learner.ok(COURSE, { id: course.run.id })).courseRun).toMatchObject({ enrolmentClosesAt: null, enrolmentClosedReason: null });

    const endsAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const closesAt = new Date(Date.now() - 3_600_000).toISOString();
    const updated = (await manager.ok(UPDATE, { id: course.run.id, input: { endsAt, enrolmentClosesAt: closesAt } })).updateCourseRun;
    expect(updated).toMatchObject({ enrolmentClosesAt: closesAt, enrolmentClosedReason: 'ENROLMENT_DEADLINE_PASSED' });
    expect((await learner.ok(COURSE, { id: course.run.id })).courseRun.enrolmentClosedReason).toBe('ENROLMENT_DEADLINE_PASSED');

    const after = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(await manager.errorCode(UPDATE, { id: course.run.id, input: { enrolmentClosesAt: after } })).toBe('INVALID_ENROLMENT_DEADLINE');

    await endCourse(course.id);
    expect((await learner.ok(COURSE, { id: course.run.id })).courseRun.enrolmentClosedReason).toBe('COURSE_ENDED');
  });
});

describe('the catalogue and ended courses', () => {
  it('hides ended courses unless asked, and the seats filter lists only what one can still join', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const base = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 10 };
    const ended = await app.seed.course({ ...base, title: 'Sudah Selesai' });
    await endCourse(ended.id);
    const running = await app.seed.course({ ...base, title: 'Sedang Berjalan' });
    await app.sql(`update course_run set starts_at = now() - interval '3 days', ends_at = now() + interval '3 days' where course_id = $1`, [running.id]);
    const deadline = await app.seed.course({ ...base, title: 'Pendaftaran Lewat' });
    await app.sql(`update course_run set ends_at = now() + interval '3 days', enrolment_closes_at = now() - interval '1 day' where course_id = $1`, [deadline.id]);
    await app.seed.course({ ...base, title: 'Kapan Saja', capacity: null });
    const learner = await app.as(learners[0]);
    const titles = async (filter: Record<string, unknown>) =>
      ((await learner.ok(CATALOGUE, { filter: { ownerAgencyId: agency.id, ...filter } })).catalogue.nodes as { title: string }[]).map((n) => n.title).sort();

    expect(await titles({})).toEqual(['Kapan Saja', 'Pendaftaran Lewat', 'Sedang Berjalan']);
    // No filter at all hides them too.
    const all = (await learner.ok(`{ catalogue(first: 100) { nodes { id } } }`)).catalogue.nodes.map((n: { id: string }) => n.id);
    expect(all).not.toContain(ended.id);
    expect(await titles({ includeEnded: true })).toEqual(['Kapan Saja', 'Pendaftaran Lewat', 'Sedang Berjalan', 'Sudah Selesai']);
    const shown = (await learner.ok(CATALOGUE, { filter: { ownerAgencyId: agency.id, includeEnded: true } })).catalogue;
    expect(shown.totalCount).toBe(4);
    expect(shown.nodes.find((n: { id: string }) => n.id === ended.id).runs.nodes[0].enrolmentClosedReason).toBe('COURSE_ENDED');
    // "Kursi tersedia" means a seat one can take now: not an ended course, not one past its deadline.
    expect(await titles({ openOnly: true })).toEqual(['Kapan Saja', 'Sedang Berjalan']);
    expect(await titles({ openOnly: true, includeEnded: true })).toEqual(['Kapan Saja', 'Sedang Berjalan']);
  });
});

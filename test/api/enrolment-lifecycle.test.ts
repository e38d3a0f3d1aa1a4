import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/course.enums.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = `id status waitlistPosition approverName requestedAt waitlistedAt decidedAt finishedAt decisionNote
  course { id title jp ownerName } run { id code seatsLeft enrolmentPolicy } learner { id fullName nip }`;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { enrolment(id: $id) { ${FIELDS} } }`;

async function counters(courseId: string) {
  const [row] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [courseId]);
  return row as { seats_taken: number; waitlist_length: number };
}

async function enrolmentRows(courseId: string) {
  return app.sql(`select count(*)::int as n from enrolment where course_id = $1`, [courseId]).then((r) => r[0].n as number);
}

describe('enrol', () => {
  it('takes a seat in an open course and is idempotent', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 5, title: 'Pelayanan Publik Digital' });
    const learner = await app.as(learners[0]);

    const first = (await learner.ok(ENROL, { runId: course.run.id })).enrol;
    expect(first).toMatchObject({ status: 'ACTIVE', waitlistPosition: null, approverName: null, learner: { id: learners[0].id, nip: learners[0].nip } });
    expect(first.course).toMatchObject({ id: course.id, title: 'Pelayanan Publik Digital', ownerName: agency.name });
    expect(first.run).toMatchObject({ id: course.run.id, seatsLeft: 4, enrolmentPolicy: 'OPEN' });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });

    const again = (await learner.ok(ENROL, { runId: course.run.id })).enrol;
    expect(again).toEqual(first);
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });
    expect(await enrolmentRows(course.id)).toBe(1);
  });

  it('puts learners on the waiting list when the course is full, in order', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(3);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 1 });
    const [a, b, c] = await Promise.all(learners.map((l) => app.as(l)));
    expect((await a.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
    const eb = (await b.ok(ENROL, { runId: course.run.id })).enrol;
    const ec = (await c.ok(ENROL, { runId: course.run.id })).enrol;
    expect(eb).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(eb.waitlistedAt).toBeTruthy();
    expect(ec).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 2 });
  });

  it('asks the supervisor when the course needs approval', async () => {
    const { agency, supervisor, learners } = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 5, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const res = (await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id })).enrol;
    expect(res).toMatchObject({ status: 'REQUESTED', approverName: supervisor.fullName, decidedAt: null });
    const [row] = await app.sql(`select approver_id from enrolment where id = $1`, [res.id]);
    expect(row.approver_id).toBe(supervisor.id);
    // A request holds no seat.
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
  });

  it('refuses approval courses without an (active) supervisor, invitation-only courses, and closed ones — writing nothing', async () => {
    const agency = await app.seed.agency();
    const loner = await app.seed.person({ agency });
    const retired = await app.seed.person({ agency, active: false });
    const orphan = await app.seed.person({ agency, supervisor: retired });
    const approval = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const invitation = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.INVITATION });
    const client = await app.as(loner);
    expect(await client.errorCode(ENROL, { runId: approval.run.id })).toBe('NO_SUPERVISOR');
    expect(await (await app.as(orphan)).errorCode(ENROL, { runId: approval.run.id })).toBe('NO_SUPERVISOR');
    const res = await client.request(ENROL, { runId: invitation.run.id });
    expect(res.errors?.[0].extensions?.code).toBe('INVITATION_ONLY');
    expect(res.errors?.[0].message).toBe('Kursus ini hanya untuk peserta yang diundang oleh admin instansi.');
    expect(await enrolmentRows(approval.id)).toBe(0);
    expect(await enrolmentRows(invitation.id)).toBe(0);

    // A manager of a draft course sees it, but it is not open yet.
    const admin = await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const draft = await app.seed.course({ ownerAgency: agency, status: CourseStatus.DRAFT });
    expect(await (await app.as(admin)).errorCode(ENROL, { runId: draft.run.id })).toBe('COURSE_NOT_OPEN');
    expect(await client.errorCode(ENROL, { runId: draft.run.id })).toBe('NOT_FOUND');
    expect(await enrolmentRows(draft.id)).toBe(0);
  });

  it('hides courses of other agencies, unknown ids, and refuses non-learners and anonymous callers', async () => {
    const mine = await app.seed.agency();
    const other = await app.seed.agency();
    const learner = await app.as(await app.seed.person({ agency: mine }));
    const hidden = await app.seed.course({ ownerAgency: other, visibility: CourseVisibility.OWN_AGENCY });
    expect(await learner.errorCode(ENROL, { runId: hidden.run.id })).toBe('NOT_FOUND');
    expect(await learner.errorCode(ENROL, { runId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    const bad = await learner.request(ENROL, { runId: 'bukan-id' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields?.[0].field).toBe('runId');

    const partner = await app.seed.partner();
    const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const open = await app.seed.course({ ownerPartner: partner });
    expect(await (await app.as(lecturer)).errorCode(ENROL, { runId: open.run.id })).toBe('NOT_A_LEARNER');
    expect(await app.anonymous().errorCode(ENROL, { runId: open.run.id })).toBe('UNAUTHENTICATED');
    expect(await enrolmentRows(hidden.id)).toBe(0);
    expect(await enrolmentRows(open.id)).toBe(0);
  });
});

describe('withdrawEnrolment', () => {
  it('frees the seat and promotes the first on the waiting list (FIFO), keeping the counters exact', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(4);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 1 });
    const clients = [];
    const enrolments = [];
    for (const l of learners) {
      const c = await app.as(l);
      clients.push(c);
      enrolments.push((await c.ok(ENROL, { runId: course.run.id })).enrol);
    }
    expect(enrolments.map((e) => e.status)).toEqual(['ACTIVE', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 3 });

    // The second in the queue leaves the list: the others move up.
    const left = (await clients[2].ok(WITHDRAW, { id: enrolments[2].id })).withdrawEnrolment;
    expect(left.status).toBe('WITHDRAWN');
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 2 });
    expect((await clients[3].ok(GET, { id: enrolments[3].id })).enrolment.waitlistPosition).toBe(2);

    // The seat holder leaves: the earliest waitlisted (learner 1) takes the seat.
    expect((await clients[0].ok(WITHDRAW, { id: enrolments[0].id })).withdrawEnrolment.status).toBe('WITHDRAWN');
    expect((await clients[1].ok(GET, { id: enrolments[1].id })).enrolment).toMatchObject({ status: 'ACTIVE', waitlistPosition: null });
    expect((await clients[3].ok(GET, { id: enrolments[3].id })).enrolment).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 1 });

    // Re-enrolling reuses the row and runs the policy again: the course is full, so to the end of the queue.
    const back = (await clients[0].ok(ENROL, { runId: course.run.id })).enrol;
    expect(back).toMatchObject({ id: enrolments[0].id, status: 'WAITLISTED', waitlistPosition: 2, finishedAt: null });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 2 });
    expect(await enrolmentRows(course.id)).toBe(4);
  });

  it('withdraws a request without touching seats, and re-enrolling asks again', async () => {
    const { agency, supervisor, learners } = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const client = await app.as(learners[0]);
    const e = (await client.ok(ENROL, { runId: course.run.id })).enrol;
    expect((await client.ok(WITHDRAW, { id: e.id })).withdrawEnrolment.status).toBe('WITHDRAWN');
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
    const again = (await client.ok(ENROL, { runId: course.run.id })).enrol;
    expect(again).toMatchObject({ id: e.id, status: 'REQUESTED', approverName: supervisor.fullName });
  });

  it('only the learner withdraws, only from a live state', async () => {
    const { agency, supervisor, admin, learners } = await app.seed.agencyWithStaff(2);
    const course = await app.seed.course({ ownerAgency: agency });
    const owner = await app.as(learners[0]);
    const e = (await owner.ok(ENROL, { runId: course.run.id })).enrol;

    expect(await (await app.as(learners[1])).errorCode(WITHDRAW, { id: e.id })).toBe('NOT_FOUND');
    expect(await (await app.as(supervisor)).errorCode(WITHDRAW, { id: e.id })).toBe('FORBIDDEN');
    expect(await (await app.as(admin)).errorCode(WITHDRAW, { id: e.id })).toBe('FORBIDDEN');
    const outsider = await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.AGENCY_ADMIN }] });
    expect(await (await app.as(outsider)).errorCode(WITHDRAW, { id: e.id })).toBe('NOT_FOUND');
    expect(await app.anonymous().errorCode(WITHDRAW, { id: e.id })).toBe('UNAUTHENTICATED');
    expect(await owner.errorCode(WITHDRAW, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await owner.errorCode(WITHDRAW, { id: 'x' })).toBe('BAD_USER_INPUT');
    expect((await owner.ok(GET, { id: e.id })).enrolment.status).toBe('ACTIVE');
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });

    await owner.ok(WITHDRAW, { id: e.id });
    const res = await owner.request(WITHDRAW, { id: e.id });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', params: { from: 'WITHDRAWN' } });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
  });
});

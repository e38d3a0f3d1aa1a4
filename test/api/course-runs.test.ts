import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status run { id code } course { id } } }`;
const FAIL = `mutation($id: ID!) { failEnrolment(id: $id) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status creditedMinutes } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelCourseRun(id: $id) { id status seatsTaken waitlistLength enrolmentClosedReason } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id viewerEnrolment { id status run { id } }
  nextRun { id code } runs(includeEnded: true) { totalCount nodes { id code viewerEnrolment { id status } } } } }`;
const DAY = 86_400_000;

async function enrolmentsOf(personId: string, courseId: string) {
  return app.sql(`select e.run_id, e.status from enrolment e join course_run r on r.id = e.run_id where e.person_id = $1 and e.course_id = $2 order by r.code`, [personId, courseId]);
}
async function counters(runId: string) {
  return (await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [runId]))[0];
}
async function endRun(runId: string) {
  await app.sql(`update course_run set starts_at = now() - interval '20 days', ends_at = now() - interval '1 day' where id = $1`, [runId]);
}

/** A course with a first run (code "1") and a later one (code "2"), taught by a partner lecturer. */
async function twoRuns(capacity: number | null = 10, policy = EnrolmentPolicy.OPEN) {
  const staff = await app.seed.agencyWithStaff(3);
  const lecturer = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({
    ownerAgency: staff.agency, visibility: CourseVisibility.OWN_AGENCY, capacity, policy, instructors: [lecturer], jp: 6, delivery: DeliveryMode.IN_PERSON,
    startsAt: new Date(Date.now() + 2 * DAY), endsAt: new Date(Date.now() + 5 * DAY),
  });
  const later = await app.seed.run(course, {
    code: '2', capacity, policy, instructors: [lecturer], startsAt: new Date(Date.now() + 60 * DAY), endsAt: new Date(Date.now() + 63 * DAY),
  });
  return { ...staff, lecturer, course, first: course.run, later };
}

describe('retakes', () => {
  it('a learner who failed retakes the course in a later run: a new enrolment, the failure kept, JP on completing it', async () => {
    const w = await twoRuns();
    const me = await app.as(w.learners[0]);
    const teacher = await app.as(w.lecturer);
    const failed = (await me.ok(ENROL, { runId: w.first.id })).enrol;
    await endRun(w.first.id);
    expect((await teacher.ok(FAIL, { id: failed.id })).failEnrolment.status).toBe('FAILED');

    // The failed run is over; the later one takes the learner as a new enrolment.
    const retake = (await me.ok(ENROL, { runId: w.later.id })).enrol;
    expect(retake).toMatchObject({ status: 'ACTIVE', run: { id: w.later.id, code: '2' }, course: { id: w.course.id } });
    expect(retake.id).not.toBe(failed.id);
    expect(await enrolmentsOf(w.learners[0].id, w.course.id)).toEqual([
      { run_id: w.first.id, status: 'FAILED' }, { run_id: w.later.id, status: 'ACTIVE' },
    ]);
    // The failure still holds its seat in the first run; the retake takes one in the second.
    expect(await counters(w.first.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });
    expect(await counters(w.later.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });

    // The course page shows the current enrolment (the retake), each run the viewer's own row in it.
    const { course } = await me.ok(COURSE, { id: w.course.id });
    expect(course.viewerEnrolment).toMatchObject({ id: retake.id, status: 'ACTIVE', run: { id: w.later.id } });
    expect(course.nextRun).toEqual({ id: w.later.id, code: '2' });
    expect(course.runs.nodes).toEqual([
      { id: w.first.id, code: '1', viewerEnrolment: { id: failed.id, status: 'FAILED' } },
      { id: w.later.id, code: '2', viewerEnrolment: { id: retake.id, status: 'ACTIVE' } },
    ]);
    expect((await me.ok(COURSE.replace('runs(includeEnded: true)', 'runs'), { id: w.course.id })).course.runs.nodes.map((r: { id: string }) => r.id)).toEqual([w.later.id]);

    // Completing the retake credits the course's JP once.
    await endRun(w.later.id);
    expect((await teacher.ok(COMPLETE, { id: retake.id })).completeEnrolment).toMatchObject({ status: 'COMPLETED', creditedMinutes: 6 * 45 });
    expect((await app.sql(`select count(*)::int as n from learning_record where person_id = $1`, [w.learners[0].id]))[0].n).toBe(1);
  });

  it('after withdrawing or being rejected, a learner may enrol in another run; after completing, no run again', async () => {
    const w = await twoRuns(10, EnrolmentPolicy.SUPERVISOR_APPROVAL);
    const me = await app.as(w.learners[0]);
    const boss = await app.as(w.supervisor);
    const requested = (await me.ok(ENROL, { runId: w.first.id })).enrol;
    await boss.ok(`mutation($id: ID!) { rejectEnrolment(id: $id, reason: "Jadwal bentrok") { id } }`, { id: requested.id });
    const second = (await me.ok(ENROL, { runId: w.later.id })).enrol;
    expect(second.status).toBe('REQUESTED');
    await me.ok(WITHDRAW, { id: second.id });
    // Back to the first run: its rejected row is re-opened (one row per person and run).
    const again = (await me.ok(ENROL, { runId: w.first.id })).enrol;
    expect(again).toMatchObject({ id: requested.id, status: 'REQUESTED' });
    await boss.ok(`mutation($id: ID!) { approveEnrolment(id: $id) { id } }`, { id: again.id });
    await endRun(w.first.id);
    await (await app.as(w.lecturer)).ok(COMPLETE, { id: again.id });

    // Completed: the course is learned and its JP credited; another run is refused, nothing written.
    const before = await enrolmentsOf(w.learners[0].id, w.course.id);
    const refused = await me.request(ENROL, { runId: w.later.id });
    expect(refused.errors?.[0].extensions?.code).toBe('COURSE_ALREADY_COMPLETED');
    expect(refused.errors?.[0].message).toContain('sudah menyelesaikan');
    expect(await enrolmentsOf(w.learners[0].id, w.course.id)).toEqual(before);
    // An admin's bulk enrolment leaves them out too.
    const bulk = await (await app.as(w.admin)).ok(
      `mutation($runId: ID!, $ids: [ID!]!) { enrolPeople(runId: $runId, personIds: $ids) { enrolled waitlisted alreadyEnrolled } }`,
      { runId: w.later.id, ids: [w.learners[0].id] },
    );
    expect(bulk.enrolPeople).toEqual({ enrolled: 0, waitlisted: 0, alreadyEnrolled: 1 });
    expect(await enrolmentsOf(w.learners[0].id, w.course.id)).toEqual(before);
  });
});

describe('one run of a course at a time', () => {
  it('refuses a second run while requested, waiting or active in another, writing nothing', async () => {
    const w = await twoRuns(1);
    const [me, other] = [await app.as(w.learners[0]), await app.as(w.learners[1])];
    await other.ok(ENROL, { runId: w.first.id }); // takes the only seat
    const waiting = (await me.ok(ENROL, { runId: w.first.id })).enrol;
    expect(waiting.status).toBe('WAITLISTED');
    const auditBefore = (await app.sql(`select count(*)::int as n from audit_entry`))[0].n;

    const refused = await me.request(ENROL, { runId: w.later.id });
    expect(refused.errors?.[0].extensions?.code).toBe('ALREADY_IN_ANOTHER_RUN');
    expect(refused.errors?.[0].message).toContain('angkatan lain');
    expect(await enrolmentsOf(w.learners[0].id, w.course.id)).toEqual([{ run_id: w.first.id, status: 'WAITLISTED' }]);
    expect(await counters(w.later.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
    expect((await app.sql(`select count(*)::int as n from audit_entry`))[0].n).toBe(auditBefore);
    // Enrolling again in the same run stays idempotent.
    expect((await me.ok(ENROL, { runId: w.first.id })).enrol.id).toBe(waiting.id);

    // Withdrawing from the first lets the learner switch.
    await me.ok(WITHDRAW, { id: waiting.id });
    expect(await counters(w.first.id)).toEqual({ seats_taken: 1, waitlist_length: 0 });
    expect((await me.ok(ENROL, { runId: w.later.id })).enrol).toMatchObject({ status: 'ACTIVE', run: { id: w.later.id } });
  });

  it('lets only one of two concurrent enrolments of a learner in two runs through (the partial unique index)', async () => {
    for (let round = 0; round < 3; round++) {
      const w = await twoRuns();
      const me = await app.as(w.learners[0]);
      const results = await Promise.all([me.request(ENROL, { runId: w.first.id }), me.request(ENROL, { runId: w.later.id })]);
      const ok = results.filter((r) => !r.errors);
      const codes = results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code);
      expect(ok).toHaveLength(1);
      expect(codes).toEqual(['ALREADY_IN_ANOTHER_RUN']);
      const rows = await enrolmentsOf(w.learners[0].id, w.course.id);
      expect(rows).toHaveLength(1);
      const [a, b] = [await counters(w.first.id), await counters(w.later.id)];
      expect(a.seats_taken + b.seats_taken).toBe(1);
    }
  });

  it('keeps each run’s seat counter exact when learners race for two runs at once', async () => {
    const { agency } = await app.seed.agencyWithStaff(0);
    const course = await app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 4 });
    const later = await app.seed.run(course, { code: '2', capacity: 3 });
    const clients = [];
    // Signed in one by one; only the enrolments race.
    for (let i = 0; i < 24; i++) clients.push(await app.as(await app.seed.person({ agency })));
    const results = await Promise.all(clients.map((c, i) => c.request(ENROL, { runId: i % 2 === 0 ? course.run.id : later.id })));
    expect(results.every((r) => !r.errors)).toBe(true);
    for (const [run, capacity] of [[course.run.id, 4], [later.id, 3]] as const) {
      const rows = await app.sql(`select status, count(*)::int as n from enrolment where run_id = $1 group by status`, [run]);
      const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      expect(by).toEqual({ ACTIVE: capacity, WAITLISTED: 12 - capacity });
      expect(await counters(run)).toEqual({ seats_taken: capacity, waitlist_length: 12 - capacity });
    }
  });
});

describe('cancelCourseRun', () => {
  it('withdraws everyone still in the run, closes it, and frees them for another run', async () => {
    const w = await twoRuns(1);
    const [a, b] = [await app.as(w.learners[0]), await app.as(w.learners[1])];
    const active = (await a.ok(ENROL, { runId: w.first.id })).enrol;
    const waiting = (await b.ok(ENROL, { runId: w.first.id })).enrol;
    expect([active.status, waiting.status]).toEqual(['ACTIVE', 'WAITLISTED']);
    const cancelled = (await (await app.as(w.admin)).ok(CANCEL, { id: w.first.id })).cancelCourseRun;
    expect(cancelled).toEqual({ id: w.first.id, status: 'CANCELLED', seatsTaken: 0, waitlistLength: 0, enrolmentClosedReason: 'RUN_CANCELLED' });
    const rows = await app.sql(`select status, decision_note from enrolment where run_id = $1 order by status`, [w.first.id]);
    expect(rows).toEqual([{ status: 'WITHDRAWN', decision_note: 'RUN_CANCELLED' }, { status: 'WITHDRAWN', decision_note: 'RUN_CANCELLED' }]);
    const [audit] = await app.sql(`select action, data from audit_entry where target_id = $1`, [w.first.id]);
    expect(audit).toMatchObject({ action: 'course_run.cancel', data: { withdrawn: 2 } });
    expect(await a.errorCode(ENROL, { runId: w.first.id })).toBe('RUN_CANCELLED');
    expect(await (await app.as(w.admin)).errorCode(CANCEL, { id: w.first.id })).toBe('RUN_CANCELLED');
    expect((await a.ok(ENROL, { runId: w.later.id })).enrol.status).toBe('ACTIVE');
    // A cancelled run leaves the course's list of runs to come.
    const { course } = await a.ok(COURSE.replace('runs(includeEnded: true)', 'runs'), { id: w.course.id });
    expect(course.runs.nodes.map((r: { id: string }) => r.id)).toEqual([w.later.id]);
    expect(course.nextRun.id).toBe(w.later.id);
  });
});

/** What the course page (client/src/routes/course-detail.tsx) asks, its fragments spelt out. */
const ENROLMENT_STATE = `id status requestedAt approverName decidedByName decidedAt decisionNote waitlistPosition finishedAt creditedMinutes
  course { id jp delivery } run { id code startsAt endsAt location onlineUrl }`;
const COURSE_PAGE = `query($id: ID!, $includeEnded: Boolean!, $first: Int!, $after: String) {
  course(id: $id) {
    id code title description form formGroup delivery jp competencyTags costPerParticipant status canManage
    owner { id name kind }
    viewerEnrolment { ${ENROLMENT_STATE} }
    runs(first: $first, after: $after, includeEnded: $includeEnded) {
      nodes {
        id code status startsAt endsAt enrolmentClosesAt location onlineUrl capacity seatsLeft waitlistLength enrolmentPolicy
        viewerMayRecordOutcomes instructors { id fullName partnerName } enrolmentClosedReason
        viewerEnrolment { ${ENROLMENT_STATE} }
      }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
}`;
/** What the run page of an instructor (client/src/routes/teaching-course.tsx) asks of the run. */
const RUN_PAGE = `query($id: ID!) { courseRun(id: $id) {
  id code status startsAt endsAt location viewerMayRecordOutcomes capacity seatsTaken waitlistLength
  instructors { id fullName } course { id code title jp delivery owner { id name } } } }`;

describe('a course’s page', () => {
  it('reads the course, its owner, the viewer’s access and enrolments and a page of runs in one statement after the session', async () => {
    const w = await twoRuns();
    const me = await app.as(w.learners[0]);
    const enrolment = (await me.ok(ENROL, { runId: w.later.id })).enrol;
    const vars = { id: w.course.id, includeEnded: false, first: 10, after: null };
    await me.ok(COURSE_PAGE, vars);
    let page: Record<string, any> = {};
    const counted = await app.countSql(async () => {
      page = (await me.ok(COURSE_PAGE, vars)).course;
    });
    expect(page).toMatchObject({
      id: w.course.id, canManage: false, owner: { name: w.agency.name, kind: 'AGENCY' },
      viewerEnrolment: { id: enrolment.id, status: 'ACTIVE', run: { id: w.later.id, code: '2' }, course: { id: w.course.id, jp: 6 } },
      runs: { totalCount: 2, pageInfo: { hasNextPage: false } },
    });
    expect(page.runs.nodes.map((r: { id: string }) => r.id)).toEqual([w.first.id, w.later.id]);
    expect(page.runs.nodes.map((r: { viewerEnrolment: { id: string } | null }) => r.viewerEnrolment?.id ?? null)).toEqual([null, enrolment.id]);
    expect(page.runs.nodes[0]).toMatchObject({ viewerMayRecordOutcomes: false, instructors: [{ id: w.lecturer.id }], seatsLeft: 10 });
    // Session, then the whole page: one statement.
    expect(counted.count, counted.statements.join('\n')).toBe(2);

    // The next page of runs (by the cursor) is read by the same one statement.
    const first = (await me.ok(COURSE_PAGE, { ...vars, first: 1 })).course.runs;
    expect(first.nodes.map((r: { id: string }) => r.id)).toEqual([w.first.id]);
    const next = await app.countSql(async () => {
      const second = (await me.ok(COURSE_PAGE, { ...vars, first: 1, after: first.pageInfo.endCursor })).course.runs;
      expect(second.nodes.map((r: { id: string }) => r.id)).toEqual([w.later.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });
    expect(next.count).toBe(2);

    // The course's instructor may record outcomes, in the same one statement.
    const teacher = await app.as(w.lecturer);
    const taught = await app.countSql(async () => {
      const course = (await teacher.ok(COURSE_PAGE, vars)).course;
      expect(course.runs.nodes.map((r: { viewerMayRecordOutcomes: boolean }) => r.viewerMayRecordOutcomes)).toEqual([true, true]);
      expect(course.viewerEnrolment).toBeNull();
    });
    expect(taught.count).toBe(2);

    // Hidden looks like missing.
    const outsider = await app.as(await app.seed.person({ agency: await app.seed.agency() }));
    expect(await outsider.errorCode(COURSE_PAGE, vars)).toBe('NOT_FOUND');
  });

  it('reads a run with its course, owner, instructors and the viewer’s access in one statement after the session', async () => {
    const w = await twoRuns();
    const teacher = await app.as(w.lecturer);
    await teacher.ok(RUN_PAGE, { id: w.later.id });
    const counted = await app.countSql(async () => {
      expect((await teacher.ok(RUN_PAGE, { id: w.later.id })).courseRun).toMatchObject({
        id: w.later.id, code: '2', viewerMayRecordOutcomes: true, instructors: [{ id: w.lecturer.id }],
        course: { id: w.course.id, jp: 6, owner: { name: w.agency.name } },
      });
    });
    expect(counted.count, counted.statements.join('\n')).toBe(2);
    const outsider = await app.as(await app.seed.person({ agency: await app.seed.agency() }));
    expect(await outsider.errorCode(RUN_PAGE, { id: w.later.id })).toBe('NOT_FOUND');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id viewerEnrolment {
  id status approverName waitlistPosition requestedAt course { id title } learner { id fullName nip } } } }`;

describe('Course.viewerEnrolment', () => {
  it('is null until the viewer enrols, then their own enrolment in whatever status it is', async () => {
    const { agency, supervisor, learners } = await app.seed.agencyWithStaff(2);
    const open = await app.seed.course({ title: 'Literasi Data', ownerAgency: agency, capacity: 1 });
    const approval = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const me = await app.as(learners[0]);
    const other = await app.as(learners[1]);

    expect((await me.ok(COURSE, { id: open.id })).course.viewerEnrolment).toBeNull();

    const mine = (await me.ok(ENROL, { runId: open.run.id })).enrol;
    expect((await me.ok(COURSE, { id: open.id })).course.viewerEnrolment).toMatchObject({
      id: mine.id, status: 'ACTIVE', course: { id: open.id, title: 'Literasi Data' },
      learner: { id: learners[0].id, nip: learners[0].nip }, waitlistPosition: null,
    });

    // The other learner sees their own place (the waiting list), never the first learner's enrolment.
    expect((await other.ok(COURSE, { id: open.id })).course.viewerEnrolment).toBeNull();
    const theirs = (await other.ok(ENROL, { runId: open.run.id })).enrol;
    expect((await other.ok(COURSE, { id: open.id })).course.viewerEnrolment).toMatchObject({ id: theirs.id, status: 'WAITLISTED', waitlistPosition: 1, learner: { id: learners[1].id } });
    expect((await me.ok(COURSE, { id: open.id })).course.viewerEnrolment.id).toBe(mine.id);

    const requested = (await me.ok(ENROL, { runId: approval.run.id })).enrol;
    expect((await me.ok(COURSE, { id: approval.id })).course.viewerEnrolment).toMatchObject({ id: requested.id, status: 'REQUESTED', approverName: supervisor.fullName });

    // Withdrawn stays visible (the page offers to enrol again).
    await me.ok(WITHDRAW, { id: requested.id });
    expect((await me.ok(COURSE, { id: approval.id })).course.viewerEnrolment).toMatchObject({ id: requested.id, status: 'WITHDRAWN' });
  });

  it('shows staff who run a course nothing of their learners’ enrolments', async () => {
    const { agency, admin, supervisor, learners } = await app.seed.agencyWithStaff(1);
    const teacher = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.INSTRUCTOR }] });
    const course = await app.seed.course({ ownerAgency: agency, instructors: [teacher] });
    await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id });
    for (const person of [teacher, admin, supervisor]) {
      expect((await (await app.as(person)).ok(COURSE, { id: course.id })).course.viewerEnrolment).toBeNull();
    }
    // Also inside another list: the instructor's teaching list of runs, on the run and on its course.
    const teaching = await (await app.as(teacher)).ok(`{ teachingRuns { nodes { id viewerEnrolment { id } course { id viewerEnrolment { id } } } } }`);
    expect(teaching.teachingRuns.nodes).toEqual([{ id: course.run.id, viewerEnrolment: null, course: { id: course.id, viewerEnrolment: null } }]);
  });

  it('costs the same statements for a catalogue page of 20 courses as for 5 (one batched query)', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const ids: string[] = [];
    const runOf = new Map<string, string>();
    for (let i = 0; i < 22; i++) {
      const c = await app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 40 });
      ids.push(c.id);
      runOf.set(c.id, c.run.id);
    }
    const learner = await app.as(learners[0]);
    // Enrolled in every other course, so the page mixes enrolments and nulls.
    const enrolled = new Map<string, string>();
    for (const id of ids.filter((_, i) => i % 2 === 0)) enrolled.set(id, (await learner.ok(ENROL, { runId: runOf.get(id) })).enrol.id);

    const query = `query($filter: CatalogueFilter, $first: Int) { catalogue(filter: $filter, first: $first) {
      nodes { id title owner { id name } viewerEnrolment { id status waitlistPosition course { id } } } } }`;
    const filter = { ownerAgencyId: agency.id };
    let nodes20: { id: string; viewerEnrolment: { id: string; status: string; course: { id: string } } | null }[] = [];
    const five = await app.countSql(() => learner.ok(query, { filter, first: 5 }));
    const twenty = await app.countSql(async () => {
      nodes20 = (await learner.ok(query, { filter, first: 20 })).catalogue.nodes;
    });
    expect(nodes20).toHaveLength(20);
    for (const node of nodes20) {
      if (enrolled.has(node.id)) expect(node.viewerEnrolment).toMatchObject({ id: enrolled.get(node.id), status: 'ACTIVE', course: { id: node.id } });
      else expect(node.viewerEnrolment).toBeNull();
    }
    expect(nodes20.filter((n) => n.viewerEnrolment).length).toBeGreaterThanOrEqual(9);
    expect(twenty.count).toBe(five.count);
    expect(twenty.statements.filter((s) => /from\s+"?enrolment"?\s+(as\s+)?"?e"?\s/i.test(s))).toHaveLength(1);
  });

  it('needs a signed-in viewer', async () => {
    expect(await app.anonymous().errorCode(COURSE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('UNAUTHENTICATED');
  });
});

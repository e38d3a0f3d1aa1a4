import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
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

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const MINE = `query($status: [EnrolmentStatus!], $first: Int, $after: String) {
  myEnrolments(status: $status, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id status waitlistPosition approverName course { id title ownerName } learner { id nip } }
  } }`;
const GET = `query($id: ID!) { enrolment(id: $id) { id status learner { id fullName nip } course { id } } }`;
const INBOX = `query($first: Int, $after: String, $agencyWide: Boolean) {
  approvalsInbox(first: $first, after: $after, agencyWide: $agencyWide) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id requestedAt approverName learnerJpThisYear learnerTargetJp learner { id fullName nip positionTitle orgUnitName } course { id title jp } }
  } }`;
const ROSTER = `query($runId: ID!, $status: [EnrolmentStatus!], $first: Int, $after: String) {
  courseRoster(runId: $runId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id status waitlistPosition learner { id fullName nip agencyName } }
  } }`;

describe('myEnrolments', () => {
  it('lists only the viewer’s own, newest first, filtered and paged, in one statement per page', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(2);
    const courses = [];
    for (let i = 0; i < 5; i++) courses.push(await app.seed.course({ ownerAgency: agency, capacity: i === 4 ? 1 : null }));
    const me = await app.as(learners[0]);
    const other = await app.as(learners[1]);
    await other.ok(ENROL, { runId: courses[4].run.id }); // takes the only seat
    const mine = [];
    for (const c of courses) mine.push((await me.ok(ENROL, { runId: c.run.id })).enrol);
    expect(mine.map((e) => e.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'WAITLISTED']);

    const page1 = (await me.ok(MINE, { first: 2 })).myEnrolments;
    expect(page1.totalCount).toBe(5);
    expect(page1.nodes.map((n: { id: string }) => n.id)).toEqual([mine[4].id, mine[3].id]);
    expect(page1.nodes[0]).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, learner: { id: learners[0].id, nip: learners[0].nip } });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await me.ok(MINE, { first: 2, after: page1.pageInfo.endCursor })).myEnrolments;
    const page3 = (await me.ok(MINE, { first: 2, after: page2.pageInfo.endCursor })).myEnrolments;
    expect([...page2.nodes, ...page3.nodes].map((n: { id: string }) => n.id)).toEqual([mine[2].id, mine[1].id, mine[0].id]);
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(page3.totalCount).toBe(5);

    const waiting = (await me.ok(MINE, { status: ['WAITLISTED', 'REQUESTED'] })).myEnrolments;
    expect(waiting.totalCount).toBe(1);
    expect((await other.ok(MINE, {})).myEnrolments.nodes.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);

    // One statement for the page (plus the session), whatever its size.
    const small = await app.countSql(() => me.ok(MINE, { first: 1 }));
    const large = await app.countSql(() => me.ok(MINE, { first: 50 }));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeGreaterThan(0);
    expect(large.count).toBeLessThanOrEqual(2);

    expect(await me.errorCode(MINE, { after: 'not-a-cursor' })).toBe('INVALID_CURSOR');
    expect(await me.errorCode(MINE, { after: Buffer.from(JSON.stringify(["1; drop table x", 'y'])).toString('base64url') })).toBe('INVALID_CURSOR');
    expect(await me.errorCode(MINE, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await app.anonymous().errorCode(MINE, {})).toBe('UNAUTHENTICATED');
  });
});

describe('enrolment(id)', () => {
  it('is visible to the learner, their supervisor, the course’s instructor and the agency admin — NOT_FOUND to anyone else', async () => {
    const { agency, admin, supervisor, learners } = await app.seed.agencyWithStaff(2);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const otherInstructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    await app.seed.course({ ownerPartner: partner, instructors: [otherInstructor] });
    const course = await app.seed.course({ ownerAgency: agency, instructors: [instructor] });
    const e = (await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id })).enrol;

    for (const who of [learners[0], supervisor, instructor, admin]) {
      const got = (await (await app.as(who)).ok(GET, { id: e.id })).enrolment;
      // The partner's instructor is outside the learner's circle: the NIP is masked for them.
      const nip = who === instructor ? `${learners[0].nip!.slice(0, 4)}${'•'.repeat(11)}${learners[0].nip!.slice(-3)}` : learners[0].nip;
      expect(got).toMatchObject({ id: e.id, learner: { id: learners[0].id, nip } });
    }
    const otherAgency = await app.seed.agencyWithStaff(1);
    for (const who of [learners[1], otherInstructor, otherAgency.admin, otherAgency.supervisor]) {
      expect(await (await app.as(who)).errorCode(GET, { id: e.id })).toBe('NOT_FOUND');
    }
    expect(await app.anonymous().errorCode(GET, { id: e.id })).toBe('UNAUTHENTICATED');
    expect(await (await app.as(learners[0])).errorCode(GET, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
  });
});

describe('approvalsInbox', () => {
  it('shows the supervisor the requests waiting on them, oldest first, with the learner’s JP this year and full NIP', async () => {
    const { agency, admin, supervisor, learners, unit } = await app.seed.agencyWithStaff(3);
    const course = await app.seed.course({ ownerAgency: agency, jp: 6, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL, title: 'Kepemimpinan Pengawas' });
    const ids = [];
    for (const l of learners) ids.push((await (await app.as(l)).ok(ENROL, { runId: course.run.id })).enrol.id);
    // The ledger's yearly total as credited: 540 minutes, 12 JP (the inbox shows the JP, see approvals-inbox-jp.test.ts).
    await app.sql(`insert into person_learning_year (person_id, year, minutes, jp) values ($1, $2, 540, 12)`, [learners[0].id, yearIn(new Date())]);

    const boss = await app.as(supervisor);
    const inbox = (await boss.ok(INBOX, { first: 2 })).approvalsInbox;
    expect(inbox.totalCount).toBe(3);
    expect(inbox.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(0, 2));
    expect(inbox.nodes[0]).toMatchObject({
      approverName: supervisor.fullName, learnerJpThisYear: 12, learnerTargetJp: 20,
      learner: { id: learners[0].id, nip: learners[0].nip, orgUnitName: unit.name }, course: { id: course.id, title: 'Kepemimpinan Pengawas', jp: 6 },
    });
    expect(inbox.nodes[1].learnerJpThisYear).toBe(0);
    const rest = (await boss.ok(INBOX, { first: 2, after: inbox.pageInfo.endCursor })).approvalsInbox;
    expect(rest.nodes.map((n: { id: string }) => n.id)).toEqual([ids[2]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    // Constant statements whatever the page size.
    const one = await app.countSql(() => boss.ok(INBOX, { first: 1 }));
    const all = await app.countSql(() => boss.ok(INBOX, { first: 100 }));
    expect(all.count).toBe(one.count);
    expect(all.count).toBeLessThanOrEqual(2);

    // Decided requests leave the inbox.
    await boss.ok(`mutation($id: ID!) { approveEnrolment(id: $id) { id } }`, { id: ids[0] });
    expect((await boss.ok(INBOX, {})).approvalsInbox.totalCount).toBe(2);

    // The agency admin: nothing waits on them personally; agency-wide they see all pending requests.
    const adminClient = await app.as(admin);
    expect((await adminClient.ok(INBOX, {})).approvalsInbox.totalCount).toBe(0);
    const wide = (await adminClient.ok(INBOX, { agencyWide: true })).approvalsInbox;
    expect(wide.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(1));
    expect(wide.nodes[0].learner.nip).toBe(learners[1].nip);
  });

  it('another supervisor and another agency see none of it; agencyWide is for admins; learners may not ask', async () => {
    const { agency, learners, supervisor } = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL, visibility: CourseVisibility.OWN_AGENCY });
    await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id });
    const other = await app.seed.agencyWithStaff(1);
    expect((await (await app.as(other.supervisor)).ok(INBOX, {})).approvalsInbox.totalCount).toBe(0);
    expect((await (await app.as(other.admin)).ok(INBOX, { agencyWide: true })).approvalsInbox.nodes.map((n: { learner: { id: string } }) => n.learner.id)).not.toContain(learners[0].id);
    expect(await (await app.as(supervisor)).errorCode(INBOX, { agencyWide: true })).toBe('FORBIDDEN');
    expect(await (await app.as(learners[0])).errorCode(INBOX, {})).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(INBOX, {})).toBe('UNAUTHENTICATED');
  });
});

describe('courseRoster', () => {
  it('lists the course’s people by name with status and masked NIP for its instructor and managers', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(3);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const course = await app.seed.course({ ownerPartner: partner, instructors: [instructor], capacity: 2 });
    const names = ['Citra Lestari', 'Agus Salim', 'Bambang Pamungkas'];
    await Promise.all(learners.map((l, i) => app.sql(`update person set full_name = $1 where id = $2`, [names[i], l.id])));
    for (const l of learners) await (await app.as(l)).ok(ENROL, { runId: course.run.id });

    const teacher = await app.as(instructor);
    const page = (await teacher.ok(ROSTER, { runId: course.run.id, first: 2 })).courseRoster;
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n: any) => n.learner.fullName)).toEqual(['Agus Salim', 'Bambang Pamungkas']);
    // A partner university's instructor is outside every learner's circle: NIPs are masked on their roster.
    const nip = learners[1].nip!;
    expect(page.nodes[0].learner).toMatchObject({ nip: `${nip.slice(0, 4)}${'•'.repeat(11)}${nip.slice(-3)}`, agencyName: agency.name });
    const rest = (await teacher.ok(ROSTER, { runId: course.run.id, first: 2, after: page.pageInfo.endCursor })).courseRoster;
    expect(rest.nodes.map((n: any) => [n.learner.fullName, n.status, n.waitlistPosition])).toEqual([['Citra Lestari', 'ACTIVE', null]]);
    const waiting = (await teacher.ok(ROSTER, { runId: course.run.id, status: ['WAITLISTED'] })).courseRoster;
    expect(waiting.nodes.map((n: any) => [n.learner.fullName, n.waitlistPosition])).toEqual([['Bambang Pamungkas', 1]]);

    const one = await app.countSql(() => teacher.ok(ROSTER, { runId: course.run.id, first: 1 }));
    const all = await app.countSql(() => teacher.ok(ROSTER, { runId: course.run.id, first: 100 }));
    expect(all.count).toBe(one.count);
    expect(all.count).toBeLessThanOrEqual(3);

    // The partner's admin manages the course; the learners' agency admin does not run it.
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    expect((await (await app.as(partnerAdmin)).ok(ROSTER, { runId: course.run.id })).courseRoster.totalCount).toBe(3);
    expect(await (await app.as(admin)).errorCode(ROSTER, { runId: course.run.id })).toBe('FORBIDDEN');
  });

  it('refuses everyone who does not run the course', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const otherInstructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const course = await app.seed.course({ ownerAgency: agency, instructors: [instructor], visibility: CourseVisibility.OWN_AGENCY });
    await (await app.as(learners[0])).ok(ENROL, { runId: course.run.id });
    const otherAdmin = await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.AGENCY_ADMIN }] });
    expect(await (await app.as(otherInstructor)).errorCode(ROSTER, { runId: course.run.id })).toBe('NOT_FOUND');
    expect(await (await app.as(otherAdmin)).errorCode(ROSTER, { runId: course.run.id })).toBe('NOT_FOUND');
    expect(await (await app.as(learners[0])).errorCode(ROSTER, { runId: course.run.id })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(ROSTER, { runId: course.run.id })).toBe('UNAUTHENTICATED');
    expect(await (await app.as(instructor)).errorCode(ROSTER, { runId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect((await (await app.as(instructor)).ok(ROSTER, { runId: course.run.id })).courseRoster.totalCount).toBe(1);
  });
});

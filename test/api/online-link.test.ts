import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import type { GraphQLClient } from '../kit/graphql-client.js';

/*
 * A run's online link is the server's to give (issue 7: "only shown to registered people"): its seat holders
 * (ACTIVE, COMPLETED, FAILED), its instructors, its course's managers and platform admins get CourseRun.onlineUrl;
 * everyone else who may see the run gets null and hasOnlineUrl, in every list that carries runs.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id, early: true) { id status } }`;

const RUN = `query($id: ID!) { courseRun(id: $id) { id onlineUrl hasOnlineUrl } }`;
const COURSE = `query($id: ID!) { course(id: $id) {
  runs { nodes { id onlineUrl hasOnlineUrl viewerEnrolment { status run { id onlineUrl } } } }
  nextRun { id onlineUrl } } }`;
const CATALOGUE = `query($filter: CatalogueFilter) { catalogue(filter: $filter, first: 50) { nodes { id nextRun { id onlineUrl hasOnlineUrl } } } }`;
const MINE = `{ myEnrolments { nodes { status run { id onlineUrl hasOnlineUrl } } } }`;
const HOME = `{ learnerHome {
  activeEnrolments { run { id onlineUrl } } pendingEnrolments { status run { id onlineUrl hasOnlineUrl } }
  recommended { run { id onlineUrl hasOnlineUrl } } } }`;
const TEACHING = `{ teachingRuns { nodes { id onlineUrl } } }`;
const ROSTER = `query($runId: ID!) { courseRoster(runId: $runId) { nodes { status run { id onlineUrl } } } }`;
const INBOX = `{ approvalsInbox { nodes { run { id onlineUrl hasOnlineUrl } } } }`;

const LINK = 'https://vicon.example.go.id/angkatan-daring';
const DAY = 24 * 60 * 60 * 1000;

/**
 * Agency A's course (seen by every agency) with one run that started yesterday and has an online link, 2 seats,
 * supervisor approval and an instructor; A's learners in every state: active, completed, waitlisted, requested.
 * A learner of agency B and a platform admin of B may see the run but hold no seat.
 */
async function world() {
  const a = await app.seed.agencyWithStaff(4);
  const b = await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: a.agency, roles: [{ role: Role.INSTRUCTOR }] });
  const platformAdmin = await app.seed.person({ agency: b.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  const course = await app.seed.course({
    ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, capacity: 2, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL,
    instructors: [instructor], startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY),
  });
  await app.sql(`update course_run set online_url = $1 where id = $2`, [LINK, course.run.id]);
  const supervisor = await app.as(a.supervisor);
  const [active, completed, waitlisted, requested] = await Promise.all(a.learners.map((l) => app.as(l)));
  const enrolApproved = async (learner: GraphQLClient) => {
    const { id } = (await learner.ok(ENROL, { runId: course.run.id })).enrol;
    return (await supervisor.ok(APPROVE, { id })).approveEnrolment as { id: string; status: string };
  };
  expect((await enrolApproved(active)).status).toBe('ACTIVE');
  const done = await enrolApproved(completed);
  expect((await (await app.as(instructor)).ok(COMPLETE, { id: done.id })).completeEnrolment.status).toBe('COMPLETED');
  expect((await enrolApproved(waitlisted)).status).toBe('WAITLISTED');
  expect((await requested.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('REQUESTED');
  return {
    a, b, course, runId: course.run.id, supervisor,
    learners: { active, completed, waitlisted, requested, otherAgency: await app.as(b.learners[0]) },
    staff: { instructor: await app.as(instructor), courseAdmin: await app.as(a.admin), platformAdmin: await app.as(platformAdmin) },
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** The link as `viewer` gets it through courseRun, course { runs nextRun } and catalogue { nextRun }. */
async function linkEverywhere(w: World, viewer: GraphQLClient) {
  const run = (await viewer.ok(RUN, { id: w.runId })).courseRun;
  const course = (await viewer.ok(COURSE, { id: w.course.id })).course;
  const catalogue = (await viewer.ok(CATALOGUE, { filter: { ownerAgencyId: w.a.agency.id } })).catalogue.nodes;
  expect(run.hasOnlineUrl).toBe(true);
  expect(course.runs.nodes).toHaveLength(1);
  expect(course.runs.nodes[0].hasOnlineUrl).toBe(true);
  const card = catalogue.find((c: { id: string }) => c.id === w.course.id);
  expect(card.nextRun).toMatchObject({ id: w.runId, hasOnlineUrl: true });
  return [run.onlineUrl, course.runs.nodes[0].onlineUrl, course.nextRun.onlineUrl, card.nextRun.onlineUrl];
}

describe('a run’s online link', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('is given to seat holders (active, completed), the run’s instructor, the course’s admin and platform admins', async () => {
    for (const [who, viewer] of Object.entries({ ...w.staff, active: w.learners.active, completed: w.learners.completed })) {
      expect(await linkEverywhere(w, viewer), who).toEqual([LINK, LINK, LINK, LINK]);
    }
  });

  it('is null for a waitlisted or requested learner and a learner of another agency, who are told there is one', async () => {
    for (const [who, viewer] of Object.entries({ waitlisted: w.learners.waitlisted, requested: w.learners.requested, otherAgency: w.learners.otherAgency })) {
      expect(await linkEverywhere(w, viewer), who).toEqual([null, null, null, null]);
    }
    // No link at all: nothing to hide, and nothing said.
    const plain = await app.seed.run(w.course, { code: 'TANPA-TAUTAN', startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 2 * DAY) });
    expect((await w.learners.active.ok(RUN, { id: plain.id })).courseRun).toEqual({ id: plain.id, onlineUrl: null, hasOnlineUrl: false });
    expect((await w.staff.courseAdmin.ok(RUN, { id: plain.id })).courseRun).toEqual({ id: plain.id, onlineUrl: null, hasOnlineUrl: false });
  });

  it('follows each learner’s own enrolment in myEnrolments, home and the course page', async () => {
    const expected = { active: LINK, completed: LINK, waitlisted: null, requested: null } as const;
    for (const [who, link] of Object.entries(expected)) {
      const viewer = w.learners[who as keyof typeof expected];
      const mine = (await viewer.ok(MINE)).myEnrolments.nodes;
      expect(mine, who).toHaveLength(1);
      expect(mine[0].run, who).toEqual({ id: w.runId, onlineUrl: link, hasOnlineUrl: true });
      const ownOnPage = (await viewer.ok(COURSE, { id: w.course.id })).course.runs.nodes[0].viewerEnrolment;
      expect(ownOnPage.run.onlineUrl, who).toBe(link);
    }
    const activeHome = (await w.learners.active.ok(HOME)).learnerHome;
    expect(activeHome.activeEnrolments.map((e: { run: unknown }) => e.run)).toEqual([{ id: w.runId, onlineUrl: LINK }]);
    for (const viewer of [w.learners.waitlisted, w.learners.requested]) {
      const home = (await viewer.ok(HOME)).learnerHome;
      expect(home.pendingEnrolments.map((e: { run: unknown }) => e.run)).toEqual([{ id: w.runId, onlineUrl: null, hasOnlineUrl: true }]);
    }
  });

  it('is given in the instructor’s list and the roster; a supervisor deciding a request does not get it', async () => {
    const teaching = (await w.staff.instructor.ok(TEACHING)).teachingRuns.nodes;
    expect(teaching).toEqual([{ id: w.runId, onlineUrl: LINK }]);
    const roster = (await w.staff.courseAdmin.ok(ROSTER, { runId: w.runId })).courseRoster.nodes;
    expect(roster).toHaveLength(4);
    for (const row of roster) expect(row.run, row.status).toEqual({ id: w.runId, onlineUrl: LINK });
    const inbox = (await w.supervisor.ok(INBOX)).approvalsInbox.nodes;
    expect(inbox).toEqual([{ run: { id: w.runId, onlineUrl: null, hasOnlineUrl: true } }]);
  });

  it('costs no statement per run: a learner’s own lists read it from their enrolment, a course page from its own statement', async () => {
    const withLink = await app.countSql(() => w.learners.active.ok(MINE));
    const without = await app.countSql(() => w.learners.active.ok(MINE.replace(' onlineUrl', '')));
    expect(withLink.count, withLink.statements.join('\n')).toBe(without.count);
    const page = await app.countSql(() => w.learners.waitlisted.ok(`query($id: ID!) { course(id: $id) { runs { nodes { id onlineUrl } } } }`, { id: w.course.id }));
    // The session, then the course's one statement (which primes the viewer's enrolments in its runs).
    expect(page.count, page.statements.join('\n')).toBe(2);
  });

  it('stays out of the run’s calendar file for those who hold no seat; seat holders and the instructor get it', async () => {
    const ics = async (viewer: GraphQLClient) => {
      const res = await fetch(`${app.url}/kalender/angkatan/${w.runId}.ics`, { headers: { cookie: viewer.sessionCookie! } });
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const viewer of [w.learners.waitlisted, w.learners.requested, w.learners.otherAgency]) expect(await ics(viewer)).not.toContain(LINK);
    for (const viewer of [w.learners.active, w.learners.completed, w.staff.instructor, w.staff.courseAdmin]) expect(await ics(viewer)).toContain(LINK);
  });
});

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

const BULK = `mutation($runId: ID!, $personIds: [ID!]!) { enrolPeople(runId: $runId, personIds: $personIds) { enrolled waitlisted alreadyEnrolled } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { status } }`;

async function rows(courseId: string) {
  return app.sql(`select person_id, status, decided_by_id from enrolment where course_id = $1 order by waitlisted_at, person_id`, [courseId]);
}
async function counters(courseId: string) {
  return (await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [courseId]))[0];
}

describe('enrolPeople', () => {
  it('fills the free seats in the order given and waitlists the rest, in a constant number of statements', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(6);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 2, policy: EnrolmentPolicy.INVITATION, visibility: CourseVisibility.OWN_AGENCY });
    const client = await app.as(admin);
    const ids = learners.slice(0, 4).map((l) => l.id);
    let result: any;
    const { count } = await app.countSql(async () => {
      result = (await client.ok(BULK, { runId: course.run.id, personIds: ids })).enrolPeople;
    });
    expect(result).toEqual({ enrolled: 2, waitlisted: 2, alreadyEnrolled: 0 });
    const got = await rows(course.id);
    const byPerson = new Map(got.map((r) => [r.person_id, r.status]));
    expect(ids.map((id) => byPerson.get(id))).toEqual(['ACTIVE', 'ACTIVE', 'WAITLISTED', 'WAITLISTED']);
    expect(got.every((r) => r.decided_by_id === admin.id)).toBe(true);
    expect(await counters(course.run.id)).toEqual({ seats_taken: 2, waitlist_length: 2 });
    const [audit] = await app.sql(`select action, data from audit_entry where target_id = $1`, [course.run.id]);
    expect(audit).toMatchObject({ action: 'enrolment.bulk_enrol', data: { people: 4, enrolled: 2, waitlisted: 2, alreadyEnrolled: 0 } });

    // Twice as many people cost the same number of statements.
    const course2 = await app.seed.course({ ownerAgency: agency, capacity: 3 });
    const { count: count2 } = await app.countSql(() => client.ok(BULK, { runId: course2.run.id, personIds: learners.map((l) => l.id) }));
    expect(count).toBeGreaterThan(3);
    expect(count2).toBe(count);

    // Again with overlap: those already in are left alone, newcomers join the queue's end.
    const again = (await client.ok(BULK, { runId: course.run.id, personIds: learners.slice(2).map((l) => l.id) })).enrolPeople;
    expect(again).toEqual({ enrolled: 0, waitlisted: 2, alreadyEnrolled: 2 });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 2, waitlist_length: 4 });
  });

  it('re-opens a withdrawn enrolment, and a freed seat goes to the earliest waitlisted', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(3);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 1 });
    const client = await app.as(admin);
    await client.ok(BULK, { runId: course.run.id, personIds: [learners[0].id, learners[1].id] });
    const [first] = await app.sql(`select id from enrolment where course_id = $1 and person_id = $2`, [course.id, learners[0].id]);
    await (await app.as(learners[0])).ok(WITHDRAW, { id: first.id });
    expect((await rows(course.id)).find((r) => r.person_id === learners[1].id)?.status).toBe('ACTIVE');
    const res = (await client.ok(BULK, { runId: course.run.id, personIds: [learners[0].id, learners[2].id] })).enrolPeople;
    expect(res).toEqual({ enrolled: 0, waitlisted: 2, alreadyEnrolled: 0 });
    expect(await counters(course.run.id)).toEqual({ seats_taken: 1, waitlist_length: 2 });
  });

  it('only people of agencies the admin administers, only active ASN, only courses they may see; nothing written otherwise', async () => {
    const mine = await app.seed.agencyWithStaff(2);
    const theirs = await app.seed.agencyWithStaff(1);
    const course = await app.seed.course({ ownerAgency: mine.agency, capacity: 10 });
    const client = await app.as(mine.admin);

    const foreign = await client.request(BULK, { runId: course.run.id, personIds: [mine.learners[0].id, theirs.learners[0].id] });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'personIds' });
    expect(await client.errorCode(BULK, { runId: course.run.id, personIds: ['00000000-0000-4000-8000-000000000000'] })).toBe('NOT_FOUND');
    const inactive = await app.seed.person({ agency: mine.agency, active: false });
    expect(await client.errorCode(BULK, { runId: course.run.id, personIds: [inactive.id] })).toBe('NOT_A_LEARNER');
    // Another agency's own course is not theirs to fill.
    const hidden = await app.seed.course({ ownerAgency: theirs.agency, visibility: CourseVisibility.OWN_AGENCY });
    expect(await client.errorCode(BULK, { runId: hidden.run.id, personIds: [mine.learners[0].id] })).toBe('NOT_FOUND');
    // A course listed for the admin's agency only, but not for the person's other agency.
    const listed = await app.seed.course({ ownerAgency: theirs.agency, visibility: CourseVisibility.LISTED_AGENCIES, visibleTo: [mine.agency] });
    const platform = await app.seed.person({ agency: mine.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    const third = await app.seed.agencyWithStaff(1);
    expect(await (await app.as(platform)).errorCode(BULK, { runId: listed.run.id, personIds: [third.learners[0].id] })).toBe('COURSE_NOT_VISIBLE');
    const draft = await app.seed.course({ ownerAgency: mine.agency, status: CourseStatus.DRAFT });
    expect(await client.errorCode(BULK, { runId: draft.run.id, personIds: [mine.learners[0].id] })).toBe('COURSE_NOT_OPEN');

    const empty = await client.request(BULK, { runId: course.run.id, personIds: [] });
    expect(empty.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'personIds', constraint: 'arrayMinSize' });
    expect(await client.errorCode(BULK, { runId: course.run.id, personIds: ['bukan-uuid'] })).toBe('BAD_USER_INPUT');

    // Other roles may not bulk-enrol at all.
    expect(await (await app.as(mine.learners[0])).errorCode(BULK, { runId: course.run.id, personIds: [mine.learners[1].id] })).toBe('FORBIDDEN');
    expect(await (await app.as(mine.supervisor)).errorCode(BULK, { runId: course.run.id, personIds: [mine.learners[1].id] })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(BULK, { runId: course.run.id, personIds: [mine.learners[1].id] })).toBe('UNAUTHENTICATED');
    // Another agency's admin: the course is visible to all, but the people are not theirs.
    expect(await (await app.as(theirs.admin)).errorCode(BULK, { runId: course.run.id, personIds: [mine.learners[1].id] })).toBe('NOT_FOUND');

    for (const c of [course, hidden, listed, draft]) {
      expect(await rows(c.id)).toEqual([]);
      expect(await counters(c.run.id)).toEqual({ seats_taken: 0, waitlist_length: 0 });
    }
    expect(await app.sql(`select * from audit_entry where action = 'enrolment.bulk_enrol' and target_id = any($1)`, [[course.id, hidden.id, listed.id, draft.id]])).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode } from '../../server/src/modules/course/course.enums.js';
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
const COMPLETE = `mutation($id: ID!, $early: Boolean) { completeEnrolment(id: $id, early: $early) { id status creditedMinutes } }`;
const FAIL = `mutation($id: ID!, $early: Boolean) { failEnrolment(id: $id, early: $early) { id status } }`;
const MAY = `query($id: ID!) { courseRun(id: $id) { id viewerMayRecordOutcomes } }`;

async function statusOf(id: string): Promise<string> {
  return (await app.sql(`select status from enrolment where id = $1`, [id]))[0].status;
}
async function audits(id: string) {
  return app.sql(`select action, actor_id, data as detail from audit_entry where target_id = $1 order by at`, [id]);
}
/** Dates set after enrolling: this file tests who decides an outcome and when, not when enrolment closes. */
async function schedule(courseId: string, startsInDays: number, endsInDays: number) {
  await app.sql(`update course_run set starts_at = now() + $2 * interval '1 day', ends_at = now() + $3 * interval '1 day' where course_id = $1`, [
    courseId, startsInDays, endsInDays,
  ]);
}

/**
 * A course owned by the agency of `owner` or by `partner`, taught by a partner lecturer, with learners
 * from another agency (so "admin of the learner's agency" and "admin of the owner" are different people).
 */
async function outcomeWorld(ownedBy: 'agency' | 'partner', delivery = DeliveryMode.IN_PERSON) {
  const owner = await app.seed.agencyWithStaff(0);
  const learners = await app.seed.agencyWithStaff(3);
  const partner = await app.seed.partner();
  const otherPartner = await app.seed.partner();
  const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
  const otherPartnerAdmin = await app.seed.person({ partner: otherPartner, roles: [{ role: Role.PARTNER_ADMIN }] });
  const otherInstructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const thirdAgency = await app.seed.agency();
  const thirdAdmin = await app.seed.person({ agency: thirdAgency, roles: [{ role: Role.AGENCY_ADMIN }] });
  const platformAdmin = await app.seed.person({ agency: thirdAgency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  const course = await app.seed.course({
    ...(ownedBy === 'agency' ? { ownerAgency: owner.agency } : { ownerPartner: partner }),
    visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], delivery, jp: 4,
  });
  await app.seed.course({ ownerPartner: partner, instructors: [otherInstructor] });
  const enrolments: { id: string }[] = [];
  for (const l of learners.learners) enrolments.push((await (await app.as(l)).ok(ENROL, { runId: course.run.id })).enrol);
  return {
    course, enrolments, instructor, otherInstructor, partnerAdmin, otherPartnerAdmin, thirdAdmin, platformAdmin,
    ownerAdmin: owner.admin, learnerAdmin: learners.admin, supervisor: learners.supervisor, learner: learners.learners[0],
  };
}

describe('who records a course’s outcome', () => {
  it('an agency-owned course: its instructor and the owning agency’s admin; nobody else, and nothing is written', async () => {
    const w = await outcomeWorld('agency');
    await schedule(w.course.id, -10, -1);
    const [a, b, c] = w.enrolments;
    const refused: [string, Awaited<ReturnType<typeof app.as>>, string][] = [
      ['admin of the learner’s agency', await app.as(w.learnerAdmin), 'FORBIDDEN'],
      ['platform admin', await app.as(w.platformAdmin), 'FORBIDDEN'],
      ['admin of a third agency', await app.as(w.thirdAdmin), 'NOT_FOUND'],
      ['partner admin of the instructor’s partner (not the owner)', await app.as(w.partnerAdmin), 'NOT_FOUND'],
      ['another partner’s admin', await app.as(w.otherPartnerAdmin), 'NOT_FOUND'],
      ['an instructor of another course', await app.as(w.otherInstructor), 'NOT_FOUND'],
      ['the learner’s supervisor', await app.as(w.supervisor), 'FORBIDDEN'],
      ['the learner', await app.as(w.learner), 'FORBIDDEN'],
    ];
    for (const [who, client, code] of refused) {
      expect(await client.errorCode(COMPLETE, { id: a.id }), who).toBe(code);
      expect(await client.errorCode(FAIL, { id: a.id }), who).toBe(code);
      expect(await client.errorCode(COMPLETE, { id: a.id, early: true }), who).toBe(code);
    }
    expect(await app.anonymous().errorCode(COMPLETE, { id: a.id })).toBe('UNAUTHENTICATED');
    expect(await statusOf(a.id)).toBe('ACTIVE');
    expect(await audits(a.id)).toEqual([]);
    expect(await app.sql(`select * from learning_record where enrolment_id = $1`, [a.id])).toEqual([]);

    expect((await (await app.as(w.instructor)).ok(COMPLETE, { id: a.id })).completeEnrolment).toMatchObject({ status: 'COMPLETED', creditedMinutes: 180 });
    expect((await (await app.as(w.ownerAdmin)).ok(COMPLETE, { id: b.id })).completeEnrolment.status).toBe('COMPLETED');
    expect((await (await app.as(w.ownerAdmin)).ok(FAIL, { id: c.id })).failEnrolment.status).toBe('FAILED');
    expect((await audits(b.id)).map((r) => [r.action, r.actor_id])).toEqual([['enrolment.complete', w.ownerAdmin.id]]);
  });

  it('a partner-owned course: its instructor and the owning partner’s admins', async () => {
    const w = await outcomeWorld('partner');
    await schedule(w.course.id, -10, -1);
    const [a, b] = w.enrolments;
    expect(await (await app.as(w.otherPartnerAdmin)).errorCode(COMPLETE, { id: a.id })).toBe('NOT_FOUND');
    expect(await (await app.as(w.learnerAdmin)).errorCode(COMPLETE, { id: a.id })).toBe('FORBIDDEN');
    expect(await (await app.as(w.platformAdmin)).errorCode(FAIL, { id: a.id })).toBe('FORBIDDEN');
    expect(await (await app.as(w.ownerAdmin)).errorCode(COMPLETE, { id: a.id })).toBe('NOT_FOUND');
    expect(await statusOf(a.id)).toBe('ACTIVE');
    expect((await (await app.as(w.partnerAdmin)).ok(COMPLETE, { id: a.id })).completeEnrolment.status).toBe('COMPLETED');
    expect((await (await app.as(w.instructor)).ok(FAIL, { id: b.id })).failEnrolment.status).toBe('FAILED');
  });

  it('the course says whether the viewer may record outcomes, for the roster to show or hide the buttons', async () => {
    const w = await outcomeWorld('agency');
    const may = async (who: Parameters<typeof app.as>[0]) => (await (await app.as(who)).ok(MAY, { id: w.course.run.id })).courseRun.viewerMayRecordOutcomes;
    expect(await may(w.instructor)).toBe(true);
    expect(await may(w.ownerAdmin)).toBe(true);
    expect(await may(w.platformAdmin)).toBe(false);
    expect(await may(w.learnerAdmin)).toBe(false);
    expect(await may(w.otherInstructor)).toBe(false);
    expect(await may(w.partnerAdmin)).toBe(false);
    expect(await may(w.learner)).toBe(false);
    const p = await outcomeWorld('partner');
    expect((await (await app.as(p.partnerAdmin)).ok(MAY, { id: p.course.run.id })).courseRun.viewerMayRecordOutcomes).toBe(true);
  });
});

describe('when a course’s outcome may be recorded', () => {
  it('not before the course starts, even when confirmed early', async () => {
    const w = await outcomeWorld('agency');
    await schedule(w.course.id, 49, 51);
    const teacher = await app.as(w.instructor);
    for (const [doc, vars] of [[COMPLETE, {}], [COMPLETE, { early: true }], [FAIL, {}], [FAIL, { early: true }]] as const) {
      expect(await teacher.errorCode(doc, { id: w.enrolments[0].id, ...vars })).toBe('COURSE_NOT_STARTED');
    }
    const res = await teacher.request(COMPLETE, { id: w.enrolments[0].id });
    expect(res.errors?.[0].message).toBe('Kursus belum dimulai, jadi hasil peserta belum dapat dicatat.');
    expect(await statusOf(w.enrolments[0].id)).toBe('ACTIVE');
    expect(await audits(w.enrolments[0].id)).toEqual([]);
  });

  it('while it runs only with early: true, and the audit says it was early', async () => {
    const w = await outcomeWorld('agency', DeliveryMode.BLENDED);
    await schedule(w.course.id, -2, 3);
    const [a, b] = w.enrolments;
    const teacher = await app.as(w.instructor);
    expect(await teacher.errorCode(COMPLETE, { id: a.id })).toBe('COURSE_NOT_ENDED');
    expect(await teacher.errorCode(COMPLETE, { id: a.id, early: false })).toBe('COURSE_NOT_ENDED');
    expect(await teacher.errorCode(FAIL, { id: b.id })).toBe('COURSE_NOT_ENDED');
    expect(await statusOf(a.id)).toBe('ACTIVE');
    expect(await statusOf(b.id)).toBe('ACTIVE');
    expect(await app.sql(`select * from learning_record where enrolment_id = $1`, [a.id])).toEqual([]);

    expect((await teacher.ok(COMPLETE, { id: a.id, early: true })).completeEnrolment).toMatchObject({ status: 'COMPLETED', creditedMinutes: 180 });
    expect((await teacher.ok(FAIL, { id: b.id, early: true })).failEnrolment.status).toBe('FAILED');
    expect((await audits(a.id))[0].detail).toMatchObject({ early: true, minutes: 180 });
    expect((await audits(b.id))[0].detail).toMatchObject({ early: true });
  });

  it('after it ends without any flag; undated and self-paced courses any time after the start', async () => {
    const ended = await outcomeWorld('agency');
    await schedule(ended.course.id, -5, -1);
    const done = (await (await app.as(ended.instructor)).ok(COMPLETE, { id: ended.enrolments[0].id })).completeEnrolment;
    expect(done.status).toBe('COMPLETED');
    expect((await audits(ended.enrolments[0].id))[0].detail).not.toHaveProperty('early');

    const undated = await outcomeWorld('agency');
    expect((await (await app.as(undated.instructor)).ok(COMPLETE, { id: undated.enrolments[0].id })).completeEnrolment.status).toBe('COMPLETED');

    // Self-paced: the end date closes the offer; each learner finishes at their own pace.
    const selfPaced = await outcomeWorld('agency', DeliveryMode.ONLINE_SELF_PACED);
    await schedule(selfPaced.course.id, -30, 60);
    const teacher = await app.as(selfPaced.instructor);
    expect((await teacher.ok(COMPLETE, { id: selfPaced.enrolments[0].id })).completeEnrolment.status).toBe('COMPLETED');
    await schedule(selfPaced.course.id, 3, 60);
    expect(await teacher.errorCode(COMPLETE, { id: selfPaced.enrolments[1].id })).toBe('COURSE_NOT_STARTED');
  });

  it('who may decide comes before when: an outsider learns nothing about the dates', async () => {
    const w = await outcomeWorld('agency');
    await schedule(w.course.id, 10, 12);
    expect(await (await app.as(w.learnerAdmin)).errorCode(COMPLETE, { id: w.enrolments[0].id })).toBe('FORBIDDEN');
    expect(await (await app.as(w.thirdAdmin)).errorCode(COMPLETE, { id: w.enrolments[0].id })).toBe('NOT_FOUND');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const OFFERED = `query($courseId: ID!, $startsAt: DateTimeISO, $endsAt: DateTimeISO, $search: String, $first: Int, $after: String) {
  assignableInstructors(courseId: $courseId, startsAt: $startsAt, endsAt: $endsAt, search: $search, first: $first, after: $after) {
    nodes { personId fullName partnerName agreementNumber agreementKind } pageInfo { endCursor hasNextPage } totalCount } }`;
const CREATE_RUN = `mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { id instructors { id } } }`;

/** March 2027, 08.00 WIB on the 1st to 16.00 WIB on the 5th. */
const MARCH = { startsAt: '2027-03-01T01:00:00.000Z', endsAt: '2027-03-05T09:00:00.000Z' };
/** A week after the agreement's last day (2027-06-30). */
const JULY = { startsAt: '2027-07-05T01:00:00.000Z', endsAt: '2027-07-07T09:00:00.000Z' };

let n = 0;
/**
 * Agency A (its admin, two of its own instructors, one inactive), agency B (its admin), partner P with two lecturers
 * (one inactive) under a PKS with A for technical training in the first half of 2027, partner Q with a lecturer and
 * no agreement, and a course of A's for technical training.
 */
async function world() {
  n++;
  const a = await app.seed.agencyWithStaff(0);
  const b = await app.seed.agencyWithStaff(0);
  const own = await app.seed.person({ agency: a.agency, fullName: `Ir. Bagus Santoso ${n}`, roles: [{ role: Role.INSTRUCTOR, agency: a.agency }] });
  await app.seed.person({ agency: a.agency, fullName: `Drs. Tidak Aktif ${n}`, active: false, roles: [{ role: Role.INSTRUCTOR, agency: a.agency }] });
  const partner = await app.seed.partner({ name: `Universitas Hasanuddin ${n}` });
  const lecturer = await app.seed.person({ partner, fullName: `Dr. Rina Wulandari ${n}`, roles: [{ role: Role.INSTRUCTOR, partner }] });
  await app.seed.person({ partner, fullName: `Dr. Purna Tugas ${n}`, active: false, roles: [{ role: Role.INSTRUCTOR, partner }] });
  const other = await app.seed.partner({ name: `Universitas Tanpa Perjanjian ${n}` });
  const stranger = await app.seed.person({ partner: other, fullName: `Dr. Hendra Asing ${n}`, roles: [{ role: Role.INSTRUCTOR, partner: other }] });
  const pks = await app.seed.agreement({
    partner, agencies: [a.agency], number: `PKS/${n}/UNHAS/2027`, validFrom: '2027-01-01', validTo: '2027-06-30', scope: [DevelopmentForm.TECHNICAL_TRAINING],
  });
  const course = await app.seed.course({ ownerAgency: a.agency, form: DevelopmentForm.TECHNICAL_TRAINING, policy: EnrolmentPolicy.OPEN });
  return { a, b, own, partner, lecturer, other, stranger, pks, course };
}

const names = (data: any) => data.assignableInstructors.nodes.map((x: { fullName: string }) => x.fullName);

describe('assignableInstructors', () => {
  it('offers the agency’s own instructors and a partner’s under an agreement in force over the dates covering the form', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);

    const march = (await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH })).assignableInstructors;
    // By name: "Dr. Rina …" before "Ir. Bagus …".
    expect(march.nodes).toEqual([
      { personId: w.lecturer.id, fullName: w.lecturer.fullName, partnerName: w.partner.name, agreementNumber: w.pks.number, agreementKind: 'PKS' },
      { personId: w.own.id, fullName: w.own.fullName, partnerName: null, agreementNumber: null, agreementKind: null },
    ]);
    expect(march.totalCount).toBe(2);

    // After the agreement ends (or a run that outlasts it), only the agency's own.
    expect(names(await admin.ok(OFFERED, { courseId: w.course.id, ...JULY }))).toEqual([w.own.fullName]);
    expect(names(await admin.ok(OFFERED, { courseId: w.course.id, startsAt: MARCH.startsAt, endsAt: JULY.endsAt }))).toEqual([w.own.fullName]);

    // Another form: the agreement does not cover seminars.
    const seminar = await app.seed.course({ ownerAgency: w.a.agency, form: DevelopmentForm.SEMINAR });
    expect(names(await admin.ok(OFFERED, { courseId: seminar.id, ...MARCH }))).toEqual([w.own.fullName]);

    // An agency outside the agreement: its course offers nobody of P's.
    const bCourse = await app.seed.course({ ownerAgency: w.b.agency, form: DevelopmentForm.TECHNICAL_TRAINING });
    expect(names(await (await app.as(w.b.admin)).ok(OFFERED, { courseId: bCourse.id, ...MARCH }))).toEqual([]);

    // A partner's own course: its instructors, with no agreement needed.
    const partnerCourse = await app.seed.course({ ownerPartner: w.other, form: DevelopmentForm.TECHNICAL_TRAINING });
    const platform = await app.as(await app.seed.person({ roles: [{ role: Role.PLATFORM_ADMIN }] }));
    expect((await platform.ok(OFFERED, { courseId: partnerCourse.id })).assignableInstructors.nodes)
      .toEqual([{ personId: w.stranger.id, fullName: w.stranger.fullName, partnerName: w.other.name, agreementNumber: null, agreementKind: null }]);
  });

  it('searches by name (typos forgiven) and pages by name', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);
    expect(names(await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, search: 'wulandari' }))).toEqual([w.lecturer.fullName]);
    expect(names(await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, search: 'Wulandary' }))).toEqual([w.lecturer.fullName]);
    expect(names(await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, search: '%' }))).toEqual([]);

    const first = (await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, first: 1 })).assignableInstructors;
    expect(first.nodes.map((x: any) => x.personId)).toEqual([w.lecturer.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, first: 1, after: first.pageInfo.endCursor })).assignableInstructors;
    expect(second.nodes.map((x: any) => x.personId)).toEqual([w.own.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(await admin.errorCode(OFFERED, { courseId: w.course.id, after: 'bukan-kursor' })).toBe('INVALID_CURSOR');
  });

  it('costs a fixed number of statements per page, however many instructors and agreements', async () => {
    const w = await world();
    for (let i = 0; i < 6; i++) {
      const p = await app.seed.partner();
      await app.seed.agreement({ partner: p, agencies: [w.a.agency], scope: [DevelopmentForm.TECHNICAL_TRAINING] });
      await app.seed.person({ partner: p, roles: [{ role: Role.INSTRUCTOR, partner: p }] });
    }
    const admin = await app.as(w.a.admin);
    const { count } = await app.countSql(() => admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, first: 50 }));
    expect((await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH, first: 50 })).assignableInstructors.nodes).toHaveLength(8);
    // The viewer's session, the course, the page, the count.
    expect(count).toBeLessThanOrEqual(4);
  });

  it('is NOT_FOUND for a course the viewer does not manage, and refused to learners', async () => {
    const w = await world();
    const outsider = await app.as(w.b.admin);
    expect(await outsider.errorCode(OFFERED, { courseId: w.course.id, ...MARCH })).toBe('NOT_FOUND');
    expect(await outsider.errorCode(OFFERED, { courseId: 'bukan-uuid' })).toBe('NOT_FOUND');
    const learner = await app.as(await app.seed.person({ agency: w.a.agency }));
    expect(await learner.errorCode(OFFERED, { courseId: w.course.id })).toBe('FORBIDDEN');
  });

  it('what it offers saves; a partner lecturer it does not offer is refused by the agreement gate', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);
    const offered = (await admin.ok(OFFERED, { courseId: w.course.id, ...MARCH })).assignableInstructors.nodes.map((x: any) => x.personId);
    const created = (await admin.ok(CREATE_RUN, { input: { courseId: w.course.id, code: 'A', enrolmentPolicy: 'OPEN', instructorIds: offered, ...MARCH } })).createCourseRun;
    expect(created.instructors.map((i: { id: string }) => i.id).sort()).toEqual([...offered].sort());

    // Not offered in July (the agreement has ended) and refused then; Q's lecturer is never offered and refused.
    expect((await admin.ok(OFFERED, { courseId: w.course.id, ...JULY })).assignableInstructors.nodes.map((x: any) => x.personId)).not.toContain(w.lecturer.id);
    expect(await admin.errorCode(CREATE_RUN, { input: { courseId: w.course.id, code: 'B', enrolmentPolicy: 'OPEN', instructorIds: [w.lecturer.id], ...JULY } })).toBe('AGREEMENT_EXPIRED');
    expect(await admin.errorCode(CREATE_RUN, { input: { courseId: w.course.id, code: 'C', enrolmentPolicy: 'OPEN', instructorIds: [w.stranger.id], ...MARCH } })).toBe('AGREEMENT_MISSING');
  });
});

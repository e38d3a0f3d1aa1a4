import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** A workshop is a course row of kind WORKSHOP with its attendance credit rule (ARCHITECTURE.md "Workshops"). */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = 'id kind attendanceCredit fixedJp minAttendancePercent';
const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCourse(id: $id) { id } }`;
const CREATE_RUN = `mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { id } }`;
const CATALOGUE = `query($filter: CatalogueFilter) { catalogue(filter: $filter, first: 50) { nodes { id kind } } }`;

let seq = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  code: `LOK-${++seq}`, title: 'Lokakarya Penyusunan SAKIP', form: 'WORKSHOP', delivery: 'IN_PERSON', jp: 8, visibility: 'OWN_AGENCY', ...overrides,
});

describe('workshops as a kind of course', () => {
  it('creates a workshop with its credit rule, and a course stays a course with the defaults', async () => {
    const { admin } = await app.seed.agencyWithStaff(0);
    const client = await app.as(admin);
    const workshop = (await client.ok(CREATE, { input: input({ kind: 'WORKSHOP', attendanceCredit: 'FIXED_JP', fixedJp: 7.25, minAttendancePercent: 75 }) })).createCourse;
    expect(workshop).toMatchObject({ kind: 'WORKSHOP', attendanceCredit: 'FIXED_JP', fixedJp: 7.3, minAttendancePercent: 75 });
    const course = (await client.ok(CREATE, { input: input({ form: 'TECHNICAL_TRAINING' }) })).createCourse;
    expect(course).toMatchObject({ kind: 'COURSE', attendanceCredit: 'ATTENDED_MINUTES', fixedJp: null, minAttendancePercent: 80 });

    // Switching back to attended minutes keeps the fixed figure out of the way; FIXED_JP again needs one.
    const updated = (await client.ok(UPDATE, { id: workshop.id, input: { attendanceCredit: 'ATTENDED_MINUTES', fixedJp: null, minAttendancePercent: 90 } })).updateCourse;
    expect(updated).toMatchObject({ attendanceCredit: 'ATTENDED_MINUTES', fixedJp: null, minAttendancePercent: 90 });
    expect(await client.errorCode(UPDATE, { id: workshop.id, input: { attendanceCredit: 'FIXED_JP' } })).toBe('BAD_USER_INPUT');
    const [row] = await app.sql(`select attendance_credit, fixed_jp, min_attendance_percent from course where id = $1`, [workshop.id]);
    expect(row).toEqual({ attendance_credit: 'ATTENDED_MINUTES', fixed_jp: null, min_attendance_percent: 90 });
  });

  it('refuses a FIXED_JP workshop without its JP or a share outside 1–100, writing nothing', async () => {
    const { admin } = await app.seed.agencyWithStaff(0);
    const client = await app.as(admin);
    const noJp = input({ kind: 'WORKSHOP', attendanceCredit: 'FIXED_JP' });
    expect(await client.errorCode(CREATE, { input: noJp })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(CREATE, { input: input({ kind: 'WORKSHOP', minAttendancePercent: 0 }) })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(CREATE, { input: input({ kind: 'WORKSHOP', minAttendancePercent: 101 }) })).toBe('BAD_USER_INPUT');
    const [{ n }] = await app.sql(`select count(*)::int as n from course where code = $1`, [noJp.code]);
    expect(n).toBe(0);
  });

  it('lets the catalogue show workshops, courses or both', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const client = await app.as(admin);
    const ids: Record<string, string> = {};
    for (const kind of ['WORKSHOP', 'COURSE']) {
      const { id } = (await client.ok(CREATE, { input: input({ kind }) })).createCourse;
      await client.ok(CREATE_RUN, { input: { courseId: id, code: '2027-1', enrolmentPolicy: 'OPEN', startsAt: '2027-02-01T02:00:00Z', endsAt: '2027-02-01T06:00:00Z' } });
      await client.ok(PUBLISH, { id });
      ids[kind] = id;
    }
    const learner = await app.as(learners[0]);
    const list = async (kinds?: string[]) => (await learner.ok(CATALOGUE, { filter: { ownerAgencyId: agency.id, kinds } })).catalogue.nodes;
    expect(await list(['WORKSHOP'])).toEqual([{ id: ids.WORKSHOP, kind: 'WORKSHOP' }]);
    expect(await list(['COURSE'])).toEqual([{ id: ids.COURSE, kind: 'COURSE' }]);
    expect((await list()).map((c: { id: string }) => c.id).sort()).toEqual([ids.WORKSHOP, ids.COURSE].sort());
  });
});

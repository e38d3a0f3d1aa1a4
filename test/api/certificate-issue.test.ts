import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
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
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const MINE = `{ myCertificates { totalCount nodes { id serial verificationCode source sourceId recipientName recipientNip title jp status agencyName partnerName signers { name position side } } } }`;

describe('certificates issued by a completion', () => {
  it('completing a course run issues one certificate with the agency serial, the ledger JP and the signers; a retry issues none', async () => {
    const owner = await app.seed.agencyWithStaff(2);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    await app.sql(`insert into certificate_signer (agency_id, name, position) values ($1, 'Dr. Siti Rahma', 'Kepala BKPSDM')`, [owner.agency.id]);
    const course = await app.seed.course({ ownerAgency: owner.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 6 });
    const learner = owner.learners[0];
    const { enrol } = await (await app.as(learner)).ok(ENROL, { runId: course.run.id });
    const second = (await (await app.as(owner.learners[1])).ok(ENROL, { runId: course.run.id })).enrol;
    await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
    const teacher = await app.as(instructor);
    await teacher.ok(COMPLETE, { id: enrol.id });
    expect(await teacher.errorCode(COMPLETE, { id: enrol.id })).toBeTruthy();

    const { myCertificates } = await (await app.as(learner)).ok(MINE);
    expect(myCertificates.totalCount).toBe(1);
    const [c] = myCertificates.nodes;
    const [{ code }] = await app.sql<{ code: string }>(`select code from agency where id = $1`, [owner.agency.id]);
    expect(c.serial).toBe(`${code}/${new Date().getFullYear()}/000001`);
    expect(c).toMatchObject({ source: 'COURSE_RUN', sourceId: enrol.id, jp: 6, status: 'VALID', partnerName: partner.name, title: course.title });
    expect(c.signers).toEqual([{ name: 'Dr. Siti Rahma', position: 'Kepala BKPSDM', side: 'AGENCY' }]);
    expect(c.verificationCode).toMatch(/^[A-Za-z0-9_-]{24}$/);

    // The second learner's certificate takes the next number.
    await teacher.ok(COMPLETE, { id: second.id });
    const [{ serial }] = await app.sql<{ serial: string }>(`select serial from certificate where source_id = $1`, [second.id]);
    expect(serial).toBe(`${code}/${new Date().getFullYear()}/000002`);
  });
});

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

describe('the learner’s certificates of a year', () => {
  it('myCertificates(year) lists the certificates of learning completed in that year in Asia/Jakarta, as JP saya shows them', async () => {
    const owner = await app.seed.agencyWithStaff(1);
    const instructor = await app.seed.person({ agency: owner.agency, roles: [{ role: Role.INSTRUCTOR }] });
    const learner = owner.learners[0];
    const me = await app.as(learner);
    const teacher = await app.as(instructor);
    const completed: string[] = [];
    for (const title of ['Etika Birokrasi', 'Manajemen Risiko', 'Pelayanan Publik']) {
      const course = await app.seed.course({ title, ownerAgency: owner.agency, instructors: [instructor], jp: 4 });
      const { enrol } = await me.ok(ENROL, { runId: course.run.id });
      await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
      await teacher.ok(COMPLETE, { id: enrol.id });
      completed.push(enrol.id);
    }
    const thisYear = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));
    // Completed half an hour into 1 January in Jakarta: in UTC still the last evening of the year before.
    await app.sql(`update certificate set completed_at = make_timestamptz($2::int, 1, 1, 0, 30, 0, 'Asia/Jakarta') where source_id = $1`, [completed[1], thisYear]);
    await app.sql(`update certificate set completed_at = make_timestamptz($2::int, 6, 1, 9, 0, 0, 'Asia/Jakarta') where source_id = $1`, [completed[2], thisYear - 1]);
    const OF_YEAR = `query($year: Int) { myCertificates(year: $year, first: 10) { totalCount nodes { title } } }`;
    const of = async (year: number | null) => {
      const { myCertificates } = await me.ok(OF_YEAR, { year });
      return { totalCount: myCertificates.totalCount, titles: myCertificates.nodes.map((n: { title: string }) => n.title).sort() };
    };
    expect(await of(thisYear)).toEqual({ totalCount: 2, titles: ['Etika Birokrasi', 'Manajemen Risiko'] });
    expect(await of(thisYear - 1)).toEqual({ totalCount: 1, titles: ['Pelayanan Publik'] });
    expect(await of(null)).toEqual({ totalCount: 3, titles: ['Etika Birokrasi', 'Manajemen Risiko', 'Pelayanan Publik'] });
    expect(await of(thisYear - 2)).toEqual({ totalCount: 0, titles: [] });
    expect(await me.errorCode(OF_YEAR, { year: 1999 })).toBe('BAD_USER_INPUT');
  });
});

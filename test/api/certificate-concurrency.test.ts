import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateSource, issueCertificates } from '../../server/src/modules/certificate/index.js';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { seat } from './workshop-fixture.js';

/**
 * The foundation's promises under load (ARCHITECTURE.md "Certificates"): a certificate is issued exactly once per
 * completion however often and however concurrently it is completed, and an agency's serials for a year are unique
 * and gapless under concurrent issuance — also when an issuance rolls back.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const year = new Date().getFullYear();

/** An agency's course (a run that has ended) taught by an instructor, with `learners` seated learners. */
async function endedCourse(learners: number) {
  const owner = await app.seed.agencyWithStaff(0);
  const instructor = await app.seed.person({ agency: owner.agency, orgUnit: owner.unit, roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({ ownerAgency: owner.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 4 });
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  const enrolments: string[] = [];
  for (let i = 0; i < learners; i++) {
    const person = await app.seed.person({ agency: owner.agency, orgUnit: owner.unit });
    enrolments.push(await seat(app, person, course.run.id, course.id));
  }
  const [{ code }] = await app.sql<{ code: string }>(`select code from agency where id = $1`, [owner.agency.id]);
  return { owner, instructor, course, enrolments, code };
}

const certificatesOf = (sourceId: string) => app.sql<{ id: string; status: string; serial: string }>(
  `select id, status, serial from certificate where source_id = $1 order by issued_at`, [sourceId]);

describe('exactly once per completion', () => {
  it('50 concurrent completeEnrolment calls for one enrolment, then retries, issue one certificate', async () => {
    const w = await endedCourse(1);
    const [enrolment] = w.enrolments;
    const teacher = await app.as(w.instructor);
    const answers = await Promise.all(Array.from({ length: 50 }, () => teacher.request(COMPLETE, { id: enrolment })));
    expect(answers.filter((a) => !a.errors?.length && a.data?.completeEnrolment?.status === 'COMPLETED').length).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 3; i++) await teacher.request(COMPLETE, { id: enrolment });
    const issued = await certificatesOf(enrolment);
    expect(issued).toEqual([{ id: expect.any(String), status: 'VALID', serial: `${w.code}/${year}/000001` }]);
    expect((await app.sql(`select count(*)::int as n from audit_entry where action = 'certificate.issue' and target_id = $1`, [issued[0].id]))[0].n).toBe(1);
  });

  it('50 concurrent issuances of one completed source through the service write one certificate', async () => {
    const w = await endedCourse(1);
    const [enrolment] = w.enrolments;
    // Completed, but no certificate yet: as if the completing transaction's listener had not run (JP 0: no ledger line).
    await app.sql(`update enrolment set status = 'COMPLETED', finished_at = now() where id = $1`, [enrolment]);
    const refs = [{ source: CertificateSource.COURSE_RUN, sourceId: enrolment }];
    const written = await Promise.all(Array.from({ length: 50 }, () => app.em().fork().transactional((em) => issueCertificates({ em, viewer: null }, refs))));
    expect(written.flat()).toHaveLength(1);
    expect(await certificatesOf(enrolment)).toEqual([{ id: written.flat()[0], status: 'VALID', serial: `${w.code}/${year}/000001` }]);
  });
});

describe('serials per agency and year', () => {
  it('50 learners completed at once get serials 1..50: no gap, no duplicate, one per learner', async () => {
    const w = await endedCourse(50);
    const teacher = await app.as(w.instructor);
    const answers = await Promise.all(w.enrolments.map((id) => teacher.request(COMPLETE, { id })));
    expect(answers.filter((a) => a.errors?.length)).toEqual([]);
    const rows = await app.sql<{ serial_number: number; serial: string; source_id: string }>(
      `select serial_number, serial, source_id from certificate where issuing_agency_id = $1 and serial_year = $2 order by serial_number`, [w.owner.agency.id, year]);
    expect(rows.map((r) => r.serial_number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.source_id))).toEqual(new Set(w.enrolments));
    expect(rows[49].serial).toBe(`${w.code}/${year}/000050`);
    const [counter] = await app.sql(`select last_number from certificate_serial_counter where agency_id = $1 and year = $2`, [w.owner.agency.id, year]);
    expect(counter.last_number).toBe(50);
  });

  it('an issuance that rolls back among concurrent ones leaves no gap', async () => {
    const w = await endedCourse(21);
    await app.sql(`update enrolment set status = 'COMPLETED', finished_at = now() where id = any($1::uuid[])`, [w.enrolments]);
    const rolledBack = w.enrolments[10];
    const issue = (sourceId: string) => app.em().fork().transactional(async (em) => {
      const ids = await issueCertificates({ em, viewer: null }, [{ source: CertificateSource.COURSE_RUN, sourceId }]);
      if (sourceId === rolledBack) throw new Error('rolled back on purpose');
      return ids;
    });
    const results = await Promise.allSettled(w.enrolments.map(issue));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const numbers = await app.sql<{ serial_number: number }>(
      `select serial_number from certificate where issuing_agency_id = $1 and serial_year = $2 order by serial_number`, [w.owner.agency.id, year]);
    expect(numbers.map((r) => r.serial_number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

import { CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { TestApp } from './test-app.js';

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id } }`;

/**
 * An agency whose learners completed one course each (over HTTP: enrol, then the instructor records completion),
 * so each holds a certificate, and with it an Open Badges credential. Returns the agency's people and certificate ids.
 */
export async function agencyWithCertificates(app: TestApp, learners = 1, course: { jp?: number; competencies?: string[] } = {}) {
  const owner = await app.seed.agencyWithStaff(learners);
  const partner = await app.seed.partner();
  const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const seeded = await app.seed.course({
    ownerAgency: owner.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: course.jp ?? 6, competencyTags: course.competencies,
  });
  const enrolments: string[] = [];
  for (const learner of owner.learners) enrolments.push((await (await app.as(learner)).ok(ENROL, { runId: seeded.run.id })).enrol.id);
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [seeded.run.id]);
  const teacher = await app.as(instructor);
  for (const id of enrolments) await teacher.ok(COMPLETE, { id });
  const rows = await app.sql<{ id: string; source_id: string }>(`select id, source_id from certificate where source_id = any($1::uuid[])`, [enrolments]);
  const certificateIds = enrolments.map((e) => rows.find((r) => r.source_id === e)!.id);
  const [{ code }] = await app.sql<{ code: string }>(`select code from agency where id = $1`, [owner.agency.id]);
  return { ...owner, code, course: seeded, enrolments, certificateIds };
}

/** A certificate's credential JSON as its holder downloads it. */
export async function downloadCredential(app: TestApp, cookie: string, certificateId: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${app.url}/files/certificates/${certificateId}/credential.json`, { headers: { cookie } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export const VERIFY = `mutation($json: String!) { verifyCredential(json: $json) { verdict reason serial title recipientName agencyName revokedReason } }`;

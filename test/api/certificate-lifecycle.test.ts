import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETION_WITHDRAWN_REASON, onCertificatesStatusChanged } from '../../server/src/modules/certificate/index.js';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { SETTLE_QUEUE } from '../../server/src/modules/workshop/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { programmeWorld } from '../kit/programme-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { seat, workshopWorld } from './workshop-fixture.js';

/** A certificate's life after issuance: completions taken back or corrected, revocation, correction, the admin's list. */
let app: TestApp;
const statusChanges: string[] = [];
beforeAll(async () => {
  app = await startTestApp();
  // The server runs in this process: the status-change hooks (the cred area's status list) are the module's own.
  onCertificatesStatusChanged(async (_tx, ids) => {
    statusChanges.push(...ids);
  });
});
afterAll(async () => {
  await app?.close();
});

const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { id status revokedAt revokedReason } }`;
const REISSUE = `mutation($id: ID!) { reissueCertificate(id: $id) { id serial status recipientName jp verificationCode } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { status supersededByCode recipientName revokedReason } }`;
const LIST = `query($agencyId: ID!, $search: String, $status: CertificateStatus, $source: CertificateSource, $first: Int!, $after: String) {
  adminCertificates(agencyId: $agencyId, search: $search, status: $status, source: $source, first: $first, after: $after) {
    nodes { id serial recipientName status source } pageInfo { hasNextPage endCursor } totalCount } }`;

const certificates = (sourceId: string) => app.sql<{ id: string; status: string; jp: number; supersedes_id: string | null; revoked_reason: string | null; verification_code: string; serial: string }>(
  `select id, status, jp::float8 as jp, supersedes_id, revoked_reason, verification_code, serial from certificate where source_id = $1 order by serial_number`, [sourceId]);
const audits = (id: string) => app.sql<{ action: string; actor_id: string | null }>(`select action, actor_id from audit_entry where target_id = $1 order by at, action`, [id]);

/** A learner's completed course of agency A (taught by A's instructor) with its certificate. */
async function completedCourse(learner?: Person, owner?: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>) {
  const a = owner ?? await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: a.agency, orgUnit: a.unit, roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 5 });
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  const person = learner ?? a.learners[0];
  const enrolment = await seat(app, person, course.run.id, course.id);
  await (await app.as(instructor)).ok(COMPLETE, { id: enrolment });
  const [certificate] = await certificates(enrolment);
  return { ...a, instructor, course, person, enrolment, certificate };
}

// ------------------------------------------------------------------------------------------ workshops and programmes

const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { resettled } }`;

async function settle(): Promise<void> {
  const id = await app.lentera.background.queue.boss.send(SETTLE_QUEUE, {});
  for (let i = 0; i < 150; i++) {
    const [job] = await app.sql(`select state, output from pgboss.job where id = $1`, [id]);
    if (job?.state === 'completed') return;
    if (job?.state === 'failed' || job?.state === 'retry') throw new Error(`the settlement job failed: ${JSON.stringify(job.output)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the settlement job did not finish');
}

describe('completions corrected after issuance', () => {
  it('a workshop correction that changes JP re-issues (superseding); one that takes the completion back revokes', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const first = await app.seed.session(w.run, { startsAt: new Date('2026-11-02T02:00:00Z'), endsAt: new Date('2026-11-02T05:00:00Z') });
    const second = await app.seed.session(w.run, { startsAt: new Date('2026-11-10T02:00:00Z'), endsAt: new Date('2026-11-10T04:00:00Z') });
    const instructor = await app.as(w.instructor);
    const [e] = w.enrolments;
    const mark = (session: { id: string }, status: string, lateMinutes?: number) =>
      instructor.ok(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: e, status, lateMinutes }] } });
    await mark(first, 'PRESENT');
    await mark(second, 'PRESENT');
    await settle();
    const [issued] = await certificates(e);
    expect(issued).toMatchObject({ status: 'VALID', supersedes_id: null });
    statusChanges.length = 0;

    // 30 minutes late to the second session: still 90 % attended, fewer JP → a new certificate supersedes the first.
    await mark(second, 'LATE', 30);
    const [old, renewed] = await certificates(e);
    expect(old).toMatchObject({ id: issued.id, status: 'SUPERSEDED' });
    expect(renewed).toMatchObject({ status: 'VALID', supersedes_id: issued.id });
    expect(renewed.jp).toBeLessThan(issued.jp);
    const [{ jp: ledgerJp }] = await app.sql(`select sum(jp)::float8 as jp from learning_record where source_id = $1 and status = 'CREDITED' and reverses_id is null`, [e]);
    expect(renewed.jp).toBe(ledgerJp);
    expect(statusChanges).toEqual([issued.id]);

    // Absent from the second session after all: 60 %, failed → the valid certificate is revoked with the reason.
    await mark(second, 'ABSENT');
    const after = await certificates(e);
    expect(after.map((c) => c.status)).toEqual(['SUPERSEDED', 'REVOKED']);
    expect(after[1].revoked_reason).toBe(COMPLETION_WITHDRAWN_REASON);
    expect(statusChanges).toEqual([issued.id, renewed.id]);
    const verified = (await app.anonymous().ok(VERIFY, { code: renewed.verification_code })).verifyCertificate;
    expect(verified).toMatchObject({ status: 'REVOKED', revokedReason: COMPLETION_WITHDRAWN_REASON });
  });

  it("a programme's completion issues a PROGRAMME certificate with the JP of its items", async () => {
    const w = await programmeWorld(app, { rule: 'ALL_REQUIRED', items: [{ jp: 4 }, { jp: 6 }] });
    const learner = w.taking.learners[0];
    const p = await w.nominate(learner);
    const teacher = await app.as(w.instructor);
    for (const item of w.programme.items) await teacher.ok(COMPLETE, { id: p.enrolments.get(item.id)! });
    const rows = await app.sql(`select source, title, jp::float8 as jp, issuing_agency_id, status from certificate where person_id = $1 order by source`, [learner.id]);
    expect(rows.filter((r) => r.source === 'COURSE_RUN')).toHaveLength(2);
    expect(rows.find((r) => r.source === 'PROGRAMME')).toEqual({ source: 'PROGRAMME', title: w.programme.title, jp: 10, issuing_agency_id: w.owner.agency.id, status: 'VALID' });
    const [{ source_id }] = await app.sql(`select source_id from certificate where person_id = $1 and source = 'PROGRAMME'`, [learner.id]);
    expect(source_id).toBe(p.id);
  });
});

// ------------------------------------------------------------------------------------------ revoking

describe('revoking', () => {
  it("the issuing agency's admin revokes with a reason: one transaction with its audit row and the status hooks; again: CERTIFICATE_NOT_VALID", async () => {
    const c = await completedCourse();
    const admin = await app.as(c.admin);
    expect(await admin.errorCode(REVOKE, { id: c.certificate.id, reason: '   ' })).toBe('BAD_USER_INPUT');
    expect((await certificates(c.enrolment))[0].status).toBe('VALID');
    statusChanges.length = 0;
    const { revokeCertificate } = await admin.ok(REVOKE, { id: c.certificate.id, reason: '  Data  kehadiran dipalsukan ' });
    expect(revokeCertificate).toMatchObject({ status: 'REVOKED', revokedReason: 'Data kehadiran dipalsukan', revokedAt: expect.any(String) });
    expect(statusChanges).toEqual([c.certificate.id]);
    expect(await audits(c.certificate.id)).toEqual([
      { action: 'certificate.issue', actor_id: expect.any(String) },
      { action: 'certificate.revoke', actor_id: c.admin.id },
    ]);
    const [row] = await app.sql(`select revoked_by_id from certificate where id = $1`, [c.certificate.id]);
    expect(row.revoked_by_id).toBe(c.admin.id);
    expect(await admin.errorCode(REVOKE, { id: c.certificate.id, reason: 'lagi' })).toBe('CERTIFICATE_NOT_VALID');
    expect((await audits(c.certificate.id)).filter((a) => a.action === 'certificate.revoke')).toHaveLength(1);
  });

  it("an agency admin may not revoke a certificate of a platform admin or of another agency's admin; a platform admin may; another agency's admin sees nothing", async () => {
    const a = await app.seed.agencyWithStaff(1);
    const other = await app.seed.agencyWithStaff(0);
    const otherAdmin = other.admin;
    const platformAdmin = await app.seed.person({ agency: a.agency, orgUnit: a.unit, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    const ofOtherAdmin = await completedCourse(otherAdmin, a);
    const ofPlatformAdmin = await completedCourse(platformAdmin, a);
    const ofLearner = await completedCourse(a.learners[0], a);
    const admin = await app.as(a.admin);
    expect(await admin.errorCode(REVOKE, { id: ofOtherAdmin.certificate.id, reason: 'x' })).toBe('FORBIDDEN');
    expect(await admin.errorCode(REVOKE, { id: ofPlatformAdmin.certificate.id, reason: 'x' })).toBe('FORBIDDEN');
    expect(await admin.errorCode(REISSUE, { id: ofPlatformAdmin.certificate.id })).toBe('FORBIDDEN');
    expect(await (await app.as(otherAdmin)).errorCode(REVOKE, { id: ofLearner.certificate.id, reason: 'x' })).toBe('NOT_FOUND');
    expect((await app.sql(`select count(*)::int as n from certificate where status <> 'VALID' and issuing_agency_id = $1`, [a.agency.id]))[0].n).toBe(0);
    const platform = await app.as(await app.seed.person({ roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    expect((await platform.ok(REVOKE, { id: ofPlatformAdmin.certificate.id, reason: 'Salah terbit' })).revokeCertificate.status).toBe('REVOKED');
    expect((await admin.ok(REVOKE, { id: ofLearner.certificate.id, reason: 'Salah terbit' })).revokeCertificate.status).toBe('REVOKED');
  });
});

// ------------------------------------------------------------------------------------------ correcting

describe('correcting', () => {
  it('re-issues with the current facts (a corrected name) superseding the old one, whose public page links to the new', async () => {
    const c = await completedCourse();
    await app.sql(`update person set full_name = 'Nama Yang Dibetulkan' where id = $1`, [c.person.id]);
    const admin = await app.as(c.admin);
    statusChanges.length = 0;
    const { reissueCertificate: renewed } = await admin.ok(REISSUE, { id: c.certificate.id });
    expect(renewed).toMatchObject({ status: 'VALID', recipientName: 'Nama Yang Dibetulkan', jp: 5 });
    expect(renewed.serial).not.toBe(c.certificate.serial);
    const rows = await certificates(c.enrolment);
    expect(rows.map((r) => [r.id, r.status, r.supersedes_id])).toEqual([[c.certificate.id, 'SUPERSEDED', null], [renewed.id, 'VALID', c.certificate.id]]);
    expect(statusChanges).toEqual([c.certificate.id]);
    expect(await audits(renewed.id)).toEqual([{ action: 'certificate.reissue', actor_id: c.admin.id }]);
    const [{ issued_by_id }] = await app.sql(`select issued_by_id from certificate where id = $1`, [renewed.id]);
    expect(issued_by_id).toBe(c.admin.id);
    const old = (await app.anonymous().ok(VERIFY, { code: c.certificate.verification_code })).verifyCertificate;
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededByCode: renewed.verificationCode });
    expect(await admin.errorCode(REISSUE, { id: c.certificate.id })).toBe('CERTIFICATE_NOT_VALID');
    expect(await admin.errorCode(REVOKE, { id: c.certificate.id, reason: 'x' })).toBe('CERTIFICATE_NOT_VALID');
  });

  it('refuses to re-issue what is no longer complete (CERTIFICATE_SOURCE_NOT_COMPLETE), writing nothing', async () => {
    const c = await completedCourse();
    await app.sql(`update enrolment set status = 'FAILED' where id = $1`, [c.enrolment]);
    expect(await (await app.as(c.admin)).errorCode(REISSUE, { id: c.certificate.id })).toBe('CERTIFICATE_SOURCE_NOT_COMPLETE');
    expect((await certificates(c.enrolment)).map((r) => r.status)).toEqual(['VALID']);
  });
});

// ------------------------------------------------------------------------------------------ the admin's list

describe("the admin's certificate list", () => {
  it('searches by name, NIP and serial, filters by status and source, pages by keyset in a bounded number of statements', async () => {
    const a = await app.seed.agencyWithStaff(0);
    const people: Person[] = [];
    for (const name of ['Ani Lestari', 'Budi Santoso', 'Citra Dewi', 'Dedi Kurnia', 'Eka Putri']) people.push(await app.seed.person({ agency: a.agency, orgUnit: a.unit, fullName: name }));
    const done = [];
    for (const p of people) done.push(await completedCourse(p, a));
    const admin = await app.as(a.admin);
    const list = async (vars: Record<string, unknown>) => (await admin.ok(LIST, { agencyId: a.agency.id, first: 10, ...vars })).adminCertificates;

    const all = await list({});
    expect(all.totalCount).toBe(5);
    expect(all.nodes.map((n: { recipientName: string }) => n.recipientName)).toEqual(['Eka Putri', 'Dedi Kurnia', 'Citra Dewi', 'Budi Santoso', 'Ani Lestari']);
    expect((await list({ search: 'santo' })).nodes.map((n: { recipientName: string }) => n.recipientName)).toEqual(['Budi Santoso']);
    expect((await list({ search: people[2].nip!.slice(0, 12) })).nodes.map((n: { recipientName: string }) => n.recipientName)).toEqual(['Citra Dewi']);
    expect((await list({ search: done[3].certificate.serial })).nodes.map((n: { id: string }) => n.id)).toEqual([done[3].certificate.id]);
    expect((await list({ search: '100%' })).nodes).toEqual([]);

    await admin.ok(REVOKE, { id: done[0].certificate.id, reason: 'Uji' });
    expect((await list({ status: 'REVOKED' })).nodes.map((n: { id: string }) => n.id)).toEqual([done[0].certificate.id]);
    expect((await list({ status: 'VALID' })).totalCount).toBe(4);
    expect((await list({ source: 'PROGRAMME' })).totalCount).toBe(0);
    expect((await list({ source: 'COURSE_RUN' })).totalCount).toBe(5);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await list({ first: 2, after });
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));

    const small = await app.countSql(() => list({ first: 2 }));
    const large = await app.countSql(() => list({ first: 50, search: 'a' }));
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(4);

    // Another agency's admin: the agency is not theirs.
    const other = await app.seed.agencyWithStaff(0);
    expect(await (await app.as(other.admin)).errorCode(LIST, { agencyId: a.agency.id, first: 10 })).toBe('FORBIDDEN');
  });
});

import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateSource, issueCertificates } from '../../server/src/modules/certificate/index.js';
import { CourseVisibility, DevelopmentForm } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { db } from '../../server/src/shared/db/kysely.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { readPdf } from './certificate-pdf-reader.js';

/**
 * The certificate PDF (ARCHITECTURE.md "Certificates", pdf.*): rendered by the job issuance queues, stored, and
 * downloaded at /files/certificates/<id>.pdf by those who may read the certificate.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const PROGRESS = `query($agencyId: ID!, $runId: ID, $cohortId: ID) {
  certificateRenderProgress(agencyId: $agencyId, runId: $runId, cohortId: $cohortId) { total pending done failed notQueued } }`;
const RERUN = `mutation($agencyId: ID!, $runId: ID) { rerunFailedCertificateRenders(agencyId: $agencyId, runId: $runId) }`;

/** A grayscale PNG drawn by `shade(x, y)` (0 black … 255 white), written by hand: the test needs no image library. */
function png(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, grayscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = shade(x, y);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const LOGO = png(120, 120, (x, y) => ((x - 60) ** 2 + (y - 60) ** 2 < 50 ** 2 ? 40 : 255));
const SIGNATURE = png(200, 60, (x, y) => (Math.abs(y - 30 - 20 * Math.sin(x / 15)) < 2 ? 0 : 255));

async function cookieOf(client: GraphQLClient): Promise<string> {
  return (client as unknown as { cookie: string }).cookie;
}

async function download(client: GraphQLClient | null, id: string, query = ''): Promise<Response> {
  const headers: Record<string, string> = {};
  if (client) headers.cookie = await cookieOf(client);
  return fetch(`${app.url}/files/certificates/${id}.pdf${query}`, { headers });
}

async function uploadLogo(client: GraphQLClient, owner: 'agencies' | 'partners', id: string, body: Buffer, type = 'image/png'): Promise<Response> {
  return fetch(`${app.url}/files/${owner}/${id}/logo`, {
    method: 'PUT', headers: { cookie: await cookieOf(client), 'content-type': type }, body: new Uint8Array(body),
  });
}

const pdfRow = async (certificateId: string) =>
  (await app.sql<{ status: string; content: Buffer | null; error: string | null }>(`select status, content, error from certificate_pdf where certificate_id = $1`, [certificateId]))[0];

async function waitForPdf(certificateId: string, status = 'DONE'): Promise<void> {
  await expect.poll(async () => (await pdfRow(certificateId))?.status, { timeout: 60_000, interval: 200 }).toBe(status);
}

/** A partner's course of an agency, with an agency signer (signature image) and a partner signer, completed by one learner. */
async function completedCertificate() {
  const owner = await app.seed.agencyWithStaff(3);
  const partner = await app.seed.partner();
  const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const platformAdmin = await app.seed.person({ agency: owner.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  await app.sql(`insert into certificate_signer (agency_id, name, position, signature_image) values ($1, 'Dr. Siti Rahma, M.Si.', 'Kepala BKPSDM', $2)`, [owner.agency.id, SIGNATURE]);
  await app.sql(`insert into certificate_signer (partner_id, name, position) values ($1, 'Prof. Dewi Lestari', 'Dekan')`, [partner.id]);
  const admin = await app.as(owner.admin);
  expect((await uploadLogo(admin, 'agencies', owner.agency.id, LOGO)).status).toBe(200);
  expect((await uploadLogo(await app.as(platformAdmin), 'partners', partner.id, LOGO)).status).toBe(200);
  const course = await app.seed.course({
    ownerAgency: owner.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 6,
    form: DevelopmentForm.TECHNICAL_TRAINING, competencyTags: ['pelayanan publik'],
  });
  const learner = owner.learners[0];
  const { enrol } = await (await app.as(learner)).ok(ENROL, { runId: course.run.id });
  // The others enrol too (completed later by a test, once the run is over).
  const others: string[] = [];
  for (const colleague of owner.learners.slice(1)) others.push((await (await app.as(colleague)).ok(ENROL, { runId: course.run.id })).enrol.id);
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  await (await app.as(instructor)).ok(COMPLETE, { id: enrol.id });
  const [certificate] = await app.sql<{ id: string; serial: string; verification_code: string; recipient_name: string }>(
    `select id, serial, verification_code, recipient_name from certificate where source_id = $1`, [enrol.id]);
  return { ...owner, partner, instructor, platformAdmin, course, learner, certificate, others };
}

describe('the certificate PDF', () => {
  it('is A4 landscape with the name, serial and JP as text, Plus Jakarta Sans embedded, and a QR code that decodes to the verification page', async () => {
    const w = await completedCertificate();
    await waitForPdf(w.certificate.id);
    const holder = await app.as(w.learner);
    const res = await download(holder, w.certificate.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The job's stored document is what downloads.
    expect(Buffer.from(bytes).equals((await pdfRow(w.certificate.id)).content!)).toBe(true);

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.width).toBeCloseTo(841.89, 1);
    expect(pdf.height).toBeCloseTo(595.28, 1);
    expect(pdf.text).toContain(w.certificate.recipient_name);
    expect(pdf.text).toContain(w.certificate.serial);
    expect(pdf.text).toContain('6 JP');
    expect(pdf.text).toContain('Pelatihan teknis');
    expect(pdf.text).toContain('diberikan kepada');
    expect(pdf.text).toContain('Dr. Siti Rahma, M.Si.');
    expect(pdf.text).toContain('Prof. Dewi Lestari');
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+PlusJakartaSans-/);
      expect(font.embedded).toBe(true);
    }
    expect(pdf.qrCodes).toEqual([`${app.url}/verifikasi/${w.certificate.verification_code}`]);
    // The agency's and the partner's logos, the signature and the QR code.
    expect(pdf.images).toBe(4);

    // English on request: the labels and the date format change, the facts are as issued.
    const en = await readPdf(new Uint8Array(await (await download(holder, w.certificate.id, '?lang=en')).arrayBuffer()));
    expect(en.text).toContain('is awarded to');
    expect(en.text).toContain('Technical training');
    expect(en.text).not.toContain('diberikan kepada');
    expect(en.text).toContain(w.certificate.recipient_name);
    expect(en.text).toContain(w.certificate.serial);
    const issuedMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'Asia/Jakarta' }).format(new Date());
    expect(en.text).toContain(issuedMonth);
    expect(en.qrCodes).toEqual(pdf.qrCodes);

    // The GraphQL field names the route.
    const { certificate } = await holder.ok(`query($id: ID!) { certificate(id: $id) { pdfUrl } }`, { id: w.certificate.id });
    expect(certificate.pdfUrl).toBe(`/files/certificates/${w.certificate.id}.pdf`);
  }, 180_000);

  it('downloads for the holder, the issuing agency’s admins and platform admins; 404 for another learner and another agency’s admin', async () => {
    const w = await completedCertificate();
    const other = await app.seed.agencyWithStaff(1);
    expect((await download(await app.as(w.learner), w.certificate.id)).status).toBe(200);
    expect((await download(await app.as(w.admin), w.certificate.id)).status).toBe(200);
    expect((await download(await app.as(w.platformAdmin), w.certificate.id)).status).toBe(200);
    for (const stranger of [w.learners[1], w.supervisor, w.instructor, other.admin, other.learners[0]]) {
      const res = await download(await app.as(stranger), w.certificate.id);
      expect(res.status).toBe(404);
      expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await download(await app.as(other.admin), 'not-an-id')).status).toBe(404);
    expect((await download(null, w.certificate.id)).status).toBe(401);
  });

  it('stamps a revoked certificate across the page when it is downloaded', async () => {
    const w = await completedCertificate();
    await waitForPdf(w.certificate.id);
    await app.sql(`update certificate set status = 'REVOKED', revoked_at = now(), revoked_reason = 'Uji' where id = $1`, [w.certificate.id]);
    const pdf = await readPdf(new Uint8Array(await (await download(await app.as(w.learner), w.certificate.id)).arrayBuffer()));
    expect(pdf.text).toContain('DICABUT');
    expect(pdf.text).toContain(w.certificate.serial);
  }, 180_000);
});

describe('logos', () => {
  it('refuses what is not a PNG or JPEG by its bytes, what is too large, and other agencies’ admins, writing nothing; replaces on a new upload', async () => {
    const w = await app.seed.agencyWithStaff(1);
    const other = await app.seed.agencyWithStaff(0);
    const admin = await app.as(w.admin);
    const count = async () => (await app.sql<{ n: number }>(`select count(*)::int as n from organisation_logo where agency_id = $1`, [w.agency.id]))[0].n;

    // A PDF sent as image/png; PNG magic with nothing readable after it; a GIF; a JPEG header with no image.
    for (const body of [Buffer.from('%PDF-1.7\n...'), Buffer.concat([LOGO.subarray(0, 8), Buffer.alloc(64, 7)]), Buffer.from('GIF89a......'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])]) {
      const res = await uploadLogo(admin, 'agencies', w.agency.id, body);
      expect(res.status).toBe(415);
      expect((await res.json()).errors[0].extensions.code).toBe('LOGO_NOT_IMAGE');
    }
    expect((await uploadLogo(admin, 'agencies', w.agency.id, LOGO, 'text/plain')).status).toBe(415);
    const big = await uploadLogo(admin, 'agencies', w.agency.id, Buffer.concat([LOGO, Buffer.alloc(1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe('LOGO_TOO_LARGE');
    expect((await uploadLogo(await app.as(other.admin), 'agencies', w.agency.id, LOGO)).status).toBe(403);
    expect((await uploadLogo(await app.as(w.learners[0]), 'agencies', w.agency.id, LOGO)).status).toBe(403);
    expect(await count()).toBe(0);

    const up = await uploadLogo(admin, 'agencies', w.agency.id, LOGO);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ byteSize: LOGO.length, contentType: 'image/png' });
    const second = png(40, 40, () => 0);
    expect((await uploadLogo(admin, 'agencies', w.agency.id, second)).status).toBe(200);
    expect(await count()).toBe(1);
    const got = await fetch(`${app.url}/files/agencies/${w.agency.id}/logo`, { headers: { cookie: await cookieOf(await app.as(w.learners[0])) } });
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(second)).toBe(true);
    const audits = await app.sql(`select action, actor_id from audit_entry where target_id = $1 and action = 'logo.upload'`, [w.agency.id]);
    expect(audits).toEqual([{ action: 'logo.upload', actor_id: w.admin.id }, { action: 'logo.upload', actor_id: w.admin.id }]);

    // A partner's logo: its admins and platform admins, not an agency's admin.
    const partner = await app.seed.partner();
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    expect((await uploadLogo(admin, 'partners', partner.id, LOGO)).status).toBe(403);
    expect((await uploadLogo(await app.as(partnerAdmin), 'partners', partner.id, LOGO)).status).toBe(200);
  });
});

describe('rendering at scale', () => {
  it('500 certificates issued at once commit with PENDING rows only; requests answer while the job renders; the counts reach done', async () => {
    const w = await app.seed.agencyWithStaff(0);
    const admin = await app.as(w.admin);
    const course = await app.seed.course({ ownerAgency: w.agency, jp: 4 });
    const tag = `${process.pid}-${Date.now()}`;
    // Set-based: 500 people, each with a completed enrolment in the run.
    const enrolments = await app.sql<{ id: string }>(
      `with people as (
         insert into person (full_name, email, employment_type, agency_id)
         select 'Peserta Massal ' || g, 'massal-' || g || '-' || $2 || '@uji.go.id', 'NON_ASN', $1 from generate_series(1, 500) g returning id)
       insert into enrolment (person_id, course_id, run_id, status, decided_at, finished_at)
       select id, $3, $4, 'COMPLETED', now(), now() from people returning id`,
      [w.agency.id, tag, course.id, course.run.id]);
    expect(enrolments).toHaveLength(500);

    // Issued in one transaction, as a cohort's completion is: inside it, every PDF is PENDING and none is rendered.
    const ids = await app.em().transactional(async (em) => {
      const written = await issueCertificates({ em, viewer: null }, enrolments.map((e) => ({ source: CertificateSource.COURSE_RUN, sourceId: e.id })));
      const rows = await db({ em }).selectFrom('certificate_pdf').select(['status', 'content'])
        .where('certificate_id', 'in', written).execute();
      expect(rows).toHaveLength(500);
      expect(rows.every((r) => r.status === 'PENDING' && r.content === null)).toBe(true);
      return written;
    });
    expect(ids).toHaveLength(500);

    // Right after: a request answers while the job still has most of the work ahead of it.
    const first = (await admin.ok(PROGRESS, { agencyId: w.agency.id, runId: course.run.id })).certificateRenderProgress;
    expect(first.total).toBe(500);
    expect(first.done).toBeLessThan(500);
    expect(first.pending + first.done).toBe(500);
    // A holder whose PDF is still queued gets it at once (rendered on the spot).
    const pendingOne = (await app.sql<{ certificate_id: string }>(`select certificate_id from certificate_pdf where certificate_id = any($1) and status = 'PENDING' limit 1`, [ids]))[0];
    if (pendingOne) {
      const res = await download(admin, pendingOne.certificate_id);
      expect(res.status).toBe(200);
      expect((await readPdf(new Uint8Array(await res.arrayBuffer()))).text).toContain('Peserta Massal');
    }
    const midway = (await admin.ok(PROGRESS, { agencyId: w.agency.id, runId: course.run.id })).certificateRenderProgress;
    expect(midway.done).toBeLessThan(500);

    await expect.poll(async () => (await admin.ok(PROGRESS, { agencyId: w.agency.id })).certificateRenderProgress, { timeout: 600_000, interval: 1000 })
      .toEqual({ total: 500, pending: 0, done: 500, failed: 0, notQueued: 0 });
  }, 660_000);
});

describe('failed renders', () => {
  it('are counted as failed with their reason and re-run by the agency admin once the cause is fixed', async () => {
    const w = await completedCertificate();
    await waitForPdf(w.certificate.id);
    // A signer's signature image that says PNG but is not one: renders fail.
    await app.sql(`update certificate_signer set signature_image = $2 where agency_id = $1`, [w.agency.id, Buffer.concat([LOGO.subarray(0, 8), Buffer.alloc(40, 3)])]);
    const enrolments = w.others;
    const instructor = await app.as(w.instructor);
    for (const id of enrolments) await instructor.ok(COMPLETE, { id });
    const ids = (await app.sql<{ id: string }>(`select id from certificate where source_id = any($1)`, [enrolments])).map((r) => r.id);
    for (const id of ids) await waitForPdf(id, 'FAILED');
    expect((await pdfRow(ids[0])).error).toBeTruthy();

    const admin = await app.as(w.admin);
    const scope = { agencyId: w.agency.id, runId: w.course.run.id };
    expect((await admin.ok(PROGRESS, scope)).certificateRenderProgress).toEqual({ total: 3, pending: 0, done: 1, failed: 2, notQueued: 0 });
    // Only the agency's admins and platform admins.
    const other = await app.seed.agencyWithStaff(0);
    expect(await (await app.as(other.admin)).errorCode(RERUN, scope)).toBe('FORBIDDEN');
    expect(await (await app.as(w.learner)).errorCode(PROGRESS, scope)).toBe('FORBIDDEN');

    await app.sql(`update certificate_signer set signature_image = $2 where agency_id = $1`, [w.agency.id, SIGNATURE]);
    expect((await admin.ok(RERUN, scope)).rerunFailedCertificateRenders).toBe(2);
    for (const id of ids) await waitForPdf(id, 'DONE');
    expect((await admin.ok(PROGRESS, scope)).certificateRenderProgress).toEqual({ total: 3, pending: 0, done: 3, failed: 0, notQueued: 0 });
    expect((await admin.ok(RERUN, scope)).rerunFailedCertificateRenders).toBe(0);
    const [audit] = await app.sql(`select actor_id, data from audit_entry where action = 'certificate.pdf_rerun' and target_id = $1`, [w.agency.id]);
    expect(audit).toEqual({ actor_id: w.admin.id, data: { count: 2, runId: w.course.run.id, cohortId: null } });
  }, 300_000);
});

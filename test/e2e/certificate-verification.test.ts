import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { readPdf } from '../api/certificate-pdf-reader.js';

/**
 * Certificates in the browser, on a 360 px phone: the public verification page signed out (loaded alone: no session
 * question, no app shell), "Sah", then "Dicabut" after an admin revokes it on /admin/sertifikat; and the story
 * from the learner's "Sertifikat saya".
 */
let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;

/** A learner of a fresh agency whose course an instructor has just completed (the certificate issued with it). */
async function completed(fullName: string, title: string) {
  const { agency, unit, admin } = await app.seed.agencyWithStaff(0);
  const learner = await app.seed.person({ agency, orgUnit: unit, fullName });
  const instructor = await app.seed.person({ agency, orgUnit: unit, roles: [{ role: Role.INSTRUCTOR }] });
  await app.sql(`insert into certificate_signer (agency_id, name, position) values ($1, 'Dr. Siti Rahma', 'Kepala BKPSDM')`, [agency.id]);
  const course = await app.seed.course({ ownerAgency: agency, title, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 6 });
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  const [{ id: enrolment }] = await app.sql<{ id: string }>(
    `insert into enrolment (person_id, course_id, run_id, status, decided_at) values ($1, $2, $3, 'ACTIVE', now()) returning id`, [learner.id, course.id, course.run.id]);
  await (await app.as(instructor)).ok(COMPLETE, { id: enrolment });
  const [certificate] = await app.sql<{ id: string; verification_code: string; serial: string }>(
    `select id, verification_code, serial from certificate where source_id = $1`, [enrolment]);
  return { agency, admin, learner, certificate };
}

async function fitsThePhone() {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Opens the public page signed out and returns the GraphQL operations it asked for. */
async function openSignedOut(code: string): Promise<string[]> {
  await page.context().clearCookies();
  const operations: string[] = [];
  const onRequest = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/graphql')) operations.push(/(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '')?.[1] ?? '?');
  };
  page.on('request', onRequest);
  await page.goto(`${app.url}/verifikasi/${code}`);
  await page.getByTestId('verify-status').waitFor();
  page.off('request', onRequest);
  return operations;
}

async function revokeAsAdmin(admin: Person, serial: string, reason: string) {
  await signInAt(page, app.url, admin.nip!);
  await page.goto(`${app.url}/admin/sertifikat`);
  await page.getByLabel('Cari nama, NIP atau nomor sertifikat').fill(serial);
  const row = page.getByTestId('admin-certificate').filter({ hasText: serial });
  await row.getByRole('button', { name: 'Cabut' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alasan pencabutan').fill(reason);
  await fitsThePhone();
  await expectNoSeriousA11yViolations(page, 'cabut sertifikat');
  await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
  await row.getByText('Dicabut').waitFor();
}

describe('the public verification page', () => {
  it('signed out on a phone: "Sah" with the NIP masked and nothing of the app; after an admin revokes it: "Dicabut" with the date and reason', async () => {
    const w = await completed('Ratna Sari Dewi', 'Manajemen Risiko Sektor Publik');
    const operations = await openSignedOut(w.certificate.verification_code);
    await page.getByRole('heading', { level: 1, name: 'Sah' }).waitFor();
    expect(operations).toEqual(['VerifyCertificate']);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Ratna Sari Dewi');
    expect(text).toContain('Manajemen Risiko Sektor Publik');
    expect(text).toContain(w.certificate.serial);
    expect(text).toContain(`${w.learner.nip!.slice(0, 4)}•••••••••••${w.learner.nip!.slice(-3)}`);
    expect(text).not.toContain(w.learner.nip!);
    expect(await page.getByRole('navigation').count()).toBe(0);
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'verifikasi sertifikat sah');

    await revokeAsAdmin(w.admin, w.certificate.serial, 'Data kehadiran tidak sah');

    await openSignedOut(w.certificate.verification_code);
    await page.getByRole('heading', { level: 1, name: 'Dicabut' }).waitFor();
    expect(await page.locator('body').innerText()).toMatch(/Dicabut .*2026\. Alasan: Data kehadiran tidak sah/);
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'verifikasi sertifikat dicabut');
    expect(browser.pageErrors).toEqual([]);
  });

  it('an unknown code says so, signed out', async () => {
    await openSignedOut('AAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('heading', { level: 1, name: 'Tidak ditemukan' }).waitFor();
  });
});

describe("the issue's story", () => {
  it('the learner finds the completed course\'s certificate in "Sertifikat saya", downloads its PDF, whose QR code opens the verification page: "Sah" signed out, and "Dicabut" once revoked', async () => {
    const w = await completed('Budi Santoso', 'Penyusunan Anggaran Berbasis Kinerja');
    await signInAt(page, app.url, w.learner.nip!);
    // "JP saya" shows the year's certificates beside its JP, and leads on to "Sertifikat saya".
    await page.goto(`${app.url}/jp-saya`);
    const ofTheYear = page.getByTestId('year-certificates');
    await ofTheYear.getByText('Penyusunan Anggaran Berbasis Kinerja').waitFor();
    await ofTheYear.getByText(`${w.certificate.serial} · 6 JP`).waitFor();
    await ofTheYear.getByText('Sah').waitFor();
    await fitsThePhone();
    await ofTheYear.getByRole('link', { name: 'Lihat semua sertifikat saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sertifikat saya' }).waitFor();
    const card = page.getByTestId('my-certificate').filter({ hasText: 'Penyusunan Anggaran Berbasis Kinerja' });
    await card.getByText('Sah').waitFor();
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'sertifikat saya');
    const linkedIn = new URL((await card.getByRole('link', { name: 'Tambahkan ke LinkedIn' }).getAttribute('href'))!);
    expect(linkedIn.searchParams.get('certId')).toBe(w.certificate.serial);
    expect(linkedIn.searchParams.get('name')).toBe('Penyusunan Anggaran Berbasis Kinerja');
    const href = await card.getByRole('link', { name: 'Halaman verifikasi' }).getAttribute('href');
    expect(href).toBe(`${app.url}/verifikasi/${w.certificate.verification_code}`);
    expect(linkedIn.searchParams.get('certUrl')).toBe(href);

    // The PDF the row offers, fetched with the learner's session as the browser would: the name, serial and JP
    // printed, and a QR code that leads to the same verification page.
    const pdfLink = card.getByRole('link', { name: `Unduh PDF sertifikat ${w.certificate.serial}` });
    const file = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, app.url).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    const pdf = await readPdf(await file.body());
    expect(pdf.text).toContain('Budi Santoso');
    expect(pdf.text).toContain(w.certificate.serial);
    expect(pdf.text).toMatch(/\b6 JP\b/);
    expect(pdf.qrCodes).toHaveLength(1);
    expect(pdf.qrCodes[0].endsWith(`/verifikasi/${w.certificate.verification_code}`)).toBe(true);

    await openSignedOut(w.certificate.verification_code);
    await page.getByRole('heading', { level: 1, name: 'Sah' }).waitFor();

    await revokeAsAdmin(w.admin, w.certificate.serial, 'Peserta tidak memenuhi syarat');
    await openSignedOut(w.certificate.verification_code);
    await page.getByRole('heading', { level: 1, name: 'Dicabut' }).waitFor();
  });
});

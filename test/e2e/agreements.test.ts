import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../server/src/modules/agency/index.js';
import { CourseVisibility, DevelopmentForm } from '../../server/src/modules/course/index.js';
import type { PartnerInstitution } from '../../server/src/modules/partner/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import type { SeededCourse } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Cooperation agreements in a real Chromium at 360 px: an agency admin sees the agreement ending soon on their home
 * page, records a new one with its PDF and downloads it; the run admin screen says which agreement has ended when a
 * run's instructors include a partner lecturer no agreement covers any more.
 */
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let agency: Agency;
let partner: PartnerInstitution;
let admin: Person;
let course: SeededCourse;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  agency = await app.seed.agency({ name: 'Pemerintah Kota Bogor' });
  partner = await app.seed.partner({ name: 'Universitas Pakuan' });
  admin = await app.seed.person({ agency, fullName: 'Dewi Lestari', roles: [{ role: Role.AGENCY_ADMIN, agency }] });
  const colleague = await app.seed.person({ agency, fullName: 'Ir. Bayu Saputra', roles: [{ role: Role.INSTRUCTOR, agency }] });
  const lecturer = await app.seed.person({ partner, fullName: 'Dr. Sri Handayani', roles: [{ role: Role.INSTRUCTOR }] });
  void colleague;
  // The lecturer was put on the run while the PKS was in force; it has ended since.
  course = await app.seed.course({
    title: 'Pengelolaan Arsip Digital', ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, form: DevelopmentForm.TECHNICAL_TRAINING,
    startsAt: new Date(Date.now() + 20 * DAY), endsAt: new Date(Date.now() + 22 * DAY), instructors: [lecturer],
  });
  await app.seed.agreement({ partner, agencies: [agency], number: 'PKS/003/UNPAK/2024', validFrom: '2024-01-01', validTo: day(-10), scope: [DevelopmentForm.TECHNICAL_TRAINING] });
  await app.seed.agreement({ partner, agencies: [agency], number: 'MOU/001/UNPAK/2023', validFrom: '2023-01-01', validTo: day(30), scope: [DevelopmentForm.SEMINAR] });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const signIn = (login: string) => signInAt(page, app.url, login);

describe('agreements, in the browser', () => {
  it('an agency admin sees the one ending soon at home, records a new agreement with its PDF and downloads it', async () => {
    await page.setViewportSize(PHONE);
    await signIn(admin.nip!);
    const notice = page.getByRole('alert').filter({ hasText: 'kerja sama segera berakhir' });
    await notice.getByRole('link', { name: 'MOU/001/UNPAK/2023' }).waitFor();
    await notice.getByText(/dengan Universitas Pakuan berakhir .+ \(30 hari lagi\)/).waitFor();
    await expectNoSeriousA11yViolations(page, 'home with an agreement ending soon');

    await page.goto(`${app.url}/kerja-sama`);
    await page.getByRole('heading', { level: 1, name: 'Kerja sama mitra' }).waitFor();
    await page.getByRole('link', { name: 'PKS PKS/003/UNPAK/2024' }).waitFor();
    await page.getByText('Berakhir', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'agreements list');

    await page.getByRole('link', { name: 'Catat kerja sama' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catat kerja sama' }).waitFor();
    await page.getByLabel('Nomor perjanjian').fill('PKS/011/UNPAK/2026');
    await page.getByLabel('Judul').fill('Pelatihan teknis kearsipan');
    await page.getByRole('combobox', { name: 'Mitra' }).fill('Pakuan');
    await page.getByRole('option', { name: 'Universitas Pakuan' }).click();
    await page.getByLabel('Berlaku mulai').fill(day(-1));
    await page.getByLabel('Berlaku sampai').fill(day(700));
    await page.getByLabel('Bentuk pengembangan yang dicakup').first().fill('teknis');
    await page.getByRole('option', { name: 'Pelatihan teknis' }).click();
    await page.keyboard.press('Tab');
    await page.locator('input[type="file"]').setInputFiles({ name: 'pks-unpak.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expectNoSeriousA11yViolations(page, 'new agreement form');
    await page.getByRole('button', { name: 'Simpan' }).click();

    await page.getByRole('heading', { level: 1, name: 'PKS/011/UNPAK/2026' }).waitFor();
    const download = page.getByRole('link', { name: /Unduh dokumen PDF/ });
    await download.waitFor();
    await expectNoSeriousA11yViolations(page, 'agreement detail');
    const file = await page.request.get(`${app.url}${await download.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    const [row] = await app.sql(`select a.scope, d.byte_size from agreement a join agreement_document d on d.id = a.document_id where a.number = 'PKS/011/UNPAK/2026'`);
    expect(row).toEqual({ scope: ['TECHNICAL_TRAINING'], byte_size: PDF.length });
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('the run admin screen says which agreement ended when a partner lecturer is no longer covered', async () => {
    // Nothing covers the run now: the PKS recorded above starts yesterday, so remove it to see the ended one named.
    await app.sql(`delete from agreement where number = 'PKS/011/UNPAK/2026'`);
    await page.setViewportSize(PHONE);
    await signIn(admin.nip!);
    await page.goto(`${app.url}/admin/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: 'Pengelolaan Arsip Digital' }).waitFor();
    await page.getByRole('button', { name: 'Ubah Angkatan 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah Angkatan 1' });
    await dialog.getByLabel('Pengajar').fill('Bayu');
    await page.getByRole('option', { name: /Ir\. Bayu Saputra/ }).click();
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText(/^Perjanjian kerja sama PKS\/003\/UNPAK\/2024 dengan Universitas Pakuan berakhir pada \d{4}-\d{2}-\d{2}, sebelum kelas ini selesai\./).waitFor();
    await expectNoSeriousA11yViolations(page, 'run form refusing an uncovered partner lecturer');
    expect((await app.sql(`select count(*)::int as n from course_run_instructor where run_id = $1`, [course.run.id]))[0].n).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

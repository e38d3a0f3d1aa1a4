import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode, DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The learner's three taps and the supervisor's one, in a real Chromium against the built client
 * served by the real server: sign in → catalogue → course → enrol (waits for approval) → the
 * supervisor approves → the learner sees the enrolment active. On a 360 px phone for the learner.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'test/e2e/screenshots');
const DESKTOP = { width: 1280, height: 800 };

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;
let supervisor: Person;
const COURSE_TITLE = 'Pelayanan Publik Digital untuk Kelurahan';

/** Every screen the test opens: no serious accessibility violation, nothing cut off on the phone, then a screenshot. */
async function shot(name: string) {
  await expectNoSeriousA11yViolations(page, name);
  if (page.viewportSize()?.width === PHONE.width) await expectNothingCutOff(page, name);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

async function signIn(person: Person) {
  await page.goto(`${app.url}/`);
  await page.waitForURL(/\/masuk/);
  await page.getByLabel('NIP atau e-mail').fill(person.nip!);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();
}

async function signOut(fullName: string) {
  await page.getByRole('button', { name: `Akun ${fullName}` }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.waitForURL(/\/masuk/);
  await page.getByRole('heading', { name: 'Masuk', level: 2 }).waitFor();
}

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(screenshots, { recursive: true });
  app = await startTestApp();

  const agency = await app.seed.agency({ name: 'Pemerintah Kota Semarang' });
  const unit = await app.seed.orgUnit(agency, 'Dinas Komunikasi, Informatika, Statistik dan Persandian');
  supervisor = await app.seed.person({ agency, orgUnit: unit, fullName: 'Budi Santoso' });
  learner = await app.seed.person({ agency, orgUnit: unit, supervisor, fullName: 'Siti Rahmawati' });
  const start = new Date(Date.now() + 9 * 86_400_000);
  start.setUTCHours(6, 0, 0, 0); // 13.00 WIB
  await app.seed.course({
    title: COURSE_TITLE,
    description: 'Bimbingan teknis memindahkan layanan kelurahan ke kanal digital: memetakan perjalanan warga, menyederhanakan formulir, dan mengukur kepuasan.',
    form: DevelopmentForm.TECHNICAL_GUIDANCE,
    delivery: DeliveryMode.BLENDED,
    jp: 12,
    ownerAgency: agency,
    capacity: 30,
    policy: EnrolmentPolicy.SUPERVISOR_APPROVAL,
    visibility: CourseVisibility.OWN_AGENCY,
    competencyTags: ['Pelayanan Publik', 'Transformasi Digital'],
    startsAt: start,
  });
  // Something else in the catalogue, so the search has to find the right course.
  await app.seed.course({ title: 'Integritas dan Antikorupsi bagi ASN', jp: 6, ownerAgency: agency, competencyTags: ['Integritas'] });

  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('enrolment with supervisor approval, in the browser', () => {
  it('learner requests, supervisor approves, learner sees the enrolment active', async () => {
    // Learner, on a phone: sign in and see the year's JP first.
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/masuk/);
    await page.getByRole('heading', { name: 'Masuk', level: 2 }).waitFor();
    await shot('01-sign-in');
    await signIn(learner);
    await page.getByRole('heading', { name: /^0 \/ 20 JP tahun \d{4}$/ }).waitFor();
    await shot('02-learner-home');

    // Catalogue: search, then open the course (tap 1 and 2).
    await page.getByRole('link', { name: 'Katalog pembelajaran' }).click();
    await page.waitForURL(/\/katalog/);
    await page.getByLabel('Cari pelatihan').fill('pelayanan publik');
    await page.waitForURL(/q=pelayanan\+publik/);
    const card = page.getByRole('link', { name: new RegExp(COURSE_TITLE) });
    await card.waitFor();
    await expect.poll(() => page.getByRole('link', { name: /Integritas dan Antikorupsi/ }).count(), { timeout: 10_000 }).toBe(0);
    await shot('03-catalogue-search');
    await card.click();
    await page.getByRole('heading', { name: COURSE_TITLE, level: 1 }).waitFor();

    // The consequence is stated before pressing (tap 3).
    await page.getByText('Perlu persetujuan atasan langsung Anda, Budi Santoso.', { exact: false }).waitFor();
    await shot('04-course-detail');
    await page.getByRole('button', { name: 'Ajukan ke atasan' }).click();
    await page.getByText(/Menunggu persetujuan Budi Santoso \(atasan langsung\) sejak/).first().waitFor();
    await page.getByText('Menunggu persetujuan', { exact: true }).first().waitFor();
    await shot('05-enrolment-requested');
    const [requested] = await app.sql(`select status from enrolment where person_id = $1`, [learner.id]);
    expect(requested.status).toBe('REQUESTED');
    await signOut('Siti Rahmawati');

    // Supervisor, on a desktop: the approvals inbox, one tap to approve.
    await page.setViewportSize(DESKTOP);
    await signIn(supervisor);
    await shot('06-supervisor-home');
    await page.getByRole('link', { name: 'Persetujuan' }).first().click();
    await page.waitForURL(/\/persetujuan/);
    await page.getByText('Siti Rahmawati', { exact: true }).waitFor();
    await shot('07-approvals-inbox');
    await page.getByRole('button', { name: 'Setujui permintaan Siti Rahmawati' }).click();
    await page.getByText('Siti Rahmawati kini terdaftar di', { exact: false }).waitFor();
    await page.getByText('Tidak ada permintaan yang menunggu').waitFor();
    await shot('08-approved');
    await signOut('Budi Santoso');

    // Learner again: the enrolment is active.
    await page.setViewportSize(PHONE);
    await signIn(learner);
    await page.getByRole('link', { name: 'Pendaftaran saya' }).click();
    await page.waitForURL(/\/pendaftaran/);
    const item = page.getByRole('article').filter({ hasText: COURSE_TITLE });
    await item.getByText('Aktif', { exact: true }).waitFor();
    // The course starts in nine days: enrolled, but not "dapat mulai belajar" yet.
    await item.getByText(/^Anda terdaftar\. Kursus dimulai .+ \(dalam \d+ hari\)\.$/).waitFor();
    await shot('09-learner-active');
    const [active] = await app.sql(`select status from enrolment where person_id = $1`, [learner.id]);
    expect(active.status).toBe('ACTIVE');
    // No uncaught exception anywhere along the way.
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);
});

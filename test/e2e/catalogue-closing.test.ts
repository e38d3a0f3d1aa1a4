import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Finding the right course in a real Chromium: the words civil servants use, ended courses hidden
 * until asked for (in the URL), the order in the URL, the learner's own status on each card, and an
 * ended course that says "Pendaftaran ditutup" with the reason instead of offering the button.
 */
const DESKTOP = { width: 1280, height: 900 };
const ENDED = 'Bimbingan Teknis Arsip Digital';
const UPCOMING = 'Bimtek Tata Naskah Dinas Elektronik';
const DONE = 'Bimbingan Teknis Pelayanan Prima';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Palembang' });
  const unit = await app.seed.orgUnit(agency, 'Kecamatan Plaju');
  const supervisor = await app.seed.person({ agency, orgUnit: unit });
  learner = await app.seed.person({ agency, orgUnit: unit, supervisor, fullName: 'Dewi Lestari' });
  const base = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 30 };
  const ended = await app.seed.course({ ...base, title: ENDED });
  await app.sql(`update course_run set starts_at = now() - interval '60 days', ends_at = now() - interval '21 days', seats_taken = 24 where id = $1`, [ended.run.id]);
  const upcoming = await app.seed.course({ ...base, title: UPCOMING });
  await app.sql(`update course_run set starts_at = now() + interval '9 days', ends_at = now() + interval '12 days' where id = $1`, [upcoming.run.id]);
  const done = await app.seed.course({ ...base, title: DONE });
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status, finished_at) values ($1, $2, $3, 'COMPLETED', now())`, [learner.id, done.id, done.run.id]);

  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize(DESKTOP);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('finding a course, in the browser', () => {
  it('searches with an abbreviation, hides ended courses until asked, shows the learner’s status and a closed enrolment', async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('NIP atau e-mail').fill(learner.nip!);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));

    await page.goto(`${app.url}/katalog?q=bimtek`);
    const card = (title: string) => page.getByRole('link', { name: new RegExp(title) });
    await card(UPCOMING).waitFor();
    await card(DONE).waitFor();
    // Ended: not listed by default.
    expect(await card(ENDED).count()).toBe(0);
    // The learner's own status on the card, so they do not enrol again.
    await card(DONE).getByText('Selesai', { exact: true }).waitFor();
    expect(await card(UPCOMING).getByText('Selesai', { exact: true }).count()).toBe(0);

    // "Termasuk yang sudah selesai" goes into the URL and lists the ended course as closed.
    // A controlled switch: its state follows the URL, so click and wait for the URL rather than check().
    await page.getByRole('switch', { name: 'Termasuk yang sudah selesai' }).click();
    await page.waitForURL(/selesai=1/);
    await card(ENDED).waitFor();
    // Its only run has ended: the card says no run is open, and offers no seats.
    await card(ENDED).getByText('Belum ada angkatan yang dibuka').waitFor();
    expect(await card(ENDED).getByText(/kursi tersisa/).count()).toBe(0);
    // The upcoming one shows its next run (angkatan) and its seats.
    await card(UPCOMING).getByText(/^Angkatan berikutnya 1 · /).waitFor();
    await card(UPCOMING).getByText('30 kursi tersisa dari 30').waitFor();

    // The order is in the URL too.
    await page.getByLabel('Urutkan').selectOption('TITLE');
    await page.waitForURL(/urut=judul/);
    const results = page.getByRole('region', { name: 'Hasil pencarian' });
    await expect.poll(async () => (await results.getByRole('heading', { level: 3 }).allTextContents()).join(' | '), { timeout: 10_000 })
      .toBe([ENDED, DONE, UPCOMING].join(' | '));

    // The ended course's page lists no open run; asked for the ended ones too, its run says why enrolment is
    // closed, with no enrol button.
    await card(ENDED).click();
    await page.getByRole('heading', { name: ENDED, level: 1 }).waitFor();
    await page.getByText(/^Belum ada angkatan yang dibuka untuk kursus ini/).waitFor();
    expect(await page.getByRole('button', { name: 'Daftar sekarang' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tampilkan juga angkatan yang sudah selesai atau dibatalkan' }).click();
    const run = page.getByRole('article', { name: 'Angkatan 1' });
    await run.getByText('Pendaftaran ditutup', { exact: true }).waitFor();
    await run.getByText(/Angkatan ini sudah selesai pada/).waitFor();
    expect(await page.getByRole('button', { name: 'Daftar sekarang' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});

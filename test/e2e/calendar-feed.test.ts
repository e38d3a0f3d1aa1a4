import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { Seed, type SeededCourse } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * On a 360 px phone: a learner in Makassar picks WITA on their account page, makes their private calendar link,
 * copies it, makes a new one (the old stops working), and sees a Jakarta class at "13.00–15.00 WITA (12.00–14.00 WIB)".
 */
const COURSE = 'Penyusunan Laporan Kinerja Instansi';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;
let course: SeededCourse;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Makassar' });
  learner = await app.seed.person({ agency, fullName: 'Andi Nurhaliza' });
  // A class at a Jakarta venue: 12.00–14.00 WIB on 10 March 2027.
  course = await app.seed.course({
    title: COURSE, ownerAgency: agency, policy: EnrolmentPolicy.OPEN,
    startsAt: new Date('2027-03-10T05:00:00Z'), endsAt: new Date('2027-03-10T07:00:00Z'), location: 'Gedung Pusdiklat, Jakarta',
  });
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learner.id, course.id, course.run.id]);
  await app.sql(`update course_run set seats_taken = 1 where id = $1`, [course.run.id]);
  browser = await openBrowser();
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the calendar link and time zones, in the browser', () => {
  it('a learner picks their zone, copies and renews their calendar link, and sees a class time with both zones named', async () => {
    await page.setViewportSize(PHONE);
    // The account menu's code arrives late (as on a slow phone): a tap on its button before then still opens it.
    await page.route(/\/AccountMenu-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${app.url}/masuk`);
    await page.getByLabel('NIP atau e-mail').fill(learner.nip!);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));

    // The account menu leads to the account page.
    await page.getByRole('button', { name: /^Akun / }).click();
    await page.getByRole('menuitem', { name: 'Akun saya' }).click();
    await page.waitForURL(/\/akun$/);
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();

    // Saved on choosing (the choice shows once the server has it).
    const wita = page.getByRole('radio', { name: 'WITA — Waktu Indonesia Tengah' });
    await wita.click();
    await expect.poll(() => wita.isChecked()).toBe(true);
    await expect.poll(async () => (await app.sql(`select time_zone from person where id = $1`, [learner.id]))[0].time_zone).toBe('Asia/Makassar');

    await page.getByRole('button', { name: 'Buat tautan kalender' }).click();
    const field = page.getByRole('textbox', { name: 'Tautan kalender pribadi' });
    await field.waitFor();
    const first = await field.inputValue();
    expect(first).toMatch(new RegExp(`^${app.url}/kalender/[\\w-]+\\.ics$`));
    await page.getByRole('button', { name: 'Salin' }).click();
    await page.getByRole('button', { name: 'Tersalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`SUMMARY:${COURSE}`);
    await expectNoSeriousA11yViolations(page, 'account');
    await expectNothingCutOff(page, 'account');

    // A new link: the old one stops working.
    await page.getByRole('button', { name: 'Buat ulang tautan' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(first);
    const second = await field.inputValue();
    expect((await fetch(second)).status).toBe(200);
    expect((await fetch(first)).status).toBe(404);

    // The class in Jakarta, in the learner's zone with the venue's after it.
    await page.goto(`${app.url}/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await page.getByText('Rabu, 10 Maret 2027 · 13.00–15.00 WITA (12.00–14.00 WIB)').first().waitFor();
    await page.getByRole('link', { name: 'Tambahkan ke kalender (.ics)' }).waitFor();
    await page.goto(`${app.url}/`);
    await page.getByText(/13\.00–15\.00 WITA \(12\.00–14\.00 WIB\)/).first().waitFor();
  });
});

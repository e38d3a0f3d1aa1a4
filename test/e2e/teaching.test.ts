import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A partner lecturer (no NIP, not a learner, cannot find another agency's own courses in the
 * catalogue) opens "Mengajar", sees the courses they teach and opens one's participant list.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'test/e2e/screenshots');

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let lecturer: Person;
const OWN_AGENCY_COURSE = 'Manajemen Arsip Dinamis Pemkot';

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(screenshots, { recursive: true });
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Surakarta' });
  const partner = await app.seed.partner({ name: 'Universitas Sebelas Maret' });
  lecturer = await app.seed.person({ partner, fullName: 'Dr. Wahyu Pratama', email: 'wahyu.pratama@uns.test', roles: [{ role: Role.INSTRUCTOR }] });
  const learner = await app.seed.person({ agency, fullName: 'Rina Kusuma' });
  const course = await app.seed.course({
    title: OWN_AGENCY_COURSE, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 25, instructors: [lecturer],
    startsAt: new Date(Date.now() + 14 * 86_400_000),
  });
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learner.id, course.id, course.run.id]);
  await app.sql(`update course_run set seats_taken = 1 where id = $1`, [course.run.id]);
  await app.seed.course({ title: 'Statistik Terapan untuk Perencanaan', ownerPartner: partner, instructors: [lecturer], status: CourseStatus.ARCHIVED, startsAt: new Date('2025-03-03T01:00:00Z') });
  await app.seed.course({ title: 'Kursus Orang Lain', ownerAgency: agency });

  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('teaching, in the browser', () => {
  it('a partner lecturer finds the courses they teach and opens a participant list', async () => {
    await page.goto(`${app.url}/mengajar`);
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('NIP atau e-mail').fill(lecturer.email!);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    if (!page.url().includes('/mengajar')) await page.getByRole('link', { name: 'Mengajar' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mengajar' }).waitFor();

    const card = page.getByRole('link', { name: `Buka daftar peserta ${OWN_AGENCY_COURSE}` });
    await card.waitFor();
    await page.getByRole('listitem').filter({ has: card }).getByText('1 dari 25 kursi terisi').waitFor();
    await page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Statistik Terapan untuk Perencanaan/ }) }).getByText('Diarsipkan').waitFor();
    expect(await page.getByText('Kursus Orang Lain').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'teaching list');
    await page.screenshot({ path: join(screenshots, '10-teaching-list.png'), fullPage: true });

    await card.click();
    await page.waitForURL(/\/mengajar\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: OWN_AGENCY_COURSE }).waitFor();
    await page.getByText('Rina Kusuma', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'roster');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

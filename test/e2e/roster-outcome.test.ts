import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * An instructor records results on the roster: before the course starts the buttons are off and say
 * why; while it runs, recording a result asks to confirm that it is early, and only then sends it.
 */
const RUNNING = 'Pengelolaan Keuangan Daerah Angkatan I';
const LATER = 'Pengelolaan Keuangan Daerah Angkatan II';
const SOON = 'Pengelolaan Keuangan Daerah Angkatan III';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let lecturer: Person;
let enrolmentId: string;
const runIds: Record<string, string> = {};

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Surakarta' });
  const partner = await app.seed.partner({ name: 'Universitas Sebelas Maret' });
  lecturer = await app.seed.person({ partner, fullName: 'Dr. Wahyu Pratama', email: 'wahyu.outcome@uns.test', roles: [{ role: Role.INSTRUCTOR }] });
  const learner = await app.seed.person({ agency, fullName: 'Rina Kusuma' });
  for (const [title, from, to] of [[RUNNING, -1, 3], [LATER, 20, 22], [SOON, 20, 22]] as const) {
    const course = await app.seed.course({ title, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, delivery: DeliveryMode.IN_PERSON, jp: 16, instructors: [lecturer] });
    await app.sql(`update course_run set starts_at = now() + $2 * interval '1 day', ends_at = now() + $3 * interval '1 day', seats_taken = 1 where id = $1`, [course.run.id, from, to]);
    const [row] = await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE') returning id`, [learner.id, course.id, course.run.id]);
    runIds[title] = course.run.id;
    if (title === RUNNING) enrolmentId = row.id;
  }
  browser = await openBrowser();
  page = browser.page;
  await page.goto(`${app.url}/masuk`);
  await page.getByLabel('NIP atau e-mail').fill(lecturer.email!);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('recording results on the roster', () => {
  it('before the course starts, the buttons are off and the roster says when they open', async () => {
    await page.goto(`${app.url}/mengajar/${runIds[LATER]}`);
    await page.getByRole('heading', { level: 1, name: LATER }).waitFor();
    await page.getByText('Kursus belum dimulai', { exact: true }).waitFor();
    const pass = page.getByRole('button', { name: 'Tandai Rina Kusuma lulus' });
    await pass.waitFor();
    expect(await pass.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tandai Rina Kusuma tidak lulus' }).isDisabled()).toBe(true);
  }, 60_000);

  it('when the start passes while the roster is open, the buttons turn on by themselves', async () => {
    await app.sql(`update course_run set starts_at = now() + interval '6 seconds' where id = $1`, [runIds[SOON]]);
    await page.goto(`${app.url}/mengajar/${runIds[SOON]}`);
    await page.getByRole('heading', { level: 1, name: SOON }).waitFor();
    const pass = page.getByRole('button', { name: 'Tandai Rina Kusuma lulus' });
    await pass.waitFor();
    expect(await pass.isDisabled()).toBe(true);
    // No reload, no click: the page reads the clock and renders again when the start passes.
    await page.waitForFunction((name) => document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)?.disabled === false, 'Tandai Rina Kusuma lulus', { timeout: 20_000 });
    expect(await page.getByText('Kursus belum dimulai', { exact: true }).count()).toBe(0);
  }, 60_000);

  it('while it runs, a result is sent only after confirming that it is early', async () => {
    await page.goto(`${app.url}/mengajar/${runIds[RUNNING]}`);
    await page.getByRole('heading', { level: 1, name: RUNNING }).waitFor();
    await page.getByRole('button', { name: 'Tandai Rina Kusuma lulus' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Kursus belum berakhir', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Ya, lulus' }).click();
    await dialog.getByText('Centang konfirmasi ini untuk mencatat hasil lebih awal.').waitFor();
    expect((await app.sql(`select status from enrolment where id = $1`, [enrolmentId]))[0].status).toBe('ACTIVE');

    await dialog.getByLabel('Saya mengonfirmasi hasil ini dicatat sebelum kursus berakhir').check();
    await dialog.getByRole('button', { name: 'Ya, lulus' }).click();
    await page.getByText('Rina Kusuma lulus · 16 JP tercatat.').waitFor();
    const [row] = await app.sql(`select e.status, a.data from enrolment e join audit_entry a on a.target_id = e.id where e.id = $1`, [enrolmentId]);
    expect(row).toMatchObject({ status: 'COMPLETED', data: { early: true } });
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});

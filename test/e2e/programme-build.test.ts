import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Building a programme in a real Chromium at 360 px: an agency admin creates "Pelatihan Kepemimpinan Pengawas", puts
 * their agency's course and another agency's open workshop on its path (the workshop first, then moved down), saves
 * and publishes it, opens a cohort, and gives another agency a quota of its seats.
 */
const COURSE = 'Kepemimpinan Pengawas Dasar';
const WORKSHOP = 'Lokakarya Coaching untuk Pengawas';
const OTHER_AGENCY = 'Pemerintah Kota Bandung';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let admin: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Provinsi Jawa Barat' });
  const bandung = await app.seed.agency({ name: OTHER_AGENCY });
  admin = await app.seed.person({ agency, fullName: 'Dewi Lestari', roles: [{ role: Role.AGENCY_ADMIN, agency }] });
  await app.seed.course({ title: COURSE, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY });
  await app.seed.course({ title: WORKSHOP, ownerAgency: bandung, kind: CourseKind.WORKSHOP, visibility: CourseVisibility.ALL_AGENCIES });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function addToPath(name: string) {
  const add = page.locator('input').and(page.getByLabel('Tambah kursus atau lokakarya'));
  await add.fill(name.split(' ')[0]);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

describe('building a programme, in the browser', () => {
  it('an agency admin builds a programme with two items at 360 px, publishes it, and opens a cohort with a quota for another agency', async () => {
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, admin.nip!);
    // The navigation has the entry (the bottom bar keeps the first items; the rest are under "Lainnya").
    await page.goto(`${app.url}/admin/program`);
    await page.getByRole('heading', { level: 1, name: 'Program pengembangan' }).waitFor();
    await page.getByText('Belum ada program').waitFor();
    await expectNoSeriousA11yViolations(page, 'programmes, empty');

    await page.getByRole('button', { name: 'Program baru' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Program baru' });
    await dialog.getByLabel('Kode program').fill('PKP-2027');
    await dialog.getByLabel('Judul').fill('Pelatihan Kepemimpinan Pengawas');
    await dialog.getByLabel('Sasaran peserta').fill('Pengawas eselon IV yang baru dilantik');
    await dialog.getByRole('button', { name: 'Buat program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelatihan Kepemimpinan Pengawas' }).waitFor();
    expect(page.url()).toMatch(/\/admin\/program\/[0-9a-f-]{36}$/);

    // The workshop first, then the course; the course is moved up; the workshop made optional.
    await addToPath(WORKSHOP);
    await addToPath(COURSE);
    const path = page.getByRole('list', { name: 'Jalur program' });
    await path.getByRole('listitem').nth(1).waitFor();
    expect(await path.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: `Naikkan ${COURSE}` }).click();
    await path.getByRole('listitem').nth(1).getByRole('checkbox', { name: 'Wajib' }).uncheck();
    await page.getByRole('button', { name: 'Simpan jalur' }).click();
    await page.getByText('Jalur disimpan.').waitFor();
    const items = await path.getByRole('listitem').allInnerTexts();
    expect(items[0]).toContain(COURSE);
    expect(items[1]).toContain(WORKSHOP);
    const [programme] = await app.sql(`select id, status from programme where code = 'PKP-2027'`);
    const stored = await app.sql(`select c.title, i.required from programme_item i join course c on c.id = i.course_id where i.programme_id = $1 order by i.position`, [programme.id]);
    expect(stored).toEqual([{ title: COURSE, required: true }, { title: WORKSHOP, required: false }]);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page, 'programme with its path');

    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Program diterbitkan.').waitFor();

    await page.getByRole('link', { name: 'Angkatan baru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angkatan baru' }).waitFor();
    await page.getByLabel('Kode angkatan').fill('2027-I');
    await page.getByLabel('Kapasitas (kursi)').fill('20');
    await page.getByRole('button', { name: 'Buat angkatan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angkatan 2027-I' }).waitFor();
    // One class per item of the path, by invitation.
    await page.getByText(COURSE).first().waitFor();
    await page.getByText(WORKSHOP).first().waitFor();

    await page.locator('input').and(page.getByLabel('Instansi peserta')).fill('Bandung');
    await page.getByRole('option', { name: OTHER_AGENCY }).click();
    await page.getByLabel('Kursi', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    await page.getByText('Kuota disimpan.').waitFor();
    await page.getByText('5 dari 20 kursi dibagikan').waitFor();
    await page.getByRole('cell', { name: OTHER_AGENCY, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page, 'cohort with its quota');

    const quotas = await app.sql(`select a.name, q.seats, q.seats_taken from cohort_agency_quota q join agency a on a.id = q.agency_id
      join programme_cohort c on c.id = q.cohort_id where c.programme_id = $1`, [programme.id]);
    expect(quotas).toEqual([{ name: OTHER_AGENCY, seats: 5, seats_taken: 0 }]);
    const runs = await app.sql(`select r.enrolment_policy from cohort_item_run cir join course_run r on r.id = cir.run_id join programme_cohort c on c.id = cir.cohort_id
      where c.programme_id = $1`, [programme.id]);
    expect(runs.map((r) => r.enrolment_policy)).toEqual(['INVITATION', 'INVITATION']);
    expect(browser.pageErrors).toEqual([]);
  });
});

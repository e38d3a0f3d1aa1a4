import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { seedCohort, type SeededCohort } from '../kit/cohort-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * An agency admin on a 360 px phone nominates by CSV: the preview marks the one bad row and nothing can be confirmed
 * until it is gone; then two people are nominated at once. The cohort's instructor sees them grouped by agency.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'test/e2e/screenshots');

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let admin: Person;
let lecturer: Person;
let people: Person[];
let other: Person;
let cohort: SeededCohort;

async function shot(name: string) {
  await expectNoSeriousA11yViolations(page, name);
  if (page.viewportSize()?.width === PHONE.width) await expectNothingCutOff(page, name);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(screenshots, { recursive: true });
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Sleman' });
  const otherAgency = await app.seed.agency({ name: 'Pemerintah Kota Yogyakarta' });
  const unit = await app.seed.orgUnit(agency, 'Badan Kepegawaian dan Pengembangan SDM');
  admin = await app.seed.person({ agency, orgUnit: unit, fullName: 'Rina Kusumawati', roles: [{ role: Role.AGENCY_ADMIN }] });
  people = [
    await app.seed.person({ agency, orgUnit: unit, fullName: 'Agus Prasetyo' }),
    await app.seed.person({ agency, orgUnit: unit, fullName: 'Dewi Lestari' }),
  ];
  other = await app.seed.person({ agency: otherAgency, fullName: 'Yusuf Hidayat' });
  const partner = await app.seed.partner({ name: 'Universitas Gadjah Mada' });
  lecturer = await app.seed.person({ partner, fullName: 'Dr. Hendra Wijaya', email: 'hendra@ugm.ac.id', roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] });
  cohort = await seedCohort(app, { quotas: [{ agency, seats: 3 }, { agency: otherAgency, seats: 2 }] });
  await app.sql(`insert into course_run_instructor (run_id, person_id) values ($1, $2)`, [cohort.runIds[0], lecturer.id]);
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('nominating by CSV', () => {
  it('previews, marks the bad row, then nominates two people; the instructor’s roster groups them by agency', async () => {
    await signInAt(page, app.url, admin.nip!);
    await page.goto(`${app.url}/admin/program/angkatan/${cohort.cohortId}/peserta`);
    await page.getByRole('heading', { level: 1, name: /^Peserta angkatan / }).waitFor();
    await page.getByText('0 dari 3 terpakai · sisa 3').waitFor();

    const csv = page.getByRole('textbox', { name: 'Isi CSV' });
    await csv.fill(`NIP\n${people[0].nip}\n${other.nip}\n${people[1].nip}`);
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByText('2 baris siap, 1 baris bermasalah').waitFor();
    const bad = page.locator('tr[data-outcome="NOT_IN_AGENCY"]');
    await bad.waitFor();
    expect(await bad.textContent()).toContain('Bukan pegawai instansi Anda');
    // The other agency's person's name is not shown.
    expect(await bad.textContent()).not.toContain(other.fullName);
    expect(await page.getByRole('button', { name: /^Konfirmasi/ }).isDisabled()).toBe(true);
    await shot('nominations-csv-preview');

    await csv.fill(`NIP\n${people[0].nip}\n${people[1].nip}`);
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByText('2 baris siap, 0 baris bermasalah').waitFor();
    await page.getByRole('button', { name: 'Konfirmasi 2 usulan' }).click();
    await page.getByText('2 pegawai diusulkan dan didaftarkan ke kelas-kelas angkatan.').waitFor();
    await page.getByText('2 dari 3 terpakai · sisa 1').waitFor();
    await page.getByText('Agus Prasetyo', { exact: true }).waitFor();
    await shot('nominations-after-csv');
    const [q] = await app.sql(`select seats_taken from cohort_agency_quota where cohort_id = $1 and agency_id = $2`, [cohort.cohortId, admin.agency!.id]);
    expect(q.seats_taken).toBe(2);

    await signInAt(page, app.url, lecturer.email!);
    await page.goto(`${app.url}/mengajar/angkatan/${cohort.cohortId}`);
    await page.getByRole('heading', { level: 2, name: /Pemerintah Kabupaten Sleman/ }).waitFor();
    await page.getByText('Dewi Lestari').waitFor();
    await shot('nominations-roster');
    expect(browser.pageErrors).toEqual([]);
  });
});

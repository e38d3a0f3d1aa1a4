import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { isoDateIn } from '../../server/src/shared/util/time.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The learning-hours record in a real Chromium at 360 px: a learner submits an external activity with its evidence,
 * their agency admin verifies it in the queue, and the learner's year then shows its JP.
 */
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;
let admin: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Sumedang' });
  const unit = await app.seed.orgUnit(agency, 'Dinas Komunikasi dan Informatika');
  admin = await app.seed.person({ agency, orgUnit: unit, fullName: 'Dewi Lestari', roles: [{ role: Role.AGENCY_ADMIN, agency }] });
  learner = await app.seed.person({ agency, orgUnit: unit, fullName: 'Rina Marlina' });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('an external activity, in the browser', () => {
  it('a learner submits one with evidence, the admin verifies it in the queue, and the learner’s year shows its JP', async () => {
    await page.setViewportSize(PHONE);
    // Ended within this year (Asia/Jakarta): the JP count in this year's total.
    const endsOn = isoDateIn(new Date());
    const startsOn = endsOn.slice(0, 4) === isoDateIn(new Date(Date.now() - DAY)).slice(0, 4) ? isoDateIn(new Date(Date.now() - DAY)) : endsOn;

    await signInAt(page, app.url, learner.nip!);
    await page.goto(`${app.url}/jp-saya`);
    await page.getByRole('heading', { level: 1, name: 'JP saya' }).waitFor();
    await page.getByTestId('jp-total').getByText('0 dari 20 JP').waitFor();
    await page.getByRole('link', { name: 'Ajukan kegiatan luar' }).click();

    await page.getByRole('heading', { level: 1, name: 'Kegiatan luar' }).waitFor();
    await page.getByLabel('Nama kegiatan').fill('Seminar Nasional Kota Cerdas');
    await page.getByLabel('Bentuk pengembangan').selectOption('SEMINAR');
    await page.getByLabel('Penyelenggara').fill('Institut Teknologi Bandung');
    await page.getByLabel('Tanggal mulai').fill(startsOn);
    await page.getByLabel('Tanggal selesai').fill(endsOn);
    await page.getByLabel('JP yang diklaim').fill('6');
    await page.locator('input[type="file"]').setInputFiles({ name: 'sertifikat-seminar.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expectNoSeriousA11yViolations(page, 'external activity form');
    await expectNothingCutOff(page, 'external activity form');
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    const mine = page.getByRole('article', { name: 'Seminar Nasional Kota Cerdas' });
    await mine.getByText('Menunggu verifikasi').waitFor();
    const [row] = await app.sql(`select x.id, x.status, x.jp::float8 as jp, ev.byte_size from external_activity x join external_activity_evidence ev on ev.id = x.evidence_id where x.person_id = $1`, [learner.id]);
    expect(row).toMatchObject({ status: 'PENDING', jp: 6, byte_size: PDF.length });
    await expectNoSeriousA11yViolations(page, 'my external activities');

    await signInAt(page, app.url, admin.nip!);
    await page.goto(`${app.url}/admin/jp/verifikasi`);
    await page.getByRole('heading', { level: 1, name: 'Verifikasi kegiatan luar' }).waitFor();
    const card = page.getByRole('article', { name: 'Seminar Nasional Kota Cerdas oleh Rina Marlina' });
    await card.waitFor();
    const evidence = await page.request.get(`${app.url}${await card.getByRole('link', { name: /Bukti:/ }).getAttribute('href')}`);
    expect(evidence.status()).toBe(200);
    expect(Buffer.from(await evidence.body()).equals(PDF)).toBe(true);
    await expectNoSeriousA11yViolations(page, 'verification queue');
    await expectNothingCutOff(page, 'verification queue');
    await card.getByRole('button', { name: 'Verifikasi Seminar Nasional Kota Cerdas oleh Rina Marlina' }).click();
    await page.getByText('Tidak ada kegiatan yang menunggu verifikasi.').waitFor();
    expect((await app.sql(`select status from external_activity where id = $1`, [row.id]))[0].status).toBe('VERIFIED');

    await signInAt(page, app.url, learner.nip!);
    await page.goto(`${app.url}/jp-saya`);
    await page.getByTestId('jp-total').getByText('6 dari 20 JP').waitFor();
    await page.getByText('Masih perlu 14 JP untuk mencapai target.').waitFor();
    await page.getByRole('cell', { name: 'Seminar' }).waitFor();
    await page.getByText('Seminar Nasional Kota Cerdas').waitFor();
    await expectNoSeriousA11yViolations(page, 'my learning year');
    await expectNothingCutOff(page, 'my learning year');
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
});

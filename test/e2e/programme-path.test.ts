import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, requireBuiltClient, signInAt } from '../kit/browser.js';
import { programmeWorld } from '../kit/programme-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A participant on a phone (360 px): finds their programme under "Program saya", sees the path with progress per
 * step and what comes next, and once the last required step is completed, rates the programme.
 */
const TITLE = 'Pelatihan Kepemimpinan Pengawas';
const FIRST = 'Dasar Kepemimpinan Pengawas';
const SECOND = 'Coaching dan Mentoring untuk Pengawas';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let world: Awaited<ReturnType<typeof programmeWorld>>;
let participant: Awaited<ReturnType<typeof world.nominate>>;

const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id } }`;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  world = await programmeWorld(app, {
    title: TITLE, rule: 'IN_ORDER', audience: 'Pengawas eselon IV yang baru dilantik',
    items: [{ title: FIRST, jp: 8 }, { title: SECOND, jp: 6 }],
  });
  participant = await world.nominate(world.taking.learners[0]);
  await (await app.as(world.instructor)).ok(COMPLETE, { id: participant.enrolments.get(world.programme.items[0].id) });
  browser = await openBrowser();
  page = browser.page;
  await signInAt(page, app.url, world.taking.learners[0].nip!);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a participant’s programme on a phone', () => {
  it('shows the path with progress per step and what comes next', async () => {
    await page.goto(`${app.url}/program-saya`);
    await page.getByRole('heading', { level: 1, name: 'Program saya' }).waitFor();
    const card = page.getByTestId('my-programme');
    await card.getByText('50% selesai').waitFor();
    await card.getByText(`Berikutnya: ${SECOND}`).waitFor();
    await expectNoSeriousA11yViolations(page, 'my programmes');
    await card.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const steps = page.getByTestId('path-step');
    await steps.nth(0).getByText('Selesai', { exact: true }).waitFor();
    await steps.nth(0).getByText('8 JP tercatat').waitFor();
    await steps.nth(1).getByText('Sedang berjalan', { exact: true }).waitFor();
    await steps.nth(1).getByText('Berikutnya', { exact: true }).waitFor();
    await page.getByText('8 JP terkumpul dari kegiatan program ini').waitFor();
    await page.getByText(/Menyelesaikan program tidak menambah JP tersendiri/).waitFor();
    await page.getByText(/sesuai urutan/).waitFor();
    expect(await page.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
    expect(await noSideways()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'programme page');
    await expectNothingCutOff(page, 'programme page');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('once completed, the programme says so and takes a rating that can be changed', async () => {
    await (await app.as(world.instructor)).ok(COMPLETE, { id: participant.enrolments.get(world.programme.items[1].id) });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByTestId('participation-status').getByText('Selesai').waitFor();
    await page.getByText(/Program selesai pada/).waitFor();
    await page.getByText('14 JP terkumpul dari kegiatan program ini').waitFor();
    await page.getByText(/Anda dapat mengubah penilaian ini/).waitFor();
    await expectNoSeriousA11yViolations(page, 'programme page with the rating form');
    // Four stars: the label of the rating's radio input of value 4.
    const four = await page.getByTestId('programme-rating').locator('input[value="4"]').getAttribute('id');
    await page.locator(`label[for="${four}"]`).click();
    await page.getByLabel('Komentar (tidak wajib)').fill('Materinya langsung terpakai di kantor.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih, penilaian Anda tersimpan.').waitFor();
    await page.getByRole('button', { name: 'Ubah penilaian' }).waitFor();
    const [row] = await app.sql(`select rating, rating_comment from cohort_participant where id = $1`, [participant.id]);
    expect(row).toEqual({ rating: 4, rating_comment: 'Materinya langsung terpakai di kantor.' });
    expect(await noSideways()).toBe(true);
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('the catalogue’s kind "Program" lists the programmes the agency may join', async () => {
    await page.goto(`${app.url}/katalog?jenis=program`);
    const card = page.getByTestId('programme-card');
    await card.getByRole('heading', { name: TITLE }).waitFor();
    await card.getByText('Selesai').waitFor();
    expect(await noSideways()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'catalogue of programmes');
  }, 60_000);
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/shared/db/seed/demo-world.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The demo instructor (Dr. Ratna, Universitas Indonesia) opens Lentera on a 360 px phone: the home page shows the run
 * she teaches today with its learners by agency, and the run whose results wait on her; its link opens the roster.
 */
let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp({ seedDemo: true });
  browser = await openBrowser();
  page = browser.page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the instructor's home, in the browser", () => {
  it('shows today’s runs with their agencies and what waits, and opens the roster', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/masuk`);
    await page.getByLabel('NIP atau e-mail').fill('ratna.wulandari@ui.ac.id');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));

    const today = page.getByRole('region', { name: 'Hari ini' });
    // The blended course running for a month is on today, with its time in WIB and its learners by agency.
    const running = page.getByRole('link', { name: 'Analisis Data untuk Kebijakan Publik' });
    await today.getByRole('link', { name: 'Analisis Data untuk Kebijakan Publik' }).waitFor();
    const card = today.getByTestId('teaching-run').filter({ has: running });
    await expect.poll(() => card.textContent()).toMatch(/WIB/);
    await expect.poll(() => card.getByTestId('agency-counts').textContent()).toMatch(/Pemerintah Kota Bandung \d+/);

    // The run that ended three days ago waits for 14 results.
    const waiting = page.getByRole('alert').filter({ hasText: 'Menunggu Anda' });
    const item = waiting.getByRole('link', { name: /Manajemen Proyek Pemerintah · Angkatan UI-MPP-2611/ });
    await item.waitFor();
    await expect.poll(() => waiting.textContent()).toContain('14 hasil belum dicatat');

    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'instructor home at 360 px');
    await expectNothingCutOff(page, 'instructor home at 360 px');

    await item.click();
    await page.waitForURL(/\/mengajar\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Manajemen Proyek Pemerintah/ }).waitFor();
    await expect.poll(() => page.getByText('Angkatan UI-MPP-2611').first().isVisible()).toBe(true);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * On a 360 px phone, in Bahasa Indonesia: someone who forgot their password asks for a link on the sign-in
 * page, reads the mail (the test server's catcher), follows the link, sets a new password and signs in with it.
 */
let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const email = `lupa.${process.pid}@bandung.go.id`;
const NEW_PASSWORD = 'Sandi-Dari-Email-2026';

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Bandung' });
  await app.seed.person({ agency, fullName: 'Euis Nurhayati', email });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function fitsThePhone() {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('password reset by e-mail, in the browser', () => {
  it('asks for a link, follows it from the mail, sets a new password and signs in with it', async () => {
    await page.goto(`${app.url}/masuk`);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.waitForURL(/\/lupa-kata-sandi$/);
    await page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor();
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'lupa kata sandi');

    await page.getByLabel('E-mail', { exact: false }).first().fill(email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('status').filter({ hasText: `Jika ${email} terdaftar` }).waitFor();
    await expectNoSeriousA11yViolations(page, 'tautan terkirim');

    const mail = await app.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Atur ulang kata sandi Lentera');
    const link = /https?:\/\/\S+\/atur-ulang-kata-sandi#token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor();
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'atur ulang kata sandi');
    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('status').filter({ hasText: 'Masuk dengan kata sandi baru.' }).waitFor();

    await page.getByRole('link', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('NIP atau e-mail').fill(email);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();

    // The link worked once: opened again, it says so and offers a new one.
    await browser.context.clearCookies();
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor();
    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('Sandi-Lain-2026');
    await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('Sandi-Lain-2026');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('alert').filter({ hasText: 'sudah dipakai atau kedaluwarsa' }).waitFor();
    await page.getByRole('link', { name: 'Minta tautan baru' }).waitFor();

    expect(browser.pageErrors).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  }, 120_000);
});

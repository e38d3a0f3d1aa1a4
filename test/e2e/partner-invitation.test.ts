import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * On a 360 px phone, in Bahasa Indonesia: a partner admin invites a lecturer from their institution's page; the
 * lecturer follows the link in the caught e-mail, keeps the prefilled name, sets a password and signs in with
 * the invited e-mail as an instructor of the partner.
 */
let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const adminEmail = `admin.mitra.${process.pid}@pelita.ac.id`;
const lecturerEmail = `dosen.baru.${process.pid}@pelita.ac.id`;
const PASSWORD = 'Sandi-Dosen-Baru-2026';

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const partner = await app.seed.partner({ name: 'Universitas Pelita Harapan Bangsa' });
  await app.seed.person({ partner, fullName: 'Rina Kartika', email: adminEmail, roles: [{ role: Role.PARTNER_ADMIN }] });
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

async function signIn(login: string, password: string) {
  await page.getByLabel('NIP atau e-mail').fill(login);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe('inviting an instructor, in the browser', () => {
  it('a partner admin invites; the invitee sets a password from the mail and signs in', async () => {
    await page.goto(`${app.url}/masuk`);
    await signIn(adminEmail, Seed.PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Rina Kartika' }).waitFor();
    // The partner admin's home offers their institution's screen.
    await page.getByRole('link', { name: /Lembaga mitra saya/ }).first().click();
    await page.waitForURL(/\/mitra$/);
    await page.getByRole('heading', { level: 1, name: 'Universitas Pelita Harapan Bangsa' }).waitFor();
    await page.waitForLoadState('networkidle');
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'lembaga mitra saya');

    await page.getByRole('button', { name: 'Undang pengajar' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama lengkap').fill('Dr. Bayu Saputra');
    await dialog.getByLabel('E-mail').fill(lecturerEmail);
    await dialog.getByLabel('NIDN').fill('123456789');
    await dialog.getByRole('button', { name: 'Undang pengajar' }).click();
    await dialog.getByText('NIDN harus tepat 10 angka').waitFor();
    await dialog.getByLabel('NIDN').fill('0412098801');
    await expectNoSeriousA11yViolations(page, 'undang pengajar');
    await dialog.getByRole('button', { name: 'Undang pengajar' }).click();
    await page.getByText(`Undangan dikirim ke ${lecturerEmail}.`).waitFor();
    await page.getByText(lecturerEmail).first().waitFor();

    const mail = await app.mail.waitFor((m) => m.to.includes(lecturerEmail));
    expect(mail.subject).toBe('Undangan bergabung di Lentera sebagai staf Universitas Pelita Harapan Bangsa');
    const link = /https?:\/\/\S+\/undangan-mitra#token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();

    await browser.context.clearCookies();
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Terima undangan' }).waitFor();
    await page.getByText(`Anda akan masuk dengan ${lecturerEmail}.`).waitFor();
    expect(await page.getByLabel('Nama lengkap (dengan gelar)').inputValue()).toBe('Dr. Bayu Saputra');
    await fitsThePhone();
    await expectNoSeriousA11yViolations(page, 'terima undangan');
    await page.getByLabel('Nama lengkap (dengan gelar)').fill('Dr. Bayu Saputra, M.Kom.');
    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(PASSWORD);
    await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
    await page.getByRole('status').filter({ hasText: `Masuk dengan ${lecturerEmail}` }).waitFor();

    await page.getByRole('link', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/masuk/);
    await signIn(lecturerEmail, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Dr. Bayu Saputra, M.Kom.' }).waitFor();

    // The link worked once: opened again, it says so.
    await browser.context.clearCookies();
    await page.goto(link!);
    await page.getByRole('alert').filter({ hasText: 'sudah dipakai, dicabut, atau kedaluwarsa' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);
});

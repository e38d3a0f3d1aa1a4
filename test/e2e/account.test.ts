import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * On a 360 px phone: a civil servant signs in with a NIP typed with dashes, is told calmly that
 * their session ended when it expires, and changes their password from the account menu (other
 * devices are signed out, this one stays signed in).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'test/e2e/screenshots');

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let person: Person;
const NEW_PASSWORD = 'Sandi-Baru-2026';

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(screenshots, { recursive: true });
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Sleman' });
  person = await app.seed.person({ agency, fullName: 'Sri Wahyuni' });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(login: string, password: string) {
  await page.getByLabel('NIP atau e-mail').fill(login);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();
}

async function fitsThePhone() {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('signing in and the account, in the browser', () => {
  it('accepts a NIP typed with dashes, and says so calmly when the session has ended', async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/masuk/);
    await page.getByRole('heading', { name: 'Masuk', level: 2 }).waitFor();
    // Never signed in here: nothing has "ended".
    expect(await page.getByText('Sesi Anda telah berakhir').count()).toBe(0);

    const nip = person.nip!;
    await signIn(`${nip.slice(0, 8)}-${nip.slice(8, 14)}-${nip.slice(14, 15)}-${nip.slice(15)}`, Seed.PASSWORD);

    await app.sql(`update session set expires_at = now() - interval '1 minute' where person_id = $1`, [person.id]);
    await page.goto(`${app.url}/katalog`);
    await page.waitForURL(/\/masuk\?next=%2Fkatalog/);
    await page.getByRole('status').filter({ hasText: 'Sesi Anda telah berakhir, silakan masuk lagi.' }).waitFor();
    await fitsThePhone();
    await page.screenshot({ path: join(screenshots, '20-session-ended.png'), fullPage: true });

    await page.getByLabel('NIP atau e-mail').fill(nip);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/katalog/);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('changes the password from the account menu: the current one is required, other devices are signed out, this one stays', async () => {
    const otherDevice = await app.as(person);
    await browser.context.clearCookies();
    await page.goto(`${app.url}/masuk`);
    await signIn(person.nip!, Seed.PASSWORD);
    await page.getByRole('button', { name: `Akun ${person.fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Ubah kata sandi' }).click();
    await page.waitForURL(/\/akun\/kata-sandi$/);
    await page.getByRole('heading', { level: 1, name: 'Ubah kata sandi' }).waitFor();

    const current = page.getByRole('textbox', { name: 'Kata sandi saat ini' });
    const fresh = page.getByRole('textbox', { name: 'Kata sandi baru', exact: true });
    const again = page.getByRole('textbox', { name: 'Ulangi kata sandi baru' });
    const save = page.getByRole('button', { name: 'Simpan kata sandi baru' });

    // The app's own messages, in Bahasa, before anything is sent.
    await fresh.fill(NEW_PASSWORD);
    await again.fill(`${NEW_PASSWORD}x`);
    await save.click();
    await page.getByText('Isi kata sandi Anda saat ini.').waitFor();
    await page.getByText('Kedua isian kata sandi baru belum sama.').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.autocomplete === 'current-password');

    // A wrong current password is refused by the server, under its field.
    await current.fill('bukan-sandi-saya');
    await again.fill(NEW_PASSWORD);
    await save.click();
    await page.getByText('Kata sandi saat ini salah.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    await current.fill(Seed.PASSWORD);
    await save.click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi sudah diubah' }).first().waitFor();
    expect(await current.inputValue()).toBe('');
    await fitsThePhone();
    await page.screenshot({ path: join(screenshots, '21-password-changed.png'), fullPage: true });

    // The other device is signed out and is told why; this browser stays signed in.
    expect(await otherDevice.ok(`{ sessionEnded me { id } }`)).toEqual({ sessionEnded: true, me: null });
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();
    const audit = await app.sql(`select action from audit_entry where target_id = $1`, [person.id]);
    expect(audit).toEqual([{ action: 'auth.changePassword' }]);
    // The home page paints before the app; open the menu once the app has taken over (its chunk loaded, the
    // network quiet), so the menu belongs to the page that stays.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/assets/App-')))).toBe(true);
    await page.waitForLoadState('networkidle');

    // Signing out and in again takes the new password only.
    await page.getByRole('button', { name: `Akun ${person.fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk/);
    expect(await page.getByText('Sesi Anda telah berakhir').count()).toBe(0);
    await signIn(person.nip!, NEW_PASSWORD);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

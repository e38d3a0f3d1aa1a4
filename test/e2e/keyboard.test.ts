import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Keyboard and form paths WCAG 2.2 AA asks for and axe cannot see: a focus ring on text fields that
 * stands out, a way past the catalogue's filters to its results, and the app's own Bahasa messages
 * (tied to the field) instead of the browser's "Please fill out this field".
 */
const DESKTOP = { width: 1280, height: 800 };

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;
let admin: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Malang' });
  const unit = await app.seed.orgUnit(agency, 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  learner = await app.seed.person({ agency, orgUnit: unit, fullName: 'Agus Salim' });
  admin = await app.seed.person({ agency, orgUnit: unit, fullName: 'Ratih Purwasih', roles: [{ role: Role.AGENCY_ADMIN, agency }] });
  for (const title of ['Etika Pelayanan Publik', 'Penyusunan Standar Pelayanan', 'Manajemen Risiko Pembangunan']) {
    await app.seed.course({ title, ownerAgency: agency, startsAt: new Date(Date.now() + 20 * 86_400_000) });
  }
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize(DESKTOP);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(person: Person) {
  await page.context().clearCookies();
  await page.goto(`${app.url}/masuk`);
  await page.getByLabel('NIP atau e-mail').fill(person.nip!);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Selamat / }).waitFor();
}

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('keyboard, focus and form messages', () => {
  it('a text field with the keyboard focus has a ring of at least 2 px at 3:1 against the field around it', async () => {
    await page.context().clearCookies();
    await page.goto(`${app.url}/masuk`);
    const field = page.getByLabel('NIP atau e-mail');
    await field.waitFor();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await field.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, background: getComputedStyle(el.closest('.mantine-Paper-root')!).backgroundColor };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.background)).toBeGreaterThanOrEqual(3);
  });

  it('the sign-in form answers an empty submit with its own Bahasa messages, tied to the fields', async () => {
    await page.goto(`${app.url}/masuk`);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const login = page.getByLabel('NIP atau e-mail');
    await page.getByText('Isi NIP atau e-mail Anda.').waitFor();
    expect(await login.getAttribute('aria-invalid')).toBe('true');
    const described = (await login.getAttribute('aria-describedby'))!.split(/\s+/);
    const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(texts).toContain('Isi NIP atau e-mail Anda.');
    await expectNoSeriousA11yViolations(page, 'sign-in with errors');
  });

  it('the catalogue lets a keyboard user jump from the search box past the filters to the results', async () => {
    await signIn(learner);
    await page.goto(`${app.url}/katalog`);
    await page.getByRole('link', { name: /Etika Pelayanan Publik/ }).waitFor();
    await page.getByLabel('Cari pelatihan').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Lompat ke hasil pencarian' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box!.width).toBeGreaterThan(40); // visible once focused
    await expectNoSeriousA11yViolations(page, 'catalogue with the skip link focused');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('catalogue-results');
    // The results open with their sort control, then the first course.
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('Urutkan').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(next).toMatch(/^\/kursus\/[0-9a-f-]{36}$/);
  });

  it('an admin dialog answers an empty required field with its own message instead of the browser\'s', async () => {
    await signIn(admin);
    await page.goto(`${app.url}/admin/unit-kerja`);
    await page.getByRole('button', { name: 'Tambah unit kerja' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nama unit kerja/).waitFor();
    expect(await dialog.locator('form').evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
    await dialog.getByRole('button', { name: /Simpan|Tambah/ }).last().click();
    await dialog.getByText('Isi nama unit kerja.').waitFor();
    expect(await dialog.getByLabel(/^Nama unit kerja/).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'org unit dialog with an error');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The built client runs under the server's Content-Security-Policy with nothing blocked: sign-in, home,
 * catalogue, a course page and an admin screen, in production mode (HSTS, upgrade-insecure-requests).
 * Any violation Chromium reports fails the test.
 */
const COURSE = 'Etika Pelayanan Publik';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let admin: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp({ production: true, cookieSecure: false });
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Malang' });
  admin = await app.seed.person({ agency, fullName: 'Sri Wahyuni', roles: [{ role: Role.LEARNER }, { role: Role.AGENCY_ADMIN, agency }] });
  await app.seed.course({ title: COURSE, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, startsAt: new Date(Date.now() + 10 * 86_400_000) });
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Content-Security-Policy, in the browser', () => {
  it('the built app runs its screens with nothing blocked', async () => {
    const { page } = browser;
    const response = await page.goto(`${app.url}/`);
    // The policy is really there (a missing header would let anything through unnoticed).
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.waitForURL(/\/masuk/);
    await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    expect(browser.cspViolations).toEqual([]);
    await page.getByLabel('NIP atau e-mail').fill(admin.nip!);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();

    await page.goto(`${app.url}/katalog`);
    const card = page.getByRole('link', { name: new RegExp(COURSE) }).first();
    await card.waitFor();
    await card.click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();

    await page.goto(`${app.url}/admin/pegawai`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Fonts and lazily loaded chunks are fetched after the first paint: let them arrive.
    await page.waitForLoadState('networkidle');

    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

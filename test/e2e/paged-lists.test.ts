import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../server/src/modules/agency/index.js';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { openBrowser, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * "Muat lebih banyak" on the lists, in a real Chromium: the next page joins the rows already shown (the cache's
 * field policies, client/src/app/pagedLists.ts, through usePagedList), nothing repeats, and another filter is
 * another list that starts at its first page.
 */
const DESKTOP = { width: 1280, height: 900 };
const COURSES = 15; // the catalogue shows 12 a page
const PEOPLE = 30; // the people table shows 25 a page

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let agency: Agency;
let learner: Person;
let admin: Person;

const courseTitle = (i: number) => `Kursus Halaman ${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  agency = await app.seed.agency({ name: 'Pemerintah Kota Pontianak' });
  learner = await app.seed.person({ agency, fullName: 'Nurul Hidayah' });
  admin = await app.seed.person({ agency, fullName: 'Hendra Gunawan', roles: [{ role: Role.AGENCY_ADMIN, agency }] });
  for (let i = 1; i <= COURSES; i++) {
    await app.seed.course({ title: courseTitle(i), ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 30, competencyTags: i % 2 ? ['Ganjil'] : ['Genap'] });
  }
  for (let i = 1; i <= PEOPLE; i++) await app.seed.person({ agency, fullName: `Pegawai Uji ${String(i).padStart(2, '0')}` });
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize(DESKTOP);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const signIn = (login: string) => signInAt(page, app.url, login);

const loadMore = () => page.getByRole('button', { name: 'Muat lebih banyak' });

describe('paginated lists, in the browser', () => {
  it('the catalogue adds the next page under the first, and a filter starts its own list', async () => {
    await signIn(learner.nip!);
    await page.goto(`${app.url}/katalog?urut=judul`);
    const results = page.getByRole('region', { name: 'Hasil pencarian' });
    const titles = () => results.getByRole('heading', { level: 3 }).allTextContents();
    await page.getByText(`Menampilkan 12 dari ${COURSES}`).waitFor();
    expect(await titles()).toEqual(Array.from({ length: 12 }, (_, i) => courseTitle(i + 1)));

    await loadMore().click();
    await page.getByText(`Menampilkan ${COURSES} dari ${COURSES}`).waitFor();
    expect(await titles()).toEqual(Array.from({ length: COURSES }, (_, i) => courseTitle(i + 1)));
    expect(await loadMore().count()).toBe(0);

    // Another filter is another list: its first page only, not appended to the one above.
    await page.goto(`${app.url}/katalog?urut=judul&kompetensi=Genap`);
    await page.getByText('Menampilkan 7 dari 7').waitFor();
    expect(await titles()).toEqual(Array.from({ length: 7 }, (_, i) => courseTitle(2 * (i + 1))));
    expect(browser.pageErrors).toEqual([]);
  });

  it('the people table of an agency admin loads its second page below the first', async () => {
    await signIn(admin.nip!);
    await page.goto(`${app.url}/admin/pegawai`);
    const total = PEOPLE + 2; // the learner and the admin are the agency's people too
    await page.getByText(`Menampilkan 25 dari ${total}`).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(25 + 1);
    await loadMore().click();
    await page.getByText(`Menampilkan ${total} dari ${total}`).waitFor();
    const names = await page.getByRole('table').locator('tbody tr').allTextContents();
    expect(names).toHaveLength(total);
    for (let i = 1; i <= PEOPLE; i++) {
      expect(names.filter((n) => n.includes(`Pegawai Uji ${String(i).padStart(2, '0')}`)), `row of Pegawai Uji ${i}`).toHaveLength(1);
    }
    expect(browser.pageErrors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from './a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from './browser.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Every screen of the app, as each demo role sees it, on a 360 px phone and on a desktop: axe finds
 * no serious or critical WCAG 2.2 AA violation, nothing is cut off or runs into its neighbour, and
 * the page never scrolls sideways. The roles are split over test/e2e/every-screen-*.test.ts so the
 * two test workers share them (one file took four and a half minutes).
 */
const DESKTOP = { width: 1280, height: 800 };

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

/** Waits until the screen shows its content: a heading, no skeletons, no request in flight. */
async function settled() {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Skeleton-root').count(), { timeout: 15_000 }).toBe(0);
}

/** Checks the screen at a phone and a desktop width; collects what is wrong instead of stopping at the first. */
async function checkScreen(path: string, problems: string[]) {
  // One visit, then the same page widened to a desktop (as a tablet turned sideways would): the layout follows the
  // width through CSS and media-query listeners, so a second download of the page would only repeat the wait.
  await page.setViewportSize(PHONE);
  await page.goto(`${app.url}${path}`);
  await settled();
  for (const viewport of [PHONE, DESKTOP]) {
    if (viewport !== PHONE) {
      await page.setViewportSize(viewport);
      // Two frames: the resize is laid out and painted (and any width-driven re-render committed) before measuring.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      await settled();
    }
    const where = `${path} at ${viewport.width} px`;
    await expectNoSeriousA11yViolations(page, where).catch((e: Error) => problems.push(e.message));
    await expectNothingCutOff(page, where).catch((e: Error) => problems.push(e.message));
  }
}

async function firstHref(path: string, prefix: RegExp): Promise<string | null> {
  await page.goto(`${app.url}${path}`);
  await settled();
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.find((h) => prefix.test(h)) ?? null;
}

async function signIn(login: string, password: string) {
  await signInAt(page, app.url, login, password);
  await settled();
}

export type DemoRole = 'LEARNER' | 'SUPERVISOR' | 'INSTRUCTOR' | 'AGENCY_ADMIN' | 'PARTNER_ADMIN' | 'PLATFORM_ADMIN';

/** The screens of these demo roles (and the sign-in page, when asked), each in its own test. */
export function describeEveryScreen(roles: DemoRole[], options: { signInPage?: boolean } = {}) {
  describe(`every screen of ${roles.join(', ')}`, () => {
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

    if (options.signInPage) {
      it('the sign-in page', async () => {
        const problems: string[] = [];
        await page.context().clearCookies();
        await checkScreen('/masuk', problems);
        expect(problems).toEqual([]);
      }, 120_000);
    }

    for (const role of roles) {
      it(`${role}: every screen in the navigation and the ones behind it`, async () => {
        const account = app.lentera.demoAccounts!.find((a) => a.role === role)!;
        await page.setViewportSize(DESKTOP);
        await signIn(account.login, account.password);
        // The side navigation lists every screen this role may open.
        const navHrefs = await page.getByRole('navigation', { name: 'Navigasi utama' }).first().locator('a[href]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        const paths = new Set(navHrefs);
        if (paths.has('/katalog')) {
          const course = await firstHref('/katalog', /^\/kursus\/[0-9a-f-]{36}$/);
          if (course) paths.add(course);
        }
        // Workshops: the catalogue filtered to them, a workshop's page (sessions, materials) and, for its managers,
        // its run's sessions and materials (the demo's BIMTEK- workshop of Bandung).
        if (paths.has('/katalog')) {
          paths.add('/katalog?jenis=lokakarya');
          const workshop = await firstHref('/katalog?jenis=lokakarya', /^\/kursus\/[0-9a-f-]{36}$/);
          if (workshop) paths.add(workshop);
        }
        if (paths.has('/admin/kursus')) {
          const [bimtek] = await app.sql(`select r.id from course_run r join course c on c.id = r.course_id where c.code like 'BIMTEK-%' limit 1`);
          if (bimtek) paths.add(`/admin/angkatan/${bimtek.id}`);
        }
        if (paths.has('/mengajar')) {
          const roster = await firstHref('/mengajar', /^\/mengajar\/[0-9a-f-]{36}$/);
          if (roster) paths.add(roster);
          // A workshop run's sessions link to their attendance sheets, and a sheet to its full-screen QR page.
          const sheet = await firstHref('/', /^\/mengajar\/sesi\/[0-9a-f-]{36}$/) ?? (roster ? await firstHref(roster, /^\/mengajar\/sesi\/[0-9a-f-]{36}$/) : null);
          if (sheet) paths.add(sheet).add(`${sheet}/qr`);
        }
        if (paths.has('/pendaftaran')) paths.add('/hadir');
        // A programme the learner takes part in (the path with progress), and the catalogue's programmes.
        if (paths.has('/program-saya')) {
          const programme = await firstHref('/program-saya', /^\/program\/[0-9a-f-]{36}$/);
          if (programme) paths.add(programme);
          paths.add('/katalog?jenis=program');
        }
        if (paths.has('/admin/kursus')) {
          paths.add('/admin/kursus/baru');
          const edit = await firstHref('/admin/kursus', /^\/admin\/kursus\/[0-9a-f-]{36}/);
          if (edit) paths.add(edit);
          const roster = await firstHref('/admin/kursus', /^\/mengajar\/[0-9a-f-]{36}$/);
          if (roster) paths.add(roster);
          // The demo's monthly forum and its occurrences (a workshop's recurring forums).
          const [forum] = await app.sql(`select s.course_id from run_series s join course c on c.id = s.course_id join agency a on a.id = c.owner_agency_id where a.code = 'PEMKOT-BDG' limit 1`);
          if (forum) paths.add(`/admin/kursus/${forum.course_id}/rangkaian`);
        }
        if (paths.has('/kerja-sama')) {
          paths.add('/kerja-sama/baru');
          const agreement = await firstHref('/kerja-sama', /^\/kerja-sama\/[0-9a-f-]{36}$/);
          if (agreement) paths.add(agreement);
        }
        if (paths.has('/platform/mitra')) {
          const partner = await firstHref('/platform/mitra', /^\/platform\/mitra\/[0-9a-f-]{36}$/);
          if (partner) paths.add(partner);
        }
        paths.add('/halaman-yang-tidak-ada');
        const problems: string[] = [];
        for (const path of paths) await checkScreen(path, problems);
        expect(problems).toEqual([]);
      }, 600_000);
    }
  });
}

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from './a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from './browser.js';
import { EVERY_SCREEN_GROUPS, type DemoRole, type EveryScreenGroup } from './every-screen-groups.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Every screen of the app, as each demo role sees it, on a 360 px phone and on a desktop: axe finds
 * no serious or critical WCAG 2.2 AA violation, nothing is cut off or runs into its neighbour, and
 * the page never scrolls sideways. The roles are grouped (EVERY_SCREEN_GROUPS) and each group's screens
 * are dealt over the parts test/e2e/every-screen-<group>-<part>.test.ts, so no browser file holds the
 * last test worker for minutes (one file per group took 80–110 s; test/unit/every-screen-parts.test.ts
 * checks that every part has its file, so no screen goes unchecked).
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

/** The first link on the page at `path` matching `prefix`; `section`: a part of the page to wait for a moment first, if it comes. */
async function firstHref(path: string, prefix: RegExp, section?: string): Promise<string | null> {
  await page.goto(`${app.url}${path}`);
  await settled();
  if (section) await page.getByTestId(section).waitFor({ timeout: 5_000 }).catch(() => {});
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.find((h) => prefix.test(h)) ?? null;
}

async function signIn(login: string, password: string) {
  await signInAt(page, app.url, login, password);
  await settled();
}

/**
 * Where a screen comes from: a link of the side navigation (its path is its key), or a screen found behind one (a key
 * naming its kind, resolved to a path, or to none when the demo world has none, only by the part it falls to).
 */
interface ScreenSource { key: string; screens: () => Promise<(string | null)[]> }

const COURSE_PAGE = /^\/kursus\/[0-9a-f-]{36}$/;
const ROSTER = /^\/mengajar\/[0-9a-f-]{36}$/;
const SHEET = /^\/mengajar\/sesi\/[0-9a-f-]{36}$/;

/**
 * Every screen this role may open, as sources in a fixed order: the side navigation's links (the same for a role in
 * every demo world) and the kinds of screens behind them (chosen by which links the navigation has, never by what a
 * page happened to show), so each part of a group deals the same list whatever a screen later resolves to.
 */
async function sourcesOf(role: DemoRole): Promise<ScreenSource[]> {
  const account = app.lentera.demoAccounts!.find((a) => a.role === role)!;
  await page.setViewportSize(DESKTOP);
  await signIn(account.login, account.password);
  // The side navigation lists every screen this role may open.
  const navHrefs = await page.getByRole('navigation', { name: 'Navigasi utama' }).first().locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const nav = new Set(navHrefs);
  const sources: ScreenSource[] = [...nav].map((href) => ({ key: href, screens: () => Promise.resolve([href]) }));
  const add = (key: string, screens: () => Promise<(string | null)[]>) => sources.push({ key, screens });
  /** Resolved once per part, for the sources that need the same page. */
  const once = <T>(find: () => Promise<T>) => {
    let found: Promise<T> | undefined;
    return () => (found ??= find());
  };
  if (nav.has('/katalog')) {
    add('a course page', async () => [await firstHref('/katalog', COURSE_PAGE)]);
    // Workshops: the catalogue filtered to them, a workshop's page (sessions, materials) and, for its managers,
    // its run's sessions and materials (the demo's BIMTEK- workshop of Bandung).
    add('the catalogue of workshops', () => Promise.resolve(['/katalog?jenis=lokakarya']));
    add('a workshop page', async () => [await firstHref('/katalog?jenis=lokakarya', COURSE_PAGE)]);
  }
  if (nav.has('/admin/kursus')) {
    add('a workshop run’s sessions and materials', async () => {
      const [bimtek] = await app.sql(`select r.id from course_run r join course c on c.id = r.course_id where c.code like 'BIMTEK-%' limit 1`);
      return [bimtek ? `/admin/angkatan/${bimtek.id}` : null];
    });
  }
  if (nav.has('/mengajar')) {
    const roster = once(() => firstHref('/mengajar', ROSTER));
    // A workshop run's sessions link to their attendance sheets, and a sheet to its full-screen QR page.
    // The home's list of attendance to take is a query of its own, which on a busy machine can land after the page
    // settled: it is waited for (where the role has one) so the sheet and its QR page are not skipped.
    const sheet = once(async () => await firstHref('/', SHEET, 'attendance-to-take') ?? (await roster().then((r) => (r ? firstHref(r, SHEET) : null))));
    add('a roster', async () => [await roster()]);
    add('an attendance sheet', async () => [await sheet()]);
    add('an attendance QR page', async () => [await sheet().then((s) => (s ? `${s}/qr` : null))]);
  }
  if (nav.has('/pendaftaran')) add('the check-in page', () => Promise.resolve(['/hadir']));
  if (nav.has('/admin/kursus')) {
    add('the new course form', () => Promise.resolve(['/admin/kursus/baru']));
    add('a course’s admin page', async () => [await firstHref('/admin/kursus', /^\/admin\/kursus\/[0-9a-f-]{36}/)]);
    add('a roster from the course admin', async () => [await firstHref('/admin/kursus', ROSTER)]);
    // The demo's monthly forum and its occurrences (a workshop's recurring forums).
    add('a forum series', async () => {
      const [forum] = await app.sql(`select s.course_id from run_series s join course c on c.id = s.course_id join agency a on a.id = c.owner_agency_id where a.code = 'PEMKOT-BDG' limit 1`);
      return [forum ? `/admin/kursus/${forum.course_id}/rangkaian` : null];
    });
  }
  if (nav.has('/kerja-sama')) {
    add('the new agreement form', () => Promise.resolve(['/kerja-sama/baru']));
    add('an agreement', async () => [await firstHref('/kerja-sama', /^\/kerja-sama\/[0-9a-f-]{36}$/)]);
  }
  if (nav.has('/platform/mitra')) add('a partner', async () => [await firstHref('/platform/mitra', /^\/platform\/mitra\/[0-9a-f-]{36}$/)]);
  // Programmes: the learner's path and the catalogue's programmes; the admin's programme, cohort and nominations;
  // the shared library's evidence page.
  if (nav.has('/program-saya')) {
    add('a programme the learner takes part in', async () => [await firstHref('/program-saya', /^\/program\/[0-9a-f-]{36}$/)]);
    add('the catalogue of programmes', () => Promise.resolve(['/katalog?jenis=program']));
  }
  if (nav.has('/admin/program')) {
    // The first programme this role manages, its first cohort and that cohort's nominations (found by their links).
    const programme = once(() => firstHref('/admin/program', /^\/admin\/program\/[0-9a-f-]{36}$/));
    const cohort = once(async () => {
      const p = await programme();
      return p ? firstHref(p, /^\/admin\/program\/[0-9a-f-]{36}\/angkatan\/[0-9a-f-]{36}$/) : null;
    });
    add('a programme’s admin page', async () => [await programme()]);
    add('a cohort’s admin page', async () => [await cohort()]);
    add('a cohort’s nominations', async () => {
      const c = await cohort();
      return [c ? await firstHref(c, /^\/admin\/program\/angkatan\/[0-9a-f-]{36}\/peserta$/) : null];
    });
  }
  if (nav.has('/pustaka-program')) add('a shared programme’s evidence', async () => [await firstHref('/pustaka-program', /^\/pustaka-program\/[0-9a-f-]{36}$/)]);
  add('the not-found page', () => Promise.resolve(['/halaman-yang-tidak-ada']));
  return sources;
}

/**
 * Part `part` (1-based) of a group's screens: each role's sources (sourcesOf) are dealt over the parts like cards, so
 * the screens of a kind spread over them, each role starting one part further than the one before it (so the odd
 * sources do not all land in part 1); a part resolves only its own. The parts together check every screen, as one file
 * did. The sign-in page goes with the last part.
 */
export function describeEveryScreen(group: EveryScreenGroup, part: number) {
  const { roles, parts, signInPage } = EVERY_SCREEN_GROUPS[group];
  if (!Number.isInteger(part) || part < 1 || part > parts) throw new Error(`every-screen ${group}: part ${part} is not one of 1..${parts}`);
  describe(`every screen of ${roles.join(', ')} (part ${part} of ${parts})`, () => {
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

    if (signInPage && part === parts) {
      it('the sign-in page', async () => {
        const problems: string[] = [];
        await page.context().clearCookies();
        await checkScreen('/masuk', problems);
        expect(problems).toEqual([]);
      }, 120_000);
    }

    roles.forEach((role, r) => {
      it(`${role}: part ${part} of ${parts} of every screen in the navigation and the ones behind it`, async () => {
        const sources = (await sourcesOf(role)).filter((_, i) => (i + r) % parts === part - 1);
        const screens = new Set<string>();
        for (const source of sources) for (const path of await source.screens()) if (path) screens.add(path);
        const problems: string[] = [];
        for (const path of screens) await checkScreen(path, problems);
        expect(problems).toEqual([]);
      }, 600_000);
    });
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A first visit to the home page draws it without Apollo Client or the router (app/HomeStart.tsx): its data comes
 * with the session question over plain fetch, and the app follows once the browser has painted, taking the answers
 * into Apollo's cache instead of asking again (the budget test counts the bytes; this watches what the browser does).
 */
const dist = fileURLToPath(new URL('../../client/dist/', import.meta.url));

/** Apollo Client's code announces itself to devtools through this global, whichever chunk holds it. */
const APOLLO_MARK = '__APOLLO_CLIENT__';
const apolloScripts = new Set(
  readdirSync(`${dist}assets`)
    .filter((f) => f.endsWith('.js') && readFileSync(`${dist}assets/${f}`, 'utf8').includes(APOLLO_MARK))
    .map((f) => `/assets/${f}`),
);

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Sleman' });
  learner = await app.seed.person({ agency, fullName: 'Rina Marlina' });
  const course = await app.seed.course({ title: 'Pelayanan Prima di Kantor Desa', jp: 8, ownerAgency: agency, policy: EnrolmentPolicy.OPEN });
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learner.id, course.id, course.run.id]);
  await app.sql(`update course_run set seats_taken = 1 where id = $1`, [course.run.id]);
  browser = await openBrowser();
  page = browser.page;
  // Signed in once: the visits below are the first visit of a returning person (cookie set, nothing cached).
  await signInAt(page, app.url, learner.nip!);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The GraphQL operations the page sends from now on. */
function watchOperations(target: Page): string[] {
  const operations: string[] = [];
  target.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') {
      operations.push(/^\s*(?:query|mutation)\s+(\w+)/.exec((request.postDataJSON() as { query: string }).query)?.[1] ?? '?');
    }
  });
  return operations;
}

/** A cold visit: nothing of the app in the browser's cache, so every chunk is really requested. */
async function coldVisit(path: string) {
  await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
  await page.goto('about:blank');
  await page.goto(`${app.url}${path}`);
}

/** Holds back every script holding Apollo Client until release() is called (then they pass, for the rest of the file). */
async function holdApollo() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  const hold = async (route: Route) => {
    held.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  };
  const matcher = (url: URL) => apolloScripts.has(url.pathname);
  await page.route(matcher, hold);
  return { held, release };
}

const greeting = /^Selamat (pagi|siang|sore|malam), Rina$/;

describe('the home page on a first visit', () => {
  it('paints before any Apollo chunk is requested, then the app takes over without asking again', async () => {
    expect(apolloScripts.size).toBeGreaterThan(0);
    const operations = watchOperations(page);
    await coldVisit('/');
    await page.getByRole('heading', { level: 1, name: greeting }).waitFor();
    // The app took over: the router's links change the page without loading a new document.
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/assets/App-')))).toBe(true);

    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      scripts: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
    }));
    expect(timing.paint).not.toBeNull();
    const beforePaint = timing.scripts.filter((s) => s.start < timing.paint).map((s) => s.path);
    const apolloLoaded = timing.scripts.filter((s) => apolloScripts.has(s.path));
    expect(beforePaint.length).toBeGreaterThan(0);
    expect(beforePaint.filter((path) => apolloScripts.has(path)), 'Apollo requested before the first paint').toEqual([]);
    expect(apolloLoaded.length, 'the app arrives after the first paint').toBeGreaterThan(0);

    // The session and the home page were each asked once, with plain fetch; Apollo read them from its cache.
    expect(operations).toEqual(expect.arrayContaining(['BootSession', 'LearnerHome']));
    expect(operations.filter((name) => ['BootSession', 'Session', 'LearnerHome'].includes(name)).sort()).toEqual(['BootSession', 'LearnerHome']);

    // What the page shows, after the app took over: the enrolment with its state, and its links work in the app.
    const card = page.getByRole('article').filter({ hasText: 'Pelayanan Prima di Kantor Desa' });
    await card.getByText('Aktif').waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog pembelajaran' }).waitFor();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    // The app replaced the first paint without an error on the way.
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('is drawn whole while Apollo is held back; a link or a language switch used meanwhile is not lost', async () => {
    const apollo = await holdApollo();
    const operations = watchOperations(page);
    await coldVisit('/');
    await page.getByRole('heading', { level: 1, name: greeting }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Pelayanan Prima di Kantor Desa' }).getByText('Aktif').waitFor();
    await page.getByRole('heading', { name: /^0 \/ 20 JP tahun \d{4}$/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the home page before the app arrived');
    // The app was asked for after the paint and is being held: the page above needed none of it.
    await expect.poll(() => apollo.held.length).toBeGreaterThan(0);

    // The offline banner works before the app too.
    await page.context().setOffline(true);
    await page.getByText('Anda sedang luring.', { exact: false }).waitFor();
    await page.context().setOffline(false);
    await expect.poll(() => page.getByText('Anda sedang luring.', { exact: false }).count()).toBe(0);

    // The language switch works before the app, and is saved to the account.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Good (morning|day|afternoon|evening), Rina$/ }).waitFor();
    await expect.poll(async () => (await app.sql<{ locale: string }>('select locale from person where id = $1', [learner.id]))[0].locale).toBe('en');
    expect(operations).toContain('SaveLanguageBeforeApp');

    // A link followed before the app is here opens its page once the app arrives, in the same document.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.waitForURL((url) => url.pathname === '/katalog');
    apollo.release();
    await page.getByRole('heading', { level: 1, name: 'Learning catalogue' }).waitFor();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    // The switch made before the app stays: the app did not put the account's old language back.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: /^Good (morning|day|afternoon|evening), Rina$/ }).waitFor();
    expect(operations.filter((name) => name === 'Session' || name === 'BootSession')).toEqual(['BootSession']);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('signs out before the app has arrived: the session ends and the sign-in page opens', async () => {
    const apollo = await holdApollo();
    const operations = watchOperations(page);
    await coldVisit('/');
    await page.getByRole('heading', { level: 1, name: /, Rina$/ }).waitFor();
    await expect.poll(() => apollo.held.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Rina Marlina/ }).click();
    await page.getByRole('menuitem', { name: /^(Keluar|Sign out)$/ }).click();
    await page.waitForURL((url) => url.pathname === '/masuk');
    await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).waitFor();
    expect(operations).toContain('SignOutBeforeApp');
    expect(await app.sql('select token_hash from session where person_id = $1', [learner.id])).toEqual([]);
    apollo.release();
  }, 120_000);
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Losing the connection, or a new version deployed while a tab is open: a screen whose code or data
 * cannot be fetched says so calmly in Bahasa with "Coba lagi", keeps the navigation, recovers by
 * itself when the connection returns, marks cached data as such, and a deploy reloads the tab once.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const builtClient = join(root, 'client/dist');

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let learner: Person;
/** The built client copied, so the "deploy" test can change it without touching client/dist. */
let staticDir: string;

beforeAll(async () => {
  requireBuiltClient();
  staticDir = mkdtempSync(join(tmpdir(), 'lentera-dist-'));
  cpSync(builtClient, staticDir, { recursive: true });
  // Pre-compressed copies would go stale when the "deploy" rewrites files: serve the plain ones.
  for (const f of readdirSync(join(staticDir, 'assets'))) if (/\.(br|gz)$/.test(f)) rmSync(join(staticDir, 'assets', f));
  app = await startTestApp({ staticDir });
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Banyumas' });
  learner = await app.seed.person({ agency, fullName: 'Dewi Lestari' });
  const course = await app.seed.course({ title: 'Penulisan Naskah Dinas', jp: 8, ownerAgency: agency, policy: EnrolmentPolicy.OPEN });
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learner.id, course.id, course.run.id]);
  await app.sql(`update course_run set seats_taken = 1 where id = $1`, [course.run.id]);
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
});

async function signIn() {
  await page.setViewportSize(PHONE);
  await page.goto(`${app.url}/`);
  await page.waitForURL(/\/masuk/);
  await page.getByLabel('NIP atau e-mail').fill(learner.nip!);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Selamat (pagi|siang|sore|malam), / }).waitFor();
  await appTakenOver();
}

/**
 * The home page paints before the app (router, Apollo) arrives; going offline or deploying during that second would
 * break the app's own download instead of the screen's under test (a failed start reloads the tab, and the click
 * that followed is lost). Waits until the app's chunk is loaded and the network is quiet.
 */
async function appTakenOver() {
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/App-[\w-]+\.js$/.test(e.name)))).toBe(true);
  await page.waitForLoadState('networkidle');
}

describe('offline and after a deploy', () => {
  beforeEach(async () => {
    await page.context().setOffline(false);
  });

  it('a screen that cannot load offline says so in Bahasa, keeps the navigation and opens by itself once online', async () => {
    await signIn();
    await page.context().setOffline(true);
    await page.getByText('Anda sedang luring.', { exact: false }).waitFor();

    // The catalogue's code was never downloaded: it cannot be fetched now.
    await page.getByRole('link', { name: 'Katalog pembelajaran' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Halaman ini belum bisa dibuka' });
    await alert.waitFor();
    await alert.getByText('Anda sedang tidak terhubung ke internet.', { exact: false }).waitFor();
    await alert.getByRole('button', { name: 'Coba lagi' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).waitFor();
    expect(await page.getByText(/dynamically imported module|Unexpected Application Error/i).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the offline error screen');

    // "Coba lagi" while still offline fails again, calmly.
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Halaman ini belum bisa dibuka' }).waitFor();

    // The connection returns: the catalogue opens without anyone pressing anything.
    await page.context().setOffline(false);
    await page.getByRole('heading', { level: 1, name: 'Katalog pembelajaran' }).waitFor();
    await expect.poll(() => page.getByText('Anda sedang luring.', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('alert').filter({ hasText: 'Halaman ini belum bisa dibuka' }).count()).toBe(0);
    expect(page.url()).toMatch(/\/katalog$/);
  }, 120_000);

  it('data shown from the cache while offline says so, and refreshes when the connection returns', async () => {
    await page.getByRole('link', { name: 'Pendaftaran saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pendaftaran saya' }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Penulisan Naskah Dinas' }).waitFor();
    await page.getByRole('link', { name: 'Beranda', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Selamat / }).waitFor();

    await page.context().setOffline(true);
    await page.getByRole('link', { name: 'Pendaftaran saya' }).click();
    // The cached list stays on screen, marked as saved data that could not be refreshed.
    await page.getByRole('article').filter({ hasText: 'Penulisan Naskah Dinas' }).waitFor();
    await page.getByText('Data ini dari simpanan terakhir dan belum bisa diperbarui.').waitFor();
    await page.getByText('Anda sedang luring.', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'cached enrolments while offline');

    await page.context().setOffline(false);
    await expect.poll(() => page.getByText('Data ini dari simpanan terakhir', { exact: false }).count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('article').filter({ hasText: 'Penulisan Naskah Dinas' }).waitFor();
  }, 120_000);

  it('after a deploy removed the code of a screen, the tab loads the new version once and opens the screen', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Selamat / }).waitFor();
    await appTakenOver();
    await page.evaluate(() => ((window as unknown as { beforeDeploy: boolean }).beforeDeploy = true));
    await forgetDownloads();

    deploy({ removeCatalogue: false });
    await page.getByRole('link', { name: 'Katalog pembelajaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog pembelajaran' }).waitFor();
    // A new document: the old tab's state is gone, so it was reloaded.
    expect(await page.evaluate(() => 'beforeDeploy' in window)).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('lentera.reloadedForNewVersion'))).toBeNull();
  }, 120_000);

  it('a deploy whose screen code is missing altogether reloads once, then shows the message instead of looping', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Selamat / }).waitFor();
    await appTakenOver();
    // Full document loads only (client-side navigations and retries are not loads).
    let loads = 0;
    const countLoads = () => loads++;
    page.on('load', countLoads);
    await forgetDownloads();
    deploy({ removeCatalogue: true });
    await page.getByRole('link', { name: 'Katalog pembelajaran' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Halaman ini belum bisa dibuka' });
    await alert.waitFor();
    // Long enough for a second reload, had the guard not stopped it.
    await page.waitForTimeout(3_000);
    await alert.waitFor();
    page.off('load', countLoads);
    expect(loads).toBe(1);
    await alert.getByRole('button', { name: 'Coba lagi' }).waitFor();
  }, 120_000);
});

/** Earlier tests downloaded the catalogue's chunk: forget it, as a tab that never opened it would. */
async function forgetDownloads() {
  await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
}

/**
 * Imitates a deploy in the served copy, the way content-hashed file names change: the catalogue's
 * chunk and the entry script get new names, and so does every file that refers to a renamed file
 * (its content changes), until nothing else changes; files whose content stays the same keep their
 * names. The old files are gone. With removeCatalogue the new version's catalogue chunk is missing.
 */
let deploys = 0;
function deploy({ removeCatalogue }: { removeCatalogue: boolean }) {
  deploys++;
  const assets = join(staticDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const content = new Map(scripts.map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
  const html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  const catalogue = scripts.find((f) => /^catalogue-[\w-]+\.js$/.test(f))!;
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)![1];
  const renamed = new Set([catalogue, entry]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, text] of content) {
      if (!renamed.has(file) && [...renamed].some((r) => text.includes(r))) {
        renamed.add(file);
        grew = true;
      }
    }
  }
  const newName = (f: string) => f.replace(/-([\w-]+)\.js$/, `-v${deploys}$1.js`);
  const rewrite = (text: string) => {
    for (const from of renamed) text = text.split(from).join(newName(from));
    return text;
  };
  for (const f of renamed) {
    writeFileSync(join(assets, newName(f)), rewrite(content.get(f)!));
    rmSync(join(assets, f));
  }
  writeFileSync(join(staticDir, 'index.html'), rewrite(html));
  if (removeCatalogue) rmSync(join(assets, newName(catalogue)));
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { openBrowser, requireBuiltClient } from '../kit/browser.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A first visit to the sign-in page downloads only the sign-in page: no Apollo Client, no router, no shell
 * (the budget test counts its bytes; this watches what the browser really requests). The signed-in app is
 * fetched once the person starts typing, and shown after signing in.
 */
const dist = fileURLToPath(new URL('../../client/dist/', import.meta.url));

/** Apollo Client's code announces itself to devtools through this global, whichever chunk holds it. */
const APOLLO_MARK = '__APOLLO_CLIENT__';

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let person: Person;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Bantul' });
  person = await app.seed.person({ agency, fullName: 'Dewi Lestari' });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The scripts the page requested, and the GraphQL operations it sent, from now on. */
function watch(target: Page) {
  const scripts: string[] = [];
  const operations: string[] = [];
  target.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
    if (url.pathname === '/graphql' && request.method() === 'POST') {
      operations.push(/^\s*(?:query|mutation)\s+(\w+)/.exec((request.postDataJSON() as { query: string }).query)?.[1] ?? '?');
    }
  });
  return { scripts, operations };
}

const holdsApollo = (path: string) => readFileSync(`${dist}${path.replace(/^\//, '')}`, 'utf8').includes(APOLLO_MARK);

describe('the sign-in page on a first visit', () => {
  it('requests no Apollo chunk before the person starts signing in; the app arrives after', async () => {
    await page.context().clearCookies();
    const seen = watch(page);
    await page.goto(`${app.url}/masuk?next=%2Fpendaftaran`);
    await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');

    expect(seen.scripts.length).toBeGreaterThan(0);
    expect(seen.scripts.filter(holdsApollo)).toEqual([]);
    // The session question went out with plain fetch, once.
    expect(seen.operations).toEqual(['BootSession']);

    await page.getByLabel('NIP atau e-mail').fill(person.nip!);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(Seed.PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/pendaftaran');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(seen.scripts.filter(holdsApollo).length).toBeGreaterThan(0);
    // The app took the person from the sign-in answer: it did not ask the server who is signed in again.
    expect(seen.operations.filter((name) => name === 'Session' || name === 'BootSession')).toEqual(['BootSession']);
  });

  it('a signed-in person who opens /masuk goes on to the page asked for', async () => {
    const seen = watch(page);
    await page.goto(`${app.url}/masuk?next=%2Fpendaftaran`);
    await page.waitForURL((url) => url.pathname === '/pendaftaran');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(seen.operations.filter((name) => name === 'Session')).toEqual([]);
  });
});

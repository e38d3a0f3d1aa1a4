import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Seed } from './seed.js';
/**
 * Browser tests run against the built client (`pnpm test` builds first). Missing, they fail loudly rather
 * than skip, so a broken build can never pass as "no browser tests ran".
 */
export function requireBuiltClient(): void {
  const index = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));
  if (!existsSync(index)) throw new Error('client/dist/index.html is missing: build the client first (pnpm run build)');
}

export const PHONE = { width: 360, height: 800 };

/** Debian's Chromium, headless, with nothing that reaches outside this machine (never a downloaded browser). */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[]; cspViolations: string[]; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lentera-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: PHONE,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Everything the Content-Security-Policy blocks: Chromium's console report, and the page's own
  // securitypolicyviolation events (forwarded to the console by a script injected outside the page's CSP).
  const cspViolations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[csp]') || /Content Security Policy/i.test(text)) cspViolations.push(text);
  });
  return {
    context,
    page,
    pageErrors,
    cspViolations,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in on /masuk as a person would (cookies cleared first, so any earlier session is gone) and resolves once
 * the app has left the sign-in page.
 */
export async function signInAt(page: Page, appUrl: string, login: string, password = Seed.PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/masuk`);
  await page.getByLabel('NIP atau e-mail').fill(login);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
}

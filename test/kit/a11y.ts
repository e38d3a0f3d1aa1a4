import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/**
 * Runs axe-core (from npm, injected through the DevTools protocol so the page's Content-Security-Policy
 * does not block it) on what the page shows now and fails on serious or critical WCAG 2.2 A/AA
 * violations, naming each element. Call it on every screen a browser test opens, once its content is there.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen = page.url()): Promise<void> {
  const findings = await a11yViolations(page);
  const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  if (serious.length > 0) {
    const text = serious
      .map((f) => `${f.id} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`)
      .join('\n  ');
    throw new Error(`accessibility violations on ${screen}:\n  ${text}`);
  }
}

async function a11yViolations(page: Page): Promise<Finding[]> {
  // Let transitions and fonts settle: axe measures colours as they are painted, and a toast still fading in reads
  // as grey text on white. Waits for the running CSS transitions and animations (at most 2 s: an endless one never ends).
  await page.evaluate(() => Promise.race([
    Promise.all([document.fonts.ready, ...document.getAnimations().map((a) => a.finished.catch(() => undefined))]),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ]).then(() => undefined));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as any[]).map((n) => ({ target: String(n.target?.join(' ')), html: String(n.html).slice(0, 200), summary: String(n.failureSummary ?? '') })),
    }));
  }, WCAG_AA);
}

interface Overflow {
  element: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Nothing on the page is cut off or spills out at the current viewport: the page does not scroll
 * sideways, and no element with text of its own (a tab, a nav label, a badge, a table cell) is wider
 * inside than its box, whether that text is hidden behind an ellipsis or runs into its neighbours.
 * Containers meant to scroll (overflow-x auto or scroll) are exempt; their own size still counts.
 */
export async function expectNothingCutOff(page: Page, screen = page.url()): Promise<void> {
  const report = await page.evaluate(() => {
    const doc = document.documentElement;
    const overflowing: Overflow[] = [];
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter((c) => c && !c.startsWith('m_')).slice(0, 3).join('.') : '';
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
    };
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.closest('.lentera-visually-hidden, [aria-hidden="true"] svg') || el.getClientRects().length === 0) continue;
      // Screen-reader-only text is a 1 px box on purpose.
      if (el.clientWidth <= 1 && style.position === 'absolute') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        overflowing.push({ element: describe(el), text: el.textContent.trim().slice(0, 60), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    return { pageScrollWidth: doc.scrollWidth, viewport: doc.clientWidth, overflowing };
  });
  const problems: string[] = [];
  if (report.pageScrollWidth > report.viewport) problems.push(`the page scrolls sideways: ${report.pageScrollWidth} px wide in a ${report.viewport} px viewport`);
  for (const o of report.overflowing) problems.push(`${o.element} "${o.text}" needs ${o.scrollWidth} px but has ${o.clientWidth} px`);
  if (problems.length > 0) throw new Error(`cut off or overflowing on ${screen}:\n  ${problems.join('\n  ')}`);
}

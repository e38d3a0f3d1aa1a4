/**
 * `pnpm bench:web`: the built product on a cheap phone, page by page.
 *
 * 1. A throwaway embedded PostgreSQL with the demo world (as `pnpm start` seeds it); the compiled server
 *    (server/dist) serving the built client (client/dist) on a free port, in this process.
 * 2. Debian's Chromium (the flags of test/kit/browser.ts), 360×800, emulated through CDP as the issue measured:
 *    slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a 4× slower CPU.
 * 3. Per page a fresh browser context (cold cache), signed in through the API as the demo person who uses it.
 * 4. Per page: LCP and FCP (PerformanceObserver, buffered), requests, JavaScript bytes transferred (CDP
 *    encodedDataLength of Script responses), all bytes, and axe-core's serious/critical violations (axe is
 *    evaluated into the page after the measurement, with throttling off).
 *
 * Prints a table; nothing asserts a time. Knobs: BENCH_WEB_RUNS (1; more takes the median per page),
 * BENCH_WEB_PAGES (comma list of page names), BENCH_OUT (write JSON results), BENCH_WEB_LIST=1 (print each request
 * with when it started and its size: what a page waits on).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const need of ['server/dist/app/boot.js', 'client/dist/index.html']) {
  if (!existsSync(join(root, need))) {
    console.error(`${need} is missing: build first (\`pnpm bench:web\` does: pnpm run build).`);
    process.exit(1);
  }
}
const { startEmbeddedPostgres } = await import('../../server/dist/shared/db/embedded-postgres.js');
const { startLentera } = await import('../../server/dist/app/boot.js');
const { loadConfig } = await import('../../server/dist/shared/config/config.js');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = { width: 360, height: 800 };
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = Number(process.env.BENCH_WEB_CPU ?? 4);
const runs = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 1));
const log = (msg) => console.log(`[bench:web] ${msg}`);

log('starting a throwaway PostgreSQL with the demo world …');
const database = await startEmbeddedPostgres({ persistent: false });
const databaseUrl = await database.createDatabase('lentera_web_bench');
const lentera = await startLentera(
  { ...loadConfig({}), databaseUrl, port: 0, host: '127.0.0.1', seedDemo: true, production: true, cookieSecure: false },
  { log: () => {} },
);
const base = lentera.url;
const account = (role) => {
  const found = lentera.demoAccounts?.find((a) => a.role === role);
  if (!found) throw new Error(`the demo world has no ${role} account`);
  return found;
};

async function signIn(role) {
  const { login, password } = account(role);
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { me { id } } }', variables: { i: { login, password } } }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('lentera_session='));
  if (!cookie) throw new Error(`sign-in as ${role} failed: ${await res.text()}`);
  return cookie;
}

async function firstId(cookie, query, pick) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
  const body = await res.json();
  const id = pick(body.data);
  if (!id) throw new Error(`no id from ${query}: ${JSON.stringify(body)}`);
  return id;
}

const learner = await signIn('LEARNER');
const instructor = await signIn('INSTRUCTOR');
const courseId = await firstId(learner, '{ catalogue(first: 1) { nodes { id } } }', (d) => d?.catalogue.nodes[0]?.id);
const taughtId = await firstId(instructor, '{ teachingRuns(first: 1) { nodes { id } } }', (d) => d?.teachingRuns.nodes[0]?.id);

const PAGES = [
  { name: 'sign-in', path: '/masuk', role: null },
  { name: 'home', path: '/', role: 'LEARNER' },
  { name: 'catalogue', path: '/katalog', role: 'LEARNER' },
  { name: 'course', path: `/kursus/${courseId}`, role: 'LEARNER' },
  { name: 'approvals', path: '/persetujuan', role: 'SUPERVISOR' },
  { name: 'roster', path: `/mengajar/${taughtId}`, role: 'INSTRUCTOR' },
  { name: 'admin people', path: '/admin/pegawai', role: 'AGENCY_ADMIN' },
].filter((p) => !process.env.BENCH_WEB_PAGES || process.env.BENCH_WEB_PAGES.split(',').includes(p.name));

const userDataDir = mkdtempSync(join(tmpdir(), 'lentera-bench-web-'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** One cold visit: a new context (empty cache), the phone profile on, the page until the network is quiet. */
async function visit(page) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    if (page.role) {
      const [name, value] = (await signIn(page.role)).split('=');
      await context.addCookies([{ name, value, url: base }]);
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => { if (!e.request.url.startsWith('data:')) requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, at: e.timestamp }); });
    cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.type = e.type; });
    cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await tab.goto(base + page.path, { waitUntil: 'networkidle', timeout: 120_000 });
    // LCP candidates stop with the first input; a quiet second after the network settles catches late renders.
    await tab.waitForTimeout(1000);
    // A buffered observer made now is handed every entry recorded since navigation (LCP has no getEntries).
    const paint = await tab.evaluate(() => new Promise((resolve) => {
      const found = { fcp: null, lcp: null };
      const done = () => {
        found.fcp ??= performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;
        resolve(found);
      };
      const watch = (type, take) => new PerformanceObserver((list, observer) => {
        take(list.getEntries());
        observer.disconnect();
        if (found.fcp !== null && found.lcp !== null) done();
      }).observe({ type, buffered: true });
      watch('paint', (entries) => { found.fcp = entries.find((e) => e.name === 'first-contentful-paint')?.startTime ?? found.fcp; });
      watch('largest-contentful-paint', (entries) => { found.lcp = entries.at(-1)?.startTime ?? null; });
      setTimeout(done, 20_000);
    }));
    const landed = new URL(tab.url()).pathname;

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await tab.evaluate(axeSource);
    const violations = await tab.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    const all = [...requests.values()];
    if (process.env.BENCH_WEB_LIST) {
      const t0 = Math.min(...all.map((r) => r.at));
      for (const r of all.sort((a, b) => a.at - b.at)) log(`  +${Math.round((r.at - t0) * 1000)} ms ${r.type} ${(r.bytes / 1024).toFixed(1)} KB ${r.url.replace(base, '')}`);
    }
    return {
      lcp: paint.lcp, fcp: paint.fcp, landed, requests: all.length,
      jsBytes: all.filter((r) => r.type === 'Script').reduce((s, r) => s + r.bytes, 0),
      totalBytes: all.reduce((s, r) => s + r.bytes, 0),
      violations,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const results = [];
try {
  for (const page of PAGES) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await visit(page));
    const r = {
      page: page.name, path: page.path, landed: samples[0].landed,
      lcpMs: median(samples.map((s) => s.lcp)), fcpMs: median(samples.map((s) => s.fcp)),
      requests: median(samples.map((s) => s.requests)), jsKB: median(samples.map((s) => s.jsBytes)) / 1024, totalKB: median(samples.map((s) => s.totalBytes)) / 1024,
      axeSeriousOrCritical: samples[0].violations,
    };
    results.push(r);
    log(`${r.page}: LCP ${fmt(r.lcpMs)} ms, FCP ${fmt(r.fcpMs)} ms, ${r.requests} requests, JS ${r.jsKB.toFixed(0)} KB, ${r.axeSeriousOrCritical.length} axe serious/critical`);
  }
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await lentera.stop();
  await database.stop();
}

function fmt(x) {
  return x === null || x === undefined ? '–' : x.toFixed(0);
}

console.log(`\nPhone profile: ${PHONE.width}×${PHONE.height}, ${NETWORK.latency} ms RTT, 1.6 Mbit/s down, CPU ×${CPU_SLOWDOWN}, cold cache; median of ${runs} run(s).\n`);
console.log('| page | LCP | FCP | requests | JS transferred | all transferred | axe serious/critical |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  const lcp = r.lcpMs === null ? '–' : `${(r.lcpMs / 1000).toFixed(1)} s`;
  const fcp = r.fcpMs === null ? '–' : `${(r.fcpMs / 1000).toFixed(1)} s`;
  const axe = r.axeSeriousOrCritical.length ? r.axeSeriousOrCritical.join(', ') : '0';
  const note = r.landed !== r.path ? ` (landed on ${r.landed})` : '';
  console.log(`| ${r.page}${note} | ${lcp} | ${fcp} | ${r.requests} | ${r.jsKB.toFixed(0)} KB | ${r.totalKB.toFixed(0)} KB | ${axe} |`);
}
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ profile: { ...NETWORK, cpuSlowdown: CPU_SLOWDOWN, viewport: PHONE }, runs, results }, null, 2));

/**
 * `pnpm bench`: the compiled server against a floor, on a city-sized dataset, in one run.
 *
 * 1. A throwaway embedded PostgreSQL; migrations; the dataset built in SQL (dataset.mjs).
 * 2. The real server (server.mjs → server/dist/app/boot.js) and the floor (floor.mjs: one SQL statement
 *    per request behind node:http) as child processes; with `taskset`, both and PostgreSQL share CPU 1
 *    and this load generator uses CPU 0.
 * 3. Signed-in learners; both answers must be equal for each operation (queries.mjs) before timing.
 * 4. SQL statements per request, counted on a second, in-process server with the ORM's query log.
 * 5. Closed-loop load at fixed concurrency: warm-up, then interleaved rounds (floor, server, server,
 *    floor …); throughput, p50/p99 latency and the server/floor ratio per round, medians reported.
 *
 * Prints figures only; nothing here asserts a time. Knobs (environment): BENCH_PEOPLE (20000),
 * BENCH_COURSES (2000), BENCH_ENROLMENTS_PER_PERSON (10), BENCH_CONNECTIONS (16), BENCH_WARMUP (3 s),
 * BENCH_SECONDS (10 s), BENCH_ROUNDS (3), BENCH_PIN (1; 0 = no CPU pinning), BENCH_OUT (write JSON results),
 * BENCH_PROFILE (a folder: the server writes a V8 CPU profile there when it stops), BENCH_VERBOSE (print the statements).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadCityDataset } from './dataset.mjs';
import { runLoad } from './load.mjs';
import { OPERATIONS } from './queries.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'server/dist');
if (!existsSync(join(dist, 'app/boot.js'))) {
  console.error('server/dist is missing: build the server first (`pnpm bench` does: pnpm --filter @lentera/server build).');
  process.exit(1);
}
const { startEmbeddedPostgres, freePort } = await import('../../server/dist/shared/db/embedded-postgres.js');
const { createOrm } = await import('../../server/dist/shared/db/orm.js');
const { startLentera } = await import('../../server/dist/app/boot.js');
const { hashPassword } = await import('../../server/dist/modules/auth/index.js');
const { loadConfig } = await import('../../server/dist/shared/config/config.js');

const num = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const cfg = {
  people: num('BENCH_PEOPLE', 20_000), courses: num('BENCH_COURSES', 2_000), perPerson: num('BENCH_ENROLMENTS_PER_PERSON', 10),
  instructors: 200, units: 50, learners: 16,
  connections: num('BENCH_CONNECTIONS', 16), warmup: num('BENCH_WARMUP', 3), seconds: num('BENCH_SECONDS', 10), rounds: num('BENCH_ROUNDS', 3),
};
const PASSWORD = 'tolok-ukur-123';
const hasTaskset = (() => { try { execFileSync('taskset', ['-V'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const cpus = availableParallelism();
const pin = process.env.BENCH_PIN !== '0' && hasTaskset && cpus >= 2;

const log = (msg) => console.log(`[bench] ${msg}`);
const children = [];
let database = null;

async function cleanup() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  if (database) await database.stop();
  database = null;
}
process.on('SIGINT', () => { cleanup().finally(() => process.exit(130)); });

/** Starts `node <script> <args>` (on CPU 1 when pinning) and waits for its "ready <url>" line. */
function startChild(script, args, nodeArgs = []) {
  const cmd = pin ? 'taskset' : process.execPath;
  const argv = pin ? ['-c', '1', process.execPath, ...nodeArgs, script, ...args] : [...nodeArgs, script, ...args];
  // NODE_ENV=production as the Docker image runs it (graphql-js, express: no development-only checks).
  const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', LENTERA_CREDENTIAL_KEY: '11'.repeat(32) } });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    child.stderr.on('data', (c) => { output += c; });
    child.stdout.on('data', (c) => {
      output += c;
      const m = /ready (\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${script} exited with ${code}:\n${output}`)); });
  });
}

async function post(url, document, cookie) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: document }) });
  return res.text();
}

async function signIn(url, login) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { me { id } } }', variables: { i: { login, password: PASSWORD } } }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('lentera_session='));
  if (!cookie) throw new Error(`sign-in of ${login} failed: ${await res.text()}`);
  return cookie;
}

/** The first path where two JSON values differ, or null. */
function firstDifference(a, b, path = '$') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const memoryOf = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch { return { rssMb: NaN, peakMb: NaN }; }
};

try {
  if (pin) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  log(`dataset: ${cfg.people} people, ${cfg.courses} courses, ${cfg.people * cfg.perPerson} enrolments; ${cfg.connections} connections, ${cfg.warmup} s warm-up, ${cfg.rounds} × ${cfg.seconds} s rounds; CPU pinning ${pin ? 'on (server, floor and PostgreSQL on CPU 1, load on CPU 0)' : 'off'}`);

  let t0 = performance.now();
  database = await startEmbeddedPostgres({ persistent: false });
  const databaseUrl = await database.createDatabase('lentera_bench');
  const orm = await createOrm(databaseUrl);
  await orm.migrator.up();
  await orm.close();
  log(`PostgreSQL started and migrated in ${Math.round(performance.now() - t0)} ms`);

  t0 = performance.now();
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => {}); // the cluster going away on cleanup is not news
  await db.connect();
  const { counts, steps } = await loadCityDataset(db, { ...cfg, passwordHash: await hashPassword(PASSWORD) });
  log(`dataset built in ${Math.round(performance.now() - t0)} ms (${steps.join(', ')})`);
  log(`rows: ${JSON.stringify(counts)}`);
  // Learners with different histories: one unit head (approvals waiting on them) and staff from across the range.
  const picks = [7, ...Array.from({ length: cfg.learners - 1 }, (_, j) => cfg.units + 37 + j * Math.floor((cfg.people - cfg.units - 40) / cfg.learners))];
  const { rows: learnerRows } = await db.query(`select nip from person where id = any($1::uuid[])`, [picks.map((i) => md5Uuid(`person${i}`))]);
  const [{ data_directory: dataDir }] = (await db.query('show data_directory')).rows;
  await db.end();
  if (pin) {
    const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
    execFileSync('taskset', ['-a', '-p', '-c', '1', postmaster], { stdio: 'ignore' });
  }

  const serverPort = await freePort();
  const floorPort = await freePort();
  const [server, floor] = await Promise.all([
    startChild(join(root, 'test/bench/server.mjs'), [databaseUrl, String(serverPort)], process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    startChild(join(root, 'test/bench/floor.mjs'), [databaseUrl, String(floorPort)]),
  ]);
  const cookies = [];
  for (const { nip } of learnerRows) cookies.push(await signIn(server.url, nip));
  log(`server ${server.url}, floor ${floor.url}; ${cookies.length} learners signed in; server RSS after start ${fmt(memoryOf(server.child.pid).rssMb)} MB`);

  // Same answers, or the comparison means nothing.
  const sameAnswers = {};
  for (const op of OPERATIONS) {
    sameAnswers[op.name] = true;
    for (const cookie of cookies) {
      const [a, b] = await Promise.all([post(server.url, op.document, cookie), post(floor.url, op.document, cookie)]);
      const diff = firstDifference(JSON.parse(a), JSON.parse(b));
      if (diff) {
        sameAnswers[op.name] = false;
        log(`WARNING ${op.name}: server and floor answer differently (${diff}); fix queries.mjs before trusting the ratio`);
        break;
      }
    }
    if (sameAnswers[op.name]) log(`${op.name}: server and floor give identical JSON for all ${cookies.length} learners`);
  }

  // Statements per request, on an in-process server with the query log on (not the timed one).
  const statements = [];
  let recording = false;
  const counting = await startLentera(
    { ...loadConfig({}), databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, production: true, cookieSecure: false },
    { log: () => {}, sqlLogger: (line) => { if (recording) statements.push(line); } },
  );
  const statementsPerRequest = {};
  for (const op of OPERATIONS) {
    await post(counting.url, op.document, cookies[1]);
    statements.length = 0;
    recording = true;
    await post(counting.url, op.document, cookies[1]);
    recording = false;
    statementsPerRequest[op.name] = statements.length;
    if (process.env.BENCH_VERBOSE) for (const s of statements) console.log(`  ${s.slice(0, 200)}`);
  }
  await counting.stop();

  const results = [];
  for (const op of OPERATIONS) {
    const body = JSON.stringify({ query: op.document });
    const targets = { floor, server };
    for (const t of Object.values(targets)) await runLoad({ url: `${t.url}/graphql`, body, cookies, connections: cfg.connections, seconds: cfg.warmup });
    const rounds = [];
    for (let r = 0; r < cfg.rounds; r++) {
      const order = r % 2 === 0 ? ['floor', 'server'] : ['server', 'floor'];
      const round = {};
      for (const name of order) round[name] = await runLoad({ url: `${targets[name].url}/graphql`, body, cookies, connections: cfg.connections, seconds: cfg.seconds });
      round.ratio = round.server.rps / round.floor.rps;
      rounds.push(round);
      log(`${op.name} round ${r + 1}: floor ${fmt(round.floor.rps)} rps, server ${fmt(round.server.rps)} rps, ratio ${fmt(round.ratio, 2)}${round.server.errors + round.floor.errors ? ` (errors: server ${round.server.errors}, floor ${round.floor.errors})` : ''}`);
    }
    const summary = (name) => ({
      rps: median(rounds.map((r) => r[name].rps)), rpsMin: Math.min(...rounds.map((r) => r[name].rps)), rpsMax: Math.max(...rounds.map((r) => r[name].rps)),
      p50: median(rounds.map((r) => r[name].p50)), p99: median(rounds.map((r) => r[name].p99)),
      kb: median(rounds.map((r) => r[name].kbPerRequest)), errors: rounds.reduce((n, r) => n + r[name].errors, 0),
    });
    results.push({
      operation: op.name, sameAnswers: sameAnswers[op.name], floor: { ...summary('floor'), statements: 1 },
      server: { ...summary('server'), statements: statementsPerRequest[op.name] },
      ratio: median(rounds.map((r) => r.ratio)), ratioMin: Math.min(...rounds.map((r) => r.ratio)), ratioMax: Math.max(...rounds.map((r) => r.ratio)),
    });
  }
  const memory = memoryOf(server.child.pid);

  console.log(`\nLentera benchmark — ${new Date().toISOString()}, Node ${process.version}, ${cpus} CPUs, pinning ${pin ? 'on' : 'off'}`);
  console.log(`dataset: ${counts.people} people, ${counts.courses} courses, ${counts.enrolments} enrolments, ${counts.records} ledger lines (${counts.size}); ${cfg.connections} connections, medians of ${cfg.rounds} × ${cfg.seconds} s rounds\n`);
  console.log('| operation | candidate | req/s (min–max) | p50 ms | p99 ms | SQL statements / request | KB / response | server ÷ floor |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    for (const name of ['floor', 'server']) {
      const x = r[name];
      console.log(`| ${r.operation} | ${name === 'floor' ? 'floor (1 SQL statement, node:http)' : 'Lentera server'} | ${fmt(x.rps)} (${fmt(x.rpsMin)}–${fmt(x.rpsMax)}) | ${fmt(x.p50, 1)} | ${fmt(x.p99, 1)} | ${x.statements} | ${fmt(x.kb, 1)} | ${name === 'server' ? `${fmt(r.ratio, 2)} (${fmt(r.ratioMin, 2)}–${fmt(r.ratioMax, 2)})${r.sameAnswers ? '' : ' answers differ!'}` : '1.00'} |`);
    }
  }
  console.log(`\nserver memory: RSS ${fmt(memory.rssMb)} MB, peak ${fmt(memory.peakMb)} MB${results.some((r) => r.server.errors || r.floor.errors) ? '\nsome requests failed: see the rounds above' : ''}`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ at: new Date().toISOString(), cfg, pin, counts, results, memory }, null, 2));
} catch (error) {
  console.error('[bench] failed:', error);
  process.exitCode = 1;
} finally {
  await cleanup();
}

/** The ids dataset.mjs gives: md5 of a name, as a UUID. */
function md5Uuid(text) {
  return createHash('md5').update(text).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}

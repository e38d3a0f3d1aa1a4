import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Express, Request, Response } from 'express';

/** One file of the built client, with the pre-compressed twins the build wrote next to it (client/scripts/precompress.mjs). */
interface StaticFile {
  path: string;
  br: string | null;
  gzip: string | null;
}

// Vite's hashed assets never change; index.html must always be revalidated so a deploy is seen at once.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * The files of the build, read once at start: a request can only ever reach a file listed here
 * (no path is joined from the URL), and picking an encoding costs no filesystem lookups.
 */
function indexFiles(staticDir: string): Map<string, StaticFile> {
  const all = new Set(walk(staticDir));
  const files = new Map<string, StaticFile>();
  for (const path of all) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const url = '/' + relative(staticDir, path).split(sep).join('/');
    // Build records such as .vite/manifest.json are for tools, not browsers.
    if (url.includes('/.')) continue;
    // A twin older than its file belongs to an earlier build of it: serve the file itself rather than stale bytes.
    const fresh = (twin: string) => (all.has(twin) && statSync(twin).mtimeMs >= statSync(path).mtimeMs ? twin : null);
    files.set(url, { path, br: fresh(`${path}.br`), gzip: fresh(`${path}.gz`) });
  }
  return files;
}

/** q-values of Accept-Encoding ("gzip, br;q=0.5" → gzip 1, br 0.5); a coding not named has the weight of "*", or 0. */
function acceptedWeights(header: string | undefined): (coding: string) => number {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  return (coding) => weights.get(coding) ?? weights.get('*') ?? 0;
}

/** Brotli when the browser takes it at least as gladly as gzip (browsers list gzip first, with equal weight). */
function pickEncoding(req: Request, file: StaticFile): { encoding: 'br' | 'gzip'; path: string } | null {
  const weight = acceptedWeights(req.get('accept-encoding'));
  const br = file.br ? weight('br') : 0;
  const gzip = file.gzip ? weight('gzip') : 0;
  if (br > 0 && br >= gzip) return { encoding: 'br', path: file.br! };
  if (gzip > 0) return { encoding: 'gzip', path: file.gzip! };
  return null;
}

function send(req: Request, res: Response, file: StaticFile, cacheControl: string): void {
  const chosen = pickEncoding(req, file);
  const headers: Record<string, string> = { 'Cache-Control': cacheControl };
  if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
  if (chosen) headers['Content-Encoding'] = chosen.encoding;
  // The type of the original file, not of its .br/.gz twin.
  res.type(extname(file.path));
  res.sendFile(chosen?.path ?? file.path, { headers, cacheControl: false }, (error) => {
    if (error && !res.headersSent) res.status(404).end();
  });
}

/**
 * The built client at /: its files pre-compressed (Brotli or gzip, whichever the browser accepts), hashed
 * assets cached for a year, and index.html for every other path so the client's router can take over.
 * Mounts nothing when there is no build (API-only development and tests).
 */
export function serveStaticClient(app: Express, staticDir: string): void {
  if (!existsSync(join(staticDir, 'index.html'))) return;
  const indexPath = join(staticDir, 'index.html');
  let files = indexFiles(staticDir);
  let index = files.get('/index.html')!;
  let builtAt = statSync(indexPath).mtimeMs;
  // A build replaced in place (a deploy without a restart) is picked up: the listing is read again when
  // index.html changed. Checked only for the page itself and for misses, so hashed assets cost no lookup.
  const refreshIfRebuilt = () => {
    const mtime = existsSync(indexPath) ? statSync(indexPath).mtimeMs : builtAt;
    if (mtime === builtAt) return;
    builtAt = mtime;
    files = indexFiles(staticDir);
    index = files.get('/index.html') ?? index;
  };
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/graphql')) return next();
    let file = files.get(req.path);
    if (!file || file === index) {
      refreshIfRebuilt();
      file = files.get(req.path);
    }
    if (file && file !== index) return send(req, res, file, req.path.startsWith('/assets/') ? IMMUTABLE : SHORT);
    // A hashed asset that is not in this build (an old tab after a deploy) is missing, not a page:
    // answering index.html would hand the browser HTML where it expects a script.
    if (req.path.startsWith('/assets/')) return void res.status(404).type('txt').send('Not found');
    send(req, res, index, REVALIDATE);
  });
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The built client goes out pre-compressed (the .br/.gz twins the build writes) and GraphQL answers are
 * compressed on the fly: on a phone's slow data most of the wait is bytes. Needs `pnpm build` (`pnpm test` builds).
 */
const dist = fileURLToPath(new URL('../../client/dist/', import.meta.url));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch would decompress on its own and hide what went over the wire. */
function raw(url: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let app: TestApp;
let entryScript: string;
beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('client/dist is missing: run `pnpm build` first');
  entryScript = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1];
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('static client, pre-compressed', () => {
  it('the build writes a Brotli and a gzip twin of every script, style sheet and page', () => {
    const assets = readdirSync(join(dist, 'assets'));
    // A few tiny chunks (tens of bytes) do not get smaller and keep no twins.
    const sources = assets.filter((f) => /\.(js|css)$/.test(f) && statSync(join(dist, 'assets', f)).size > 512);
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      expect(assets, f).toContain(`${f}.br`);
      expect(assets, f).toContain(`${f}.gz`);
    }
    expect(existsSync(join(dist, 'index.html.br'))).toBe(true);
  });

  it('sends Brotli to a browser that takes it, with the type of the script and a year of caching', async () => {
    const res = await raw(app.url + entryScript, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const original = readFileSync(join(dist, entryScript));
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it('sends gzip when Brotli is not accepted (or refused with q=0), and the plain file when nothing is', async () => {
    const original = readFileSync(join(dist, entryScript));
    for (const accept of ['gzip, deflate', 'br;q=0, gzip']) {
      const res = await raw(app.url + entryScript, { 'accept-encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(res.body).equals(original)).toBe(true);
    }
    const plain = await raw(app.url + entryScript, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.equals(original)).toBe(true);
  });

  it('serves the page for any client route, compressed and always revalidated', async () => {
    const res = await raw(`${app.url}/katalog?q=bimtek`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toContain('<div id="root">');
  });

  it('answers 404 for a hashed asset that is not in this build, not the page', async () => {
    const res = await raw(`${app.url}/assets/index-gone1234.js`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });
});

describe('GraphQL answers, compressed', () => {
  it('compresses a GraphQL answer with Brotli when accepted', async () => {
    const query = JSON.stringify({ query: '{ __schema { types { name description } } }' });
    const headers = { 'content-type': 'application/json' };
    const compressed = await raw(`${app.url}/graphql`, { ...headers, 'accept-encoding': 'br' }, 'POST', query);
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    const plain = await raw(`${app.url}/graphql`, headers, 'POST', query);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(compressed.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** helmet's headers on every kind of answer: the app page, GraphQL, health, errors; HSTS in production only. */
const clientIndex = join(fileURLToPath(new URL('../../', import.meta.url)), 'client/dist/index.html');
let dev: TestApp;
let prod: TestApp;

beforeAll(async () => {
  dev = await startTestApp();
  prod = await startTestApp({ production: true, cookieSecure: false });
}, 180_000);

afterAll(async () => {
  await dev?.close();
  await prod?.close();
});

function directives(csp: string | null): Map<string, string[]> {
  expect(csp, 'Content-Security-Policy header').toBeTruthy();
  return new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

const paths = () => [
  ['GET', '/graphql?query=%7B__typename%7D'],
  ['POST', '/graphql'],
  ['GET', '/healthz'],
  ['GET', '/graphql/nothing-here'],
  ...(existsSync(clientIndex) ? [['GET', '/'], ['GET', '/katalog']] : []),
];

async function headersOf(app: TestApp, method: string, path: string): Promise<Headers> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: method === 'POST' ? '{"query":"{ me { id } }"}' : undefined,
  });
  await res.arrayBuffer();
  return res.headers;
}

describe('security headers', () => {
  it('the built client is there to be checked (pnpm test builds it first)', () => {
    expect(existsSync(clientIndex), `${clientIndex} is missing: run pnpm run build`).toBe(true);
  });

  it.each(['development', 'production'])('%s: a strict Content-Security-Policy and helmet’s defaults on every answer', async (mode) => {
    const app = mode === 'production' ? prod : dev;
    for (const [method, path] of paths()) {
      const h = await headersOf(app, method, path);
      const csp = directives(h.get('content-security-policy'));
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('script-src-attr'), path).toEqual(["'none'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'self'"]);
      expect(csp.get('form-action'), path).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('style-src'), path).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.has('upgrade-insecure-requests'), path).toBe(mode === 'production');

      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('x-frame-options'), path).toBe('DENY');
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
      expect(h.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(h.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(h.get('origin-agent-cluster'), path).toBe('?1');
      expect(h.get('x-dns-prefetch-control'), path).toBe('off');
      expect(h.get('x-permitted-cross-domain-policies'), path).toBe('none');
      expect(h.get('x-xss-protection'), path).toBe('0');
      expect(h.get('x-powered-by'), path).toBeNull();
      expect(h.get('strict-transport-security'), path).toBe(mode === 'production' ? 'max-age=31536000; includeSubDomains' : null);
    }
  });
});

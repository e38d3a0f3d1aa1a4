import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../server/src/shared/i18n/messages.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Whatever goes wrong before, around or inside GraphQL, the answer is the GraphQL error envelope with a
 * stable code, the right status and a translated sentence; never an HTML page, a stack trace or a path
 * on the server's disk. Both modes: express' default error page differs between them.
 */
const MODES = [
  ['development', false],
  ['production', true],
] as const;

const apps: Record<string, TestApp> = {};

beforeAll(async () => {
  for (const [name, production] of MODES) apps[name] = await startTestApp({ production, cookieSecure: false });
}, 180_000);

afterAll(async () => {
  for (const app of Object.values(apps)) await app.close();
});

interface Envelope {
  errors: { message: string; extensions: { code: string; [k: string]: unknown } }[];
}

/** Sends a raw request and checks everything every error answer must satisfy; returns the envelope. */
async function expectEnvelope(res: Response, status: number, code: string, language: 'id' | 'en' = 'id'): Promise<Envelope> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<pre|<!DOCTYPE/i);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|\/root\/|server\/src|stacktrace|SyntaxError|PayloadTooLargeError/i);
  const body = JSON.parse(text) as Envelope;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.errors[0].message).toBe(errorMessages[code][language]);
  return body;
}

describe.each(MODES)('HTTP errors in %s mode', (name) => {
  const url = () => apps[name].url;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('a 1 MB body answers 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1024 * 1024) } });
    await expectEnvelope(await post(big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('malformed JSON answers 400 BAD_REQUEST, in the language asked for', async () => {
    await expectEnvelope(await post('{"query": "{ me { id } }"'), 400, 'BAD_REQUEST');
    await expectEnvelope(await post('{"query": ', { 'accept-language': 'en-US,en;q=0.9' }), 400, 'BAD_REQUEST', 'en');
  });

  it('a request Apollo refuses (no query, CSRF-unsafe GET, batch) answers 400 BAD_REQUEST in our words', async () => {
    await expectEnvelope(await post('{}'), 400, 'BAD_REQUEST');
    await expectEnvelope(await fetch(`${url()}/graphql?query=${encodeURIComponent('{ me { id } }')}`), 400, 'BAD_REQUEST');
    await expectEnvelope(await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])), 400, 'BAD_REQUEST');
  });

  it('another content type answers 415, another method 405', async () => {
    await expectEnvelope(await fetch(`${url()}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ me { id } }' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${url()}/graphql`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.headers.get('allow')).toBe('GET, POST');
      await expectEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    }
  });

  it('unknown paths under /graphql answer 404 NOT_FOUND instead of GraphQL or the app page', async () => {
    await expectEnvelope(await fetch(`${url()}/graphql/x`), 404, 'NOT_FOUND');
    await expectEnvelope(await fetch(`${url()}/graphql/x/y`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }), 404, 'NOT_FOUND');
  });

  it('errors the body reader raises (broken gzip, unknown encoding) answer the envelope too', async () => {
    await expectEnvelope(await post('this is not gzip', { 'content-encoding': 'gzip' }), 400, 'BAD_REQUEST');
    await expectEnvelope(await post('{"query":"{ me { id } }"}', { 'content-encoding': 'x-lentera' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a working query still answers normally', async () => {
    const res = await post('{"query":"{ me { id } }"}');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: null } });
  });
});

describe('GraphQL validation messages', () => {
  const wrongEnum = `mutation { setMyLanguage(language: EM) { locale } }`;
  const wrongField = `{ me { fullNam } }`;

  it('production hides "Did you mean …" suggestions for enum values and fields', async () => {
    for (const query of [wrongEnum, wrongField]) {
      const res = await apps.production.anonymous().request(query);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).not.toMatch(/did you mean/i);
      expect(res.errors?.[0].message).not.toMatch(/"EN"|fullName/);
    }
  });

  it('development keeps them, for the developer', async () => {
    const res = await apps.development.anonymous().request(wrongEnum);
    expect(res.errors?.[0].message).toMatch(/Did you mean the enum value "EN"\?/);
  });
});

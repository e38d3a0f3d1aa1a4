import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The one keyset cursor codec (server/src/shared/graphql/cursor.ts), through the lists that use it:
 * a cursor that is not exactly what the list hands out is INVALID_CURSOR, translated, and never
 * reaches PostgreSQL (where some forgeries used to become internal errors).
 */
let app: TestApp;
let platform: GraphQLClient;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp();
  const ops = await app.seed.agency({ name: 'Lentera Operator' });
  agencyId = ops.id;
  const operator = await app.seed.person({ agency: ops, fullName: 'Operator Platform', roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  for (const name of ['Kota Uji A', 'Kota Uji B', 'Kota Uji C']) await app.seed.agency({ name });
  for (const name of ['Mitra Uji A', 'Mitra Uji B', 'Mitra Uji C']) await app.seed.partner({ name });
  for (const fullName of ['Uji Satu', 'Uji Dua', 'Uji Tiga']) await app.seed.person({ agency: ops, fullName });
  platform = await app.as(operator);
});
afterAll(async () => {
  await app?.close();
});

const page = `pageInfo { endCursor hasNextPage }`;
const LISTS = {
  agencies: { query: `query($first: Int, $after: String) { list: agencies(first: $first, after: $after) { nodes { name } ${page} } }`, vars: () => ({}) },
  partners: {
    query: `query($first: Int, $after: String) { list: partnerInstitutions(first: $first, after: $after) { nodes { name } ${page} } }`,
    vars: () => ({}),
  },
  people: {
    query: `query($agencyId: ID, $first: Int, $after: String) { list: people(agencyId: $agencyId, first: $first, after: $after) { nodes { name: fullName } ${page} } }`,
    vars: () => ({ agencyId }),
  },
};

const cursor = (values: unknown) => Buffer.from(typeof values === 'string' ? values : JSON.stringify(values)).toString('base64url');
const UUID = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';

const FORGED: [string, string][] = [
  ['not base64url JSON', 'bukan-kursor'],
  ['JSON that is not an array', cursor({ name: 'a', id: UUID })],
  ['too few values', cursor(['Kota'])],
  ['too many values', cursor(['Kota', UUID, 'x'])],
  ['a number where the name goes', cursor([42, UUID])],
  ['an id that is not a UUID', cursor(['Kota', "1' or '1'='1"])],
  ['a null id', cursor(['Kota', null])],
  // PostgreSQL refuses NUL in text: this one used to reach the database and come back as an internal error.
  ['a name with a NUL character', cursor(['Kota\u0000Uji', UUID])],
  ['a name longer than any stored one', cursor(['x'.repeat(401), UUID])],
  ['an oversized cursor', 'A'.repeat(3000)],
];

describe.each(Object.entries(LISTS))('the %s list', (_name, list) => {
  it('walks its pages with the cursors it hands out', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { list: got }: any = await platform.ok(list.query, { ...list.vars(), first: 2, after });
      names.push(...got.nodes.map((n: { name: string }) => n.name));
      after = got.pageInfo.endCursor;
      if (!got.pageInfo.hasNextPage) break;
    }
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(FORGED)('refuses %s with INVALID_CURSOR on `after`, translated', async (_what, after) => {
    const res = await platform.request(list.query, { ...list.vars(), after });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    expect(res.errors?.[0]?.extensions?.field).toBe('after');
    expect(res.errors?.[0]?.message).toBe('Penanda halaman tidak valid.');
  });
});

it('says so in the viewer’s language', async () => {
  const SET_LANGUAGE = `mutation($language: Language!) { setMyLanguage(language: $language) { locale } }`;
  await platform.ok(SET_LANGUAGE, { language: 'EN' });
  try {
    const res = await platform.request(LISTS.agencies.query, { after: cursor(['Kota\u0000Uji', UUID]) });
    expect(res.errors?.[0]?.message).toBe('Invalid page cursor.');
  } finally {
    await platform.ok(SET_LANGUAGE, { language: 'ID' });
  }
});

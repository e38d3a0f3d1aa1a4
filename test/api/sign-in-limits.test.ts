import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { loadConfig } from '../../server/src/shared/config/config.js';
import type { GraphQLClient, GraphQLResponse } from '../kit/graphql-client.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Sign-in throttling with the limits production runs with (the other test files raise the
 * per-address one, because all their clients sign in from 127.0.0.1). `trust proxy` is set to
 * loopback so that X-Forwarded-For stands for clients at other addresses.
 */
const limits = loadConfig({}).signInLimits;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ signInLimits: limits, trustProxy: 'loopback' });
});
afterAll(async () => {
  await app?.close();
});

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id } } }`;
let nextAddress = 10;

/** A signed-out client at an address of its own (a documentation range, RFC 5737). */
function clientAt(address = `198.51.100.${nextAddress++}`): GraphQLClient {
  const client = app.anonymous();
  client.headers['x-forwarded-for'] = address;
  return client;
}

function codeOf(res: GraphQLResponse): string {
  return res.errors?.length ? String(res.errors[0].extensions?.code) : 'SIGNED_IN';
}

async function inBatches<T>(count: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => fn(start + k)))));
  }
  return out;
}

describe('sign-in limits (production values)', () => {
  it('runs with the production limits: five guesses per account, fifty per address', () => {
    expect(limits).toMatchObject({ perAccount: 5, perAccountMinutes: 15, perAddress: 50, perAddressMinutes: 60 });
  });

  it('of forty parallel wrong guesses and the right one, no more than the limit are checked; then even the right password is refused', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const address = '198.51.100.200';
    const guesses = [...Array.from({ length: 40 }, (_, i) => `salah-${i}`), Seed.PASSWORD];
    const answers = await Promise.all(guesses.map((password) => clientAt(address).request(SIGN_IN, { input: { login: person.nip, password } })));
    const codes = answers.map(codeOf);
    const wrongChecked = codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
    const rightAnswer = codes[codes.length - 1];

    expect(codes.every((c) => ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'SIGNED_IN'].includes(c))).toBe(true);
    // Atomic: at most the limit of wrong guesses were ever verified; a right guess gives its point back,
    // so at most one more than the limit was looked at, and the right one only if it was within the limit.
    expect(wrongChecked).toBeLessThanOrEqual(limits.perAccount);
    expect(codes.filter((c) => c !== 'TOO_MANY_ATTEMPTS').length).toBeLessThanOrEqual(limits.perAccount + 1);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(guesses.length - limits.perAccount - 1);
    expect(['SIGNED_IN', 'TOO_MANY_ATTEMPTS']).toContain(rightAnswer);

    // The allowance is spent: the right password is refused now, exactly like a wrong one, so the
    // answer tells nothing about the password.
    const right = await clientAt().request(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } });
    const wrong = await clientAt().request(SIGN_IN, { input: { login: person.nip, password: 'salah-lagi' } });
    expect(codeOf(right)).toBe('TOO_MANY_ATTEMPTS');
    // The same answer; only the seconds left may differ by the one that passed between the two requests.
    const retryAfter = (r: typeof right) => (r.errors?.[0].extensions?.params as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(Math.abs(retryAfter(right) - retryAfter(wrong))).toBeLessThanOrEqual(1);
    const withoutSeconds = (r: typeof right) => JSON.parse(JSON.stringify(r.errors), (k, v: unknown) => (k === 'retryAfterSeconds' ? undefined : v)) as unknown;
    expect(withoutSeconds(right)).toEqual(withoutSeconds(wrong));
    expect(right.errors?.[0].message).toMatch(/^Terlalu banyak percobaan kata sandi\. .*coba lagi dalam \d+ menit\.$/);
    const minutes = right.errors?.[0].extensions?.params as { minutes: number };
    expect(minutes.minutes).toBeGreaterThanOrEqual(1);
    expect(minutes.minutes).toBeLessThanOrEqual(limits.perAccountMinutes);
    const english = clientAt();
    english.language = 'en';
    expect((await english.request(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).errors?.[0].message)
      .toMatch(/^Too many password attempts\. .*try again in \d+ minutes\.$/);
    const sessions = await app.sql(`select count(*)::int as n from session where person_id = $1`, [person.id]);
    expect(sessions[0].n).toBe(rightAnswer === 'SIGNED_IN' ? 1 : 0);
  }, 60_000);

  it('counts the account, not the spelling of its login: NIP with spaces, dashes and the e-mail share one allowance', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency(), email: 'sama.orang@contoh.go.id' });
    const nip = person.nip!;
    const spellings = [nip, `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`, `${nip.slice(0, 8)}-${nip.slice(8)}`, 'Sama.Orang@contoh.go.id'];
    for (let i = 0; i < limits.perAccount; i++) {
      expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: spellings[i % spellings.length], password: `salah-${i}` } }))).toBe('INVALID_CREDENTIALS');
    }
    for (const login of spellings) {
      expect(codeOf(await clientAt().request(SIGN_IN, { input: { login, password: Seed.PASSWORD } }))).toBe('TOO_MANY_ATTEMPTS');
    }
  }, 60_000);

  it('limits one address spraying one password over many NIPs, and only that address', async () => {
    const agency = await app.seed.agency();
    const victim = await app.seed.person({ agency });
    const sprayer = '203.0.113.66';
    // Every NIP is tried once, so no account reaches its own limit: only the address's count can stop this.
    const answers = await inBatches(limits.perAddress, 10, (i) =>
      clientAt(sprayer).request(SIGN_IN, { input: { login: `1985031220100110${String(i).padStart(2, '0')}`, password: 'Indonesia2026!' } }));
    expect(answers.map(codeOf)).toEqual(Array(limits.perAddress).fill('INVALID_CREDENTIALS'));

    expect(codeOf(await clientAt(sprayer).request(SIGN_IN, { input: { login: '198503122010011099', password: 'Indonesia2026!' } }))).toBe('TOO_MANY_ATTEMPTS');
    // Even a right password from that address waits; from anywhere else it signs in.
    expect(codeOf(await clientAt(sprayer).request(SIGN_IN, { input: { login: victim.nip, password: Seed.PASSWORD } }))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: victim.nip, password: Seed.PASSWORD } }))).toBe('SIGNED_IN');
  }, 120_000);

  it('does not count successful sign-ins: an office behind one address signs in all day', async () => {
    const agency = await app.seed.agency();
    const staff = await Promise.all(Array.from({ length: 4 }, () => app.seed.person({ agency })));
    const office = '203.0.113.10';
    const answers = await inBatches(limits.perAddress + 10, 10, (i) =>
      clientAt(office).request(SIGN_IN, { input: { login: staff[i % staff.length].nip, password: Seed.PASSWORD } }));
    expect(answers.map(codeOf)).toEqual(Array(limits.perAddress + 10).fill('SIGNED_IN'));
  }, 120_000);

  it('lets limits decay: once the window has passed the account signs in again, and a window lasts the configured minutes', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    for (let i = 0; i <= limits.perAccount; i++) await clientAt().request(SIGN_IN, { input: { login: person.nip, password: `salah-${i}` } });
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } }))).toBe('TOO_MANY_ATTEMPTS');

    const [row] = await app.sql<{ expire: string }>(`select expire from sign_in_limit where key = $1`, [`account:person:${person.id}`]);
    const msLeft = Number(row.expire) - Date.now();
    expect(msLeft).toBeGreaterThan((limits.perAccountMinutes - 1) * 60_000);
    expect(msLeft).toBeLessThanOrEqual(limits.perAccountMinutes * 60_000);

    // Time passes: the window ends (the stored row is moved instead of waiting a quarter of an hour).
    await app.sql(`update sign_in_limit set expire = $2 where key = $1`, [`account:person:${person.id}`, Date.now() - 1]);
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } }))).toBe('SIGNED_IN');
    // A fresh window: wrong guesses are counted again from zero.
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: person.nip, password: 'salah' } }))).toBe('INVALID_CREDENTIALS');
  }, 60_000);

  it("an admin's password reset lifts the account's limit", async () => {
    const agency = await app.seed.agency();
    const admin = await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const person = await app.seed.person({ agency });
    for (let i = 0; i <= limits.perAccount; i++) await clientAt().request(SIGN_IN, { input: { login: person.nip, password: `salah-${i}` } });
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } }))).toBe('TOO_MANY_ATTEMPTS');
    const adminClient = clientAt();
    await adminClient.signIn(admin.nip!, Seed.PASSWORD);
    await adminClient.ok(`mutation($id: ID!) { resetPersonPassword(id: $id, newPassword: "Sandi-Baru-2026") }`, { id: person.id });
    expect(codeOf(await clientAt().request(SIGN_IN, { input: { login: person.nip, password: 'Sandi-Baru-2026' } }))).toBe('SIGNED_IN');
  }, 60_000);
});

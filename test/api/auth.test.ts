import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ME = `{ me { id fullName nip roles agencyName } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id fullName roles } } }`;

describe('sign-in and sessions', () => {
  it('signs a civil servant in with NIP, keeps the session in an httpOnly cookie, and signs out', async () => {
    const agency = await app.seed.agency({ name: 'Pemerintah Kota Bandung' });
    const person = await app.seed.person({ agency, fullName: 'Dewi Lestari', roles: [{ role: Role.AGENCY_ADMIN }] });
    const client = app.anonymous();
    expect((await client.ok(ME)).me).toBeNull();

    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { login: person.nip, password: Seed.PASSWORD } } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lentera_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    await client.signIn(`${person.nip!.slice(0, 8)} ${person.nip!.slice(8)}`, Seed.PASSWORD); // spaces are formatting
    const me = (await client.ok(ME)).me;
    expect(me).toMatchObject({ fullName: 'Dewi Lestari', nip: person.nip, agencyName: 'Pemerintah Kota Bandung' });
    expect(me.roles).toEqual(expect.arrayContaining([Role.LEARNER, Role.AGENCY_ADMIN]));

    await client.ok(`mutation { signOut }`);
    expect((await client.ok(ME)).me).toBeNull();
  });

  it('signs partner staff in with e-mail, case-insensitively', async () => {
    const partner = await app.seed.partner();
    const person = await app.seed.person({ partner, email: 'dosen@ui.ac.id', roles: [{ role: Role.INSTRUCTOR }] });
    const client = app.anonymous();
    await client.signIn('Dosen@UI.ac.id', Seed.PASSWORD);
    expect((await client.ok(ME)).me.id).toBe(person.id);
  });

  it('rotates the session id on sign-in, ending the old one', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = await app.as(person);
    const first = client.sessionCookie;
    await client.signIn(person.nip!, Seed.PASSWORD);
    expect(client.sessionCookie).not.toBe(first);
    const rows = await app.sql(`select count(*)::int as n from session where person_id = $1`, [person.id]);
    expect(rows[0].n).toBe(1);
  });

  it('rejects a wrong password with a translated INVALID_CREDENTIALS and writes no session', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = app.anonymous();
    const res = await client.request(SIGN_IN, { input: { login: person.nip, password: 'salah' } });
    expect(res.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(res.errors?.[0].message).toBe('NIP/e-mail atau kata sandi salah.');
    client.language = 'en';
    const en = await client.request(SIGN_IN, { input: { login: person.nip, password: 'salah' } });
    expect(en.errors?.[0].message).toBe('Wrong NIP/e-mail or password.');
    const rows = await app.sql(`select count(*)::int as n from session where person_id = $1`, [person.id]);
    expect(rows[0].n).toBe(0);
  });

  it('locks an account after five failures, even for the right password, and unknown logins too', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = app.anonymous();
    for (let i = 0; i < 5; i++) {
      expect(await client.errorCode(SIGN_IN, { input: { login: person.nip, password: `salah-${i}` } })).toBe('INVALID_CREDENTIALS');
    }
    expect(await client.errorCode(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).toBe('ACCOUNT_LOCKED');
    for (let i = 0; i < 5; i++) await client.request(SIGN_IN, { input: { login: 'tidak.ada@contoh.id', password: 'x' } });
    expect(await client.errorCode(SIGN_IN, { input: { login: 'tidak.ada@contoh.id', password: 'x' } })).toBe('ACCOUNT_LOCKED');
  });

  it('refuses deactivated people and bad input', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency(), active: false });
    const client = app.anonymous();
    expect(await client.errorCode(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).toBe('PERSON_INACTIVE');
    const bad = await client.request(SIGN_IN, { input: { login: '', password: '' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual(['login', 'password']);
  });

  it('saves the preferred language and answers in it', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = await app.as(person);
    // A learner teaches nothing: the FORBIDDEN message shows the language answered in.
    const forbidden = `{ teachingCourses { totalCount } }`;
    expect((await client.request(forbidden)).errors?.[0].message).toBe('Anda tidak berwenang melakukan tindakan ini.');
    expect((await client.ok(`mutation { setMyLanguage(language: EN) { locale } }`)).setMyLanguage.locale).toBe('en');
    expect(await app.sql(`select locale from person where id = $1`, [person.id])).toEqual([{ locale: 'en' }]);

    // Saved, not per request: a new session whose browser asks for Bahasa Indonesia gets English.
    const later = await app.as(person);
    later.language = 'id';
    expect((await later.ok(`{ me { locale } }`)).me.locale).toBe('en');
    const refused = await later.request(forbidden);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toBe('You are not allowed to do this.');

    const res = await client.request(`mutation { setMyLanguage(language: XX) { locale } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await app.anonymous().errorCode(`mutation { setMyLanguage(language: EN) { locale } }`)).toBe('UNAUTHENTICATED');
  });
});

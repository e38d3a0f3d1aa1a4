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
    const nip = person.nip!;
    for (const typed of [`${nip.slice(0, 8)}-${nip.slice(8, 14)}-${nip.slice(14, 15)}-${nip.slice(15)}`, `${nip.slice(0, 8)}\u2013${nip.slice(8)}`, `${nip.slice(0, 8)}.${nip.slice(8)}`]) {
      const other = app.anonymous();
      await other.signIn(typed, Seed.PASSWORD); // so are dashes (also the en dash a word processor makes) and dots
      expect((await other.ok(ME)).me.id).toBe(person.id);
    }
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

  it('refuses guesses past five for an account, even the right password, and unknown logins too', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = app.anonymous();
    for (let i = 0; i < 5; i++) {
      expect(await client.errorCode(SIGN_IN, { input: { login: person.nip, password: `salah-${i}` } })).toBe('INVALID_CREDENTIALS');
    }
    expect(await client.errorCode(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).toBe('TOO_MANY_ATTEMPTS');
    for (let i = 0; i < 5; i++) await client.request(SIGN_IN, { input: { login: 'tidak.ada@contoh.id', password: 'x' } });
    expect(await client.errorCode(SIGN_IN, { input: { login: 'tidak.ada@contoh.id', password: 'x' } })).toBe('TOO_MANY_ATTEMPTS');
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
    const forbidden = `{ teachingRuns { totalCount } }`;
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

const SESSION_ENDED = `{ sessionEnded }`;

describe('an ended session', () => {
  it('is told apart from never having signed in, whether it expired or was ended elsewhere', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    expect((await app.anonymous().ok(SESSION_ENDED)).sessionEnded).toBe(false);

    const client = await app.as(person);
    expect(await client.ok(`{ sessionEnded me { id } }`)).toEqual({ sessionEnded: false, me: { id: person.id } });
    await app.sql(`update session set expires_at = now() - interval '1 minute' where person_id = $1`, [person.id]);
    expect(await client.ok(`{ sessionEnded me { id } }`)).toEqual({ sessionEnded: true, me: null });
    expect(await client.errorCode(`mutation { setMyLanguage(language: EN) { locale } }`)).toBe('UNAUTHENTICATED');

    await client.signIn(person.nip!, Seed.PASSWORD);
    expect((await client.ok(SESSION_ENDED)).sessionEnded).toBe(false);
    await app.sql(`delete from session where person_id = $1`, [person.id]); // e.g. a password change on another device
    expect((await client.ok(SESSION_ENDED)).sessionEnded).toBe(true);

    // Signing out on purpose is not "ended": the cookie goes with the session.
    await client.signIn(person.nip!, Seed.PASSWORD);
    await client.ok(`mutation { signOut }`);
    expect((await client.ok(SESSION_ENDED)).sessionEnded).toBe(false);
  });

  it('keeps its cookie past the session, so a browser still says which session ended after it expired', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { login: person.nip, password: Seed.PASSWORD } } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lentera_session='))!;
    const cookieExpires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]!).getTime();
    const [session] = await app.sql<{ expires_at: Date }>(`select expires_at from session where person_id = $1`, [person.id]);
    expect(cookieExpires - session!.expires_at.getTime()).toBeGreaterThanOrEqual(29 * 86_400_000);
  });
});

const CHANGE = `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`;

describe('changing one\'s own password', () => {
  it('needs the current password, ends every other session, keeps this one, and writes an audit row', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const here = await app.as(person);
    const phone = await app.as(person);

    const wrong = await here.request(CHANGE, { input: { currentPassword: 'bukan-ini', newPassword: 'Sandi-Baru-2026' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('WRONG_CURRENT_PASSWORD');
    expect(wrong.errors?.[0].extensions?.field).toBe('currentPassword');
    expect(wrong.errors?.[0].message).toBe('Kata sandi saat ini salah.');
    expect((await phone.ok(ME)).me.id).toBe(person.id); // nothing happened

    expect((await here.ok(CHANGE, { input: { currentPassword: Seed.PASSWORD, newPassword: 'Sandi-Baru-2026' } })).changeMyPassword).toBe(true);
    expect((await here.ok(ME)).me.id).toBe(person.id);
    expect(await phone.ok(`{ sessionEnded me { id } }`)).toEqual({ sessionEnded: true, me: null });

    expect(await app.anonymous().errorCode(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).toBe('INVALID_CREDENTIALS');
    await app.anonymous().signIn(person.nip!, 'Sandi-Baru-2026');

    const audit = await app.sql(`select action, actor_id, target_id, data from audit_entry where target_id = $1`, [person.id]);
    expect(audit).toEqual([{ action: 'auth.changePassword', actor_id: person.id, target_id: person.id, data: { otherSessionsEnded: 1 } }]);
  });

  it('refuses a short or unchanged new password and anonymous callers, and writes nothing', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const client = await app.as(person);
    const short = await client.request(CHANGE, { input: { currentPassword: Seed.PASSWORD, newPassword: 'pendek' } });
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['newPassword']);
    expect(await client.errorCode(CHANGE, { input: { currentPassword: Seed.PASSWORD, newPassword: Seed.PASSWORD } })).toBe('PASSWORD_UNCHANGED');
    expect(await app.anonymous().errorCode(CHANGE, { input: { currentPassword: Seed.PASSWORD, newPassword: 'Sandi-Baru-2026' } })).toBe('UNAUTHENTICATED');
    expect(await app.sql(`select 1 from audit_entry where target_id = $1`, [person.id])).toEqual([]);
    await app.anonymous().signIn(person.nip!, Seed.PASSWORD);
  });

  it('is throttled like sign-in, on the same count: guessing the current password locks both', async () => {
    const person = await app.seed.person({ agency: await app.seed.agency() });
    const thief = await app.as(person); // e.g. a session left open on a shared computer
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      thief.request(CHANGE, { input: { currentPassword: `tebakan-${i}`, newPassword: 'Milik-Pencuri-1' } })));
    const codes = guesses.map((g) => g.errors?.[0].extensions?.code);
    expect(codes.filter((c) => c === 'WRONG_CURRENT_PASSWORD').length).toBe(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(7);
    expect(await thief.errorCode(CHANGE, { input: { currentPassword: Seed.PASSWORD, newPassword: 'Milik-Pencuri-1' } })).toBe('TOO_MANY_ATTEMPTS');
    expect(await app.anonymous().errorCode(SIGN_IN, { input: { login: person.nip, password: Seed.PASSWORD } })).toBe('TOO_MANY_ATTEMPTS');
  });
});

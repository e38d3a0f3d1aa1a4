import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../server/src/modules/mail/index.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const ME = `{ me { id } }`;

let n = 0;
const address = () => `pegawai.${process.pid}.${++n}@instansi.go.id`;

function tokenOf(mail: CaughtMail): string {
  const match = /\/atur-ulang-kata-sandi#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no reset link in: ${mail.text}`);
  return match[1];
}

/** Raw HTTP answer of a request, to compare byte for byte. */
async function requestRaw(email: string, ip: string): Promise<string> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: REQUEST, variables: { email } }),
  });
  return `${res.status} ${await res.text()}`;
}

describe('password reset by e-mail', () => {
  it('mails a single-use link in the person’s language; the new password works, every session ends', async () => {
    const email = address();
    const person = await app.seed.person({ email, fullName: 'Ratna Wulandari' });
    await app.sql(`update person set locale = 'en' where id = $1`, [person.id]);
    const elsewhere = await app.as({ email });
    expect((await elsewhere.ok(ME)).me.id).toBe(person.id);

    expect(await app.anonymous().ok(REQUEST, { email: `  ${email.toUpperCase()} ` })).toEqual({ requestPasswordReset: true });
    const mail = await app.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Reset your Lentera password');
    expect(mail.language).toBe('en');
    expect(mail.text).toContain('Dear Ratna Wulandari');
    expect(mail.text).toContain(`${app.url}/atur-ulang-kata-sandi#token=`);
    const token = tokenOf(mail);
    // Only the token's hash is stored.
    expect(await app.sql(`select 1 from password_reset where token_hash = $1`, [token])).toHaveLength(0);

    expect(await app.anonymous().ok(RESET, { input: { token, newPassword: 'sandi-baru-2026' } })).toEqual({ resetPassword: true });
    expect((await elsewhere.ok(ME)).me).toBeNull();
    const client = app.anonymous();
    await client.signIn(email, 'sandi-baru-2026');
    expect((await client.ok(ME)).me.id).toBe(person.id);
    expect(await app.anonymous().errorCode(`mutation { signIn(input: { login: "${email}", password: "${Seed.PASSWORD}" }) { me { id } } }`)).toBe('INVALID_CREDENTIALS');
    const [audit] = await app.sql(`select actor_id, data from audit_entry where action = 'auth.resetPassword' and target_id = $1`, [person.id]);
    expect(audit).toMatchObject({ actor_id: person.id, data: { sessionsEnded: 1 } });

    // Used once: the same link is refused with a stable, translated code.
    const again = app.anonymous();
    again.language = 'id';
    const res = await again.request(RESET, { input: { token, newPassword: 'sandi-lain-2026' } });
    expect(res.errors?.[0].extensions?.code).toBe('RESET_LINK_INVALID');
    expect(res.errors?.[0].message).toBe('Tautan atur ulang kata sandi ini sudah dipakai atau kedaluwarsa. Minta tautan baru.');
  });

  it('writes in Bahasa Indonesia by default and refuses an expired link', async () => {
    const email = address();
    await app.seed.person({ email, fullName: 'Budi Santoso' });
    await app.anonymous().ok(REQUEST, { email });
    const mail = await app.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Atur ulang kata sandi Lentera');
    expect(mail.language).toBe('id');
    expect(mail.text).toContain('Tautan ini berlaku 30 menit dan hanya dapat dipakai sekali.');
    const token = tokenOf(mail);
    await app.sql(`update password_reset set expires_at = now() - interval '1 second' where person_id = (select id from person where email = $1)`, [email]);
    expect(await app.anonymous().errorCode(RESET, { input: { token, newPassword: 'sandi-baru-2026' } })).toBe('RESET_LINK_INVALID');
    expect(await app.anonymous().errorCode(RESET, { input: { token: 'made-up-token', newPassword: 'sandi-baru-2026' } })).toBe('RESET_LINK_INVALID');
  });

  it('answers an unknown or inactive address exactly like a known one and mails nobody', async () => {
    const known = address();
    const inactive = address();
    const unknown = address();
    await app.seed.person({ email: known });
    await app.seed.person({ email: inactive, active: false });
    const answers = [await requestRaw(unknown, '10.1.0.1'), await requestRaw(inactive, '10.1.0.2'), await requestRaw(known, '10.1.0.3')];
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toBe('200 {"data":{"requestPasswordReset":true}}\n');

    await app.mail.waitFor((m) => m.to.includes(known));
    // Every reset job has been worked by now (one worker, oldest first): the other two sent nothing.
    await expect.poll(async () => (await app.sql(`select count(*)::int as n from pgboss.job where name = 'mail' and state <> 'completed'`))[0].n, { timeout: 15_000 }).toBe(0);
    expect(app.mail.messages.filter((m) => m.to.includes(unknown) || m.to.includes(inactive))).toHaveLength(0);
    expect(await app.sql(`select 1 from password_reset r join person p on p.id = r.person_id where p.email in ($1, $2)`, [unknown, inactive])).toHaveLength(0);
  });

  it('limits requests per address typed, known or not, and refuses what is not an e-mail address', async () => {
    for (const email of [address(), address()]) {
      if (n % 2 === 0) await app.seed.person({ email });
      const client = app.anonymous();
      for (let i = 0; i < 3; i++) expect(await client.ok(REQUEST, { email })).toEqual({ requestPasswordReset: true });
      const res = await client.request(REQUEST, { email });
      expect(res.errors?.[0].extensions?.code).toBe('TOO_MANY_RESET_REQUESTS');
      expect(res.errors?.[0].message).toMatch(/Coba lagi dalam \d+ menit/);
    }
    expect(await app.anonymous().errorCode(REQUEST, { email: 'bukan alamat' })).toBe('BAD_USER_INPUT');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FAILED = `query($first: Int, $after: String) { failedJobs(first: $first, after: $after) {
  nodes { id queue data error attempts queuedAt failedAt } pageInfo { endCursor hasNextPage } totalCount } }`;
const RETRY = `mutation($id: ID!) { retryFailedJob(id: $id) }`;
const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;

let n = 0;
const address = () => `jobs.${process.pid}.${++n}@instansi.go.id`;

describe('retries and dead letters', () => {
  it('retries a mail the SMTP server refuses, then lists it for platform admins, who send it again', async () => {
    const agency = await app.seed.agency();
    const admin = await (app.as(await app.seed.person({ agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] })));
    const emails = [address(), address()];
    for (const email of emails) await app.seed.person({ agency, email });

    app.mail.refuse = true;
    try {
      for (const email of emails) await app.anonymous().ok(REQUEST, { email });
      // Two attempts each (the test server retries once, a second later), then the dead letters.
      await expect.poll(async () => (await admin.ok(FAILED, { first: 10 })).failedJobs.totalCount, { timeout: 30_000, interval: 500 }).toBe(2);
    } finally {
      app.mail.refuse = false;
    }
    expect(app.mail.messages.filter((m) => emails.some((e) => m.to.includes(e)))).toEqual([]);

    const firstPage = (await admin.ok(FAILED, { first: 1 })).failedJobs;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(firstPage.totalCount).toBe(2);
    const secondPage = (await admin.ok(FAILED, { first: 1, after: firstPage.pageInfo.endCursor })).failedJobs;
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    // Newest failure first. The two mails fail within moments of each other and the worker may take them in
    // either order, so the test asks for the order by failure time, not by request.
    const [newest, oldest] = [firstPage.nodes[0], secondPage.nodes[0]];
    expect(new Date(newest.failedAt).getTime()).toBeGreaterThanOrEqual(new Date(oldest.failedAt).getTime());
    expect([oldest, newest].map((job) => JSON.parse(job.data)).sort((a, b) => a.email.localeCompare(b.email)))
      .toEqual([...emails].sort().map((email) => ({ kind: 'password-reset', email })));
    const oldestEmail = JSON.parse(oldest.data).email as string;
    expect(newest).toMatchObject({ queue: 'mail', attempts: 2 });
    expect(newest.error).toMatch(/451/);
    expect(new Date(newest.failedAt).getTime()).toBeGreaterThan(new Date(newest.queuedAt).getTime());

    // Only platform admins see and retry them.
    const learner = await app.as(await app.seed.person({ agency }));
    expect(await learner.errorCode(FAILED, {})).toBe('FORBIDDEN');
    expect(await learner.errorCode(RETRY, { id: newest.id })).toBe('FORBIDDEN');

    expect(await admin.ok(RETRY, { id: oldest.id })).toEqual({ retryFailedJob: true });
    const mail = await app.mail.waitFor((m) => m.to.includes(oldestEmail));
    expect(mail.subject).toBe('Atur ulang kata sandi Lentera');
    const left = (await admin.ok(FAILED, { first: 10 })).failedJobs;
    expect(left.nodes.map((j: { id: string }) => j.id)).toEqual([newest.id]);
    const [audit] = await app.sql(`select action, data from audit_entry where target_id = $1`, [oldest.id]);
    expect(audit).toEqual({ action: 'job.retry', data: { queue: 'mail' } });

    // Gone from the dead letters: retrying again is NOT_FOUND, as is an id that never was one.
    expect(await admin.errorCode(RETRY, { id: oldest.id })).toBe('NOT_FOUND');
    expect(await admin.errorCode(RETRY, { id: 'not-an-id' })).toBe('NOT_FOUND');
    expect(await admin.errorCode(FAILED, { after: 'bm9wZQ' })).toBe('INVALID_CURSOR');
  });
});

describe('scheduled clean-up', () => {
  it('purges expired sessions, spent sign-in counters and old reset links, and keeps live ones', async () => {
    const person = await app.seed.person();
    const live = await app.as(person);
    await app.sql(`insert into session (token_hash, person_id, expires_at) values ('expired-${process.pid}', $1, now() - interval '1 minute')`, [person.id]);
    const nowMs = Date.now();
    await app.sql(`insert into sign_in_limit (key, points, expire) values ('account:old-${process.pid}', 3, $1), ('account:new-${process.pid}', 3, $2)`, [nowMs - 60_000, nowMs + 600_000]);
    await app.sql(`insert into password_reset (token_hash, person_id, expires_at) values ('old-${process.pid}', $1, now() - interval '2 days'), ('new-${process.pid}', $1, now() + interval '10 minutes')`, [person.id]);

    // Registered to run hourly; here the test asks for a run now.
    const [schedule] = await app.sql(`select cron from pgboss.schedule where name = 'maintenance.purge'`);
    expect(schedule.cron).toBe('17 * * * *');
    const id = await app.lentera.background.queue.boss.send('maintenance.purge', {});
    await expect.poll(async () => (await app.sql(`select state from pgboss.job where id = $1`, [id]))[0]?.state, { timeout: 15_000 }).toBe('completed');

    expect(await app.sql(`select token_hash from session where token_hash = $1`, [`expired-${process.pid}`])).toEqual([]);
    expect((await live.ok(`{ me { id } }`)).me.id).toBe(person.id);
    expect((await app.sql(`select key from sign_in_limit where key like $1 order by key`, [`%-${process.pid}`])).map((r) => r.key)).toEqual([`account:new-${process.pid}`]);
    expect((await app.sql(`select token_hash from password_reset where person_id = $1`, [person.id])).map((r) => r.token_hash)).toEqual([`new-${process.pid}`]);
  });
});

describe('development mail page', () => {
  it('shows caught mail at /dev/mail in development', async () => {
    const email = address();
    await app.seed.person({ email, fullName: 'Sari <Dewi>' });
    await app.anonymous().ok(REQUEST, { email });
    await app.mail.waitFor((m) => m.to.includes(email));
    const res = await fetch(`${app.url}/dev/mail`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(email);
    expect(html).toContain('Yth. Sari &lt;Dewi&gt;,');
    expect(html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/atur-ulang-kata-sandi#token=[\w-]+">/);
  });

  it('is never served in production, where no catcher runs', async () => {
    const production = await startTestApp({ production: true });
    try {
      expect(production.lentera.background.catcher).toBeNull();
      // Whatever answers there (the app's own not-found screen), it is not the mailbox.
      for (const path of ['/dev/mail', '/dev/mail.json']) {
        const res = await fetch(`${production.url}${path}`);
        const body = await res.text();
        expect(body).not.toContain('Kotak surat pengembangan');
        expect(body.startsWith('[')).toBe(false);
      }
    } finally {
      await production.close();
    }
  });
});

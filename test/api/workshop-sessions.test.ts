import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { SESSION_REMINDER_QUEUE } from '../../server/src/modules/workshop/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * Workshop sessions (issue 7, "Workshops"): the workshop's managers add, move and cancel sessions of a run; the run's
 * dates follow its sessions; bad input writes nothing and answers a stable code; the online link of a session goes to
 * seat holders and who runs it only; registrants are mailed when a session is cancelled or moved, and the day before.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const LINK = 'https://vicon.example.go.id/lokakarya';

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const ADD = `mutation($input: AddRunSessionInput!) { addRunSession(input: $input) { id runId startsAt endsAt timeZone title room address onlineUrl hasOnlineUrl status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRunSessionInput!) { updateRunSession(id: $id, input: $input) { id startsAt endsAt timeZone room status } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelRunSession(id: $id, reason: $reason) { id status cancelReason } }`;
const RUN = `query($id: ID!) { courseRun(id: $id) { id startsAt endsAt sessions { id title startsAt status onlineUrl hasOnlineUrl cancelReason } } }`;

/**
 * Agency A's workshop (seen by every agency, 1 seat, open registration) with one run: learner 0 holds the seat,
 * learner 1 waits; A's admin manages it, an instructor teaches it; agency B's admin and learner see it only.
 */
async function world(kind = CourseKind.WORKSHOP) {
  const a = await app.seed.agencyWithStaff(2);
  const b = await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: a.agency, roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({
    kind, ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, capacity: 1, policy: EnrolmentPolicy.OPEN,
    instructors: [instructor], startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 11 * DAY),
  });
  // Civil servants sign in by NIP; these two have an address for the mails.
  for (const [i, l] of a.learners.entries()) {
    l.email = `peserta${i}.${l.id.slice(0, 8)}@instansi.go.id`;
    await app.sql(`update person set email = $1 where id = $2`, [l.email, l.id]);
  }
  const [seated, waiting] = await Promise.all(a.learners.map((l) => app.as(l)));
  expect((await seated.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
  expect((await waiting.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('WAITLISTED');
  return {
    a, b, course, runId: course.run.id,
    admin: await app.as(a.admin), otherAdmin: await app.as(b.admin), instructor: await app.as(instructor),
    seated, waiting, otherLearner: await app.as(b.learners[0]),
  };
}

const at = (ms: number) => new Date(Math.floor((Date.now() + ms) / 60_000) * 60_000).toISOString();
const counts = async (runId: string) => {
  const [row] = await app.sql(`select (select count(*)::int from run_session where run_id = $1) as sessions,
    (select count(*)::int from audit_entry where action like 'run_session.%' and data->>'runId' = $1::text) as audits`, [runId]);
  return row as { sessions: number; audits: number };
};

/** Mail jobs are worked a moment later: wait until none is pending, then read what was caught. */
async function settledMails(subject: string) {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await app.sql(`select count(*)::int as n from pgboss.job where name = 'mail' and state in ('created', 'retry', 'active')`);
    if (n === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return app.mail.messages.filter((m) => m.subject.includes(subject));
}

describe('adding, moving and cancelling sessions', () => {
  it('keeps the run’s dates on its first and last scheduled session, with an audit row for each change', async () => {
    const w = await world();
    const first = (await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: at(3 * DAY), endsAt: at(3 * DAY + 2 * HOUR), timeZone: 'Asia/Makassar', title: 'Hari 1', room: 'Aula', onlineUrl: LINK } })).addRunSession;
    expect(first).toMatchObject({ runId: w.runId, timeZone: 'Asia/Makassar', title: 'Hari 1', room: 'Aula', onlineUrl: LINK, status: 'SCHEDULED' });
    const second = (await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: at(5 * DAY), endsAt: at(5 * DAY + 3 * HOUR), title: 'Hari 2' } })).addRunSession;
    // Left out, the zone is the run's.
    expect(second.timeZone).toBe('Asia/Jakarta');
    let run = (await w.admin.ok(RUN, { id: w.runId })).courseRun;
    expect(run.startsAt).toBe(first.startsAt);
    expect(run.endsAt).toBe(second.endsAt);
    expect(run.sessions.map((s: { title: string }) => s.title)).toEqual(['Hari 1', 'Hari 2']);

    // Moving the first session after the second: the order and the run's dates follow.
    const moved = (await w.admin.ok(UPDATE, { id: first.id, input: { startsAt: at(6 * DAY), endsAt: at(6 * DAY + HOUR) } })).updateRunSession;
    run = (await w.admin.ok(RUN, { id: w.runId })).courseRun;
    expect(run.sessions.map((s: { title: string }) => s.title)).toEqual(['Hari 2', 'Hari 1']);
    expect(run.startsAt).toBe(second.startsAt);
    expect(run.endsAt).toBe(moved.endsAt);

    // Cancelling the last one: the run ends with the session that still takes place.
    const cancelled = (await w.admin.ok(CANCEL, { id: first.id, reason: 'Narasumber berhalangan' })).cancelRunSession;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Narasumber berhalangan' });
    run = (await w.admin.ok(RUN, { id: w.runId })).courseRun;
    expect(run.endsAt).toBe(second.endsAt);
    expect(run.sessions.find((s: { id: string }) => s.id === first.id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'Narasumber berhalangan' });
    expect(await counts(w.runId)).toEqual({ sessions: 2, audits: 4 });
    // Enrolment stays open until the (new) end: no deadline appears on its own.
    const [{ enrolment_closes_at }] = await app.sql(`select enrolment_closes_at from course_run where id = $1`, [w.runId]);
    expect(enrolment_closes_at).toBeNull();
    expect(await w.admin.errorCode(CANCEL, { id: first.id, reason: 'lagi' })).toBe('SESSION_CANCELLED');
    expect(await w.admin.errorCode(UPDATE, { id: first.id, input: { room: 'Ruang 2' } })).toBe('SESSION_CANCELLED');
  });

  it('refuses bad input with a stable, translated code and writes nothing', async () => {
    const w = await world();
    const good = { runId: w.runId, startsAt: at(3 * DAY), endsAt: at(3 * DAY + HOUR) };
    const refused = async (input: Record<string, unknown>, code: string) => {
      const res = await w.admin.request(ADD, { input: { ...good, ...input } });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe(code);
      return res.errors![0].message;
    };
    const message = await refused({ endsAt: at(3 * DAY - HOUR) }, 'SESSION_ENDS_BEFORE_START');
    expect(message).toBe('Sesi harus berakhir setelah dimulai.');
    await refused({ endsAt: good.startsAt }, 'SESSION_ENDS_BEFORE_START');
    await refused({ endsAt: at(5 * DAY) }, 'SESSION_TOO_LONG');
    await refused({ timeZone: 'Europe/Berlin' }, 'BAD_USER_INPUT');
    await refused({ onlineUrl: 'http://tidak-aman.example' }, 'INVALID_HTTPS_URL');
    await app.sql(`update person set locale = 'en' where id = $1`, [w.a.admin.id]);
    expect(await refused({ endsAt: at(2 * DAY) }, 'SESSION_ENDS_BEFORE_START')).toBe('A session must end after it starts.');

    const session = (await w.admin.ok(ADD, { input: good })).addRunSession;
    const before = await counts(w.runId);
    expect((await w.admin.request(UPDATE, { id: session.id, input: { endsAt: at(2 * DAY) } })).errors?.[0]?.extensions?.code).toBe('SESSION_ENDS_BEFORE_START');
    expect((await w.admin.request(CANCEL, { id: session.id, reason: '   ' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts(w.runId)).toEqual(before);
    expect((await w.admin.ok(RUN, { id: w.runId })).courseRun.sessions[0].startsAt).toBe(session.startsAt);

    // A course (not a workshop) has no sessions; a cancelled run takes none.
    const course = await world(CourseKind.COURSE);
    expect(await course.admin.errorCode(ADD, { input: { ...good, runId: course.runId } })).toBe('NOT_A_WORKSHOP');
    await w.admin.ok(`mutation($id: ID!) { cancelCourseRun(id: $id) { id } }`, { id: w.runId });
    expect(await w.admin.errorCode(ADD, { input: good })).toBe('RUN_CANCELLED');
    expect(await w.admin.errorCode(UPDATE, { id: session.id, input: { room: 'Aula' } })).toBe('RUN_CANCELLED');
    expect(await counts(course.runId)).toEqual({ sessions: 0, audits: 0 });
    expect(await counts(w.runId)).toEqual(before);
  });

  it('lets only the workshop’s managers write: another agency’s admin is refused, learners and instructors too', async () => {
    const w = await world();
    const input = { runId: w.runId, startsAt: at(3 * DAY), endsAt: at(3 * DAY + HOUR) };
    expect(await w.otherAdmin.errorCode(ADD, { input })).toBe('FORBIDDEN');
    expect(await w.seated.errorCode(ADD, { input })).toBe('FORBIDDEN');
    expect(await w.instructor.errorCode(ADD, { input })).toBe('FORBIDDEN');
    const session = (await w.admin.ok(ADD, { input })).addRunSession;
    expect(await w.otherAdmin.errorCode(CANCEL, { id: session.id, reason: 'x' })).toBe('FORBIDDEN');
    expect(await w.admin.errorCode(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { room: 'x' } })).toBe('NOT_FOUND');
    expect(await counts(w.runId)).toMatchObject({ sessions: 1 });
  });
});

describe('reading sessions', () => {
  it('gives a session’s online link to seat holders and who runs the workshop only', async () => {
    const w = await world();
    await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: at(3 * DAY), endsAt: at(3 * DAY + HOUR), onlineUrl: LINK } });
    const linkOf = async (viewer: typeof w.admin) => {
      const [session] = (await viewer.ok(RUN, { id: w.runId })).courseRun.sessions;
      expect(session.hasOnlineUrl).toBe(true);
      return session.onlineUrl;
    };
    expect(await linkOf(w.seated)).toBe(LINK);
    expect(await linkOf(w.admin)).toBe(LINK);
    expect(await linkOf(w.instructor)).toBe(LINK);
    expect(await linkOf(w.waiting)).toBeNull();
    expect(await linkOf(w.otherLearner)).toBeNull();
    expect(await linkOf(w.otherAdmin)).toBeNull();
  });

  it('reads the sessions of a whole list of runs in a bounded number of statements', async () => {
    const w = await world();
    const more = [await app.seed.run(w.course, { capacity: 5 }), await app.seed.run(w.course, { capacity: 5 })];
    for (const runId of [w.runId, ...more.map((r) => r.id)]) {
      for (let i = 0; i < 3; i++) await w.admin.ok(ADD, { input: { runId, startsAt: at((3 + i) * DAY), endsAt: at((3 + i) * DAY + HOUR), onlineUrl: LINK } });
    }
    const LIST = `query($id: ID!) { course(id: $id) { runs(first: 10) { nodes { id SESSIONS } } } }`;
    const withSessions = await app.countSql(() => w.seated.ok(LIST.replace('SESSIONS', 'sessions { id onlineUrl } materials { id url }'), { id: w.course.id }));
    const without = await app.countSql(() => w.seated.ok(LIST.replace('SESSIONS', ''), { id: w.course.id }));
    const result = await w.seated.ok(LIST.replace('SESSIONS', 'sessions { id onlineUrl }'), { id: w.course.id });
    expect(result.course.runs.nodes).toHaveLength(3);
    expect(result.course.runs.nodes.every((r: { sessions: unknown[] }) => r.sessions.length === 3)).toBe(true);
    // Sessions (with the viewer's place in each run) and materials: three statements for any number of runs.
    expect(withSessions.count - without.count, withSessions.statements.join('\n')).toBe(3);
  });
});

describe('session mails', () => {
  it('tells everyone holding a seat or waiting when a session is moved or cancelled, and nobody of a new title', async () => {
    const w = await world();
    const session = (await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: '2030-03-05T05:00:00Z', endsAt: '2030-03-05T07:00:00Z', timeZone: 'Asia/Makassar', title: 'Diskusi Panel' } })).addRunSession;
    await w.admin.ok(UPDATE, { id: session.id, input: { title: 'Diskusi Panel Daerah' } });
    expect((await settledMails('Jadwal sesi berubah')).filter((m) => m.subject.includes(w.course.title))).toHaveLength(0);
    await w.admin.ok(UPDATE, { id: session.id, input: { startsAt: '2030-03-06T05:00:00Z', endsAt: '2030-03-06T07:00:00Z' } });
    const moved = (await settledMails('Jadwal sesi berubah')).filter((m) => m.subject.includes(w.course.title));
    expect(moved.map((m) => m.to[0]).sort()).toEqual([w.a.learners[0].email, w.a.learners[1].email].sort());
    // The venue's zone, and the reader's (WIB) beside it.
    expect(moved[0].text).toContain('Sebelumnya: Selasa, 5 Maret 2030 13.00–15.00 WITA (12.00–14.00 WIB)');
    expect(moved[0].text).toContain('Sekarang: Rabu, 6 Maret 2030 13.00–15.00 WITA (12.00–14.00 WIB)');

    await w.admin.ok(CANCEL, { id: session.id, reason: 'Ruangan dipakai acara lain' });
    const cancelled = (await settledMails('Sesi dibatalkan')).filter((m) => m.subject.includes(w.course.title));
    expect(cancelled.map((m) => m.to[0]).sort()).toEqual([w.a.learners[0].email, w.a.learners[1].email].sort());
    expect(cancelled[0].text).toContain('Alasan: Ruangan dipakai acara lain');
  });

  it('reminds each seat holder once the day before, however often the job runs', async () => {
    const w = await world();
    const starts = new Date(Date.now() + 20 * HOUR);
    await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * HOUR).toISOString(), title: 'Pembukaan' } });
    // A session in three days is not "tomorrow" yet.
    await w.admin.ok(ADD, { input: { runId: w.runId, startsAt: at(3 * DAY), endsAt: at(3 * DAY + HOUR), title: 'Penutupan' } });
    const runJob = async () => {
      const id = await app.lentera.background.queue.boss.send(SESSION_REMINDER_QUEUE, { at: new Date().toISOString() });
      for (let i = 0; i < 100; i++) {
        const [job] = await app.sql(`select state from pgboss.job where id = $1`, [id]);
        if (job?.state === 'completed') return;
        if (job?.state === 'failed' || job?.state === 'retry') throw new Error('the reminder job failed');
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the reminder job did not finish');
    };
    await runJob();
    await runJob();
    const reminders = (await settledMails('Besok:')).filter((m) => m.subject.includes(w.course.title));
    // The seat holder only (a waiting-list place is no place in the session), once.
    expect(reminders.map((m) => m.to[0])).toEqual([w.a.learners[0].email]);
    expect(reminders[0].subject).toContain('Pembukaan');
  });
});

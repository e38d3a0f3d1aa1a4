import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeys, signToken, windowAt, WINDOW_SECONDS } from '../../server/src/modules/workshop/index.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { workshopWorld } from './workshop-fixture.js';

/** Check-in by QR token or 6-digit code (ARCHITECTURE.md "Workshops"): every refusal writes nothing. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const TOKEN = `query($id: ID!) { sessionCheckIn(sessionId: $id) { open token code refreshAt opensAt closesAt serverTime } }`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { session { id } status lateMinutes method alreadyRecorded } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { counts { present late } } }`;

const linesOf = async (sessionId: string) => app.sql(`select enrolment_id, status, late_minutes, method from session_attendance where session_id = $1 order by enrolment_id`, [sessionId]);
/** The keys the server signs with: this test app has no LENTERA_SECRET, so the database's secret (made on first use). */
const keys = async () => deriveKeys((await app.sql(`select value from server_secret where name = 'root'`))[0].value);
/** Keeps a test clear of a window's last seconds, so "this window" and "the one before" mean the same to test and server. */
const steadyWindow = async () => {
  const left = WINDOW_SECONDS * 1000 - (Date.now() % (WINDOW_SECONDS * 1000));
  if (left < 4000) await new Promise((r) => setTimeout(r, left + 100));
};

describe('the QR page’s token and code', () => {
  it('are given to the run’s instructor while check-in is open, and to nobody else', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const now = await w.session(-5, 60);
    const instructor = await app.as(w.instructor);
    const open = (await instructor.ok(TOKEN, { id: now.id })).sessionCheckIn;
    expect(open.open).toBe(true);
    expect(open.code).toMatch(/^\d{6}$/);
    expect(open.token.startsWith(`${now.id}.`)).toBe(true);
    expect(new Date(open.refreshAt).getTime() - new Date(open.serverTime).getTime()).toBeLessThanOrEqual(WINDOW_SECONDS * 1000);
    const later = await w.session(60, 60);
    expect((await instructor.ok(TOKEN, { id: later.id })).sessionCheckIn).toMatchObject({ open: false, token: null, code: null });
    expect(await (await app.as(w.learners[0])).errorCode(TOKEN, { id: now.id })).toBe('NOT_FOUND');
  });
});

describe('checking in', () => {
  it('records the scanned person present once; a repeat answers what stands and changes nothing', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const session = await w.session(-5, 60);
    const { token, code } = (await (await app.as(w.instructor)).ok(TOKEN, { id: session.id })).sessionCheckIn;
    const learner = await app.as(w.learners[0]);
    expect((await learner.ok(CHECK_IN, { input: { token } })).checkIn).toEqual({ session: { id: session.id }, status: 'PRESENT', lateMinutes: null, method: 'QR', alreadyRecorded: false });
    const again = (await learner.ok(CHECK_IN, { input: { token } })).checkIn;
    expect(again).toMatchObject({ status: 'PRESENT', method: 'QR', alreadyRecorded: true });
    expect((await learner.ok(CHECK_IN, { input: { code } })).checkIn).toMatchObject({ method: 'QR', alreadyRecorded: true });
    // The same token scanned by another seat holder records them, not the first.
    expect((await (await app.as(w.learners[1])).ok(CHECK_IN, { input: { code } })).checkIn).toMatchObject({ method: 'CODE', alreadyRecorded: false });
    expect(await linesOf(session.id)).toHaveLength(2);
  });

  it('accepts this window’s and the previous window’s token, refuses an older one', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const session = await w.session(-5, 60);
    await (await app.as(w.instructor)).ok(TOKEN, { id: session.id }); // makes the server's secret
    const k = await keys();
    await steadyWindow();
    const current = windowAt(Date.now());
    expect(await (await app.as(w.learners[0])).errorCode(CHECK_IN, { input: { token: signToken(k, session.id, current - 2) } })).toBe('CHECK_IN_TOKEN_EXPIRED');
    expect(await linesOf(session.id)).toEqual([]);
    expect((await (await app.as(w.learners[1])).ok(CHECK_IN, { input: { token: signToken(k, session.id, current - 1) } })).checkIn.status).toBe('PRESENT');
    // A window still to come is no token we gave out.
    expect(await (await app.as(w.learners[0])).errorCode(CHECK_IN, { input: { token: signToken(k, session.id, current + 5) } })).toBe('CHECK_IN_TOKEN_INVALID');
  });

  it('refuses a token of another session, a tampered token or one signed with another key', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const mine = await w.session(-5, 60);
    const other = await w.session(-5, 60);
    const { token } = (await (await app.as(w.instructor)).ok(TOKEN, { id: other.id })).sessionCheckIn;
    const [, window, mac] = token.split('.');
    const learner = await app.as(w.learners[0]);
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const forged of [`${mine.id}.${window}.${mac}`, `${other.id}.${window}.${flip(mac)}`, `${other.id}.${Number(window) - 1}.${mac}`,
      signToken(deriveKeys('another server'), other.id, Number(window)), 'not-a-token']) {
      expect(await learner.errorCode(CHECK_IN, { input: { token: forged } })).toBe('CHECK_IN_TOKEN_INVALID');
    }
    expect(await linesOf(mine.id)).toEqual([]);
    expect(await linesOf(other.id)).toEqual([]);
  });

  it('answers NOT_FOUND to someone without a seat in the session’s run', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const session = await w.session(-5, 60);
    const { token } = (await (await app.as(w.instructor)).ok(TOKEN, { id: session.id })).sessionCheckIn;
    const stranger = (await workshopWorld(app, { learners: 1 })).learners[0];
    const waiting = await app.seed.person({ agency: w.agency, orgUnit: w.unit });
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'WAITLISTED')`, [waiting.id, w.course.id, w.run.id]);
    for (const person of [stranger, waiting, w.instructor]) expect(await (await app.as(person)).errorCode(CHECK_IN, { input: { token } })).toBe('NOT_FOUND');
    expect(await linesOf(session.id)).toEqual([]);
  });

  it('refuses outside the session’s window and on a cancelled session', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    await (await app.as(w.instructor)).ok(TOKEN, { id: (await w.session(-5, 60)).id });
    const k = await keys();
    const ended = await w.session(-120, 60);
    const early = await w.session(30, 60);
    const cancelled = await w.session(-5, 60);
    await app.sql(`update run_session set status = 'CANCELLED' where id = $1`, [cancelled.id]);
    const learner = await app.as(w.learners[0]);
    const now = windowAt(Date.now());
    expect(await learner.errorCode(CHECK_IN, { input: { token: signToken(k, ended.id, now) } })).toBe('CHECK_IN_CLOSED');
    expect(await learner.errorCode(CHECK_IN, { input: { token: signToken(k, early.id, now) } })).toBe('CHECK_IN_NOT_OPEN');
    expect(await learner.errorCode(CHECK_IN, { input: { token: signToken(k, cancelled.id, now) } })).toBe('SESSION_CANCELLED');
    for (const s of [ended, early, cancelled]) expect(await linesOf(s.id)).toEqual([]);
  });

  it('records LATE with the minutes when more than 15 minutes after the start', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const session = await w.session(-40, 120);
    const { code } = (await (await app.as(w.instructor)).ok(TOKEN, { id: session.id })).sessionCheckIn;
    const result = (await (await app.as(w.learners[0])).ok(CHECK_IN, { input: { code } })).checkIn;
    expect(result.status).toBe('LATE');
    expect([40, 41]).toContain(result.lateMinutes);
  });

  it('agrees with the roster: a check-in never overwrites a mark, a mark corrects a check-in, one line each', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const session = await w.session(-5, 60);
    const instructor = await app.as(w.instructor);
    const { token } = (await instructor.ok(TOKEN, { id: session.id })).sessionCheckIn;
    const [a, b] = w.enrolments;
    await instructor.ok(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: a, status: 'EXCUSED' }] } });
    expect((await (await app.as(w.learners[0])).ok(CHECK_IN, { input: { token } })).checkIn).toMatchObject({ status: 'EXCUSED', method: 'ROSTER', alreadyRecorded: true });
    await (await app.as(w.learners[1])).ok(CHECK_IN, { input: { token } });
    await instructor.ok(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: b, status: 'LATE', lateMinutes: 10 }] } });
    expect(await linesOf(session.id)).toEqual([
      { enrolment_id: a, status: 'EXCUSED', late_minutes: null, method: 'ROSTER' },
      { enrolment_id: b, status: 'LATE', late_minutes: 10, method: 'ROSTER' },
    ].sort((x, y) => x.enrolment_id.localeCompare(y.enrolment_id)));
  });

  it('limits wrong codes to 5 per 10 minutes per person; a refused attempt is never compared', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const session = await w.session(-5, 60);
    const { code } = (await (await app.as(w.instructor)).ok(TOKEN, { id: session.id })).sessionCheckIn;
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    const learner = await app.as(w.learners[0]);
    for (let i = 0; i < 5; i++) expect(await learner.errorCode(CHECK_IN, { input: { code: wrong } })).toBe('CHECK_IN_CODE_INVALID');
    expect(await learner.errorCode(CHECK_IN, { input: { code } })).toBe('CHECK_IN_TOO_MANY_ATTEMPTS');
    expect(await linesOf(session.id)).toEqual([]);
    // Someone else is not held back by it, and the scanned token still works for the first.
    expect((await (await app.as(w.learners[1])).ok(CHECK_IN, { input: { code } })).checkIn.method).toBe('CODE');
    // Ten minutes later the window starts again.
    await app.sql(`update check_in_limit set window_started_at = now() - interval '11 minutes' where person_id = $1`, [w.learners[0].id]);
    const fresh = (await (await app.as(w.instructor)).ok(TOKEN, { id: session.id })).sessionCheckIn.code;
    expect((await learner.ok(CHECK_IN, { input: { code: fresh } })).checkIn.method).toBe('CODE');
  });

  it('wants exactly one of a token and a code', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const learner = await app.as(w.learners[0]);
    expect(await learner.errorCode(CHECK_IN, { input: {} })).toBe('BAD_USER_INPUT');
    expect(await learner.errorCode(CHECK_IN, { input: { token: 'x', code: '123456' } })).toBe('BAD_USER_INPUT');
    expect(await learner.errorCode(CHECK_IN, { input: { code: '12345' } })).toBe('BAD_USER_INPUT');
  });
});

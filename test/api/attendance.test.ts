import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { seat, workshopWorld } from './workshop-fixture.js';

/** Attendance per session: the roster of seat holders and marks in bulk (ARCHITECTURE.md "Workshops"). */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const SHEET = `query($id: ID!, $first: Int, $after: String) { sessionAttendance(sessionId: $id, first: $first, after: $after) {
  open session { id status } counts { present late absent excused unmarked total }
  lines { totalCount pageInfo { hasNextPage endCursor } nodes { enrolmentId fullName status lateMinutes method } } } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
  counts { present late absent excused unmarked total } lines { enrolmentId status lateMinutes method } resettled } }`;
const ALL_PRESENT = `mutation($id: ID!) { markAllPresent(sessionId: $id) { counts { present late absent excused unmarked total } lines { enrolmentId } } }`;

const linesOf = async (sessionId: string) => app.sql(`select enrolment_id, status, late_minutes, method from session_attendance where session_id = $1 order by enrolment_id`, [sessionId]);
const audits = async (sessionId: string) => (await app.sql(`select count(*)::int as n from audit_entry where target_id = $1`, [sessionId]))[0].n as number;

describe('the attendance sheet', () => {
  it('lists the seat holders with their marks for the run’s instructor, the course’s managers and platform admins; NOT_FOUND to others', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    // Waiting and withdrawn people hold no seat: they are not on the sheet.
    const waiting = await app.seed.person({ agency: w.agency, orgUnit: w.unit });
    await seat(app, waiting, w.run.id, w.course.id, 'WAITLISTED');
    const session = await w.session(-30, 120);
    const sheet = (await (await app.as(w.instructor)).ok(SHEET, { id: session.id })).sessionAttendance;
    expect(sheet.open).toBe(true);
    expect(sheet.counts).toEqual({ present: 0, late: 0, absent: 0, excused: 0, unmarked: 2, total: 2 });
    expect(sheet.lines.nodes.map((n: { enrolmentId: string }) => n.enrolmentId).sort()).toEqual([...w.enrolments].sort());
    expect((await (await app.as(w.admin)).ok(SHEET, { id: session.id })).sessionAttendance.counts.total).toBe(2);
    const platform = await app.seed.person({ agency: w.agency, orgUnit: w.unit, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    expect((await (await app.as(platform)).ok(SHEET, { id: session.id })).sessionAttendance.counts.total).toBe(2);

    // A learner of the workshop, an instructor who does not teach this run, another agency's admin: NOT_FOUND.
    const other = await workshopWorld(app, { learners: 0 });
    for (const person of [w.learners[0], other.instructor, other.admin]) {
      expect(await (await app.as(person)).errorCode(SHEET, { id: session.id })).toBe('NOT_FOUND');
    }
  });

  it('pages by name with a bounded number of statements, whatever the number of seat holders', async () => {
    const w = await workshopWorld(app, { learners: 12 });
    const session = await w.session(-10, 60);
    const instructor = await app.as(w.instructor);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { lines: { nodes: { enrolmentId: string; fullName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        (await instructor.ok(SHEET, { id: session.id, first: 5, after })).sessionAttendance;
      seen.push(...page.lines.nodes.map((n) => n.enrolmentId));
      after = page.lines.pageInfo.hasNextPage ? page.lines.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);

    const small = await workshopWorld(app, { learners: 2 });
    const smallSession = await small.session(-10, 60);
    const smallClient = await app.as(small.instructor);
    const count = async (client: typeof instructor, id: string) => (await app.countSql(() => client.ok(SHEET, { id, first: 50 }))).count;
    const few = await count(smallClient, smallSession.id);
    const many = await count(instructor, session.id);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5); // the viewer, the session with access, the counts, the page
  });
});

describe('recording marks', () => {
  it('records present, late with minutes, absent and excused in one transaction with an audit row; a later mark corrects', async () => {
    const w = await workshopWorld(app, { learners: 4 });
    const session = await w.session(-60, 120);
    const instructor = await app.as(w.instructor);
    const [a, b, c, d] = w.enrolments;
    const result = (await instructor.ok(RECORD, { input: { sessionId: session.id, marks: [
      { enrolmentId: a, status: 'PRESENT' }, { enrolmentId: b, status: 'LATE', lateMinutes: 20 },
      { enrolmentId: c, status: 'ABSENT' }, { enrolmentId: d, status: 'EXCUSED' },
    ] } })).recordAttendance;
    expect(result.counts).toEqual({ present: 1, late: 1, absent: 1, excused: 1, unmarked: 0, total: 4 });
    expect(await audits(session.id)).toBe(1);
    const corrected = (await instructor.ok(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: c, status: 'PRESENT' }] } })).recordAttendance;
    expect(corrected.counts).toMatchObject({ present: 2, absent: 0 });
    expect((await linesOf(session.id)).filter((l) => l.enrolment_id === c)).toEqual([{ enrolment_id: c, status: 'PRESENT', late_minutes: null, method: 'ROSTER' }]);
    expect(await audits(session.id)).toBe(2);
  });

  it('"all present" marks only those not marked yet, and again marks nobody', async () => {
    const w = await workshopWorld(app, { learners: 3 });
    const session = await w.session(-5, 90);
    const instructor = await app.as(w.instructor);
    await instructor.ok(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: w.enrolments[0], status: 'EXCUSED' }] } });
    const all = (await instructor.ok(ALL_PRESENT, { id: session.id })).markAllPresent;
    expect(all.counts).toEqual({ present: 2, late: 0, absent: 0, excused: 1, unmarked: 0, total: 3 });
    expect(all.lines).toHaveLength(2);
    expect((await instructor.ok(ALL_PRESENT, { id: session.id })).markAllPresent.lines).toHaveLength(0);
    expect(await audits(session.id)).toBe(3);
  });

  it('refuses a cancelled session, someone without a seat, a session not open yet and LATE without minutes, writing nothing', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const instructor = await app.as(w.instructor);
    const cancelled = await w.session(-60, 120);
    await app.sql(`update run_session set status = 'CANCELLED' where id = $1`, [cancelled.id]);
    const mark = (sessionId: string, marks: unknown[]) => instructor.errorCode(RECORD, { input: { sessionId, marks } });
    expect(await mark(cancelled.id, [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }])).toBe('SESSION_CANCELLED');
    expect(await instructor.errorCode(ALL_PRESENT, { id: cancelled.id })).toBe('SESSION_CANCELLED');

    const session = await w.session(-60, 120);
    // Someone of another run, a withdrawn seat, and a valid one beside them: nothing is written for any.
    const other = await workshopWorld(app, { learners: 1 });
    const withdrawn = await seat(app, await app.seed.person({ agency: w.agency, orgUnit: w.unit }), w.run.id, w.course.id, 'WITHDRAWN');
    for (const stranger of [other.enrolments[0], withdrawn]) {
      expect(await mark(session.id, [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }, { enrolmentId: stranger, status: 'PRESENT' }])).toBe('ATTENDANCE_NOT_A_SEAT_HOLDER');
    }
    expect(await mark(session.id, [{ enrolmentId: w.enrolments[0], status: 'LATE' }])).toBe('BAD_USER_INPUT');
    expect(await mark(session.id, [{ enrolmentId: w.enrolments[0], status: 'PRESENT', lateMinutes: 5 }])).toBe('BAD_USER_INPUT');

    const tomorrow = await w.session(24 * 60, 60);
    expect(await mark(tomorrow.id, [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }])).toBe('ATTENDANCE_NOT_OPEN');
    for (const s of [cancelled, session, tomorrow]) {
      expect(await linesOf(s.id)).toEqual([]);
      expect(await audits(s.id)).toBe(0);
    }
    // A learner cannot mark (not even themselves): the session is NOT_FOUND to them.
    expect(await (await app.as(w.learners[0])).errorCode(RECORD, { input: { sessionId: session.id, marks: [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }] } })).toBe('NOT_FOUND');
  });
});

describe('what waits on the instructor', () => {
  const HOME = `{ instructorHome { attendanceToTake { session { id courseTitle } unmarked seatHolders } } }`;
  const RUN = `query($id: ID!) { courseRun(id: $id) { attendanceSessions { session { id } unmarked seatHolders } } }`;

  it('lists started sessions of their runs with seat holders unmarked, until everyone has a mark', async () => {
    const w = await workshopWorld(app, { learners: 2 });
    const running = await w.session(-30, 120);
    const ended = await w.session(-24 * 60, 60);
    const upcoming = await w.session(24 * 60, 60);
    const instructor = await app.as(w.instructor);
    const waiting = async () => (await instructor.ok(HOME)).instructorHome.attendanceToTake.map((t: { session: { id: string }; unmarked: number }) => [t.session.id, t.unmarked]);
    expect(await waiting()).toEqual([[running.id, 2], [ended.id, 2]]);
    await instructor.ok(RECORD, { input: { sessionId: ended.id, marks: [{ enrolmentId: w.enrolments[0], status: 'ABSENT' }] } });
    expect(await waiting()).toEqual([[running.id, 2], [ended.id, 1]]);
    await instructor.ok(ALL_PRESENT, { id: running.id });
    expect(await waiting()).toEqual([[ended.id, 1]]);
    // Another instructor's home does not show them; the run page lists every session for its staff only.
    expect((await (await app.as((await workshopWorld(app, { learners: 0 })).instructor)).ok(HOME)).instructorHome.attendanceToTake).toEqual([]);
    const sessions = (await instructor.ok(RUN, { id: w.run.id })).courseRun.attendanceSessions;
    expect(sessions.map((s: { session: { id: string } }) => s.session.id)).toEqual([ended.id, running.id, upcoming.id]);
    expect((await (await app.as(w.learners[0])).ok(RUN, { id: w.run.id })).courseRun.attendanceSessions).toEqual([]);
  });
});

import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { SEAT_HOLDING } from '../enrolment/index.js';
import { AttendanceMethod, AttendanceStatus } from './attendance.entity.js';
import { assertCanTakeAttendance } from './attendance.policy.js';
import { toAttendanceSession } from './attendance.service.js';
import { refundCodeAttempt, takeCodeAttempt } from './check-in.limits.js';
import {
  checkInKeys, codeFor, LATE_AFTER_MINUTES, OPENS_BEFORE_MINUTES, signToken, verifyToken, windowAt, windowEndsAt,
} from './check-in.token.js';
import type { CheckInInput, CheckInResult, SessionCheckIn } from './check-in.types.js';
import { RunSessionStatus } from './session.entity.js';

const MINUTE = 60_000;
const opensAt = (startsAt: Date | string) => new Date(new Date(startsAt).getTime() - OPENS_BEFORE_MINUTES * MINUTE);

/**
 * The QR page's token and code now, for those who take the session's attendance (NOT_FOUND to anyone else). Outside
 * the check-in window (15 minutes before the start to the end) or on a cancelled session: no token, no code.
 */
export async function sessionCheckIn(ctx: SignedInOperationContext, sessionId: string): Promise<SessionCheckIn> {
  const session = await assertCanTakeAttendance(ctx.em, ctx.viewer, sessionId);
  const now = Date.now();
  const open = session.status === RunSessionStatus.SCHEDULED && opensAt(session.starts_at).getTime() <= now && now < new Date(session.ends_at).getTime();
  const base = { session: toAttendanceSession(session), open, opensAt: opensAt(session.starts_at), closesAt: new Date(session.ends_at), serverTime: new Date(now) };
  if (!open) return { ...base, token: null, code: null, refreshAt: null };
  const keys = await checkInKeys(ctx);
  const window = windowAt(now);
  return { ...base, token: signToken(keys, session.id, window), code: codeFor(keys, session.id, window), refreshAt: windowEndsAt(window) };
}

/** The session with the viewer's seat in its run (null: none), in one statement. */
async function sessionWithSeat(ctx: SignedInOperationContext, sessionId: string) {
  return db(ctx).selectFrom('run_session as s')
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .leftJoin('enrolment as e', (j) => j.onRef('e.run_id', '=', 's.run_id').on('e.person_id', '=', ctx.viewer.personId).on('e.status', 'in', SEAT_HOLDING))
    .select(['s.id', 's.run_id', 'r.code as run_code', 'c.id as course_id', 'c.title as course_title', 's.title', 's.room', 's.starts_at', 's.ends_at',
      's.time_zone', 's.status', 'e.id as enrolment_id'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/**
 * The 6-digit code names no session: of the sessions open now in runs where the viewer holds a seat, the one whose
 * code of this window or the last one it is. One statement for the sessions, the rest is HMAC.
 */
async function sessionOfCode(ctx: SignedInOperationContext, code: string, window: number): Promise<string | null> {
  const open = await db(ctx).selectFrom('run_session as s')
    .innerJoin('enrolment as e', 'e.run_id', 's.run_id')
    .select('s.id')
    .where('e.person_id', '=', ctx.viewer.personId).where('e.status', 'in', SEAT_HOLDING)
    .where('s.status', '=', RunSessionStatus.SCHEDULED)
    .where(sql<boolean>`now() between s.starts_at - make_interval(mins => ${OPENS_BEFORE_MINUTES}::int) and s.ends_at`)
    .execute();
  if (!open.length) return null;
  const keys = await checkInKeys(ctx);
  return open.find((s) => codeFor(keys, s.id, window) === code || codeFor(keys, s.id, window - 1) === code)?.id ?? null;
}

/**
 * The signed-in person checks in to a session with a scanned token or a typed code. Accepted: the token of this
 * 30-second window or the previous one (clock skew, a slow scan), for a session they hold a seat in, while its
 * check-in is open. Refused with nothing written: CHECK_IN_TOKEN_INVALID (tampered, another session's MAC, malformed),
 * CHECK_IN_TOKEN_EXPIRED (an older window), CHECK_IN_NOT_OPEN / CHECK_IN_CLOSED (outside the session's window),
 * SESSION_CANCELLED, NOT_FOUND (no seat: a token is never a way to learn about someone else's session),
 * CHECK_IN_CODE_INVALID and CHECK_IN_TOO_MANY_ATTEMPTS (5 wrong codes per 10 minutes per person). A person already
 * recorded (an earlier check-in or a roster mark) is answered with that line and `alreadyRecorded`: nothing changes,
 * so duplicates count once and a check-in never overwrites the instructor's mark. More than 15 minutes after the start
 * records LATE with the minutes since the start.
 */
export async function checkIn(ctx: SignedInOperationContext, input: CheckInInput): Promise<CheckInResult> {
  const token = input.token?.trim() || null;
  const code = input.code?.trim() || null;
  if ((token === null) === (code === null)) throw new AppError('BAD_USER_INPUT', { reason: 'give a token or a code' }, token ? 'code' : 'token');
  const now = Date.now();
  const current = windowAt(now);
  let sessionId: string;
  let method: AttendanceMethod;
  if (token !== null) {
    const keys = await checkInKeys(ctx);
    const verified = verifyToken(keys, token);
    if (!verified || verified.window > current) throw new AppError('CHECK_IN_TOKEN_INVALID');
    if (verified.window < current - 1) throw new AppError('CHECK_IN_TOKEN_EXPIRED');
    sessionId = verified.sessionId;
    method = AttendanceMethod.QR;
  } else {
    await takeCodeAttempt(ctx, ctx.viewer.personId);
    const found = await sessionOfCode(ctx, code!, current);
    if (!found) throw new AppError('CHECK_IN_CODE_INVALID');
    await refundCodeAttempt(ctx, ctx.viewer.personId);
    sessionId = found;
    method = AttendanceMethod.CODE;
  }
  const session = await sessionWithSeat(ctx, sessionId);
  if (!session || !session.enrolment_id) throw new AppError('NOT_FOUND', { what: 'session' });
  if ((session.status as RunSessionStatus) === RunSessionStatus.CANCELLED) throw new AppError('SESSION_CANCELLED');
  if (now < opensAt(session.starts_at).getTime()) throw new AppError('CHECK_IN_NOT_OPEN', { opensAt: opensAt(session.starts_at).toISOString() });
  if (now > new Date(session.ends_at).getTime()) throw new AppError('CHECK_IN_CLOSED');
  const minutesLate = Math.floor((now - new Date(session.starts_at).getTime()) / MINUTE);
  const late = minutesLate > LATE_AFTER_MINUTES;
  const enrolmentId = session.enrolment_id;
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const inserted = await d.insertInto('session_attendance')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, session_id: session.id, enrolment_id: enrolmentId, status: late ? AttendanceStatus.LATE : AttendanceStatus.PRESENT,
        late_minutes: late ? minutesLate : null, method, recorded_by_id: ctx.viewer.personId, recorded_at: sql<Date>`now()`,
      })
      .onConflict((oc) => oc.constraint('session_attendance_once').doNothing())
      .returning(['status', 'late_minutes', 'method'])
      .executeTakeFirst();
    const line = inserted ?? await d.selectFrom('session_attendance').select(['status', 'late_minutes', 'method'])
      .where('session_id', '=', session.id).where('enrolment_id', '=', enrolmentId).executeTakeFirstOrThrow();
    return {
      session: toAttendanceSession(session), status: line.status, lateMinutes: line.late_minutes, method: line.method, alreadyRecorded: !inserted,
    };
  });
}

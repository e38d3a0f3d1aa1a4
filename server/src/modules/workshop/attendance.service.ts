import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction, type Db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { nameIdCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { writeAudit } from '../audit/index.js';
import { SEAT_HOLDING } from '../enrolment/index.js';
import { AttendanceMethod, AttendanceStatus } from './attendance.entity.js';
import type { AttendanceMarkInput, RecordAttendanceInput } from './attendance.inputs.js';
import { assertCanTakeAttendance, type SessionAccessRow } from './attendance.policy.js';
import type { AttendanceCounts, AttendanceLine, AttendanceRecorded, AttendanceSession, SessionAttendanceSheet } from './attendance.types.js';
import { OPENS_BEFORE_MINUTES } from './check-in.token.js';
import { RunSessionStatus } from './session.entity.js';
import { resettlePeople } from './workshop-credit.js';

export function toAttendanceSession(row: Pick<SessionAccessRow, 'id' | 'run_id' | 'run_code' | 'course_id' | 'course_title' | 'title' | 'room' | 'starts_at' | 'ends_at' | 'time_zone' | 'status'>): AttendanceSession {
  return {
    id: row.id, runId: row.run_id, runCode: row.run_code, courseId: row.course_id, courseTitle: row.course_title, title: row.title, room: row.room,
    startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at), timeZone: row.time_zone, status: row.status,
  };
}

/** Marks may be written once check-in opens (15 minutes before the start) on a scheduled session; corrections any time after. */
function sessionOpenForMarks(session: Pick<SessionAccessRow, 'status' | 'starts_at'>, now = Date.now()): boolean {
  return session.status === RunSessionStatus.SCHEDULED && new Date(session.starts_at).getTime() - OPENS_BEFORE_MINUTES * 60_000 <= now;
}

interface LineRow {
  enrolment_id: string;
  person_id: string;
  full_name: string;
  agency_name: string | null;
  status: AttendanceStatus | null;
  late_minutes: number | null;
  method: AttendanceMethod | null;
  recorded_at: Date | string | null;
}

const toLine = (r: LineRow): AttendanceLine => ({
  enrolmentId: r.enrolment_id, personId: r.person_id, fullName: r.full_name, agencyName: r.agency_name,
  status: r.status, lateMinutes: r.late_minutes, method: r.method, recordedAt: r.recorded_at === null ? null : new Date(r.recorded_at),
});

/** The seat holders of a session's run with their line for the session (alias e, p, a). */
function seatHolders(d: Db, session: Pick<SessionAccessRow, 'id' | 'run_id'>) {
  return d.selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('agency as ag', 'ag.id', 'p.agency_id')
    .leftJoin('session_attendance as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id').on('a.session_id', '=', session.id))
    .where('e.run_id', '=', session.run_id)
    .where('e.status', 'in', SEAT_HOLDING);
}

const LINE_COLUMNS = [
  'e.id as enrolment_id', 'p.id as person_id', 'p.full_name', 'ag.name as agency_name', 'a.status', 'a.late_minutes', 'a.method', 'a.recorded_at',
] as const;

async function countsOf(d: Db, session: Pick<SessionAccessRow, 'id' | 'run_id'>): Promise<AttendanceCounts> {
  const n = (status: AttendanceStatus) => sql<number>`count(*) filter (where a.status = ${status})::int`;
  const row = await seatHolders(d, session)
    .select([
      n(AttendanceStatus.PRESENT).as('present'), n(AttendanceStatus.LATE).as('late'), n(AttendanceStatus.ABSENT).as('absent'),
      n(AttendanceStatus.EXCUSED).as('excused'), sql<number>`count(*) filter (where a.id is null)::int`.as('unmarked'), sql<number>`count(*)::int`.as('total'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * A session's attendance sheet for those who take it: three statements whatever the page (the session with the
 * viewer's access, the counts, the page of seat holders by name then enrolment id, keyset).
 */
export async function sessionAttendance(ctx: SignedInOperationContext, sessionId: string, first: number, after?: string | null): Promise<SessionAttendanceSheet> {
  const cursor = nameIdCursor.decode(after);
  const session = await assertCanTakeAttendance(ctx.em, ctx.viewer, sessionId);
  const d = db(ctx);
  const counts = await countsOf(d, session);
  const rows = await seatHolders(d, session).select(LINE_COLUMNS)
    .$if(cursor !== null, (q) => q.where(sql<boolean>`(p.full_name, e.id) > (${cursor![0]}, ${cursor![1]}::uuid)`))
    .orderBy('p.full_name').orderBy('e.id').limit(first + 1)
    .execute();
  return {
    session: toAttendanceSession(session),
    counts,
    open: sessionOpenForMarks(session),
    lines: toPage(rows as LineRow[], first, counts.total, toLine, (r) => nameIdCursor.encode([r.full_name, r.enrolment_id])),
  };
}

function assertMarkable(session: SessionAccessRow): void {
  if (session.status === RunSessionStatus.CANCELLED) throw new AppError('SESSION_CANCELLED');
  if (!sessionOpenForMarks(session)) throw new AppError('ATTENDANCE_NOT_OPEN', { opensAt: new Date(new Date(session.starts_at).getTime() - OPENS_BEFORE_MINUTES * 60_000).toISOString() });
}

function checkedMark(mark: AttendanceMarkInput): { status: AttendanceStatus; lateMinutes: number | null } {
  if (mark.status === AttendanceStatus.LATE) {
    if (!mark.lateMinutes) throw new AppError('BAD_USER_INPUT', { reason: 'LATE needs lateMinutes' }, 'lateMinutes');
    return { status: mark.status, lateMinutes: mark.lateMinutes };
  }
  if (mark.lateMinutes) throw new AppError('BAD_USER_INPUT', { reason: 'lateMinutes is for LATE only' }, 'lateMinutes');
  return { status: mark.status, lateMinutes: null };
}

/**
 * Records roster marks in bulk, in one transaction with an audit row: a roster mark replaces whatever the line was
 * (a check-in included: the instructor corrects). A mark for someone without a seat in the session's run, on a
 * cancelled session or before check-in opens is refused with nothing written. On a settled run the people whose
 * marks changed are settled again in the same transaction (workshop-credit.ts).
 */
export async function recordAttendance(ctx: SignedInOperationContext, input: RecordAttendanceInput): Promise<AttendanceRecorded> {
  const session = await assertCanTakeAttendance(ctx.em, ctx.viewer, input.sessionId);
  assertMarkable(session);
  const marks = new Map<string, { status: AttendanceStatus; lateMinutes: number | null }>();
  for (const mark of input.marks) {
    if (marks.has(mark.enrolmentId.toLowerCase())) throw new AppError('BAD_USER_INPUT', { reason: 'an enrolment is marked twice' }, 'marks');
    marks.set(mark.enrolmentId.toLowerCase(), checkedMark(mark));
  }
  const ids = [...marks.keys()];
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const held = await d.selectFrom('enrolment').select('id').where('id', 'in', ids).where('run_id', '=', session.run_id)
      .where('status', 'in', SEAT_HOLDING).forShare().execute();
    if (held.length !== ids.length) {
      const found = new Set(held.map((h) => h.id));
      throw new AppError('ATTENDANCE_NOT_A_SEAT_HOLDER', { enrolmentIds: ids.filter((id) => !found.has(id)) }, 'marks');
    }
    const values = ids.map((id) => ({ ...marks.get(id)!, id }));
    const written = await d.insertInto('session_attendance')
      .columns(['session_id', 'enrolment_id', 'status', 'late_minutes', 'method', 'recorded_by_id', 'recorded_at'])
      .expression((eb) => eb.selectFrom(sql<{ id: string; status: AttendanceStatus; late_minutes: number | null }>`jsonb_to_recordset(${JSON.stringify(values.map((v) => ({ id: v.id, status: v.status, late_minutes: v.lateMinutes })))}::jsonb)`
        .as(sql`m(id uuid, status text, late_minutes int)`))
        .select([
          eb.cast<string>(eb.val(session.id), 'uuid').as('session_id'), 'm.id', 'm.status', 'm.late_minutes',
          eb.cast<AttendanceMethod>(eb.val(AttendanceMethod.ROSTER), 'text').as('method'),
          eb.cast<string>(eb.val(ctx.viewer.personId), 'uuid').as('recorded_by_id'), sql<Date>`now()`.as('recorded_at'),
        ]))
      .onConflict((oc) => oc.constraint('session_attendance_once').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'), late_minutes: eb.ref('excluded.late_minutes'), method: eb.ref('excluded.method'),
        recorded_by_id: eb.ref('excluded.recorded_by_id'), recorded_at: eb.ref('excluded.recorded_at'), updated_at: sql<Date>`now()`,
      })))
      .returning('enrolment_id')
      .execute();
    const resettled = session.settled ? await resettlePeople(tx, session.run_id, written.map((w) => w.enrolment_id)) : 0;
    writeAudit(tx, 'attendance.record', 'RunSession', session.id, {
      runId: session.run_id, marks: values.map((v) => ({ enrolmentId: v.id, status: v.status, ...(v.lateMinutes ? { lateMinutes: v.lateMinutes } : {}) })),
      ...(resettled ? { resettled } : {}),
    });
    return recorded(tx, session, written.map((w) => w.enrolment_id), resettled);
  });
}

/**
 * "Semua hadir": everyone with a seat and no mark yet is marked PRESENT (a mark or check-in already there stays),
 * in one statement, one transaction, one audit row.
 */
export async function markAllPresent(ctx: SignedInOperationContext, sessionId: string): Promise<AttendanceRecorded> {
  const session = await assertCanTakeAttendance(ctx.em, ctx.viewer, sessionId);
  assertMarkable(session);
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const written = await d.insertInto('session_attendance')
      .columns(['session_id', 'enrolment_id', 'status', 'method', 'recorded_by_id', 'recorded_at'])
      .expression((eb) => eb.selectFrom('enrolment as e')
        .select([
          eb.cast<string>(eb.val(session.id), 'uuid').as('session_id'), 'e.id',
          eb.cast<AttendanceStatus>(eb.val(AttendanceStatus.PRESENT), 'text').as('status'),
          eb.cast<AttendanceMethod>(eb.val(AttendanceMethod.ROSTER), 'text').as('method'),
          eb.cast<string>(eb.val(ctx.viewer.personId), 'uuid').as('recorded_by_id'), sql<Date>`now()`.as('recorded_at'),
        ])
        .where('e.run_id', '=', session.run_id).where('e.status', 'in', SEAT_HOLDING))
      .onConflict((oc) => oc.constraint('session_attendance_once').doNothing())
      .returning('enrolment_id')
      .execute();
    const ids = written.map((w) => w.enrolment_id);
    const resettled = session.settled && ids.length ? await resettlePeople(tx, session.run_id, ids) : 0;
    writeAudit(tx, 'attendance.allPresent', 'RunSession', session.id, { runId: session.run_id, marked: ids.length, ...(resettled ? { resettled } : {}) });
    return recorded(tx, session, ids, resettled);
  });
}

async function recorded(tx: { em: SignedInOperationContext['em'] }, session: SessionAccessRow, enrolmentIds: string[], resettled: number): Promise<AttendanceRecorded> {
  const d = db(tx);
  const counts = await countsOf(d, session);
  const rows = enrolmentIds.length
    ? await seatHolders(d, session).select(LINE_COLUMNS).where('e.id', 'in', enrolmentIds).orderBy('p.full_name').orderBy('e.id').execute()
    : [];
  return { session: toAttendanceSession(session), counts, lines: (rows as LineRow[]).map(toLine), resettled };
}

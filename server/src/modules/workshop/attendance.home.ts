import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { SEAT_HOLDING } from '../enrolment/index.js';
import { canTeachRun, CourseRunStatus, loadRunAccess } from '../run/index.js';
import { toAttendanceSession } from './attendance.service.js';
import type { AttendanceToTake } from './attendance.types.js';
import { RunSessionStatus } from './session.entity.js';

const LIST_LIMIT = 20;
/** Sessions older than this no longer wait on the home (the run settles their attendance anyway). */
const LOOK_BACK_DAYS = 14;

/**
 * What waits on an instructor besides outcomes: sessions of runs they teach that have started (running or ended in
 * the last two weeks), whose run is not settled yet and where some seat holder has no mark. One statement, up to
 * 20, the most recent first.
 */
export async function attendanceToTake(ctx: SignedInOperationContext): Promise<AttendanceToTake[]> {
  const rows = await db(ctx).selectFrom('run_session as s')
    .innerJoin('course_run_instructor as ri', (j) => j.onRef('ri.run_id', '=', 's.run_id').on('ri.person_id', '=', ctx.viewer.personId))
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .innerJoinLateral((eb) => eb.selectFrom('enrolment as e')
      .leftJoin('session_attendance as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id').onRef('a.session_id', '=', 's.id'))
      .whereRef('e.run_id', '=', 's.run_id').where('e.status', 'in', SEAT_HOLDING)
      .select([sql<number>`count(*)::int`.as('seat_holders'), sql<number>`count(*) filter (where a.id is null)::int`.as('unmarked')])
      .as('k'), (j) => j.onTrue())
    .select(['s.id', 's.run_id', 'r.code as run_code', 'c.id as course_id', 'c.title as course_title', 's.title', 's.room', 's.starts_at', 's.ends_at',
      's.time_zone', 's.status', 'k.seat_holders', 'k.unmarked'])
    .where('s.status', '=', RunSessionStatus.SCHEDULED)
    .where('r.status', '=', CourseRunStatus.SCHEDULED)
    .where('s.starts_at', '<=', sql<Date>`now()`)
    .where('s.ends_at', '>', sql<Date>`now() - make_interval(days => ${LOOK_BACK_DAYS}::int)`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('workshop_run_settlement as ws').select('ws.run_id').whereRef('ws.run_id', '=', 's.run_id'))))
    .where('k.unmarked', '>', 0)
    .orderBy('s.starts_at', 'desc').orderBy('s.id')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({ session: toAttendanceSession(r), unmarked: r.unmarked, seatHolders: r.seat_holders }));
}

/**
 * A run's sessions with their unmarked seat holders, for its run page: for those who take its attendance (its
 * instructors, its course's managers, platform admins); an empty list for anyone else. Two statements.
 */
export async function runAttendanceSessions(ctx: SignedInOperationContext, runId: string): Promise<AttendanceToTake[]> {
  const access = await loadRunAccess(ctx.em, ctx.viewer, runId);
  if (!access || !canTeachRun(ctx.viewer, access)) return [];
  const rows = await db(ctx).selectFrom('run_session as s')
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .innerJoinLateral((eb) => eb.selectFrom('enrolment as e')
      .leftJoin('session_attendance as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id').onRef('a.session_id', '=', 's.id'))
      .whereRef('e.run_id', '=', 's.run_id').where('e.status', 'in', SEAT_HOLDING)
      .select([sql<number>`count(*)::int`.as('seat_holders'), sql<number>`count(*) filter (where a.id is null)::int`.as('unmarked')])
      .as('k'), (j) => j.onTrue())
    .select(['s.id', 's.run_id', 'r.code as run_code', 'c.id as course_id', 'c.title as course_title', 's.title', 's.room', 's.starts_at', 's.ends_at',
      's.time_zone', 's.status', 'k.seat_holders', 'k.unmarked'])
    .where('s.run_id', '=', runId)
    .orderBy('s.starts_at').orderBy('s.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({ session: toAttendanceSession(r), unmarked: r.unmarked, seatHolders: r.seat_holders }));
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { AttendanceCredit, canManageCourse } from '../course/index.js';
import { RunSessionStatus } from './session.entity.js';

/** A session with what attendance needs of its run and course, and the viewer's relation to it (one statement). */
export interface SessionAccessRow {
  id: string;
  run_id: string;
  title: string | null;
  room: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  status: RunSessionStatus;
  run_code: string;
  course_id: string;
  course_title: string;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  attendance_credit: AttendanceCredit;
  teaches_run: boolean;
  /** The run's attendance was settled (workshop-credit.ts): a change re-settles the person. */
  settled: boolean;
}

async function loadSessionAccess(em: EntityManager, viewer: Viewer, sessionId: string): Promise<SessionAccessRow | null> {
  if (!isUuid(sessionId)) return null;
  const row = await db({ em }).selectFrom('run_session as s')
    .innerJoin('course_run as r', 'r.id', 's.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .select([
      's.id', 's.run_id', 's.title', 's.room', 's.starts_at', 's.ends_at', 's.time_zone', 's.status', 'r.code as run_code',
      'c.id as course_id', 'c.title as course_title', 'c.owner_agency_id', 'c.owner_partner_id', 'c.attendance_credit',
      sql<boolean>`exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ${viewer.personId}::uuid)`.as('teaches_run'),
      sql<boolean>`exists (select 1 from workshop_run_settlement ws where ws.run_id = r.id)`.as('settled'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return row ?? null;
}

/** The run's instructors, its course's managers (canManageCourse) and platform admins take attendance. */
function canTakeAttendance(viewer: Viewer, session: SessionAccessRow): boolean {
  return session.teaches_run || canManageCourse(viewer, session);
}

/** Anyone else is told the session does not exist (NOT_FOUND), learners and other partners' instructors alike. */
export async function assertCanTakeAttendance(em: EntityManager, viewer: Viewer, sessionId: string): Promise<SessionAccessRow> {
  const session = await loadSessionAccess(em, viewer, sessionId);
  if (!session || !canTakeAttendance(viewer, session)) throw new AppError('NOT_FOUND', { what: 'session' });
  return session;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { sql } from 'kysely';
import type { CourseRunStatus } from './run.entity.js';
import { db } from '../../shared/db/kysely.js';
import { canManageCourse, catalogueVisibility, teachesCourse, type CourseAccessRow } from '../course/index.js';

/** What the run policies need about one run for this viewer, in one statement. */
export interface RunAccessRow extends CourseAccessRow {
  run_id: string;
  run_status: CourseRunStatus;
  /** The viewer is an instructor of this run. */
  teaches_run: boolean;
}

/** What the run policies know beyond the columns of the run and its course: the viewer's relation to it (run `r`, course `c`). */
export function runAccessSelections(viewer: Viewer) {
  return [
    catalogueVisibility(viewer).as('visible_to_viewer'),
    teachesCourse(viewer.personId).as('teaches'),
    sql<boolean>`exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ${viewer.personId}::uuid)`.as('teaches_run'),
  ];
}

/** Loads what the run policies need about one run for this viewer, in one statement (in `em`'s transaction if any). */
export async function loadRunAccess(em: EntityManager, viewer: Viewer, runId: string): Promise<RunAccessRow | null> {
  if (!isUuid(runId)) return null;
  const row = await db({ em }).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select(['r.id as run_id', 'r.status as run_status', 'c.id', 'c.status', 'c.visibility', 'c.owner_agency_id', 'c.owner_partner_id'])
    .select(runAccessSelections(viewer))
    .where('r.id', '=', runId)
    .executeTakeFirst();
  return row ?? null;
}

/** Its course's managers and the run's own instructors run a run (rosters, outcomes). */
export function canTeachRun(viewer: Viewer, run: RunAccessRow): boolean {
  return run.teaches_run || canManageCourse(viewer, run);
}

/** Whoever may see the course may see its runs. */
export function canViewRun(viewer: Viewer, run: RunAccessRow): boolean {
  return run.visible_to_viewer || run.teaches || canManageCourse(viewer, run);
}

export async function assertCanViewRun(em: EntityManager, viewer: Viewer, runId: string): Promise<RunAccessRow> {
  const run = await loadRunAccess(em, viewer, runId);
  if (!run || !canViewRun(viewer, run)) throw new AppError('NOT_FOUND', { what: 'run' });
  return run;
}

/** For changes: a run the viewer cannot see is NOT_FOUND; one they can see but not manage is FORBIDDEN. */
export async function assertCanManageRun(em: EntityManager, viewer: Viewer, runId: string): Promise<RunAccessRow> {
  const run = await loadRunAccess(em, viewer, runId);
  if (!run) throw new AppError('NOT_FOUND', { what: 'run' });
  if (!canManageCourse(viewer, run)) throw canViewRun(viewer, run) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { what: 'run' });
  return run;
}

import { db } from '../../shared/db/kysely.js';
import { defineLoader } from '../../shared/graphql/loaders.js';
import { RUN_NOT_ENDED, RUN_START_KEY } from '../course/index.js';
import { runSelections, toCourseRun, type RunRow } from './run.sql.js';
import type { CourseRun } from './run.types.js';

/**
 * Each course's next run: the soonest scheduled run that has not ended (undated = any time, first),
 * whose enrolment may still be open or already closed (its enrolmentClosedReason says). One statement
 * for a whole batch, each course's runs read in order through course_run_course_start_idx.
 */
export const nextRunLoader = defineLoader<string, CourseRun | null>('run.next', async (em, courseIds) => {
  const rows = await db({ em }).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .distinctOn('r.course_id')
    .select(runSelections() as never[])
    .where('r.course_id', 'in', [...courseIds]).where(RUN_NOT_ENDED)
    .orderBy('r.course_id').orderBy(RUN_START_KEY).orderBy('r.id')
    .$castTo<RunRow>()
    .execute();
  const byCourse = new Map(rows.map((r) => [r.run_course_id, toCourseRun(r)]));
  return courseIds.map((id) => byCourse.get(id) ?? null);
});

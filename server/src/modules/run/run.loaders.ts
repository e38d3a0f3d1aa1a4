import { defineLoader } from '../../shared/graphql/loaders.js';
import { notEndedSql } from './enrolment-window.js';
import { RUN_COLUMNS, RUN_ORDER_KEY, toCourseRun, type RunRow } from './run.sql.js';
import type { CourseRun } from './run.types.js';

/**
 * Each course's next run: the soonest scheduled run that has not ended (undated = any time, first),
 * whose enrolment may still be open or already closed (its enrolmentClosedReason says). One statement
 * for a whole catalogue page, each course's run found through course_run_course_start_idx.
 */
export const nextRunLoader = defineLoader<string, CourseRun | null>('run.next', async (em, courseIds) => {
  const rows = await em.execute<(RunRow & { key: string })[]>(
    `select k.id as key, x.* from unnest(array[?]::uuid[]) as k(id)
       cross join lateral (
         select ${RUN_COLUMNS} from course_run r join course c on c.id = r.course_id
          where r.course_id = k.id and ${notEndedSql('r')}
          order by ${RUN_ORDER_KEY}, r.id limit 1) x`,
    [[...courseIds]],
  );
  const byCourse = new Map(rows.map((r) => [r.key, toCourseRun(r)]));
  return courseIds.map((id) => byCourse.get(id) ?? null);
});

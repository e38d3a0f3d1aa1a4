import { sql } from 'kysely';
import { readOnCoursePage } from '../course/index.js';
import { CURRENT } from './enrolment.entity.js';
import { personCourseEnrolmentLoader, personKey, personRunEnrolmentLoader } from './enrolment.loaders.js';
import { ENROLMENT_COLUMNS, ENROLMENT_JOINS, toEnrolment, type EnrolmentRow } from './enrolment.queries.js';

const current = new Set<string>(CURRENT);

/** The enrolment Course.viewerEnrolment shows: the current one, else the latest (as personCourseEnrolmentLoader orders them). */
function shownOnCourse(rows: EnrolmentRow[]): EnrolmentRow | null {
  const rank = (r: EnrolmentRow) => [current.has(r.status) ? 1 : 0, new Date(r.requested_at).getTime(), r.id] as const;
  let best: EnrolmentRow | null = null;
  for (const row of rows) {
    if (!best) {
      best = row;
      continue;
    }
    const [a, b] = [rank(row), rank(best)];
    if (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]) best = row;
  }
  return best;
}

/*
 * A course's page shows the viewer's enrolment in the course and in each of its runs: all the viewer's
 * enrolments in the course (a handful) are read in the course's own statement and prime the two loaders
 * those fields use, so they run no statement of their own.
 */
readOnCoursePage({
  name: 'viewer_enrolments',
  select: (viewer, courseId) => sql`(select coalesce(json_agg(x), '[]'::json) from (select ${sql.raw(ENROLMENT_COLUMNS)}
    from enrolment e ${sql.raw(ENROLMENT_JOINS)} where e.person_id = ${viewer.personId}::uuid and e.course_id = ${courseId}::uuid) x)`,
  apply: (ctx, value, course) => {
    const rows = (value ?? []) as EnrolmentRow[];
    const me = ctx.viewer.personId;
    const shown = shownOnCourse(rows);
    ctx.loaders.get(personCourseEnrolmentLoader).prime(personKey(me, course.id), shown ? toEnrolment(shown) : null);
    const byRun = new Map(rows.map((r) => [r.run_id, r]));
    for (const run of course.preloadedRuns?.rows ?? []) {
      const row = byRun.get(run.run_id);
      ctx.loaders.get(personRunEnrolmentLoader).prime(personKey(me, run.run_id), row ? toEnrolment(row) : null);
    }
  },
});

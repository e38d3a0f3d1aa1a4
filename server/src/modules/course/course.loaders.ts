import { db } from '../../shared/db/kysely.js';
import { byKeys, defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import { coursesByIds } from './course.sql.js';
import type { Course, CourseAgency } from './course.types.js';

/** Courses by id (a run's course), with their owners, in one statement. Callers have checked the viewer may see them. */
export const courseByIdLoader = defineLoader<string, Course | null>('course.byId', async (em, ids) => {
  const courses = await coursesByIds(em, ids);
  return byKeys(ids, courses, (c) => c.id, (c) => c, null);
});

export const courseVisibleAgenciesLoader = defineLoader<string, CourseAgency[]>('course.visibleAgencies', async (em, courseIds) => {
  const rows = await db({ em }).selectFrom('course_visible_agency as v')
    .innerJoin('agency as a', 'a.id', 'v.agency_id')
    .select(['v.course_id', 'a.id', 'a.name'])
    .where('v.course_id', 'in', [...courseIds])
    .orderBy('a.name').orderBy('a.id')
    .execute();
  return groupByKeys(courseIds, rows, (r) => r.course_id).map((list) => list.map((r) => ({ id: r.id, name: r.name })));
});

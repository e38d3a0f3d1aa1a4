import { defineLoader } from '../../shared/graphql/loaders.js';
import { ENROLMENT_COLUMNS, ENROLMENT_JOINS, toEnrolment, type EnrolmentRow } from './enrolment.queries.js';
import type { Enrolment } from './enrolment.types.js';

/** Key of "this person's enrolment in this course" (a DataLoader caches by value, so a string). */
export const personCourseKey = (personId: string, courseId: string) => `${personId}:${courseId}`;

/**
 * A person's enrolment in each of a batch of courses (one row per person and course at most), in one
 * statement whatever the batch size. Keys come from one viewer per request, so the two `any` lists
 * select exactly the asked pairs; the map below keeps only those anyway.
 */
export const personCourseEnrolmentLoader = defineLoader<string, Enrolment | null>('enrolment.byPersonCourse', async (em, keys) => {
  const pairs = keys.map((k) => k.split(':') as [string, string]);
  const rows = await em.execute<EnrolmentRow[]>(
    `select ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS}
      where e.person_id = any(array[?]::uuid[]) and e.course_id = any(array[?]::uuid[])`,
    [[...new Set(pairs.map(([p]) => p))], [...new Set(pairs.map(([, c]) => c))]],
  );
  const byKey = new Map(rows.map((r) => [personCourseKey(r.person_id, r.course_id), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row ? toEnrolment(row) : null;
  });
});

/** Which of a batch of person–course pairs are "this person teaches this course", in one statement. */
export const teachesCourseLoader = defineLoader<string, boolean>('enrolment.teachesCourse', async (em, keys) => {
  const pairs = keys.map((k) => k.split(':') as [string, string]);
  const rows = await em.execute<{ person_id: string; course_id: string }[]>(
    `select person_id, course_id from course_instructor
      where person_id = any(array[?]::uuid[]) and course_id = any(array[?]::uuid[])`,
    [[...new Set(pairs.map(([p]) => p))], [...new Set(pairs.map(([, c]) => c))]],
  );
  const taught = new Set(rows.map((r) => personCourseKey(r.person_id, r.course_id)));
  return keys.map((k) => taught.has(k));
});

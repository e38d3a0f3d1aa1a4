import { defineLoader } from '../../shared/graphql/loaders.js';
import { CURRENT } from './enrolment.entity.js';
import { ENROLMENT_COLUMNS, ENROLMENT_JOINS, toEnrolment, type EnrolmentRow } from './enrolment.queries.js';
import type { Enrolment } from './enrolment.types.js';

/** Key of "this person and this course (or run)" (a DataLoader caches by value, so a string). */
export const personKey = (personId: string, id: string) => `${personId}:${id}`;

const pairsOf = (keys: readonly string[]) => {
  const pairs = keys.map((k) => k.split(':') as [string, string]);
  return [[...new Set(pairs.map(([p]) => p))], [...new Set(pairs.map(([, x]) => x))]];
};

/**
 * A person's enrolment in each of a batch of courses, in any run: the current one (requested, waiting,
 * active or completed: at most one, enrolment_one_current_per_course) or else the latest (failed,
 * withdrawn, rejected), so a course card can offer a retake. One statement whatever the batch size.
 */
export const personCourseEnrolmentLoader = defineLoader<string, Enrolment | null>('enrolment.byPersonCourse', async (em, keys) => {
  const [people, courses] = pairsOf(keys);
  const rows = await em.execute<EnrolmentRow[]>(
    `select distinct on (e.person_id, e.course_id) ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS}
      where e.person_id = any(array[?]::uuid[]) and e.course_id = any(array[?]::uuid[])
      order by e.person_id, e.course_id, (e.status in (?)) desc, e.requested_at desc, e.id desc`,
    [people, courses, CURRENT],
  );
  const byKey = new Map(rows.map((r) => [personKey(r.person_id, r.course_id), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row ? toEnrolment(row) : null;
  });
});

/** A person's enrolment in each of a batch of runs (one per person and run at most), in one statement. */
export const personRunEnrolmentLoader = defineLoader<string, Enrolment | null>('enrolment.byPersonRun', async (em, keys) => {
  const [people, runs] = pairsOf(keys);
  const rows = await em.execute<EnrolmentRow[]>(
    `select ${ENROLMENT_COLUMNS} from enrolment e ${ENROLMENT_JOINS}
      where e.person_id = any(array[?]::uuid[]) and e.run_id = any(array[?]::uuid[])`,
    [people, runs],
  );
  const byKey = new Map(rows.map((r) => [personKey(r.person_id, r.run_id), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row ? toEnrolment(row) : null;
  });
});

/** Which of a batch of person–run pairs are "this person teaches this run", in one statement. */
export const teachesRunLoader = defineLoader<string, boolean>('enrolment.teachesRun', async (em, keys) => {
  const [people, runs] = pairsOf(keys);
  const rows = await em.execute<{ person_id: string; run_id: string }[]>(
    `select person_id, run_id from course_run_instructor
      where person_id = any(array[?]::uuid[]) and run_id = any(array[?]::uuid[])`,
    [people, runs],
  );
  const taught = new Set(rows.map((r) => personKey(r.person_id, r.run_id)));
  return keys.map((k) => taught.has(k));
});

import { db } from '../../shared/db/kysely.js';
import { preparedQuery } from '../../shared/db/prepared.js';
import { defineLoader } from '../../shared/graphql/loaders.js';
import { CURRENT } from './enrolment.entity.js';
import { selectEnrolments, toEnrolment } from './enrolment.queries.js';
import type { Enrolment } from './enrolment.types.js';

/** Key of "this person and this course (or run)" (a DataLoader caches by value, so a string). */
export const personKey = (personId: string, id: string) => `${personId}:${id}`;

const pairsOf = (keys: readonly string[]) => {
  const pairs = keys.map((k) => k.split(':') as [string, string]);
  return [[...new Set(pairs.map(([p]) => p))], [...new Set(pairs.map(([, x]) => x))]];
};

/*
 * These run on every catalogue and run page that shows the viewer's own enrolments: prepared statements
 * (one text whatever the batch size: the keys go as arrays, `= any($n)`), outside any transaction.
 */

/**
 * A person's enrolment in each of a batch of courses, in any run: the current one (requested, waiting,
 * active or completed: at most one, enrolment_one_current_per_course) or else the latest (failed,
 * withdrawn, rejected), so a course card can offer a retake. One statement whatever the batch size.
 */
export const personCourseEnrolmentLoader = defineLoader<string, Enrolment | null>('enrolment.byPersonCourse', async (em, keys) => {
  const [people, courses] = pairsOf(keys);
  const rows = await preparedQuery(em, selectEnrolments(db({ em }))
    .distinctOn(['e.person_id', 'e.course_id'])
    .where((eb) => eb.and([eb('e.person_id', '=', eb.fn.any(eb.val(people))), eb('e.course_id', '=', eb.fn.any(eb.val(courses)))]))
    .orderBy('e.person_id').orderBy('e.course_id')
    .orderBy((eb) => eb('e.status', '=', eb.fn.any(eb.val(CURRENT))), 'desc')
    .orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc'));
  const byKey = new Map(rows.map((r) => [personKey(r.person_id, r.course_id), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row ? toEnrolment(row) : null;
  });
});

/** A person's enrolment in each of a batch of runs (one per person and run at most), in one statement. */
export const personRunEnrolmentLoader = defineLoader<string, Enrolment | null>('enrolment.byPersonRun', async (em, keys) => {
  const [people, runs] = pairsOf(keys);
  const rows = await preparedQuery(em, selectEnrolments(db({ em }))
    .where((eb) => eb.and([eb('e.person_id', '=', eb.fn.any(eb.val(people))), eb('e.run_id', '=', eb.fn.any(eb.val(runs)))])));
  const byKey = new Map(rows.map((r) => [personKey(r.person_id, r.run_id), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row ? toEnrolment(row) : null;
  });
});

import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import { runSelections, toCourseRun, type RunRow } from '../run/index.js';
import type { CohortItemRun } from './build.types.js';

/** Each cohort's item runs in path order, each with its item and its run (instructors included): one statement per batch. */
export const cohortItemRunsLoader = defineLoader<string, CohortItemRun[]>('programme.cohortItemRuns', async (em, cohortIds) => {
  const rows = await db({ em }).selectFrom('cohort_item_run as cir')
    .innerJoin('programme_item as i', 'i.id', 'cir.item_id')
    .innerJoin('course_run as r', 'r.id', 'cir.run_id')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .select(['cir.id as cir_id', 'cir.cohort_id', 'i.id as item_id', 'i.programme_id', 'i.course_id as item_course_id', 'i.position', 'i.required', 'i.group_id'])
    .select(runSelections() as never[])
    .where('cir.cohort_id', '=', sql<string>`any(${[...new Set(cohortIds)]}::uuid[])`)
    .orderBy('cir.cohort_id').orderBy('i.position').orderBy('i.id')
    .execute() as unknown as (RunRow & {
      cir_id: string; cohort_id: string; item_id: string; programme_id: string; item_course_id: string; position: number; required: boolean; group_id: string | null;
    })[];
  return groupByKeys(cohortIds, rows, (r) => r.cohort_id).map((list) => list.map((r) => ({
    id: r.cir_id,
    item: { id: r.item_id, programmeId: r.programme_id, courseId: r.item_course_id, position: r.position, required: r.required, groupId: r.group_id },
    run: toCourseRun(r),
  })));
});

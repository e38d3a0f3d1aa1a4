import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import { cohortColumns, toCohort, toQuota, type CohortRow } from './programme.sql.js';
import type { CohortAgencyQuota, ProgrammeCohort, ProgrammeGroup, ProgrammeItem } from './programme.types.js';

/*
 * Batch loaders of a programme's parts: one statement per list of programmes (or cohorts) in a request. A path holds
 * few items and a programme few cohorts at a time (MAX_ITEMS, MAX_COHORTS in the build area), so they are not paged.
 */

export const programmeItemsLoader = defineLoader<string, ProgrammeItem[]>('programme.items', async (em, programmeIds) => {
  const rows = await db({ em }).selectFrom('programme_item as i')
    .select(['i.id', 'i.programme_id', 'i.course_id', 'i.position', 'i.required', 'i.group_id'])
    .where('i.programme_id', '=', sql<string>`any(${[...new Set(programmeIds)]}::uuid[])`)
    .orderBy('i.programme_id').orderBy('i.position').orderBy('i.id')
    .execute();
  return groupByKeys(programmeIds, rows, (r) => r.programme_id).map((list) => list.map((r) => ({
    id: r.id, programmeId: r.programme_id, courseId: r.course_id, position: r.position, required: r.required, groupId: r.group_id,
  })));
});

export const programmeGroupsLoader = defineLoader<string, ProgrammeGroup[]>('programme.groups', async (em, programmeIds) => {
  const rows = await db({ em }).selectFrom('programme_group as g')
    .select(['g.id', 'g.programme_id', 'g.title', 'g.min_completed'])
    .where('g.programme_id', '=', sql<string>`any(${[...new Set(programmeIds)]}::uuid[])`)
    .orderBy('g.programme_id').orderBy('g.created_at').orderBy('g.id')
    .execute();
  return groupByKeys(programmeIds, rows, (r) => r.programme_id).map((list) => list.map((r) => ({ id: r.id, title: r.title, minCompleted: r.min_completed })));
});

/** A programme's cohorts, latest start first (cancelled ones included: `status` says). */
export const programmeCohortsLoader = defineLoader<string, ProgrammeCohort[]>('programme.cohorts', async (em, programmeIds) => {
  const rows = await db({ em }).selectFrom('programme_cohort as c')
    .select([...cohortColumns])
    .where('c.programme_id', '=', sql<string>`any(${[...new Set(programmeIds)]}::uuid[])`)
    .orderBy('c.programme_id').orderBy('c.starts_at', 'desc').orderBy('c.id')
    .execute() as CohortRow[];
  return groupByKeys(programmeIds, rows, (r) => r.programme_id).map((list) => list.map(toCohort));
});

/** Each cohort's participating agencies with their seats, by agency name. */
export const cohortQuotasLoader = defineLoader<string, CohortAgencyQuota[]>('programme.cohortQuotas', async (em, cohortIds) => {
  const rows = await db({ em }).selectFrom('cohort_agency_quota as q')
    .innerJoin('agency as a', 'a.id', 'q.agency_id')
    .select(['q.id', 'q.cohort_id', 'q.agency_id', 'a.name as agency_name', 'q.seats', 'q.seats_taken'])
    .where('q.cohort_id', '=', sql<string>`any(${[...new Set(cohortIds)]}::uuid[])`)
    .orderBy('q.cohort_id').orderBy('a.name').orderBy('q.id')
    .execute();
  return groupByKeys(cohortIds, rows, (r) => r.cohort_id).map((list) => list.map(toQuota));
});

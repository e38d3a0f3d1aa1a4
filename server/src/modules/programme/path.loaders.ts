import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { byKeys, defineLoader } from '../../shared/graphql/loaders.js';
import { PARTICIPANT_CURRENT } from './programme.entity.js';
import { cohortColumns, programmeColumns, programmesWithOwners, toCohort, toProgramme, type CohortRow, type ProgrammeRow } from './programme.sql.js';
import type { Programme, ProgrammeCohort } from './programme.types.js';
import { readPaths, toProgress } from './path.progress.js';
import { participationColumns, toParticipation, type ParticipationRow } from './path.sql.js';
import type { ProgrammeParticipation, ProgrammeProgress } from './path.types.js';

/** Progress of participants, by participant id: two statements per request whatever the number (path.progress.ts). */
export const participantProgressLoader = defineLoader<string, ProgrammeProgress | null>('path.progress', async (em, participantIds) => {
  const paths = await readPaths(em, participantIds);
  return participantIds.map((id) => {
    const path = paths.get(id);
    return path ? toProgress(path) : null;
  });
});

/**
 * A person's participation in a programme, keyed `personId:programmeId`: the current one (requested, nominated or
 * completed) of the latest cohort, else the latest of any state. One statement per request.
 */
export const viewerParticipationLoader = defineLoader<string, ProgrammeParticipation | null>('path.viewerParticipation', async (em, keys) => {
  const pairs = keys.map((k) => k.split(':'));
  const rows = await db({ em }).selectFrom('cohort_participant as cp')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .select([...participationColumns, 'cp.created_at'])
    .where('cp.person_id', '=', sql<string>`any(${[...new Set(pairs.map((p) => p[0]))]}::uuid[])`)
    .where('c.programme_id', '=', sql<string>`any(${[...new Set(pairs.map((p) => p[1]))]}::uuid[])`)
    // Current ones first, then the latest cohort: the first row of each pair is the one shown.
    .orderBy(sql`cp.status in (${sql.join(PARTICIPANT_CURRENT)})`, 'desc').orderBy('c.starts_at', 'desc').orderBy('cp.created_at', 'desc')
    .execute() as ParticipationRow[];
  const first = new Map<string, ParticipationRow>();
  for (const r of rows) if (!first.has(`${r.person_id}:${r.programme_id}`)) first.set(`${r.person_id}:${r.programme_id}`, r);
  return keys.map((k) => (first.has(k) ? toParticipation(first.get(k)!) : null));
});

/** Programmes by id with their owners (for the participations of a page), one statement per request. */
export const programmeByIdLoader = defineLoader<string, Programme | null>('path.programmeById', async (em, ids) => {
  const rows = await programmesWithOwners({ em }).select([...programmeColumns])
    .where('p.id', '=', sql<string>`any(${[...new Set(ids)]}::uuid[])`)
    .execute() as ProgrammeRow[];
  return byKeys(ids, rows, (r) => r.id, toProgramme, null);
});

/** Cohorts by id, one statement per request. */
export const cohortByIdLoader = defineLoader<string, ProgrammeCohort | null>('path.cohortById', async (em, ids) => {
  const rows = await db({ em }).selectFrom('programme_cohort as c').select([...cohortColumns])
    .where('c.id', '=', sql<string>`any(${[...new Set(ids)]}::uuid[])`)
    .execute() as CohortRow[];
  return byKeys(ids, rows, (r) => r.id, toCohort, null);
});

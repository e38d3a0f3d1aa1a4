import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { defineLoader } from '../../shared/graphql/loaders.js';
import { seesOnlineLink } from '../enrolment/index.js';
import { MATERIAL_COLUMNS, SESSION_COLUMNS, type MaterialRow, type SessionRow } from './session.sql.js';

/** Loader key: the viewer and a run (a loader lives for one request, but its batch function knows no viewer). */
export const viewerRunKey = (personId: string, runId: string) => `${personId}:${runId}`;

function split(keys: readonly string[]): { personId: string; runIds: string[] } {
  const runIds = keys.map((k) => k.slice(k.indexOf(':') + 1));
  // One request has one viewer: every key names the same person.
  return { personId: keys[0].slice(0, keys[0].indexOf(':')), runIds: [...new Set(runIds)] };
}

export interface RunSessions {
  rows: SessionRow[];
  /** The viewer's enrolment status in the run (null: none): who may see the online links. */
  viewerStatus: string | null;
}

/**
 * Each run's sessions (all of them: a run holds at most MAX_SESSIONS_PER_RUN), soonest first, with the viewer's
 * enrolment status in the run, for a whole list of runs in one statement (run_session_run_start_idx).
 */
export const runSessionsLoader = defineLoader<string, RunSessions>('workshop.runSessions', async (em, keys) => {
  const { personId, runIds } = split(keys);
  const [sessions, statuses] = await Promise.all([
    db({ em }).selectFrom('run_session as s').select(SESSION_COLUMNS)
      .where('s.run_id', '=', sql<string>`any(${runIds}::uuid[])`)
      .orderBy('s.run_id').orderBy('s.starts_at').orderBy('s.id')
      .execute() as Promise<SessionRow[]>,
    db({ em }).selectFrom('enrolment as e').select(['e.run_id', 'e.status'])
      .where('e.person_id', '=', personId).where('e.run_id', '=', sql<string>`any(${runIds}::uuid[])`)
      .execute(),
  ]);
  const byRun = new Map<string, SessionRow[]>();
  for (const row of sessions) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
  // A person may have an old (withdrawn) enrolment beside the current one: a seat-holding one decides.
  const statusOf = new Map<string, string>();
  for (const s of statuses) if (!statusOf.has(s.run_id) || seesOnlineLink(false, s.status)) statusOf.set(s.run_id, s.status);
  return keys.map((k) => {
    const runId = k.slice(k.indexOf(':') + 1);
    return { rows: byRun.get(runId) ?? [], viewerStatus: statusOf.get(runId) ?? null };
  });
});

/** Each run's materials (at most MAX_MATERIALS_PER_RUN), oldest first, never their content; one statement per batch. */
export const runMaterialsLoader = defineLoader<string, MaterialRow[]>('workshop.runMaterials', async (em, runIds) => {
  const rows = await db({ em }).selectFrom('run_material as m').select(MATERIAL_COLUMNS)
    .where('m.run_id', '=', sql<string>`any(${[...new Set(runIds)]}::uuid[])`)
    .orderBy('m.run_id').orderBy('m.created_at').orderBy('m.id')
    .execute() as MaterialRow[];
  const byRun = new Map<string, MaterialRow[]>();
  for (const row of rows) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
  return runIds.map((id) => byRun.get(id) ?? []);
});

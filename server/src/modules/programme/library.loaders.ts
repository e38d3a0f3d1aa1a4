import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { byKeys, defineLoader } from '../../shared/graphql/loaders.js';
import { CourseOwnerKind } from '../course/index.js';
import { evidenceColumns, evidenceLateral, toEvidence, type EvidenceFigures, type EvidenceRow } from './library.sql.js';
import type { ProgrammeCredit } from './library.types.js';

/** The evidence of each programme, one statement per batch (the library primes it with its page's rows). */
export const programmeEvidenceLoader = defineLoader<string, EvidenceFigures>('programme.evidence', async (em, programmeIds) => {
  const ids = [...new Set(programmeIds)];
  const { rows } = await sql<EvidenceRow & { id: string }>`
    select p.id, ${evidenceColumns}
      from programme p cross join ${evidenceLateral}
     where p.id = any(${ids}::uuid[])`.execute(db({ em }));
  const empty = toEvidence({ ev_cohorts_run: 0, ev_participants: 0, ev_completed: 0, ev_ratings: 0, ev_rating_sum: 0, ev_jp: 0, ev_total_cost: 0, ev_agencies: 0, ev_cohorts: [] });
  return byKeys(programmeIds, rows, (r) => r.id, toEvidence, empty);
});

/** What a copy credits of the programme it came from (title and owner), whoever reads the copy. */
export const programmeCreditLoader = defineLoader<string, ProgrammeCredit | null>('programme.credit', async (em, programmeIds) => {
  const rows = await db({ em }).selectFrom('programme as p')
    .leftJoin('agency as oa', 'oa.id', 'p.owner_agency_id')
    .leftJoin('partner_institution as op', 'op.id', 'p.owner_partner_id')
    .select(['p.id', 'p.title', 'p.owner_agency_id', 'p.owner_partner_id', 'oa.name as agency_name', 'op.name as partner_name', 'p.shared_at', 'p.status'])
    .where('p.id', '=', sql<string>`any(${[...new Set(programmeIds)]}::uuid[])`)
    .execute();
  return byKeys(programmeIds, rows, (r) => r.id, (r): ProgrammeCredit => ({
    id: r.id, title: r.title,
    owner: r.owner_agency_id
      ? { id: r.owner_agency_id, name: r.agency_name ?? '', kind: CourseOwnerKind.AGENCY }
      : { id: r.owner_partner_id!, name: r.partner_name ?? '', kind: CourseOwnerKind.PARTNER },
    shared: !!r.shared_at && r.status === 'PUBLISHED',
  }), null);
});

/** How many agencies' copies were made of each programme (direct adoptions); the library primes it. */
export const adoptionCountLoader = defineLoader<string, number>('programme.adoptionCount', async (em, programmeIds) => {
  const rows = await db({ em }).selectFrom('programme as a')
    .select(['a.adopted_from_id', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where('a.adopted_from_id', '=', sql<string>`any(${[...new Set(programmeIds)]}::uuid[])`)
    .groupBy('a.adopted_from_id')
    .execute();
  return byKeys(programmeIds, rows, (r) => r.adopted_from_id!, (r) => r.n, 0);
});

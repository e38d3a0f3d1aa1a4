import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { partnerAdminIds } from '../course/index.js';
import { ProgrammeStatus } from './programme.entity.js';

export interface ProgrammeAccessRow {
  id: string;
  status: ProgrammeStatus;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  shared_at: Date | null;
  /** The viewer's agency holds a quota in a cohort of it (its people may be nominated or apply). */
  participates: boolean;
  /** The viewer is a participant (in any state) of a cohort of it, or teaches one of its cohorts' item runs. */
  takes_part: boolean;
}

/** Agency admins of the owner, partner admins of the owner, and platform admins manage a programme. */
export function canManageProgramme(viewer: Viewer, programme: Pick<ProgrammeAccessRow, 'owner_agency_id' | 'owner_partner_id'>): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (programme.owner_agency_id && viewer.administersAgency(programme.owner_agency_id)) return true;
  return !!programme.owner_partner_id && partnerAdminIds(viewer).includes(programme.owner_partner_id);
}

/**
 * Who may open a programme: its managers; anyone who takes part in it (participant or instructor); once published,
 * the people of its owner agency and of agencies with a quota in one of its cohorts; and once shared, any agency
 * admin (the library is where agencies find programmes to adopt). Everyone else gets NOT_FOUND.
 */
export function canViewProgramme(viewer: Viewer, programme: ProgrammeAccessRow): boolean {
  if (canManageProgramme(viewer, programme) || programme.takes_part) return true;
  if (programme.status === ProgrammeStatus.DRAFT) return false;
  if (programme.shared_at && viewer.adminAgencyIds.length > 0) return true;
  return programme.status === ProgrammeStatus.PUBLISHED && (programme.participates || (!!viewer.agencyId && programme.owner_agency_id === viewer.agencyId));
}

/** Loads what the programme policies need about one programme for this viewer, in one statement. */
export async function loadProgrammeAccess(em: EntityManager, viewer: Viewer, programmeId: string): Promise<ProgrammeAccessRow | null> {
  if (!isUuid(programmeId)) return null;
  const agencyId = viewer.agencyId;
  const row = await db({ em }).selectFrom('programme as p')
    .select(['p.id', 'p.status', 'p.owner_agency_id', 'p.owner_partner_id', 'p.shared_at'])
    .select((eb) => [
      eb.exists(eb.selectFrom('cohort_agency_quota as q').innerJoin('programme_cohort as c', 'c.id', 'q.cohort_id')
        .select(sql.lit(1).as('one')).whereRef('c.programme_id', '=', 'p.id')
        // No agency (a partner's staff): no participating agency either.
        .where('q.agency_id', '=', sql<string>`${agencyId}::uuid`)).$castTo<boolean>().as('participates'),
      eb.or([
        eb.exists(eb.selectFrom('cohort_participant as cp').innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
          .select(sql.lit(1).as('one')).whereRef('c.programme_id', '=', 'p.id').where('cp.person_id', '=', viewer.personId)),
        eb.exists(eb.selectFrom('cohort_item_run as cir').innerJoin('programme_cohort as c', 'c.id', 'cir.cohort_id')
          .innerJoin('course_run_instructor as ri', 'ri.run_id', 'cir.run_id')
          .select(sql.lit(1).as('one')).whereRef('c.programme_id', '=', 'p.id').where('ri.person_id', '=', viewer.personId)),
      ]).$castTo<boolean>().as('takes_part'),
    ])
    .where('p.id', '=', programmeId)
    .executeTakeFirst();
  return row ?? null;
}

/** A programme the viewer may open, or NOT_FOUND. */
export async function assertCanViewProgramme(em: EntityManager, viewer: Viewer, programmeId: string): Promise<ProgrammeAccessRow> {
  const programme = await loadProgrammeAccess(em, viewer, programmeId);
  if (!programme || !canViewProgramme(viewer, programme)) throw new AppError('NOT_FOUND', { what: 'programme' });
  return programme;
}

/** For changes: a programme the viewer cannot see is NOT_FOUND; one they can see but not manage is FORBIDDEN. */
export async function assertCanManageProgramme(em: EntityManager, viewer: Viewer, programmeId: string): Promise<ProgrammeAccessRow> {
  const programme = await loadProgrammeAccess(em, viewer, programmeId);
  if (!programme) throw new AppError('NOT_FOUND', { what: 'programme' });
  if (!canManageProgramme(viewer, programme)) {
    throw canViewProgramme(viewer, programme) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { what: 'programme' });
  }
  return programme;
}

import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, type Database } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { toDate } from '../enrolment/index.js';
import { normalizeNip } from '../person/index.js';
import { ParticipantStatus } from './programme.entity.js';
import { canManageProgramme } from './programme.policy.js';
import { readProgramme } from './programme.queries.js';
import { toCohort, type CohortRow, cohortColumns } from './programme.sql.js';
import { nominatingAgencies, visibleCohort } from './nomination.service.js';
import type { CohortApplication, CohortNominations, ParticipantNode } from './nomination.types.js';

/** Participants are listed by agency, then name: the roster groups them by agency as it pages. */
const participantCursor = keysetCursor('text', 'text', 'uuid');
const applicationCursor = keysetCursor('timestamp', 'uuid');

interface ParticipantRow {
  id: string; cohort_id: string; person_id: string; agency_id: string; status: ParticipantStatus; created_at: Date;
  completed_at: Date | null; rating: number | null; rating_comment: string | null; note: string | null;
  full_name: string; agency_name: string; nip: string | null; nidn: string | null; supervisor_id: string | null; person_agency_id: string | null;
}

type ParticipantTables = Database & { cp: Database['cohort_participant']; p: Database['person']; a: Database['agency'] };

function participantsQuery(ctx: { em: SignedInOperationContext['em'] }) {
  return db(ctx).selectFrom('cohort_participant as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .innerJoin('agency as a', 'a.id', 'cp.agency_id');
}

const PARTICIPANT_COLUMNS = [
  'cp.id', 'cp.cohort_id', 'cp.person_id', 'cp.agency_id', 'cp.status', 'cp.created_at', 'cp.completed_at', 'cp.rating',
  'cp.rating_comment', 'cp.note', 'p.full_name', 'a.name as agency_name', 'p.nip', 'p.nidn', 'p.supervisor_id', 'p.agency_id as person_agency_id',
] as const;

function toParticipant(r: ParticipantRow): ParticipantNode {
  return {
    id: r.id, cohortId: r.cohort_id, status: r.status, personId: r.person_id, fullName: r.full_name, agencyId: r.agency_id,
    agencyName: r.agency_name, createdAt: toDate(r.created_at), completedAt: toDate(r.completed_at), rating: r.rating, ratingComment: r.rating_comment,
    note: r.note,
    identity: { personId: r.person_id, agencyId: r.person_agency_id, supervisorId: r.supervisor_id, nip: r.nip, nidn: r.nidn },
  };
}

/** Participant rows by id, in the order given (mutation results; the caller has just been allowed to act on them). */
export async function readParticipants(ctx: SignedInOperationContext, ids: string[]): Promise<ParticipantNode[]> {
  if (ids.length === 0) return [];
  const rows = await participantsQuery(ctx).select([...PARTICIPANT_COLUMNS]).where('cp.id', '=', sql<string>`any(${ids}::uuid[])`).execute() as ParticipantRow[];
  const byId = new Map(rows.map((r) => [r.id, toParticipant(r)]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * Who sees which participants of a cohort: the programme's managers and the instructors of the cohort's item runs
 * see everyone; an agency admin their agencies' people; anyone else (a learner) only themselves. One statement.
 */
async function participantScope(ctx: SignedInOperationContext, cohortId: string, programme: Parameters<typeof canManageProgramme>[1]): Promise<{ all: boolean }> {
  if (canManageProgramme(ctx.viewer, programme)) return { all: true };
  const teaches = await db(ctx).selectFrom('cohort_item_run as cir')
    .innerJoin('course_run_instructor as ri', 'ri.run_id', 'cir.run_id')
    .select('cir.id')
    .where('cir.cohort_id', '=', cohortId).where('ri.person_id', '=', ctx.viewer.personId)
    .limit(1)
    .executeTakeFirst();
  return { all: !!teaches };
}

/**
 * A page of a cohort's participants the viewer may see (all statuses: withdrawn and replaced ones are history the
 * admin reads too). Bounded: the scope, the count when asked, the page.
 */
export async function cohortParticipants(
  ctx: SignedInOperationContext, cohort: { id: string; programmeId: string },
  args: { first: number; after?: string | null; search?: string | null }, wantsTotal: boolean,
): Promise<Page<ParticipantNode>> {
  const access = await visibleCohort(ctx, cohort.id);
  const { all } = await participantScope(ctx, cohort.id, access.programme);
  const { viewer } = ctx;
  const search = args.search?.trim();
  const digits = search ? normalizeNip(search) : '';
  const filter = (eb: ExpressionBuilder<ParticipantTables, 'cp' | 'p' | 'a'>) => {
    const where: Expression<SqlBool>[] = [eb('cp.cohort_id', '=', cohort.id)];
    if (!all) {
      const mine: Expression<SqlBool>[] = [eb('cp.person_id', '=', viewer.personId)];
      if (viewer.adminAgencyIds.length) mine.push(eb('cp.agency_id', '=', sql<string>`any(${viewer.adminAgencyIds}::uuid[])`));
      if (viewer.isPlatformAdmin) mine.push(eb.lit(true));
      where.push(eb.or(mine));
    }
    // A NIP search only matches people whose NIP the viewer may read in full (their agency's, or a platform admin).
    if (search && /^\d+$/.test(digits)) {
      where.push(eb('p.nip', 'like', `${digits}%`));
      if (!viewer.isPlatformAdmin) where.push(eb('p.agency_id', '=', sql<string>`any(${viewer.adminAgencyIds}::uuid[])`));
    } else if (search) where.push(eb('p.full_name', 'ilike', `%${escapeLike(search)}%`));
    return eb.and(where);
  };
  const cursor = participantCursor.decode(args.after);
  const rows = await participantsQuery(ctx).select([...PARTICIPANT_COLUMNS])
    .where(filter)
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('a.name', 'p.full_name', 'cp.id'), '>', eb.tuple(cursor![0], cursor![1], cursor![2]))))
    .orderBy('a.name').orderBy('p.full_name').orderBy('cp.id')
    .limit(args.first + 1)
    .execute() as ParticipantRow[];
  const total = async () => {
    const { n } = await participantsQuery(ctx).where(filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return n;
  };
  return toPage(rows, args.first, wantsTotal ? await total() : total, toParticipant, (r) => participantCursor.encode([r.agency_name, r.full_name, r.id]));
}

/** The cohort for its nominations screen or roster, with what the viewer may do there. */
export async function cohortNominations(ctx: SignedInOperationContext, cohortId: string): Promise<CohortNominations> {
  const access = await visibleCohort(ctx, cohortId);
  const row = await db(ctx).selectFrom('programme_cohort as c').select([...cohortColumns]).where('c.id', '=', cohortId).executeTakeFirstOrThrow() as CohortRow;
  const programme = await readProgramme(ctx, access.programme_id);
  if (!programme) throw new AppError('NOT_FOUND', { what: 'cohort' }, 'cohortId');
  const agencies = new Set(nominatingAgencies(ctx.viewer, access));
  const { all } = await participantScope(ctx, cohortId, access.programme);
  return {
    cohort: toCohort(row),
    programme,
    viewerQuotas: access.quotas.filter((q) => agencies.has(q.agency_id)).map((q) => ({
      id: q.id, cohortId, agencyId: q.agency_id, agencyName: q.agency_name, seats: q.seats, seatsTaken: q.seats_taken,
    })),
    nominationsOpen: access.nominating,
    releaseOpen: access.releasing,
    seesAll: all,
  };
}

/** Applications waiting on the viewer: as the learner's supervisor (approver), or as an admin of the learner's agency. Oldest first. */
export async function cohortApplications(ctx: SignedInOperationContext, args: { first: number; after?: string | null }, wantsTotal: boolean): Promise<Page<CohortApplication>> {
  const { viewer } = ctx;
  const base = () => db(ctx).selectFrom('cohort_participant as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .innerJoin('agency as a', 'a.id', 'cp.agency_id')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .innerJoin('programme as pr', 'pr.id', 'c.programme_id')
    .leftJoin('cohort_agency_quota as q', (j) => j.onRef('q.cohort_id', '=', 'cp.cohort_id').onRef('q.agency_id', '=', 'cp.agency_id'))
    .where('cp.status', '=', ParticipantStatus.REQUESTED)
    .where((eb) => eb.or([
      eb('cp.approver_id', '=', viewer.personId),
      ...(viewer.isPlatformAdmin ? [eb.lit(true)] : []),
      ...(viewer.adminAgencyIds.length ? [eb('cp.agency_id', '=', sql<string>`any(${viewer.adminAgencyIds}::uuid[])`)] : []),
    ]));
  const cursor = applicationCursor.decode(args.after);
  const rows = await base()
    .select([
      'cp.id', 'cp.person_id', 'p.full_name', 'a.name as agency_name', 'pr.id as programme_id', 'pr.title as programme_title',
      'c.id as cohort_id', 'c.code as cohort_code', 'c.starts_at', 'cp.created_at',
      sql<number>`coalesce(q.seats - q.seats_taken, 0)`.as('seats_left'),
    ])
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('cp.created_at', 'cp.id'), '>', eb.tuple(sql<Date>`${cursor![0]}::timestamptz`, cursor![1]))))
    .orderBy('cp.created_at').orderBy('cp.id')
    .limit(args.first + 1)
    .execute();
  const total = async () => (await base().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return toPage(rows, args.first, wantsTotal ? await total() : total, (r) => ({
    id: r.id, personId: r.person_id, fullName: r.full_name, agencyName: r.agency_name, programmeId: r.programme_id,
    programmeTitle: r.programme_title, cohortId: r.cohort_id, cohortCode: r.cohort_code, startsAt: toDate(r.starts_at), requestedAt: toDate(r.created_at),
    seatsLeft: r.seats_left,
  }), (r) => applicationCursor.encode([r.created_at, r.id]));
}

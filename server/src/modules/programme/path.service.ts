import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor, nameIdCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { ParticipantStatus, ProgrammeStatus } from './programme.entity.js';
import { canManageProgramme } from './programme.policy.js';
import { COHORT_NOMINATING, programmeColumns, programmesWithOwners, toProgramme, type ProgrammeRow } from './programme.sql.js';
import type { ProgrammePage } from './programme.types.js';
import { participationColumns, toParticipation, type ParticipationRow } from './path.sql.js';
import type { ProgrammeParticipation, ProgrammeParticipationPage } from './path.types.js';

const RATING_COMMENT_MAX = 1000;

/**
 * The programmes a learner may join, for the catalogue: published, and either owned by their agency or with a cohort
 * still nominating in which their agency holds a quota. By title, then id; one statement per page (and one more for
 * the total when asked for).
 */
export async function programmeCatalogue(
  ctx: SignedInOperationContext, args: { search?: string | null; first: number; after?: string | null },
): Promise<ProgrammePage> {
  const cursor = nameIdCursor.decode(args.after);
  const agencyId = ctx.viewer.agencyId;
  // Partner staff belong to no agency: no programme is theirs to join.
  if (!agencyId) return toPage([], args.first, 0, toProgramme, () => '');
  const words = args.search?.trim().slice(0, 200) ?? '';
  const scoped = programmesWithOwners(ctx)
    .where('p.status', '=', ProgrammeStatus.PUBLISHED)
    .where((eb) => eb.or([
      eb('p.owner_agency_id', '=', agencyId),
      eb.exists(eb.selectFrom('programme_cohort as c').innerJoin('cohort_agency_quota as q', 'q.cohort_id', 'c.id')
        .select(sql.lit(1).as('one')).whereRef('c.programme_id', '=', 'p.id').where('q.agency_id', '=', agencyId).where(COHORT_NOMINATING)),
    ]))
    .$if(!!words, (q) => q.where((eb) => eb.or([
      eb('p.title', 'ilike', `%${escapeLike(words)}%`), eb('p.code', 'ilike', `%${escapeLike(words)}%`),
    ])));
  const rows = await scoped.select([...programmeColumns])
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.title', 'p.id'), '>', eb.tuple(eb.val(cursor![0]), eb.cast<string>(eb.val(cursor![1]), 'uuid')))))
    .orderBy('p.title').orderBy('p.id')
    .limit(args.first + 1)
    .execute() as ProgrammeRow[];
  const total = async () => Number((await scoped.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return toPage(rows, args.first, total, toProgramme, (r) => nameIdCursor.encode([r.title, r.id]));
}

const participationCursor = keysetCursor('timestamp', 'uuid');

/** The viewer's programmes: every cohort they were accepted into (nominated, completed) or applied to, latest cohort first. */
export async function myProgrammes(ctx: SignedInOperationContext, args: { first: number; after?: string | null }): Promise<ProgrammeParticipationPage> {
  const cursor = participationCursor.decode(args.after);
  const scoped = db(ctx).selectFrom('cohort_participant as cp')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .where('cp.person_id', '=', ctx.viewer.personId)
    .where('cp.status', 'in', [ParticipantStatus.REQUESTED, ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED]);
  const rows = await scoped.select([...participationColumns])
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('c.starts_at', 'cp.id'), '<', eb.tuple(
      eb.cast<Date>(eb.val(cursor![0]), 'timestamptz'), eb.cast<string>(eb.val(cursor![1]), 'uuid')))))
    .orderBy('c.starts_at', 'desc').orderBy('cp.id', 'desc')
    .limit(args.first + 1)
    .execute() as ParticipationRow[];
  const total = async () => Number((await scoped.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return toPage(rows, args.first, total, toParticipation, (r) => participationCursor.encode([new Date(r.starts_at), r.id]));
}

interface ParticipationAccess extends ParticipationRow {
  agency_id: string;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
}

/** The participant themself, the programme's managers and admins of the agency whose seat they hold see a participation. */
function canSeeParticipation(viewer: Viewer, row: ParticipationAccess): boolean {
  return row.person_id === viewer.personId || viewer.administersAgency(row.agency_id) || canManageProgramme(viewer, row);
}

async function loadParticipation(ctx: SignedInOperationContext, id: string, lock = false): Promise<ParticipationAccess | null> {
  if (!isUuid(id)) return null;
  const row = await db(ctx).selectFrom('cohort_participant as cp')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select([...participationColumns, 'cp.agency_id', 'p.owner_agency_id', 'p.owner_partner_id'])
    .where('cp.id', '=', id)
    .$if(lock, (q) => q.forUpdate(['cp']))
    .executeTakeFirst();
  return row ?? null;
}

/** One participation (the learner's path with progress) for whoever may see it; anyone else: NOT_FOUND. */
export async function participation(ctx: SignedInOperationContext, id: string): Promise<ProgrammeParticipation> {
  const row = await loadParticipation(ctx, id);
  if (!row || !canSeeParticipation(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'participation' });
  return toParticipation(row);
}

/**
 * The participant rates the programme they completed: 1–5 and an optional comment. They may change it later (the
 * latest rating counts; `ratedAt` says when). Only the participant: their agency's admins and the programme's
 * managers see the rating but may not give it (FORBIDDEN); anyone else NOT_FOUND. Bad input writes nothing.
 */
export async function rateProgramme(
  ctx: SignedInOperationContext, participantId: string, rating: number, comment?: string | null,
): Promise<ProgrammeParticipation> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new AppError('RATING_OUT_OF_RANGE', {}, 'rating');
  const text = comment?.trim() || null;
  if (text && text.length > RATING_COMMENT_MAX) throw new AppError('RATING_COMMENT_TOO_LONG', { max: RATING_COMMENT_MAX }, 'comment');
  const seen = await loadParticipation(ctx, participantId);
  if (!seen || !canSeeParticipation(ctx.viewer, seen)) throw new AppError('NOT_FOUND', { what: 'participation' });
  if (seen.person_id !== ctx.viewer.personId) throw new AppError('FORBIDDEN');
  return inTransaction(ctx, async (tx) => {
    // Locked and read again: a correction that takes the completion back commits before or after, never half-way.
    const row = await loadParticipation(tx, participantId, true);
    if (!row || row.status !== ParticipantStatus.COMPLETED) throw new AppError('PROGRAMME_NOT_COMPLETED');
    const updated = await db(tx).updateTable('cohort_participant as cp')
      .set({ rating, rating_comment: text, rated_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .from('programme_cohort as c')
      .whereRef('c.id', '=', 'cp.cohort_id')
      .where('cp.id', '=', participantId)
      .returning([...participationColumns])
      .executeTakeFirstOrThrow();
    writeAudit(tx, row.rating === null ? 'programme.rate' : 'programme.rate_change', 'CohortParticipant', participantId, {
      programmeId: row.programme_id, rating, previous: row.rating, comment: !!text,
    });
    return toParticipation(updated);
  });
}

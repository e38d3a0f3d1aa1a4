import { sql, type RawBuilder } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, badInput, isUniqueViolation } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page, type PageArgs } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { CourseOwnerKind } from '../course/index.js';
import { CohortStatus, ProgrammeStatus } from './programme.entity.js';
import { assertCanManageProgramme, canManageProgramme, canViewProgramme, loadProgrammeAccess } from './programme.policy.js';
import { readProgramme } from './programme.queries.js';
import { COHORT_NOMINATING, toProgramme, toQuota } from './programme.sql.js';
import type { CohortAgencyQuota, Programme } from './programme.types.js';
import type { SharedProgrammesArgs } from './library.inputs.js';
import { adoptionCountLoader, programmeEvidenceLoader } from './library.loaders.js';
import {
  adoptionsCount, completionKey, evidenceColumns, evidenceLateral, programmeColumnsSql, programmeOwnersSql, ratingKey, sharedKey, toEvidence,
  type ProgrammeWithEvidenceRow,
} from './library.sql.js';
import { LibrarySort, type ProgrammeAdoption } from './library.types.js';

/*
 * Sharing, the shared-programme library, adoption and joining a cohort of another agency's programme. Every change
 * is one transaction with its audit row; what the viewer may not see is NOT_FOUND (programme.policy.ts).
 */

const MAX_NOTE = 1000;
/** Row statuses come back from Kysely branded; compare them as the strings they are. */
const is = (status: string, value: string) => status === value;
const MAX_SEATS = 10_000;

/** Returns the programme as the viewer sees it after the change. */
async function reread(ctx: SignedInOperationContext, id: string): Promise<Programme> {
  const programme = await readProgramme(ctx, id);
  if (!programme) throw new AppError('NOT_FOUND', { what: 'programme' });
  return programme;
}

/** The owner's managers put a published programme in the library (again: the note is replaced, `sharedAt` kept). */
export async function shareProgramme(ctx: SignedInOperationContext, programmeId: string, note: string | null | undefined): Promise<Programme> {
  const shareNote = note?.trim() || null;
  if (shareNote && shareNote.length > MAX_NOTE) throw badInput('note', 'maxLength');
  await inTransaction(ctx, async (tx) => {
    await assertCanManageProgramme(tx.em, tx.viewer, programmeId);
    const row = await db(tx).selectFrom('programme').select(['status']).where('id', '=', programmeId).forUpdate().executeTakeFirstOrThrow();
    if (!is(row.status, ProgrammeStatus.PUBLISHED)) throw new AppError('PROGRAMME_NOT_PUBLISHED');
    await db(tx).updateTable('programme')
      .set({ shared_at: sql<Date>`coalesce(shared_at, now())`, share_note: shareNote, updated_at: sql<Date>`now()` })
      .where('id', '=', programmeId).execute();
    writeAudit(tx, 'programme.share', 'Programme', programmeId, { note: shareNote });
  });
  return reread(ctx, programmeId);
}

/** Takes a programme out of the library; adoptions already made keep their lineage. */
export async function unshareProgramme(ctx: SignedInOperationContext, programmeId: string): Promise<Programme> {
  await inTransaction(ctx, async (tx) => {
    await assertCanManageProgramme(tx.em, tx.viewer, programmeId);
    const updated = await db(tx).updateTable('programme')
      .set({ shared_at: null, share_note: null, updated_at: sql<Date>`now()` })
      .where('id', '=', programmeId).where('shared_at', 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('PROGRAMME_NOT_SHARED');
    writeAudit(tx, 'programme.unshare', 'Programme', programmeId);
  });
  return reread(ctx, programmeId);
}

// ------------------------------------------------------------------------------------------- the library

/** Best first by an integer key computed with the evidence, then by id: the cursor carries both exactly. */
const libraryCursor = keysetCursor('int', 'uuid');

const sortKeys: Record<LibrarySort, RawBuilder<unknown>> = {
  [LibrarySort.COMPLETION_RATE]: completionKey,
  [LibrarySort.RATING]: ratingKey,
  [LibrarySort.ADOPTIONS]: adoptionsCount,
  [LibrarySort.RECENT]: sharedKey,
};

type LibraryRow = ProgrammeWithEvidenceRow & { adoptions: number; sort_key: string };

/**
 * Shared, published programmes with their evidence: one statement for the page (the evidence of every row by a
 * lateral aggregate, filters on it, a keyset on the computed key) and one for the total when it is selected.
 */
export async function sharedProgrammes(ctx: SignedInOperationContext, args: SharedProgrammesArgs): Promise<Page<Programme>> {
  const f = args.filter ?? {};
  const cursor = libraryCursor.decode(args.after);
  const where: RawBuilder<unknown>[] = [sql`p.shared_at is not null`, sql`p.status = ${ProgrammeStatus.PUBLISHED}`];
  const search = f.search?.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    // ilike over title and description (the title's trigram index serves it); a word of the title spelt a little
    // differently still matches (word similarity).
    where.push(sql`(p.title ilike ${like} or p.description ilike ${like} or ${search} <% p.title)`);
  }
  if (f.form) {
    where.push(sql`exists (select 1 from programme_item i join course co on co.id = i.course_id where i.programme_id = p.id and co.form = ${f.form})`);
  }
  const competency = f.competency?.trim();
  if (competency) where.push(sql`exists (select 1 from unnest(p.competency_tags) t where lower(t) = lower(${competency}))`);
  if (f.partnerId) {
    where.push(sql`(p.owner_partner_id = ${f.partnerId}::uuid or exists (
      select 1 from programme_cohort pc join cohort_item_run cir on cir.cohort_id = pc.id
        join course_run_instructor ri on ri.run_id = cir.run_id join person pe on pe.id = ri.person_id
       where pc.programme_id = p.id and pe.partner_id = ${f.partnerId}::uuid))`);
  }
  if (f.ownerKind) where.push(f.ownerKind === CourseOwnerKind.AGENCY ? sql`p.owner_agency_id is not null` : sql`p.owner_partner_id is not null`);
  if (f.minCompletionPercent != null) where.push(sql`(ev.participants > 0 and ev.completed * 100 >= ${f.minCompletionPercent}::int * ev.participants)`);
  if (f.minParticipants != null) where.push(sql`ev.participants >= ${f.minParticipants}::int`);
  if (f.minAverageRating != null) where.push(sql`(ev.ratings > 0 and ev.rating_sum >= ${f.minAverageRating}::float8 * ev.ratings)`);

  const filtered = sql`from ${programmeOwnersSql} cross join ${evidenceLateral} where ${sql.join(where, sql` and `)}`;
  const after = cursor ? sql`where (x.sort_key < ${cursor[0]}::int8 or (x.sort_key = ${cursor[0]}::int8 and x.id > ${cursor[1]}::uuid))` : sql``;
  const { rows } = await sql<LibraryRow>`
    select x.* from (
      select ${programmeColumnsSql}, ${evidenceColumns}, ${adoptionsCount}::int as adoptions, ${sortKeys[args.sort]} as sort_key ${filtered}
    ) x ${after}
    order by x.sort_key desc, x.id
    limit ${args.first + 1}`.execute(db(ctx));

  const evidence = ctx.loaders.get(programmeEvidenceLoader);
  const adoptions = ctx.loaders.get(adoptionCountLoader);
  for (const row of rows) {
    evidence.prime(row.id, toEvidence(row));
    adoptions.prime(row.id, row.adoptions);
  }
  const count = async () => {
    const { rows: [total] } = await sql<{ n: number }>`select count(*)::int as n ${filtered}`.execute(db(ctx));
    return total.n;
  };
  return toPage(rows, args.first, count, toProgramme, (r) => libraryCursor.encode([r.sort_key, r.id]));
}

// ------------------------------------------------------------------------------------------- adoption

/** The agency an admin acts for: their own when they administer it, else the first they administer. */
function actingAgency(viewer: Viewer): string {
  if (viewer.agencyId && viewer.administersAgency(viewer.agencyId)) return viewer.agencyId;
  const [first] = viewer.adminAgencyIds;
  if (!first) throw new AppError('FORBIDDEN');
  return first;
}

/**
 * A DRAFT copy of a shared programme under the viewer's agency: description, audience, tags, completion rule, groups
 * and items (not cohorts), with `adoptedFrom` = the programme and `origin` = the first of its chain.
 */
export async function adoptProgramme(ctx: SignedInOperationContext, programmeId: string, code: string, title: string | null | undefined): Promise<Programme> {
  const copyCode = code.trim().toUpperCase();
  if (!copyCode || copyCode.length > 40) throw badInput('code', copyCode ? 'maxLength' : 'isNotEmpty');
  const copyTitle = title == null ? null : title.trim();
  if (copyTitle !== null && (!copyTitle || copyTitle.length > 200)) throw badInput('title', copyTitle ? 'maxLength' : 'isNotEmpty');
  const { viewer } = ctx;
  let copyId: string;
  try {
    copyId = await inTransaction(ctx, async (tx) => {
      const access = await loadProgrammeAccess(tx.em, viewer, programmeId);
      if (!access || !canViewProgramme(viewer, access)) throw new AppError('NOT_FOUND', { what: 'programme' });
      const agencyId = actingAgency(viewer);
      // Shared stays shared while the copy is made (an unshare waits for this transaction).
      const source = await db(tx).selectFrom('programme').selectAll().where('id', '=', programmeId).forShare().executeTakeFirstOrThrow();
      if (!source.shared_at || !is(source.status, ProgrammeStatus.PUBLISHED)) throw new AppError('PROGRAMME_NOT_SHARED');
      if (source.owner_agency_id === agencyId) throw new AppError('PROGRAMME_ALREADY_YOURS');
      const copy = await db(tx).insertInto('programme').values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, code: copyCode, title: copyTitle ?? source.title, description: source.description, audience: source.audience,
        competency_tags: source.competency_tags, owner_agency_id: agencyId, completion_rule: source.completion_rule,
        status: ProgrammeStatus.DRAFT, adopted_from_id: source.id, origin_id: source.origin_id ?? source.id, created_by_id: viewer.personId,
      }).returning('id').executeTakeFirstOrThrow();
      // Groups get new ids, and each item its group's copy: one statement for both.
      await sql`
        with g as materialized (
          select id, title, min_completed, created_at, gen_random_uuid() as new_id from programme_group where programme_id = ${source.id}
        ), groups as (
          insert into programme_group (id, programme_id, title, min_completed, created_at)
          select new_id, ${copy.id}, title, min_completed, created_at from g
        )
        insert into programme_item (programme_id, course_id, position, required, group_id)
        select ${copy.id}, i.course_id, i.position, i.required, g.new_id
          from programme_item i left join g on g.id = i.group_id
         where i.programme_id = ${source.id}`.execute(db(tx));
      writeAudit(tx, 'programme.adopt', 'Programme', copy.id, { adoptedFrom: source.id, origin: source.origin_id ?? source.id, code: copyCode });
      return copy.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'programme_code_unique')) throw new AppError('DUPLICATE_CODE', {}, 'code');
    throw error;
  }
  return reread(ctx, copyId);
}

const adoptionCursor = keysetCursor('int', 'uuid');

/**
 * The direct adoptions of a programme, first adopted first. The copy's evidence is shown only to the original's
 * managers and only where the adopter shares its copy.
 */
export async function programmeAdoptions(ctx: SignedInOperationContext, programme: Programme, args: PageArgs): Promise<Page<ProgrammeAdoption>> {
  const cursor = adoptionCursor.decode(args.after);
  const manages = canManageProgramme(ctx.viewer, { owner_agency_id: programme.ownerAgencyId, owner_partner_id: programme.ownerPartnerId });
  const base = db(ctx).selectFrom('programme as a').innerJoin('agency as ag', 'ag.id', 'a.owner_agency_id').where('a.adopted_from_id', '=', programme.id);
  const key = sql<string>`(extract(epoch from a.created_at) * 1000000)::int8`;
  const rows = await base
    .select(['a.id', 'a.title', 'a.owner_agency_id', 'ag.name as agency_name', 'a.created_at', 'a.shared_at', 'a.status', key.as('sort_key')])
    .$if(!!cursor, (q) => q.where(sql<boolean>`(${key}, a.id) > (${cursor![0]}::int8, ${cursor![1]}::uuid)`))
    .orderBy(key).orderBy('a.id')
    .limit(args.first + 1)
    .execute();
  const count = async () => Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return toPage(rows, args.first, count, (r): ProgrammeAdoption => {
    const shared = !!r.shared_at && is(r.status, ProgrammeStatus.PUBLISHED);
    return {
      programmeId: r.id, title: r.title, agencyId: r.owner_agency_id!, agencyName: r.agency_name, adoptedAt: new Date(r.created_at), shared,
      evidenceVisible: manages && shared,
    };
  }, (r) => adoptionCursor.encode([r.sort_key, r.id]));
}

// ------------------------------------------------------------------------------------------- joining a cohort

/**
 * An agency admin takes seats of a cohort that offers them (seats no quota holds): any agency whose admin may open
 * the programme, adopter or not (an agency may join a cohort rather than run its own copy). Under the cohort row's
 * lock the quotas never add up past the capacity; an agency that already holds a quota gets the seats added to it.
 */
export async function joinCohort(ctx: SignedInOperationContext, cohortId: string, seats: number): Promise<CohortAgencyQuota> {
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) throw badInput('seats', seats < 1 ? 'min' : 'max');
  if (!isUuid(cohortId)) throw new AppError('NOT_FOUND', { what: 'cohort' });
  const { viewer } = ctx;
  return inTransaction(ctx, async (tx) => {
    const cohort = await db(tx).selectFrom('programme_cohort as c')
      .select(['c.id', 'c.programme_id', 'c.capacity', 'c.offers_seats', 'c.status', COHORT_NOMINATING.as('nominating')])
      .where('c.id', '=', cohortId)
      .forUpdate()
      .executeTakeFirst();
    const access = cohort ? await loadProgrammeAccess(tx.em, viewer, cohort.programme_id) : null;
    if (!cohort || !access || !canViewProgramme(viewer, access)) throw new AppError('NOT_FOUND', { what: 'cohort' });
    const agencyId = actingAgency(viewer);
    if (!cohort.offers_seats) throw new AppError('COHORT_NOT_OFFERING_SEATS');
    if (!is(cohort.status, CohortStatus.SCHEDULED) || !cohort.nominating || !is(access.status, ProgrammeStatus.PUBLISHED)) throw new AppError('COHORT_CLOSED');
    const held = await db(tx).selectFrom('cohort_agency_quota').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('seats'), sql<string>`0`).as('n'))
      .where('cohort_id', '=', cohortId).executeTakeFirstOrThrow();
    const free = cohort.capacity - Number(held.n);
    if (seats > free) throw new AppError('COHORT_SEATS_UNAVAILABLE', { free }, 'seats');
    const quota = await db(tx).insertInto('cohort_agency_quota').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, cohort_id: cohortId, agency_id: agencyId, seats, seats_taken: 0,
    })
      .onConflict((oc) => oc.columns(['cohort_id', 'agency_id'])
        .doUpdateSet({ seats: sql<number>`cohort_agency_quota.seats + excluded.seats`, updated_at: sql<Date>`now()` }))
      .returning(['id', 'cohort_id', 'agency_id', 'seats', 'seats_taken'])
      .executeTakeFirstOrThrow();
    const agency = await db(tx).selectFrom('agency').select('name').where('id', '=', agencyId).executeTakeFirstOrThrow();
    writeAudit(tx, 'cohort.join', 'ProgrammeCohort', cohortId, { agencyId, seats, quotaSeats: quota.seats });
    return toQuota({ ...quota, agency_name: agency.name });
  });
}

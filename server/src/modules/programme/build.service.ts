import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { canManageCourse, partnerAdminIds } from '../course/index.js';
import { assignRunInstructors, cancelRunIn, CourseRunStatus } from '../run/index.js';
import {
  MAX_COHORTS, MAX_ITEMS, type CohortItemRunInput, type CreateProgrammeCohortInput, type CreateProgrammeInput, type ManagedProgrammesArgs,
  type ProgrammeCourseChoicesArgs, type SetProgrammePathInput, type UpdateProgrammeCohortInput, type UpdateProgrammeInput,
} from './build.inputs.js';
import type { ProgrammeCourseChoice } from './build.types.js';
import { CohortStatus, ParticipantStatus, ProgrammeCompletionRule, ProgrammeStatus } from './programme.entity.js';
import { assertCanManageProgramme, assertCanViewProgramme } from './programme.policy.js';
import { readProgramme } from './programme.queries.js';
import { cohortColumns, programmeColumns, programmesWithOwners, toCohort, toProgramme, type CohortRow, type ProgrammeRow } from './programme.sql.js';
import type { Programme, ProgrammeCohort } from './programme.types.js';

/*
 * Building programmes (the build area): a programme's fields, its path (items, groups, completion rule) set in one
 * transaction, publish and archive; cohorts with one run per item (created as INVITATION runs or linked), cancelled
 * with their runs; per-agency quotas within the cohort's capacity. Every write locks the programme (or the cohort)
 * row first, so two managers' changes go one after the other, and writes an audit row in its transaction.
 */

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._/-]*$/;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 60;

const badInput = (field: string, reason: string) => new AppError('BAD_USER_INPUT', { reason }, field);

function normalizeCode(code: string | null | undefined, field = 'code'): string {
  const value = (code ?? '').trim().toUpperCase();
  if (!value) throw badInput(field, 'empty');
  if (value.length > 40 || !CODE_PATTERN.test(value)) throw badInput(field, 'format');
  return value;
}

function normalizeTitle(title: string | null | undefined, field = 'title'): string {
  const value = (title ?? '').replace(/\s+/g, ' ').trim();
  if (!value) throw badInput(field, 'empty');
  if (value.length > 200) throw badInput(field, 'tooLong');
  return value;
}

/** Trimmed, without empties or case-insensitive duplicates (the first spelling wins), as on courses. */
function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    if (tag.length > MAX_TAG_LENGTH) throw badInput('competencyTags', 'tooLong');
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  if (out.length > MAX_TAGS) throw badInput('competencyTags', 'tooMany');
  return out;
}

function resolveOwner(viewer: Viewer, agencyId: string | null | undefined, partnerId: string | null | undefined): { agencyId: string | null; partnerId: string | null } {
  if (agencyId && partnerId) throw new AppError('INVALID_OWNER', {}, 'ownerAgencyId');
  if (agencyId) {
    if (!viewer.administersAgency(agencyId)) throw new AppError('FORBIDDEN', {}, 'ownerAgencyId');
    return { agencyId, partnerId: null };
  }
  if (partnerId) {
    if (!viewer.isPlatformAdmin && !partnerAdminIds(viewer).includes(partnerId)) throw new AppError('FORBIDDEN', {}, 'ownerPartnerId');
    return { agencyId: null, partnerId };
  }
  // Left out: the one agency or partner the viewer administers.
  const agencies = viewer.adminAgencyIds;
  const partners = partnerAdminIds(viewer);
  if (agencies.length === 1 && partners.length === 0) return { agencyId: agencies[0], partnerId: null };
  if (partners.length === 1 && agencies.length === 0) return { agencyId: null, partnerId: partners[0] };
  throw new AppError('INVALID_OWNER', {}, 'ownerAgencyId');
}

async function mapProgrammeCode<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'programme_code_unique')) throw new AppError('DUPLICATE_CODE', {}, 'code');
    if (isUniqueViolation(error, 'programme_cohort_code_per_programme')) throw new AppError('DUPLICATE_CODE', {}, 'code');
    if (isUniqueViolation(error, 'course_run_code_per_course')) throw new AppError('COHORT_RUN_CODE_TAKEN', {}, 'code');
    if (isUniqueViolation(error, 'cohort_item_run_run_unique')) throw new AppError('RUN_IN_ANOTHER_COHORT', {}, 'items');
    throw error;
  }
}

interface LockedProgramme {
  id: string;
  status: ProgrammeStatus;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  code: string;
}

/** Checks the viewer manages the programme (NOT_FOUND / FORBIDDEN), then locks its row for the rest of the transaction. */
async function lockProgramme(tx: EntityManager, viewer: Viewer, id: string): Promise<LockedProgramme> {
  await assertCanManageProgramme(tx, viewer, id);
  return await db({ em: tx }).selectFrom('programme').select(['id', 'status', 'owner_agency_id', 'owner_partner_id', 'code'])
    .where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

const assertNotArchived = (p: { status: ProgrammeStatus }) => {
  if (p.status === ProgrammeStatus.ARCHIVED) throw new AppError('PROGRAMME_ARCHIVED');
};

async function programmeOrThrow(ctx: { em: EntityManager }, id: string): Promise<Programme> {
  const programme = await readProgramme(ctx, id);
  if (!programme) throw new AppError('NOT_FOUND', { what: 'programme' });
  return programme;
}

// ---------------------------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------------------------

export async function createProgramme(ctx: SignedInOperationContext, input: CreateProgrammeInput): Promise<Programme> {
  const { viewer } = ctx;
  const code = normalizeCode(input.code);
  const title = normalizeTitle(input.title);
  const tags = normalizeTags(input.competencyTags ?? []);
  const owner = resolveOwner(viewer, input.ownerAgencyId, input.ownerPartnerId);
  // A GROUPS rule needs groups, which only a path has: a new programme starts with another rule.
  if (input.completionRule === ProgrammeCompletionRule.GROUPS) throw new AppError('PATH_GROUPS_MISSING', {}, 'completionRule');
  const id = await mapProgrammeCode(() => ctx.em.transactional(async (tx) => {
    const q = db({ em: tx });
    if (owner.agencyId && !(await q.selectFrom('agency').select('id').where('id', '=', owner.agencyId).executeTakeFirst())) {
      throw new AppError('NOT_FOUND', { what: 'agency' }, 'ownerAgencyId');
    }
    if (owner.partnerId && !(await q.selectFrom('partner_institution').select('id').where('id', '=', owner.partnerId).executeTakeFirst())) {
      throw new AppError('NOT_FOUND', { what: 'partner' }, 'ownerPartnerId');
    }
    const row = await q.insertInto('programme').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
      code, title, description: input.description?.trim() ?? '', audience: input.audience?.trim() ?? '', competency_tags: tags,
      owner_agency_id: owner.agencyId, owner_partner_id: owner.partnerId,
      completion_rule: input.completionRule ?? ProgrammeCompletionRule.ALL_REQUIRED, status: ProgrammeStatus.DRAFT,
      created_by_id: viewer.personId,
    } as never).returning('id').executeTakeFirstOrThrow();
    writeAudit({ em: tx, viewer }, 'programme.create', 'Programme', row.id, { code, title, ownerAgencyId: owner.agencyId, ownerPartnerId: owner.partnerId });
    return row.id;
  }));
  return programmeOrThrow(ctx, id);
}

export async function updateProgramme(ctx: SignedInOperationContext, id: string, input: UpdateProgrammeInput): Promise<Programme> {
  const { viewer } = ctx;
  const set: Record<string, unknown> = {};
  if (input.code != null) set.code = normalizeCode(input.code);
  if (input.title != null) set.title = normalizeTitle(input.title);
  if (input.description != null) set.description = input.description.trim();
  if (input.audience != null) set.audience = input.audience.trim();
  if (input.competencyTags != null) set.competency_tags = normalizeTags(input.competencyTags);
  await mapProgrammeCode(() => ctx.em.transactional(async (tx) => {
    const programme = await lockProgramme(tx, viewer, id);
    assertNotArchived(programme);
    if (Object.keys(set).length) {
      await db({ em: tx }).updateTable('programme').set({ ...set, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    }
    writeAudit({ em: tx, viewer }, 'programme.update', 'Programme', id, { changed: Object.keys(set) });
  }));
  return programmeOrThrow(ctx, id);
}

/**
 * Courses and workshops a programme's owner may put on its path: published ones visible to the owner agency
 * (all agencies', listed for it, its own), or, for a partner, visible to all agencies; and the owner's own courses
 * that are not archived (a draft may be on a draft path). Alias `c`.
 */
function usableBy(owner: { owner_agency_id: string | null; owner_partner_id: string | null }) {
  if (owner.owner_agency_id) {
    const agencyId = owner.owner_agency_id;
    return sql<boolean>`((c.status = 'PUBLISHED' and (c.visibility = 'ALL_AGENCIES' or c.owner_agency_id = ${agencyId}::uuid
      or (c.visibility = 'LISTED_AGENCIES' and exists (select 1 from course_visible_agency v where v.course_id = c.id and v.agency_id = ${agencyId}::uuid))))
      or (c.owner_agency_id = ${agencyId}::uuid and c.status <> 'ARCHIVED'))`;
  }
  return sql<boolean>`((c.status = 'PUBLISHED' and c.visibility = 'ALL_AGENCIES') or (c.owner_partner_id = ${owner.owner_partner_id}::uuid and c.status <> 'ARCHIVED'))`;
}

/**
 * Sets the whole path in one transaction: items in the order given (an item kept keeps its id, so its cohort runs
 * stay), the groups of electives (replaced), the completion rule. Refused, writing nothing: a course the owner may
 * not use, a course twice, a group with fewer items than its minimum, GROUPS without a group (or groups under
 * another rule), a path with nothing required, removing an item that has cohort runs.
 */
export async function setProgrammePath(ctx: SignedInOperationContext, id: string, input: SetProgrammePathInput): Promise<Programme> {
  const { viewer } = ctx;
  const items = input.items.map((item) => ({ ...item, courseId: item.courseId.toLowerCase(), groupKey: item.groupKey?.trim() || null }));
  if (items.length > MAX_ITEMS) throw badInput('items', 'tooMany');
  if (new Set(items.map((i) => i.courseId)).size !== items.length) throw new AppError('PATH_DUPLICATE_ITEM', {}, 'items');
  const groups = (input.groups ?? []).map((g) => ({ key: g.key.trim(), title: normalizeTitle(g.title, 'groups'), minCompleted: g.minCompleted }));
  if (new Set(groups.map((g) => g.key)).size !== groups.length) throw badInput('groups', 'duplicateKey');
  for (const item of items) {
    if (item.groupKey && !groups.some((g) => g.key === item.groupKey)) throw badInput('items', 'unknownGroup');
  }
  for (const group of groups) {
    const count = items.filter((i) => i.groupKey === group.key).length;
    if (group.minCompleted > count) throw new AppError('GROUP_TOO_FEW_ITEMS', { title: group.title, min: group.minCompleted, count }, 'groups');
  }
  if (input.completionRule === ProgrammeCompletionRule.GROUPS && groups.length === 0) throw new AppError('PATH_GROUPS_MISSING', {}, 'completionRule');
  if (input.completionRule !== ProgrammeCompletionRule.GROUPS && groups.length > 0) throw new AppError('PATH_GROUPS_NEED_RULE', {}, 'completionRule');
  // A grouped item is an elective: the group's minimum is what is required.
  const required = (i: (typeof items)[number]) => !i.groupKey && i.required;
  if (!items.some(required) && groups.length === 0) throw new AppError('PATH_NOTHING_REQUIRED', {}, 'items');

  await ctx.em.transactional(async (tx) => {
    const programme = await lockProgramme(tx, viewer, id);
    assertNotArchived(programme);
    const q = db({ em: tx });
    if (items.length) {
      const usable = await q.selectFrom('course as c').select('c.id')
        .where('c.id', '=', sql<string>`any(${items.map((i) => i.courseId)}::uuid[])`)
        .where(usableBy(programme))
        .execute();
      const ok = new Set(usable.map((r) => r.id));
      const refused = items.findIndex((i) => !ok.has(i.courseId));
      if (refused >= 0) throw new AppError('COURSE_NOT_USABLE', { position: refused + 1 }, 'items');
    }
    const existing = await q.selectFrom('programme_item as i')
      .select(['i.id', 'i.course_id', sql<boolean>`exists (select 1 from cohort_item_run r where r.item_id = i.id)`.as('has_runs')])
      .where('i.programme_id', '=', id).execute();
    const kept = new Set(items.map((i) => i.courseId));
    const removed = existing.filter((e) => !kept.has(e.course_id));
    if (removed.some((e) => e.has_runs)) throw new AppError('ITEM_HAS_COHORT_RUNS', {}, 'items');
    if (removed.length) await q.deleteFrom('programme_item').where('id', 'in', removed.map((e) => e.id)).execute();
    await q.deleteFrom('programme_group').where('programme_id', '=', id).execute();
    const groupIds = new Map<string, string>();
    if (groups.length) {
      const rows = await q.insertInto('programme_group').values(groups.map((g) => ({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`clock_timestamp()`, updated_at: sql<Date>`now()`,
        programme_id: id, title: g.title, min_completed: g.minCompleted,
      }) as never)).returning(['id', 'title']).execute();
      // Rows come back in the order given.
      groups.forEach((g, index) => groupIds.set(g.key, rows[index].id));
    }
    const byCourse = new Map(existing.map((e) => [e.course_id, e.id]));
    for (const [position, item] of items.entries()) {
      const values = { position, required: required(item), group_id: item.groupKey ? groupIds.get(item.groupKey)! : null };
      const itemId = byCourse.get(item.courseId);
      if (itemId) {
        await q.updateTable('programme_item').set({ ...values, updated_at: sql`now()` } as never).where('id', '=', itemId).execute();
      } else {
        await q.insertInto('programme_item').values({
          id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, programme_id: id, course_id: item.courseId, ...values,
        }).execute();
      }
    }
    await q.updateTable('programme').set({ completion_rule: input.completionRule, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    writeAudit({ em: tx, viewer }, 'programme.setPath', 'Programme', id, {
      items: items.length, groups: groups.length, completionRule: input.completionRule, removed: removed.length,
    });
  });
  return programmeOrThrow(ctx, id);
}

/** DRAFT → PUBLISHED (needs a path); ARCHIVED keeps its history and takes no new cohorts. */
export async function setProgrammeStatus(ctx: SignedInOperationContext, id: string, status: ProgrammeStatus.PUBLISHED | ProgrammeStatus.ARCHIVED): Promise<Programme> {
  const { viewer } = ctx;
  await ctx.em.transactional(async (tx) => {
    const programme = await lockProgramme(tx, viewer, id);
    assertNotArchived(programme);
    const q = db({ em: tx });
    if (status === ProgrammeStatus.PUBLISHED) {
      const item = await q.selectFrom('programme_item').select('id').where('programme_id', '=', id).limit(1).executeTakeFirst();
      if (!item) throw new AppError('PATH_EMPTY');
    }
    await q.updateTable('programme').set({ status, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    writeAudit({ em: tx, viewer }, status === ProgrammeStatus.PUBLISHED ? 'programme.publish' : 'programme.archive', 'Programme', id, { from: programme.status });
  });
  return programmeOrThrow(ctx, id);
}

const managedCursor = keysetCursor('timestamp', 'uuid');

/**
 * Programmes the viewer manages (their agencies' and partners'; every one for a platform admin), newest first,
 * by status and words of the title: one statement per page, plus the count when selected.
 */
export async function managedProgrammes(ctx: SignedInOperationContext, args: ManagedProgrammesArgs, withTotal: boolean): Promise<Page<Programme>> {
  const { viewer } = ctx;
  const after = managedCursor.decode(args.after);
  const search = args.search?.replace(/\s+/g, ' ').trim() || null;
  const filtered = programmesWithOwners(ctx)
    .$if(!viewer.isPlatformAdmin, (qb) => qb.where(sql<boolean>`(p.owner_agency_id = any(${viewer.adminAgencyIds}::uuid[]) or p.owner_partner_id = any(${partnerAdminIds(viewer)}::uuid[]))`))
    .$if(!!args.status, (qb) => qb.where('p.status', '=', args.status!))
    .$if(!!search, (qb) => qb.where('p.title', 'ilike', `%${escapeLike(search!)}%`));
  const rows = await filtered
    .select([...programmeColumns])
    .$if(!!after, (qb) => qb.where(sql<boolean>`(p.created_at, p.id) < (${after![0]}::timestamptz, ${after![1]}::uuid)`))
    .orderBy('p.created_at', 'desc').orderBy('p.id', 'desc')
    .limit(args.first + 1)
    .execute() as ProgrammeRow[];
  const count = async () => Number((await filtered.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const total = withTotal ? await count() : count;
  return toPage(rows, args.first, total, toProgramme, (row) => managedCursor.encode([row.created_at, row.id]));
}

/** Courses and workshops the programme's owner may add to its path, by words of the title or the code (its managers only). */
export async function programmeCourseChoices(ctx: SignedInOperationContext, args: ProgrammeCourseChoicesArgs): Promise<ProgrammeCourseChoice[]> {
  const programme = await assertCanManageProgramme(ctx.em, ctx.viewer, args.programmeId);
  const search = args.search?.replace(/\s+/g, ' ').trim() || null;
  const rows = await db(ctx).selectFrom('course as c')
    .leftJoin('agency as oa', 'oa.id', 'c.owner_agency_id')
    .leftJoin('partner_institution as op', 'op.id', 'c.owner_partner_id')
    .select(['c.id', 'c.code', 'c.title', 'c.kind', 'c.jp', 'c.status', sql<string>`coalesce(oa.name, op.name, '')`.as('owner_name')])
    .where(usableBy(programme))
    .$if(!!search, (qb) => qb.where((eb) => eb.or([
      eb('c.title', 'ilike', `%${escapeLike(search!)}%`), eb('c.code', 'ilike', `${escapeLike(search!)}%`),
    ])))
    .orderBy('c.title').orderBy('c.id')
    .limit(args.first)
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, title: r.title, kind: r.kind, jp: r.jp, status: r.status, ownerName: r.owner_name }));
}

// ---------------------------------------------------------------------------------------------
// Cohorts
// ---------------------------------------------------------------------------------------------

/** One cohort the viewer may see (whoever may open its programme), else NOT_FOUND. */
export async function cohort(ctx: SignedInOperationContext, id: string): Promise<ProgrammeCohort> {
  const row = isUuid(id) ? await cohortRow(ctx.em, id) : null;
  if (!row) throw new AppError('NOT_FOUND', { what: 'cohort' });
  try {
    await assertCanViewProgramme(ctx.em, ctx.viewer, row.programme_id);
  } catch {
    throw new AppError('NOT_FOUND', { what: 'cohort' });
  }
  return toCohort(row);
}

async function cohortRow(em: EntityManager, id: string, lock = false): Promise<CohortRow | null> {
  const row = await db({ em }).selectFrom('programme_cohort as c').select([...cohortColumns])
    .where('c.id', '=', id)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
  return (row as CohortRow | undefined) ?? null;
}

/** The cohort (locked) after the viewer was shown to manage its programme; NOT_FOUND for a cohort they may not see. */
async function lockCohort(tx: EntityManager, viewer: Viewer, id: string): Promise<CohortRow & { programme: LockedProgramme }> {
  const found = isUuid(id) ? await cohortRow(tx, id) : null;
  if (!found) throw new AppError('NOT_FOUND', { what: 'cohort' });
  const programme = await lockProgramme(tx, viewer, found.programme_id);
  const row = (await cohortRow(tx, id, true))!;
  return { ...row, programme };
}

interface CohortDates {
  startsAt: Date;
  endsAt: Date;
  nominationClosesAt: Date | null;
  releaseDeadline: Date | null;
}

function checkCohortDates(d: CohortDates): void {
  for (const [field, value] of Object.entries(d)) {
    if (value && Number.isNaN((value as Date).getTime())) throw badInput(field, 'invalidDate');
  }
  if (d.endsAt.getTime() <= d.startsAt.getTime()) throw new AppError('INVALID_DATES', {}, 'endsAt');
  if (d.nominationClosesAt && d.nominationClosesAt.getTime() > d.startsAt.getTime()) throw new AppError('NOMINATION_CLOSES_AFTER_START', {}, 'nominationClosesAt');
  const nominationsClose = d.nominationClosesAt ?? d.startsAt;
  if (d.releaseDeadline && d.releaseDeadline.getTime() > nominationsClose.getTime()) throw new AppError('RELEASE_AFTER_NOMINATION_CLOSE', {}, 'releaseDeadline');
}

const within = (d: CohortDates, start: Date | null, end: Date | null) =>
  !!start && !!end && start.getTime() >= d.startsAt.getTime() && end.getTime() <= d.endsAt.getTime() && end.getTime() > start.getTime();

/**
 * Gives each item of the path without a run in this cohort its run: the one linked (of the item's course, not
 * cancelled, managed by the viewer, held by no other cohort) or a new INVITATION run on the given dates (within the
 * cohort's; the cohort's by default) with the given instructors through the run module's agreement gate. For an item
 * that has its run, changes the run's dates and instructors when given.
 */
async function staffItemRuns(
  tx: EntityManager, viewer: Viewer, cohort: { id: string; code: string; capacity: number } & CohortDates, programmeId: string,
  entries: readonly CohortItemRunInput[],
): Promise<void> {
  const q = db({ em: tx });
  const items = await q.selectFrom('programme_item as i')
    .leftJoin('cohort_item_run as cir', (join) => join.onRef('cir.item_id', '=', 'i.id').on('cir.cohort_id', '=', cohort.id))
    .select(['i.id', 'i.course_id', 'cir.run_id'])
    .where('i.programme_id', '=', programmeId)
    .orderBy('i.position').execute();
  const byItem = new Map(entries.map((e) => [e.itemId.toLowerCase(), e]));
  if (byItem.size !== entries.length) throw badInput('items', 'duplicateItem');
  for (const key of byItem.keys()) if (!items.some((i) => i.id === key)) throw new AppError('NOT_FOUND', { what: 'item' }, 'items');
  for (const item of items) {
    const entry = byItem.get(item.id);
    const startsAt = entry?.startsAt ?? null;
    const endsAt = entry?.endsAt ?? null;
    if ((startsAt || endsAt) && !within(cohort, startsAt ?? cohort.startsAt, endsAt ?? cohort.endsAt)) {
      throw new AppError('RUN_OUTSIDE_COHORT', {}, 'items');
    }
    if (item.run_id) {
      if (entry?.runId && entry.runId.toLowerCase() !== item.run_id) throw new AppError('ITEM_RUN_EXISTS', {}, 'items');
      if (startsAt || endsAt) {
        await q.updateTable('course_run').set({ starts_at: startsAt ?? cohort.startsAt, ends_at: endsAt ?? cohort.endsAt, updated_at: sql`now()` } as never)
          .where('id', '=', item.run_id).execute();
      }
      if (entry?.instructorIds) {
        const run = await q.selectFrom('course_run').select(['starts_at', 'ends_at']).where('id', '=', item.run_id).executeTakeFirstOrThrow();
        await assignRunInstructors(tx, { id: item.run_id, courseId: item.course_id, startsAt: run.starts_at, endsAt: run.ends_at }, entry.instructorIds);
      }
      continue;
    }
    let runId: string;
    if (entry?.runId) {
      const linked = await q.selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
        .select(['r.id', 'r.course_id', 'r.status', 'r.starts_at', 'r.ends_at', 'c.owner_agency_id', 'c.owner_partner_id',
          sql<boolean>`exists (select 1 from cohort_item_run x where x.run_id = r.id)`.as('held')])
        .where('r.id', '=', entry.runId.toLowerCase()).forUpdate('r').executeTakeFirst();
      if (!linked || linked.course_id !== item.course_id || !canManageCourse(viewer, linked)) throw new AppError('RUN_NOT_LINKABLE', {}, 'items');
      if (linked.status === 'CANCELLED') throw new AppError('RUN_NOT_LINKABLE', {}, 'items');
      if (linked.held) throw new AppError('RUN_IN_ANOTHER_COHORT', {}, 'items');
      runId = linked.id;
      if (entry.instructorIds) {
        await assignRunInstructors(tx, { id: runId, courseId: item.course_id, startsAt: linked.starts_at, endsAt: linked.ends_at }, entry.instructorIds);
      }
    } else {
      const runStart = startsAt ?? cohort.startsAt;
      const runEnd = endsAt ?? cohort.endsAt;
      const row = await q.insertInto('course_run').values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
        status: 'SCHEDULED', seats_taken: 0, waitlist_length: 0, course_id: item.course_id, code: cohort.code,
        starts_at: runStart, ends_at: runEnd, capacity: cohort.capacity, enrolment_policy: 'INVITATION', created_by_id: viewer.personId,
        time_zone: 'Asia/Jakarta',
      } as never).returning('id').executeTakeFirstOrThrow();
      runId = row.id;
      await assignRunInstructors(tx, { id: runId, courseId: item.course_id, startsAt: runStart, endsAt: runEnd }, entry?.instructorIds ?? []);
    }
    await q.insertInto('cohort_item_run').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, cohort_id: cohort.id, item_id: item.id, run_id: runId,
    }).execute();
  }
}

export async function createProgrammeCohort(ctx: SignedInOperationContext, input: CreateProgrammeCohortInput): Promise<ProgrammeCohort> {
  const { viewer } = ctx;
  const code = normalizeCode(input.code);
  const dates: CohortDates = {
    startsAt: input.startsAt, endsAt: input.endsAt, nominationClosesAt: input.nominationClosesAt ?? null, releaseDeadline: input.releaseDeadline ?? null,
  };
  checkCohortDates(dates);
  const id = await mapProgrammeCode(() => ctx.em.transactional(async (tx) => {
    const programme = await lockProgramme(tx, viewer, input.programmeId);
    assertNotArchived(programme);
    const q = db({ em: tx });
    const { n } = await q.selectFrom('programme_cohort').select(sql<number>`count(*)::int`.as('n')).where('programme_id', '=', programme.id).executeTakeFirstOrThrow();
    if (n >= MAX_COHORTS) throw new AppError('TOO_MANY_COHORTS');
    const { items } = await q.selectFrom('programme_item').select(sql<number>`count(*)::int`.as('items')).where('programme_id', '=', programme.id).executeTakeFirstOrThrow();
    if (items === 0) throw new AppError('PATH_EMPTY');
    const row = await q.insertInto('programme_cohort').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, programme_id: programme.id, code,
      starts_at: dates.startsAt, ends_at: dates.endsAt, nomination_closes_at: dates.nominationClosesAt, release_deadline: dates.releaseDeadline,
      capacity: input.capacity, cost_per_participant: input.costPerParticipant ?? 0, self_apply: input.selfApply ?? false,
      offers_seats: input.offersSeats ?? false, status: CohortStatus.SCHEDULED, created_by_id: viewer.personId,
    } as never).returning('id').executeTakeFirstOrThrow();
    await staffItemRuns(tx, viewer, { id: row.id, code, capacity: input.capacity, ...dates }, programme.id, input.items ?? []);
    writeAudit({ em: tx, viewer }, 'programme_cohort.create', 'ProgrammeCohort', row.id, { programmeId: programme.id, code, capacity: input.capacity });
    return row.id;
  }));
  return (await cohortAfterWrite(ctx, id));
}

async function cohortAfterWrite(ctx: SignedInOperationContext, id: string): Promise<ProgrammeCohort> {
  return toCohort((await cohortRow(ctx.em, id))!);
}

export async function updateProgrammeCohort(ctx: SignedInOperationContext, id: string, input: UpdateProgrammeCohortInput): Promise<ProgrammeCohort> {
  const { viewer } = ctx;
  const code = input.code != null ? normalizeCode(input.code) : undefined;
  await mapProgrammeCode(() => ctx.em.transactional(async (tx) => {
    const cohort = await lockCohort(tx, viewer, id);
    assertNotArchived(cohort.programme);
    if (cohort.status === CohortStatus.CANCELLED) throw new AppError('COHORT_CANCELLED');
    const dates: CohortDates = {
      startsAt: input.startsAt ?? new Date(cohort.starts_at),
      endsAt: input.endsAt ?? new Date(cohort.ends_at),
      nominationClosesAt: input.nominationClosesAt !== undefined ? input.nominationClosesAt : cohort.nomination_closes_at && new Date(cohort.nomination_closes_at),
      releaseDeadline: input.releaseDeadline !== undefined ? input.releaseDeadline : cohort.release_deadline && new Date(cohort.release_deadline),
    };
    checkCohortDates(dates);
    const capacity = input.capacity ?? cohort.capacity;
    const q = db({ em: tx });
    const { quotas } = await q.selectFrom('cohort_agency_quota').select(sql<number>`coalesce(sum(seats), 0)::int`.as('quotas')).where('cohort_id', '=', id).executeTakeFirstOrThrow();
    if (capacity < quotas) throw new AppError('CAPACITY_BELOW_QUOTAS', { quotas }, 'capacity');
    const changed = Object.entries(input).filter(([key, value]) => value !== undefined && key !== 'items').map(([key]) => key);
    await q.updateTable('programme_cohort').set({
      code: code ?? cohort.code, starts_at: dates.startsAt, ends_at: dates.endsAt, nomination_closes_at: dates.nominationClosesAt,
      release_deadline: dates.releaseDeadline, capacity, cost_per_participant: input.costPerParticipant ?? Number(cohort.cost_per_participant),
      self_apply: input.selfApply ?? cohort.self_apply, offers_seats: input.offersSeats ?? cohort.offers_seats, updated_at: sql`now()`,
    } as never).where('id', '=', id).execute();
    await staffItemRuns(tx, viewer, { id, code: code ?? cohort.code, capacity, ...dates }, cohort.programme_id, input.items ?? []);
    // The cohort's invitation runs seat its participants: their capacity follows the cohort's (never below seats taken).
    if (capacity !== cohort.capacity) {
      await q.updateTable('course_run').set({ capacity: sql`greatest(${capacity}::int, seats_taken)`, updated_at: sql`now()` } as never)
        .where('id', 'in', (eb) => eb.selectFrom('cohort_item_run').select('run_id').where('cohort_id', '=', id))
        .where('enrolment_policy', '=', 'INVITATION' as never)
        .execute();
    }
    // Item runs created with the cohort follow its dates: none may end up outside them.
    const outside = await q.selectFrom('cohort_item_run as cir').innerJoin('course_run as r', 'r.id', 'cir.run_id')
      .select('r.id').where('cir.cohort_id', '=', id).where('r.status', '<>', CourseRunStatus.CANCELLED)
      .where(sql<boolean>`(r.starts_at < ${dates.startsAt}::timestamptz or r.ends_at > ${dates.endsAt}::timestamptz)`)
      .limit(1).executeTakeFirst();
    if (outside) throw new AppError('RUN_OUTSIDE_COHORT', {}, 'startsAt');
    writeAudit({ em: tx, viewer }, 'programme_cohort.update', 'ProgrammeCohort', id, { changed, items: input.items?.length ?? 0 });
  }));
  return cohortAfterWrite(ctx, id);
}

/**
 * Cancels a cohort that has not ended: its item runs are cancelled through the run module (everyone in them is
 * withdrawn and told by mail, with the reason), its participants still in it are WITHDRAWN and their seats freed.
 */
export async function cancelProgrammeCohort(ctx: SignedInOperationContext, id: string, reason: string): Promise<ProgrammeCohort> {
  const { viewer } = ctx;
  const note = reason.trim();
  if (!note) throw badInput('reason', 'empty');
  if (note.length > 500) throw badInput('reason', 'tooLong');
  await ctx.em.transactional(async (tx) => {
    const cohort = await lockCohort(tx, viewer, id);
    if (cohort.status === CohortStatus.CANCELLED) throw new AppError('COHORT_CANCELLED');
    if (new Date(cohort.ends_at).getTime() <= Date.now()) throw new AppError('COHORT_ENDED');
    const q = db({ em: tx });
    const runs = await q.selectFrom('cohort_item_run as cir').innerJoin('course_run as r', 'r.id', 'cir.run_id')
      .select('r.id').where('cir.cohort_id', '=', id).where('r.status', '<>', CourseRunStatus.CANCELLED)
      .where(sql<boolean>`(r.ends_at is null or r.ends_at > now())`)
      .orderBy('r.id').execute();
    for (const run of runs) await cancelRunIn(tx, viewer, run.id, note, { checkedByCohort: true });
    const left = await q.updateTable('cohort_participant')
      .set({ status: 'WITHDRAWN', left_at: sql`now()`, updated_at: sql`now()` } as never)
      .where('cohort_id', '=', id).where('status', 'in', [ParticipantStatus.REQUESTED, ParticipantStatus.NOMINATED])
      .returning(['agency_id']).execute();
    // A participant NOMINATED held a seat of their agency's quota (REQUESTED ones hold none): the seats are freed.
    await q.updateTable('cohort_agency_quota')
      .set({ seats_taken: sql`(select count(*)::int from cohort_participant p where p.cohort_id = ${id}::uuid and p.agency_id = cohort_agency_quota.agency_id and p.status = 'COMPLETED')`, updated_at: sql`now()` } as never)
      .where('cohort_id', '=', id).execute();
    await q.updateTable('programme_cohort').set({ status: CohortStatus.CANCELLED, cancellation_reason: note, updated_at: sql`now()` } as never)
      .where('id', '=', id).execute();
    writeAudit({ em: tx, viewer }, 'programme_cohort.cancel', 'ProgrammeCohort', id, { reason: note, runs: runs.length, participants: left.length });
  });
  return cohortAfterWrite(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Quotas
// ---------------------------------------------------------------------------------------------

/**
 * Adds, changes or (seats 0, none taken) removes a participating agency's quota. Under the cohort row's lock, so two
 * managers raising quotas at once are checked one after the other: the quotas never add up to more than the
 * capacity, and a quota never goes below the seats its agency has taken.
 */
export async function setCohortQuota(ctx: SignedInOperationContext, cohortId: string, agencyId: string, seats: number): Promise<ProgrammeCohort> {
  const { viewer } = ctx;
  if (!Number.isInteger(seats) || seats < 0 || seats > 100_000) throw badInput('seats', 'range');
  await ctx.em.transactional(async (tx) => {
    const cohort = await lockCohort(tx, viewer, cohortId);
    assertNotArchived(cohort.programme);
    if (cohort.status === CohortStatus.CANCELLED) throw new AppError('COHORT_CANCELLED');
    const q = db({ em: tx });
    if (!isUuid(agencyId) || !(await q.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst())) {
      throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyId');
    }
    const current = await q.selectFrom('cohort_agency_quota').select(['id', 'seats', 'seats_taken'])
      .where('cohort_id', '=', cohortId).where('agency_id', '=', agencyId).forUpdate().executeTakeFirst();
    if (current && seats < current.seats_taken) throw new AppError('QUOTA_BELOW_TAKEN', { taken: current.seats_taken }, 'seats');
    const { others } = await q.selectFrom('cohort_agency_quota').select(sql<number>`coalesce(sum(seats), 0)::int`.as('others'))
      .where('cohort_id', '=', cohortId).where('agency_id', '<>', agencyId).executeTakeFirstOrThrow();
    if (others + seats > cohort.capacity) throw new AppError('QUOTA_OVER_CAPACITY', { free: Math.max(0, cohort.capacity - others) }, 'seats');
    if (seats === 0) {
      if (current) await q.deleteFrom('cohort_agency_quota').where('id', '=', current.id).execute();
    } else if (current) {
      await q.updateTable('cohort_agency_quota').set({ seats, updated_at: sql`now()` } as never).where('id', '=', current.id).execute();
    } else {
      await q.insertInto('cohort_agency_quota').values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, cohort_id: cohortId, agency_id: agencyId, seats, seats_taken: 0,
      }).execute();
    }
    writeAudit({ em: tx, viewer }, 'programme_cohort.setQuota', 'ProgrammeCohort', cohortId, { agencyId, seats, previous: current?.seats ?? 0 });
  });
  return cohortAfterWrite(ctx, cohortId);
}

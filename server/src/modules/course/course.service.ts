import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import { LockMode } from '@mikro-orm/core';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { Agency } from '../agency/index.js';
import { writeAudit } from '../audit/index.js';
import { PartnerInstitution } from '../partner/index.js';
import { Person } from '../person/index.js';
import { Course as CourseEntity } from './course.entity.js';
import { AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DevelopmentForm, groupOf } from './course.enums.js';
import type { CatalogueFilter, CreateCourseInput, ManageableCoursesArgs, UpdateCourseInput } from './course.inputs.js';
import { CatalogueSort, MAX_TAG_LENGTH, MAX_TAGS } from './course.inputs.js';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';
import { coursePageReaders } from './course.page.js';
import { assertCanManageCourse, canViewCourse, catalogueVisibility, partnerAdminIds } from './course.policy.js';
import {
  and, courseById, courseWithAccess, coursePage, cursorOf, normalizeSearch, RUN_NOT_ENDED, RUN_START_KEY, runsKey, searchSql, toCourse, toPageCourse,
  type Condition, type PageOrder, type RunsWanted,
} from './course.sql.js';
import type { CatalogueOwner, CatalogueTag, Course } from './course.types.js';
import { CourseOwnerKind } from './course.types.js';

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/*
 * The catalogue lists courses by their runs (course_run, run module), read here as SQL only so that the
 * course module does not import the run module (which imports it). A run that is "not ended" is
 * scheduled and has no end or ends in the future; "open" also has its deadline ahead and a free seat.
 */
const HAS_RUN_NOT_ENDED = sql<boolean>`exists (select 1 from course_run r where r.course_id = c.id and ${RUN_NOT_ENDED})`;
const HAS_OPEN_RUN = sql<boolean>`exists (select 1 from course_run r where r.course_id = c.id and ${RUN_NOT_ENDED}
  and (r.enrolment_closes_at is null or r.enrolment_closes_at > now()) and (r.capacity is null or r.seats_taken < r.capacity))`;

function catalogueFilterSql(filter: CatalogueFilter | null | undefined): Condition[] {
  const parts: Condition[] = [];
  if (!filter) return [HAS_RUN_NOT_ENDED];
  if (filter.kinds?.length) parts.push(sql<boolean>`c.kind = any(${[...new Set(filter.kinds)]}::text[])`);
  let forms: DevelopmentForm[] | null = filter.forms?.length ? [...new Set(filter.forms)] : null;
  if (filter.formGroups?.length) {
    const groups = new Set(filter.formGroups);
    forms = (forms ?? Object.values(DevelopmentForm)).filter((f) => groups.has(groupOf(f)));
  }
  // Listings run as prepared statements: an array is one parameter, so the text is the same for any length.
  if (forms) parts.push(forms.length ? sql<boolean>`c.form::text = any(${forms}::text[])` : sql<boolean>`false`);
  if (filter.deliveries?.length) parts.push(sql<boolean>`c.delivery::text = any(${[...new Set(filter.deliveries)]}::text[])`);
  const competency = filter.competency?.trim();
  if (competency) parts.push(sql<boolean>`exists (select 1 from unnest(c.competency_tags) t where lower(t) = lower(${competency}))`);
  if (filter.ownerAgencyId) parts.push(isUuid(filter.ownerAgencyId) ? sql<boolean>`c.owner_agency_id = ${filter.ownerAgencyId}::uuid` : sql<boolean>`false`);
  if (filter.ownerPartnerId) parts.push(isUuid(filter.ownerPartnerId) ? sql<boolean>`c.owner_partner_id = ${filter.ownerPartnerId}::uuid` : sql<boolean>`false`);
  if (filter.jpMin != null) parts.push(sql<boolean>`c.jp >= ${filter.jpMin}`);
  if (filter.jpMax != null) parts.push(sql<boolean>`c.jp <= ${filter.jpMax}`);
  // Courses without a run still to come leave the catalogue unless asked for ("termasuk yang sudah selesai").
  if (!filter.includeEnded) parts.push(HAS_RUN_NOT_ENDED);
  // "Has a free seat" means one can take it now in some run: enrolment still open, whatever includeEnded says.
  if (filter.openOnly) parts.push(HAS_OPEN_RUN);
  return parts;
}

/** What a listing's client selected: the Course fields of its nodes, and whether the total. */
export interface ListingSelection {
  fields: ReadonlySet<string>;
  totalCount: boolean;
}

const NEWEST: PageOrder = { key: sql`coalesce(c.published_at, c.created_at)`, type: 'timestamptz', direction: 'desc' };
/**
 * The start of a course's next run (the soonest scheduled run not ended; undated = any time, first); for a
 * course with none left (listed only with includeEnded) its latest run's start, as when a course was its one
 * run. Read per course through course_run_course_start_idx; the page is then sorted on it.
 */
const NEXT_RUN_START = sql`coalesce(
  (select min(${RUN_START_KEY}) from course_run r where r.course_id = c.id and ${RUN_NOT_ENDED}),
  (select max(${RUN_START_KEY}) from course_run r where r.course_id = c.id and r.status = 'SCHEDULED'),
  'infinity'::timestamptz)`;
/** The start of a course's latest scheduled run (ended ones too), or -infinity (undated, or none). */
const LATEST_RUN_START = sql`coalesce((select max(${RUN_START_KEY}) from course_run r
  where r.course_id = c.id and r.status = 'SCHEDULED'), '-infinity'::timestamptz)`;
// NEWEST and TITLE match the partial indexes on course (course_catalogue_order_idx, …_title_idx).
const CATALOGUE_ORDERS: Record<Exclude<CatalogueSort, CatalogueSort.RELEVANCE>, PageOrder> = {
  // A run without a start date can be started any time, a running one now: both before upcoming ones.
  [CatalogueSort.SOONEST]: { key: NEXT_RUN_START, type: 'timestamptz', direction: 'asc' },
  [CatalogueSort.START_DATE]: { key: LATEST_RUN_START, type: 'timestamptz', direction: 'desc' },
  [CatalogueSort.NEWEST]: NEWEST,
  [CatalogueSort.TITLE]: { key: sql`lower(c.title)`, type: 'text', direction: 'asc' },
};

/**
 * The catalogue: published courses the viewer's agency may see (ended ones only when asked), filtered
 * and searched. Sorted as asked, each order keyset-paginated on its own index; by default what one can
 * start soonest, or the most relevant first when searching.
 */
export async function catalogue(ctx: SignedInOperationContext, filter: CatalogueFilter | null | undefined, sort: CatalogueSort | null | undefined,
  first: number, after: string | null | undefined, selection: ListingSelection,
): Promise<Page<Course>> {
  const { em, viewer } = ctx;
  const search = normalizeSearch(filter?.search);
  const s = search ? searchSql(search) : null;
  const where = and([catalogueVisibility(viewer), ...catalogueFilterSql(filter), ...(s ? [s.where] : [])]);
  const chosen = sort ?? (s ? CatalogueSort.RELEVANCE : CatalogueSort.SOONEST);
  const byRelevance = chosen === CatalogueSort.RELEVANCE && s !== null;
  const order = chosen === CatalogueSort.RELEVANCE ? (s ? NEWEST : CATALOGUE_ORDERS[CatalogueSort.SOONEST]) : CATALOGUE_ORDERS[chosen];
  const { rows, total } = await coursePage(em, {
    where, score: byRelevance ? s.score : null, order, first, after,
    fields: selection.fields, withTotal: selection.totalCount,
  });
  return toPage(rows, first, total, toPageCourse, cursorOf);
}

/**
 * One course for its page, read together with what the policy needs (visible to the viewer, taught by them)
 * and, when the page asks for them, its runs (`runs`: that page of them) in one prepared statement, so
 * PostgreSQL plans it once per connection; hidden looks like missing.
 */
export async function course(ctx: SignedInOperationContext, id: string, runs: RunsWanted | null = null): Promise<Course> {
  const { em, viewer } = ctx;
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'course' });
  const row = await courseWithAccess({ em, viewer }, id, runs);
  if (!row || !canViewCourse(viewer, row)) throw new AppError('NOT_FOUND', { what: 'course' });
  const result = toCourse(row);
  if (runs) result.preloadedRuns = { key: runsKey(runs), rows: row.runs ?? [], total: row.runs_total ?? null };
  for (const reader of coursePageReaders()) reader.apply(ctx, row[reader.name], result);
  return result;
}

const OWNER_LIMIT = 100;
const TAG_LIMIT = 50;

/** Agencies and partners that own courses the viewer can see, most courses first. */
export async function catalogueOwners(ctx: SignedInOperationContext): Promise<CatalogueOwner[]> {
  const q = db(ctx);
  const owners = q.selectFrom('course as c')
    .select([
      sql<CourseOwnerKind>`case when c.owner_agency_id is not null then 'AGENCY' else 'PARTNER' end`.as('kind'),
      sql<string>`coalesce(c.owner_agency_id, c.owner_partner_id)`.as('id'),
      sql<number>`count(*)::int`.as('course_count'),
    ])
    .where(catalogueVisibility(ctx.viewer))
    .groupBy([sql`1`, sql`2`]);
  const rows = await q.selectFrom(owners.as('o'))
    .leftJoin('agency as a', (join) => join.onRef('a.id', '=', 'o.id').on('o.kind', '=', CourseOwnerKind.AGENCY))
    .leftJoin('partner_institution as p', (join) => join.onRef('p.id', '=', 'o.id').on('o.kind', '=', CourseOwnerKind.PARTNER))
    .select(['o.kind', 'o.id', 'o.course_count', sql<string>`coalesce(a.name, p.name)`.as('name')])
    .orderBy('o.course_count', 'desc').orderBy(sql`name`).orderBy('o.id')
    .limit(OWNER_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, courseCount: r.course_count }));
}

/** Competency tags of visible courses, most used first (case-insensitive; shown as first written). */
export async function competencyTags(ctx: SignedInOperationContext): Promise<CatalogueTag[]> {
  const rows = await db(ctx).selectFrom('course as c').crossJoin(sql`unnest(c.competency_tags)`.as('t'))
    .select([sql<string>`min(t)`.as('tag'), sql<number>`count(distinct c.id)::int`.as('course_count')])
    .where(catalogueVisibility(ctx.viewer))
    .groupBy(sql`lower(t)`)
    .orderBy(sql`course_count`, 'desc').orderBy(sql`lower(t)`)
    .limit(TAG_LIMIT)
    .execute();
  return rows.map((r) => ({ tag: r.tag, courseCount: r.course_count }));
}

/** Courses the viewer manages (drafts too): their agencies' and partners', or all for platform admins. */
export async function manageableCourses(ctx: SignedInOperationContext, args: ManageableCoursesArgs, selection: ListingSelection): Promise<Page<Course>> {
  const { em, viewer } = ctx;
  const parts: Condition[] = [];
  if (args.agencyId) {
    if (!viewer.administersAgency(args.agencyId)) throw new AppError('FORBIDDEN', {}, 'agencyId');
    parts.push(sql<boolean>`c.owner_agency_id = ${args.agencyId}::uuid`);
  }
  if (args.partnerId) {
    if (!viewer.isPlatformAdmin && !partnerAdminIds(viewer).includes(args.partnerId)) throw new AppError('FORBIDDEN', {}, 'partnerId');
    parts.push(sql<boolean>`c.owner_partner_id = ${args.partnerId}::uuid`);
  }
  if (!args.agencyId && !args.partnerId && !viewer.isPlatformAdmin) {
    parts.push(sql<boolean>`c.owner_agency_id = any(${viewer.adminAgencyIds}::uuid[]) or c.owner_partner_id = any(${partnerAdminIds(viewer)}::uuid[])`);
  }
  if (args.status) parts.push(sql<boolean>`c.status = ${args.status}`);
  const search = normalizeSearch(args.search);
  const s = search ? searchSql(search) : null;
  if (s) parts.push(s.where);
  const { rows, total } = await coursePage(em, {
    where: and(parts), score: s?.score ?? null, order: { key: sql`c.created_at`, type: 'timestamptz', direction: 'desc' }, first: args.first, after: args.after,
    fields: selection.fields, withTotal: selection.totalCount,
  });
  return toPage(rows, args.first, total, toPageCourse, cursorOf);
}

// ---------------------------------------------------------------------------------------------
// Writes: each one transaction with an audit entry
// ---------------------------------------------------------------------------------------------

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._/-]*$/;

function badInput(field: string, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', { reason }, field);
}

function normalizeCode(code: string | null): string {
  const value = (code ?? '').trim().toUpperCase();
  if (!value) throw badInput('code', 'empty');
  if (value.length > 40 || !CODE_PATTERN.test(value)) throw badInput('code', 'format');
  return value;
}

function normalizeTitle(title: string | null): string {
  const value = (title ?? '').replace(/\s+/g, ' ').trim();
  if (!value) throw badInput('title', 'empty');
  if (value.length > 200) throw badInput('title', 'tooLong');
  return value;
}

/** Trimmed, without empties, without case-insensitive duplicates (the first spelling wins). */
function normalizeTags(tags: string[]): string[] {
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

/** One decimal, as the ledger keeps JP; a FIXED_JP workshop must say how many. */
function attendanceRule(credit: AttendanceCredit, fixedJp: number | null): { credit: AttendanceCredit; fixedJp: string | null } {
  if (credit === AttendanceCredit.FIXED_JP && fixedJp === null) throw badInput('fixedJp', 'required');
  return { credit, fixedJp: fixedJp === null ? null : (Math.round(fixedJp * 10) / 10).toFixed(1) };
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw badInput(field, 'required');
  return value;
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
  // Left out: the one agency or partner the viewer administers, when there is exactly one.
  const agencies = viewer.adminAgencyIds;
  const partners = partnerAdminIds(viewer);
  if (agencies.length === 1 && partners.length === 0) return { agencyId: agencies[0], partnerId: null };
  if (partners.length === 1 && agencies.length === 0) return { agencyId: null, partnerId: partners[0] };
  throw new AppError('INVALID_OWNER', {}, 'ownerAgencyId');
}

async function assertCodeFree(tx: EntityManager, code: string, exceptId: string | null): Promise<void> {
  const taken = await db({ em: tx }).selectFrom('course').select('id')
    .where('code', '=', code).$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE_CODE', {}, 'code');
}

async function checkAgencies(tx: EntityManager, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const rows = await db({ em: tx }).selectFrom('agency').select('id').where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', { what: 'agency' }, 'visibleToAgencyIds');
  return unique;
}

/** The agencies a LISTED_AGENCIES course is shared with; none for the other visibilities. */
async function listedAgencies(tx: EntityManager, visibility: CourseVisibility, ids: string[] | null | undefined): Promise<string[]> {
  if (visibility !== CourseVisibility.LISTED_AGENCIES) {
    if (ids?.length) throw badInput('visibleToAgencyIds', 'onlyForListedAgencies');
    return [];
  }
  if (!ids?.length) throw badInput('visibleToAgencyIds', 'required');
  return checkAgencies(tx, ids);
}

async function replaceVisibleAgencies(tx: EntityManager, courseId: string, ids: string[]): Promise<void> {
  const q = db({ em: tx });
  await q.deleteFrom('course_visible_agency').where('course_id', '=', courseId).execute();
  if (ids.length) await q.insertInto('course_visible_agency').values(ids.map((agencyId) => ({ course_id: courseId, agency_id: agencyId }))).execute();
}

/** Turns a unique violation on the course code (a concurrent create) into DUPLICATE_CODE. */
async function mapCodeViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'course_code_unique')) throw new AppError('DUPLICATE_CODE', {}, 'code');
    throw error;
  }
}

export async function createCourse(ctx: SignedInOperationContext, input: CreateCourseInput): Promise<Course> {
  const { em, viewer } = ctx;
  const code = normalizeCode(input.code);
  const title = normalizeTitle(input.title);
  const tags = normalizeTags(input.competencyTags ?? []);
  const owner = resolveOwner(viewer, input.ownerAgencyId, input.ownerPartnerId);

  const id = await mapCodeViolation(() => em.transactional(async (tx) => {
    if (owner.agencyId && !(await tx.findOne(Agency, owner.agencyId, { fields: ['id'] }))) {
      throw new AppError('NOT_FOUND', { what: 'agency' }, 'ownerAgencyId');
    }
    if (owner.partnerId && !(await tx.findOne(PartnerInstitution, owner.partnerId, { fields: ['id'] }))) {
      throw new AppError('NOT_FOUND', { what: 'partner' }, 'ownerPartnerId');
    }
    await assertCodeFree(tx, code, null);
    const agencyIds = await listedAgencies(tx, input.visibility, input.visibleToAgencyIds);

    const course = new CourseEntity({
      code, title, form: input.form, delivery: input.delivery, jp: input.jp, visibility: input.visibility,
    });
    course.description = input.description?.trim() ?? '';
    course.competencyTags = tags;
    course.ownerAgency = owner.agencyId ? tx.getReference(Agency, owner.agencyId) : null;
    course.ownerPartner = owner.partnerId ? tx.getReference(PartnerInstitution, owner.partnerId) : null;
    course.costPerParticipant = input.costPerParticipant ?? 0;
    course.kind = input.kind ?? CourseKind.COURSE;
    const rule = attendanceRule(input.attendanceCredit ?? AttendanceCredit.ATTENDED_MINUTES, input.fixedJp ?? null);
    course.attendanceCredit = rule.credit;
    course.fixedJp = rule.fixedJp;
    course.minAttendancePercent = input.minAttendancePercent ?? 80;
    course.createdBy = tx.getReference(Person, viewer.personId);
    for (const agencyId of agencyIds) course.visibleToAgencies.add(tx.getReference(Agency, agencyId));
    tx.persist(course);
    writeAudit({ em: tx, viewer }, 'course.create', 'Course', course.id, { code, title, ownerAgencyId: owner.agencyId, ownerPartnerId: owner.partnerId });
    return course.id;
  }));
  return (await courseById(em, id))!;
}

/** Locks the course row so changes to it (and runs created meanwhile) go one writer at a time. */
async function lockCourse(tx: EntityManager, viewer: Viewer, id: string): Promise<{ course: CourseEntity; status: CourseStatus }> {
  await assertCanManageCourse(tx, viewer, id);
  const course = await tx.findOneOrFail(CourseEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  // The entity's status carries the ORM's `Opt` brand; the plain enum compares cleanly.
  const status: CourseStatus = course.status;
  return { course, status };
}

export async function updateCourse(ctx: SignedInOperationContext, id: string, input: UpdateCourseInput): Promise<Course> {
  const { em, viewer } = ctx;
  // Everything that needs no database is checked before the transaction starts.
  const code = input.code !== undefined ? normalizeCode(input.code) : undefined;
  const title = input.title !== undefined ? normalizeTitle(input.title) : undefined;
  const tags = input.competencyTags !== undefined ? normalizeTags(input.competencyTags ?? []) : undefined;
  const jp = input.jp !== undefined ? required(input.jp, 'jp') : undefined;
  const form = input.form !== undefined ? required(input.form, 'form') : undefined;
  const delivery = input.delivery !== undefined ? required(input.delivery, 'delivery') : undefined;
  const visibility = input.visibility !== undefined ? required(input.visibility, 'visibility') : undefined;
  const cost = input.costPerParticipant !== undefined ? (input.costPerParticipant ?? 0) : undefined;

  await mapCodeViolation(() => em.transactional(async (tx) => {
    const { course, status } = await lockCourse(tx, viewer, id);
    if (status === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    const changed: string[] = [];
    const set = <K extends keyof CourseEntity>(key: K, value: CourseEntity[K] | undefined) => {
      if (value === undefined) return;
      const before = course[key];
      const same = before instanceof Date && value instanceof Date ? before.getTime() === value.getTime()
        : Array.isArray(before) && Array.isArray(value) ? JSON.stringify(before) === JSON.stringify(value)
          : before === value;
      if (!same) {
        course[key] = value;
        changed.push(key);
      }
    };

    if (code !== undefined && code !== course.code) await assertCodeFree(tx, code, course.id);
    set('code', code);
    set('title', title);
    if (input.description !== undefined) set('description', input.description?.trim() ?? '');
    set('form', form);
    set('delivery', delivery);
    set('jp', jp);
    set('competencyTags', tags);
    set('costPerParticipant', cost);
    if (input.attendanceCredit !== undefined || input.fixedJp !== undefined) {
      const rule = attendanceRule(input.attendanceCredit ?? course.attendanceCredit,
        input.fixedJp !== undefined ? input.fixedJp : (course.fixedJp === null ? null : Number(course.fixedJp)));
      set('attendanceCredit', rule.credit);
      set('fixedJp', rule.fixedJp);
    }
    if (input.minAttendancePercent !== undefined) set('minAttendancePercent', required(input.minAttendancePercent, 'minAttendancePercent'));
    const nextVisibility = visibility ?? course.visibility;
    if (visibility !== undefined || input.visibleToAgencyIds !== undefined) {
      // Left out: a listed course keeps its list; any other visibility drops it.
      const ids = input.visibleToAgencyIds !== undefined ? input.visibleToAgencyIds
        : nextVisibility !== CourseVisibility.LISTED_AGENCIES ? []
          : (await db({ em: tx }).selectFrom('course_visible_agency').select('agency_id').where('course_id', '=', course.id).execute()).map((r) => r.agency_id);
      const agencyIds = await listedAgencies(tx, nextVisibility, ids);
      await replaceVisibleAgencies(tx, course.id, agencyIds);
      set('visibility', visibility);
      if (input.visibleToAgencyIds !== undefined) changed.push('visibleToAgencies');
    }

    writeAudit({ em: tx, viewer }, 'course.update', 'Course', course.id, { changed });
    await tx.flush();
  }));
  return (await courseById(em, id))!;
}

export async function publishCourse(ctx: SignedInOperationContext, id: string): Promise<Course> {
  const { em, viewer } = ctx;
  await em.transactional(async (tx) => {
    const { course, status } = await lockCourse(tx, viewer, id);
    if (status !== CourseStatus.DRAFT) throw new AppError('COURSE_NOT_DRAFT');
    course.status = CourseStatus.PUBLISHED;
    course.publishedAt = new Date();
    writeAudit({ em: tx, viewer }, 'course.publish', 'Course', course.id, {});
  });
  return (await courseById(em, id))!;
}

/** Archived courses leave the catalogue; their enrolments stay as they are. */
export async function archiveCourse(ctx: SignedInOperationContext, id: string): Promise<Course> {
  const { em, viewer } = ctx;
  await em.transactional(async (tx) => {
    const { course, status: from } = await lockCourse(tx, viewer, id);
    if (from === CourseStatus.ARCHIVED) throw new AppError('COURSE_ARCHIVED');
    course.status = CourseStatus.ARCHIVED;
    writeAudit({ em: tx, viewer }, 'course.archive', 'Course', course.id, { from });
  });
  return (await courseById(em, id))!;
}

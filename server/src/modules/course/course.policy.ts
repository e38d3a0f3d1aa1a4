import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../shared/auth/viewer.js';
import { Role } from '../../shared/auth/roles.js';
import type { CourseStatus, CourseVisibility } from './course.enums.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { db } from '../../shared/db/kysely.js';

/**
 * Who may see a course in the catalogue: it is published and either open to all agencies, owned
 * by the viewer's agency, or lists the viewer's agency. As a Kysely expression over the course row
 * aliased `alias`, so listings filter in the database; the viewer's agency is a bound parameter.
 */
export function catalogueVisibility(viewer: Viewer, alias = 'c'): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  if (!viewer.agencyId) return sql<boolean>`(${col('status')} = 'PUBLISHED' and ${col('visibility')} = 'ALL_AGENCIES')`;
  return sql<boolean>`(${col('status')} = 'PUBLISHED' and (${col('visibility')} = 'ALL_AGENCIES' or ${col('owner_agency_id')} = ${viewer.agencyId}::uuid
    or (${col('visibility')} = 'LISTED_AGENCIES' and exists (select 1 from course_visible_agency v where v.course_id = ${col('id')} and v.agency_id = ${viewer.agencyId}::uuid))))`;
}

/** Whether `personId` teaches any run of the course aliased `alias` (so may open it though it is hidden). */
export const teachesCourse = (personId: string, alias = 'c') =>
  sql<boolean>`exists (select 1 from course_run_instructor ri join course_run tr on tr.id = ri.run_id where tr.course_id = ${sql.ref(`${alias}.id`)} and ri.person_id = ${personId}::uuid)`;

/** Partners whose courses this viewer administers. */
export function partnerAdminIds(viewer: Viewer): string[] {
  return viewer.grants.filter((g) => g.role === Role.PARTNER_ADMIN && g.partnerId).map((g) => g.partnerId!);
}

export interface CourseAccessRow {
  id: string;
  status: CourseStatus;
  visibility: CourseVisibility;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  visible_to_viewer: boolean;
  teaches: boolean;
}

/** Loads what the course policies need about one course for this viewer, in one statement (in `em`'s transaction if any). */
async function loadCourseAccess(em: EntityManager, viewer: Viewer, courseId: string): Promise<CourseAccessRow | null> {
  // A malformed id names no course (and must not reach PostgreSQL as a uuid cast error).
  if (!isUuid(courseId)) return null;
  const row = await db({ em }).selectFrom('course as c')
    .select(['c.id', 'c.status', 'c.visibility', 'c.owner_agency_id', 'c.owner_partner_id'])
    .select([catalogueVisibility(viewer).as('visible_to_viewer'), teachesCourse(viewer.personId).as('teaches')])
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  return row ?? null;
}

/** Agency admins of the owner, partner admins of the owner, and platform admins manage a course. */
export function canManageCourse(viewer: Viewer, course: Pick<CourseAccessRow, 'owner_agency_id' | 'owner_partner_id'>): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (course.owner_agency_id && viewer.administersAgency(course.owner_agency_id)) return true;
  return !!course.owner_partner_id && partnerAdminIds(viewer).includes(course.owner_partner_id);
}

/** Managers and the instructors of any of its runs (rosters and outcomes are per run: run.policy.ts). */
function canTeachCourse(viewer: Viewer, course: CourseAccessRow): boolean {
  return course.teaches || canManageCourse(viewer, course);
}

/** A learner may open a course they can see in the catalogue; managers and instructors always can. */
export function canViewCourse(viewer: Viewer, course: CourseAccessRow): boolean {
  return course.visible_to_viewer || canTeachCourse(viewer, course);
}

/**
 * For changes: a course the viewer cannot see is NOT_FOUND; one they can see but not manage (another
 * agency's published course) is FORBIDDEN.
 */
export async function assertCanManageCourse(em: EntityManager, viewer: Viewer, courseId: string): Promise<CourseAccessRow> {
  const course = await loadCourseAccess(em, viewer, courseId);
  if (!course) throw new AppError('NOT_FOUND', { what: 'course' });
  if (!canManageCourse(viewer, course)) {
    throw canViewCourse(viewer, course) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { what: 'course' });
  }
  return course;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { CourseStatus } from './course.enums.js';
import { and, coursePage, cursorOf, sql, toPageCourse } from './course.sql.js';
import type { ListingSelection } from './course.service.js';
import type { Course } from './course.types.js';

/**
 * Courses the viewer teaches (is listed as an instructor of), whoever owns them: partner staff are
 * often not learners and cannot reach these courses through the catalogue. Newest start first
 * (courses without a start date by creation time), keyset-paginated; one statement per page (plus
 * the count when `totalCount` is selected), owners and instructors joined in.
 */
export async function teachingCourses(
  em: EntityManager,
  viewer: Viewer,
  args: { first: number; after?: string | null; status?: CourseStatus | null },
  selection: ListingSelection,
): Promise<Page<Course>> {
  const where = and([
    sql(`exists (select 1 from course_instructor ci where ci.course_id = c.id and ci.person_id = ?::uuid)`, viewer.personId),
    // Drafts are work in progress of the course's managers; an instructor asks for them explicitly.
    args.status ? sql(`c.status = ?`, args.status) : sql(`c.status <> ?`, CourseStatus.DRAFT),
  ]);
  const { rows, total } = await coursePage(em, {
    where, score: null, order: { key: 'coalesce(c.starts_at, c.created_at)', type: 'timestamptz', direction: 'desc' }, first: args.first, after: args.after,
    fields: selection.fields, withTotal: selection.totalCount,
  });
  return toPage(rows, args.first, total, toPageCourse, cursorOf);
}

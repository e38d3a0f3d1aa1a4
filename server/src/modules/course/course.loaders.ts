import { byKeys, defineLoader, groupByKeys } from '../../shared/graphql/loaders.js';
import { coursesByIds } from './course.sql.js';
import { type Course, CourseAgency, CourseOwner, CourseOwnerKind } from './course.types.js';

/** Key of an owner: `AGENCY:<id>` or `PARTNER:<id>`, so one loader (one statement) serves both kinds. */
export function ownerKey(course: { ownerAgencyId: string | null; ownerPartnerId: string | null }): string | null {
  if (course.ownerAgencyId) return `${CourseOwnerKind.AGENCY}:${course.ownerAgencyId}`;
  if (course.ownerPartnerId) return `${CourseOwnerKind.PARTNER}:${course.ownerPartnerId}`;
  return null;
}

function idsOfKind(keys: readonly string[], kind: CourseOwnerKind): string[] {
  const prefix = `${kind}:`;
  return keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

interface OwnerRow { kind: CourseOwnerKind; id: string; name: string }

export const courseOwnerLoader = defineLoader<string, CourseOwner | null>('course.owner', async (em, keys) => {
  const rows = await em.execute<OwnerRow[]>(
    `select 'AGENCY' as kind, a.id, a.name from agency a where a.id = any(array[?]::uuid[])
     union all
     select 'PARTNER' as kind, p.id, p.name from partner_institution p where p.id = any(array[?]::uuid[])`,
    [idsOfKind(keys, CourseOwnerKind.AGENCY), idsOfKind(keys, CourseOwnerKind.PARTNER)],
  );
  return byKeys(keys, rows, (r) => `${r.kind}:${r.id}`, (r) => ({ id: r.id, name: r.name, kind: r.kind }), null);
});

/** Courses by id (a run's course), with their owners, in one statement. Callers have checked the viewer may see them. */
export const courseByIdLoader = defineLoader<string, Course | null>('course.byId', async (em, ids) => {
  const courses = await coursesByIds(em, [...ids]);
  return byKeys(ids, courses, (c) => c.id, (c) => c, null);
});

interface AgencyRow { course_id: string; id: string; name: string }

export const courseVisibleAgenciesLoader = defineLoader<string, CourseAgency[]>('course.visibleAgencies', async (em, courseIds) => {
  const rows = await em.execute<AgencyRow[]>(
    `select v.course_id, a.id, a.name
       from course_visible_agency v join agency a on a.id = v.agency_id
      where v.course_id = any(array[?]::uuid[])
      order by a.name, a.id`,
    [[...courseIds]],
  );
  return groupByKeys(courseIds, rows, (r) => r.course_id).map((list) => list.map((r) => ({ id: r.id, name: r.name })));
});

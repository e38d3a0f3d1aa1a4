import { CourseAdminResolver, CourseResolver } from './course.resolver.js';

export { Course } from './course.entity.js';
export {
  CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, DevelopmentFormGroup, EnrolmentPolicy, groupOf,
} from './course.enums.js';
export {
  assertCanManageCourse, assertCanViewCourse, canManageCourse, canTeachCourse, canViewCourse, catalogueVisibility, catalogueVisibilitySql,
  loadCourseAccess, partnerAdminIds, teachesCourse, type CourseAccessRow,
} from './course.policy.js';
export { courseByIdLoader } from './course.loaders.js';
export { readOnCoursePage } from './course.page.js';
export type { Course as CourseView } from './course.types.js';
export { Course as CourseType, CourseInstructor, CoursePage } from './course.types.js';
export {
  courseColumns, courseById, decodeSortKey, encodeSortKey, epochMs, joinOwners, ownerNames, RUN_NOT_ENDED, RUN_START_KEY, runJson, toCourse,
  type CourseRow, type RunPageJson, type RunsWanted, runsKey,
} from './course.sql.js';
export type { ListingSelection } from './course.service.js';

export const courseResolvers = [CourseResolver, CourseAdminResolver] as const;

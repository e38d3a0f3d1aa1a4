import { CourseAdminResolver, CourseResolver } from './course.resolver.js';

export { Course } from './course.entity.js';
export {
  AttendanceCredit, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, DevelopmentFormGroup, EnrolmentPolicy, groupOf,
} from './course.enums.js';
export {
  assertCanManageCourse, canManageCourse, catalogueVisibility, partnerAdminIds, teachesCourse, type CourseAccessRow,
} from './course.policy.js';
export { courseByIdLoader } from './course.loaders.js';
export { developmentFormNames } from './form-names.js';
export { readOnCoursePage } from './course.page.js';
export type { Course as CourseView } from './course.types.js';
export { Course as CourseType, CourseInstructor, CourseOwner, CourseOwnerKind } from './course.types.js';
export {
  courseColumns, decodeSortKey, encodeSortKey, epochMs, joinOwners, ownerNames, RUN_NOT_ENDED, RUN_START_KEY, runsKey, toCourse,
  type CourseRow, type RunPageJson,
} from './course.sql.js';

export const courseResolvers = [CourseResolver, CourseAdminResolver] as const;

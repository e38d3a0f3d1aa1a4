import { CourseAdminResolver, CourseResolver } from './course.resolver.js';

export { Course } from './course.entity.js';
export {
  CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, DevelopmentFormGroup, EnrolmentPolicy, groupOf,
} from './course.enums.js';
export {
  assertCanManageCourse, assertCanViewCourse, canManageCourse, canTeachCourse, canViewCourse, catalogueVisibilitySql,
  loadCourseAccess, partnerAdminIds, type CourseAccessRow,
} from './course.policy.js';
/** For home's Kysely statement (home-ledger, issue 6). */
export { catalogueVisible } from './course.policy.js';
export { courseByIdLoader, courseOwnerLoader } from './course.loaders.js';
export type { Course as CourseView } from './course.types.js';
export { Course as CourseType, CourseInstructor, CoursePage } from './course.types.js';
export { COURSE_COLUMNS, courseById, OWNER_NAMES, ownerJoins, toCourse, type CourseRow } from './course.sql.js';
export type { ListingSelection } from './course.service.js';

export const courseResolvers = [CourseResolver, CourseAdminResolver] as const;

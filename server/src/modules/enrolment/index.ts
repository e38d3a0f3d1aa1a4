import { EnrolmentLearnerResolver, EnrolmentResolver } from './enrolment.resolver.js';
import { ViewerCourseEnrolmentResolver, ViewerRunEnrolmentResolver } from './viewer-enrolment.resolver.js';
// Registers what a course's page reads of the viewer's enrolments in the course's own statement.
import './course-page.js';

export { CURRENT, EnrolmentStatus, REOPENABLE, SEAT_HOLDING } from './enrolment.entity.js';
export {
  ENROLMENT_COLUMNS, ENROLMENT_JOINS, toDate, toEnrolment, toEnrolmentCourse,
  type CourseColumns, type EnrolmentRow,
} from './enrolment.queries.js';
export { moveRequestsToSupervisor } from './approvers.js';
/** Programme nominations register people in item runs under the same per-learner locks as enrol(). */
export { lockLearnersInCourse } from './enrolment.service.js';
export { enrolmentOutcomesChanged, onEnrolmentOutcomesChanged, type EnrolmentOutcomeListener, type OutcomeTransaction } from './outcome-listeners.js';
export { seesOnlineLink } from './enrolment.policy.js';
export { Enrolment, EnrolmentCourse } from './enrolment.types.js';
export const enrolmentResolvers = [EnrolmentResolver, EnrolmentLearnerResolver, ViewerCourseEnrolmentResolver, ViewerRunEnrolmentResolver] as const;

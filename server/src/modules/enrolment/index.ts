import { EnrolmentLearnerResolver, EnrolmentResolver } from './enrolment.resolver.js';
import { ViewerEnrolmentResolver } from './viewer-enrolment.resolver.js';

export { EnrolmentStatus, REOPENABLE, SEAT_HOLDING } from './enrolment.entity.js';
/** For the course module: call in the transaction that raised a course's capacity. */
export { promoteFromWaitlist } from './seats.js';
export {
  ENROLMENT_COLUMNS, ENROLMENT_JOINS, toDate, toEnrolment, toEnrolmentCourse,
  type CourseColumns, type EnrolmentRow,
} from './enrolment.queries.js';
export { Enrolment, EnrolmentCourse } from './enrolment.types.js';
export const enrolmentResolvers = [EnrolmentResolver, EnrolmentLearnerResolver, ViewerEnrolmentResolver] as const;

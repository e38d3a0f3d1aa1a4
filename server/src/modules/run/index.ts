import { CourseRunAdminResolver, CourseRunResolver, CourseRunsOfCourseResolver, TeachingResolver } from './run.resolver.js';

export { CourseRun as CourseRunEntity, CourseRunStatus } from './run.entity.js';
export { CourseRun } from './run.types.js';
export { closedReasonSql, EnrolmentClosedReason } from './enrolment-window.js';
export { assertCanViewRun, canTeachRun, canViewRun, loadRunAccess } from './run.policy.js';
export { RUN_COLUMNS, runSelections, toCourseRun, type RunRow } from './run.sql.js';
/** Seat and waiting-list bookkeeping of a run, for the enrolment module (in its transactions). */
export { admit, leaveWaitlist, promoteFromWaitlist, releaseSeat } from './seats.js';
/** For a recurring forum's occurrences (workshop module): the same instructor gate and cancellation as any run. */
export { assignInstructors as assignRunInstructors, cancelRunIn } from './run.service.js';
export { composeRunCancelledMail } from './run-cancelled.mail.js';

export const runResolvers = [CourseRunResolver, CourseRunsOfCourseResolver, CourseRunAdminResolver, TeachingResolver] as const;

import type { Viewer } from '../../shared/auth/viewer.js';
import { canManageCourse, partnerAdminIds } from '../course/index.js';
import { SEAT_HOLDING } from './enrolment.entity.js';

/** What the enrolment policies need about one enrolment (see loadEnrolmentAccess). */
export interface EnrolmentAccessRow {
  id: string;
  status: string;
  person_id: string;
  course_id: string;
  run_id: string;
  approver_id: string | null;
  learner_supervisor_id: string | null;
  learner_agency_id: string | null;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  /** The viewer is an instructor of the enrolment's run. */
  teaches: boolean;
}

/** Same rule as the run module's canTeachRun: the run's instructors and its course's managers. */
const runsCourse = (viewer: Viewer, row: EnrolmentAccessRow) => row.teaches || canManageCourse(viewer, row);

/** The learner, their approver and supervisor, the run's instructors, the course's managers, and admins of the learner's agency. */
export function canSeeEnrolment(viewer: Viewer, row: EnrolmentAccessRow): boolean {
  return (
    row.person_id === viewer.personId ||
    row.approver_id === viewer.personId ||
    row.learner_supervisor_id === viewer.personId ||
    viewer.administersAgency(row.learner_agency_id) ||
    runsCourse(viewer, row)
  );
}

/** Only the learner withdraws. */
export function canWithdrawEnrolment(viewer: Viewer, row: EnrolmentAccessRow): boolean {
  return row.person_id === viewer.personId;
}

/** The approver named on the request, or an admin of the learner's agency (never the learner themselves). */
export function canDecideEnrolment(viewer: Viewer, row: EnrolmentAccessRow): boolean {
  if (row.person_id === viewer.personId) return false;
  return row.approver_id === viewer.personId || viewer.administersAgency(row.learner_agency_id);
}

/**
 * Who answers for a course: the admins of its owner — agency admins of the owning agency, partner
 * admins of the owning partner. Not platform admins by that role alone (they run the platform, not
 * courses: DOMAIN.md), and not admins of a learner's own agency when another body owns the course.
 */
export function administersCourseOwner(viewer: Viewer, course: { owner_agency_id: string | null; owner_partner_id: string | null }): boolean {
  if (course.owner_agency_id && viewer.adminAgencyIds.includes(course.owner_agency_id)) return true;
  return !!course.owner_partner_id && partnerAdminIds(viewer).includes(course.owner_partner_id);
}

/**
 * An outcome (completion credits JP, failure does not) is decided by the people responsible for the
 * run: its instructors and its course owner's admins. Never by the learner themselves.
 */
export function canFinishEnrolment(viewer: Viewer, row: EnrolmentAccessRow): boolean {
  if (row.person_id === viewer.personId) return false; // nobody credits their own JP
  return row.teaches || administersCourseOwner(viewer, row);
}

/**
 * Who is given a run's online link (CourseRun.onlineUrl, the calendar files): whoever holds a seat in it — ACTIVE,
 * and COMPLETED or FAILED, so past learners keep the record of where they learned — and whoever runs it: its
 * instructors and its course's managers (platform admins among them). A request or a waiting-list place is no
 * place in the meeting; everyone else sees only that there is a link (CourseRun.hasOnlineUrl).
 */
export function seesOnlineLink(runsIt: boolean, viewerStatus: string | null | undefined): boolean {
  return runsIt || (!!viewerStatus && (SEAT_HOLDING as readonly string[]).includes(viewerStatus));
}

/** The run's instructors and its course's managers (the run module's canTeachRun, from a run as GraphQL carries it). */
export function runsTheRun(viewer: Viewer, run: { instructors: { id: string }[]; ownerAgencyId: string | null; ownerPartnerId: string | null }): boolean {
  return canManageCourse(viewer, { owner_agency_id: run.ownerAgencyId, owner_partner_id: run.ownerPartnerId })
    || run.instructors.some((instructor) => instructor.id === viewer.personId);
}

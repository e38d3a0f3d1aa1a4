import { registerEnumType } from 'type-graphql';

/** Bentuk pengembangan kompetensi (PP 11/2017 jo. PP 17/2020, Peraturan LAN). */
export enum DevelopmentForm {
  // Pendidikan
  DEGREE_STUDY = 'DEGREE_STUDY',
  // Pelatihan klasikal
  LEADERSHIP_TRAINING = 'LEADERSHIP_TRAINING',
  MANAGERIAL_TRAINING = 'MANAGERIAL_TRAINING',
  TECHNICAL_TRAINING = 'TECHNICAL_TRAINING',
  FUNCTIONAL_TRAINING = 'FUNCTIONAL_TRAINING',
  SOCIO_CULTURAL_TRAINING = 'SOCIO_CULTURAL_TRAINING',
  SEMINAR = 'SEMINAR',
  WORKSHOP = 'WORKSHOP',
  COURSE = 'COURSE',
  UPGRADING = 'UPGRADING',
  TECHNICAL_GUIDANCE = 'TECHNICAL_GUIDANCE',
  SOCIALISATION = 'SOCIALISATION',
  // Pelatihan nonklasikal
  COACHING = 'COACHING',
  MENTORING = 'MENTORING',
  E_LEARNING = 'E_LEARNING',
  DISTANCE_LEARNING = 'DISTANCE_LEARNING',
  SECONDMENT = 'SECONDMENT',
  OUTBOUND = 'OUTBOUND',
  BENCHMARKING = 'BENCHMARKING',
  STAFF_EXCHANGE = 'STAFF_EXCHANGE',
  SELF_STUDY = 'SELF_STUDY',
  COMMUNITY_OF_PRACTICE = 'COMMUNITY_OF_PRACTICE',
  ON_THE_JOB_GUIDANCE = 'ON_THE_JOB_GUIDANCE',
  INTERNSHIP = 'INTERNSHIP',
}
registerEnumType(DevelopmentForm, { name: 'DevelopmentForm', description: 'Bentuk pengembangan kompetensi' });

export enum DevelopmentFormGroup {
  EDUCATION = 'EDUCATION',
  CLASSROOM = 'CLASSROOM',
  NON_CLASSROOM = 'NON_CLASSROOM',
}
registerEnumType(DevelopmentFormGroup, { name: 'DevelopmentFormGroup', description: 'Pendidikan, pelatihan klasikal, pelatihan nonklasikal' });

const NON_CLASSROOM = new Set<DevelopmentForm>([
  DevelopmentForm.COACHING, DevelopmentForm.MENTORING, DevelopmentForm.E_LEARNING, DevelopmentForm.DISTANCE_LEARNING,
  DevelopmentForm.SECONDMENT, DevelopmentForm.OUTBOUND, DevelopmentForm.BENCHMARKING, DevelopmentForm.STAFF_EXCHANGE,
  DevelopmentForm.SELF_STUDY, DevelopmentForm.COMMUNITY_OF_PRACTICE, DevelopmentForm.ON_THE_JOB_GUIDANCE, DevelopmentForm.INTERNSHIP,
]);

export function groupOf(form: DevelopmentForm): DevelopmentFormGroup {
  if (form === DevelopmentForm.DEGREE_STUDY) return DevelopmentFormGroup.EDUCATION;
  return NON_CLASSROOM.has(form) ? DevelopmentFormGroup.NON_CLASSROOM : DevelopmentFormGroup.CLASSROOM;
}

export enum DeliveryMode {
  ONLINE_SELF_PACED = 'ONLINE_SELF_PACED',
  BLENDED = 'BLENDED',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(DeliveryMode, { name: 'DeliveryMode', description: 'Metode: daring mandiri, blended, tatap muka' });

export enum EnrolmentPolicy {
  OPEN = 'OPEN',
  SUPERVISOR_APPROVAL = 'SUPERVISOR_APPROVAL',
  INVITATION = 'INVITATION',
}
registerEnumType(EnrolmentPolicy, { name: 'EnrolmentPolicy' });

export enum CourseStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CourseStatus, { name: 'CourseStatus' });

export enum CourseVisibility {
  OWN_AGENCY = 'OWN_AGENCY',
  LISTED_AGENCIES = 'LISTED_AGENCIES',
  ALL_AGENCIES = 'ALL_AGENCIES',
}
registerEnumType(CourseVisibility, { name: 'CourseVisibility' });

/**
 * What a course row is: a course (kursus/pelatihan, completed by its instructor's decision) or a workshop
 * (lokakarya, seminar, bimtek, forum diskusi: runs with sessions whose attendance decides completion and JP).
 * Both share runs, registration, the catalogue and the ledger; the workshop module adds sessions and attendance.
 */
export enum CourseKind {
  COURSE = 'COURSE',
  WORKSHOP = 'WORKSHOP',
}
registerEnumType(CourseKind, { name: 'CourseKind', description: 'COURSE (kursus/pelatihan) or WORKSHOP (lokakarya, seminar, bimtek, forum)' });

/** How a workshop turns attendance into JP (a course credits its `jp` on completion). */
export enum AttendanceCredit {
  /** Minutes attended per session, each converted by the rule set in force on the session's date. */
  ATTENDED_MINUTES = 'ATTENDED_MINUTES',
  /** The workshop's `fixedJp` for anyone who reached the minimum attendance share. */
  FIXED_JP = 'FIXED_JP',
}
registerEnumType(AttendanceCredit, { name: 'AttendanceCredit', description: 'How a workshop turns attendance into JP' });

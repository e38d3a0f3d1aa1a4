import { registerEnumType } from 'type-graphql';

/**
 * When a course stops taking enrolments: once it has ended, and once its enrolment deadline (if set)
 * has passed. The values are also the error codes the enrol mutations answer with.
 */
export enum EnrolmentClosedReason {
  COURSE_ENDED = 'COURSE_ENDED',
  ENROLMENT_DEADLINE_PASSED = 'ENROLMENT_DEADLINE_PASSED',
}
registerEnumType(EnrolmentClosedReason, { name: 'EnrolmentClosedReason', description: 'Why a course takes no more enrolments' });

/**
 * The same rule as SQL over the course row aliased `alias`, evaluated at the statement's `now()`,
 * so writes check it with the database clock: null while enrolment is open.
 */
export const closedReasonSql = (alias: string) =>
  `(case when ${alias}.ends_at <= now() then 'COURSE_ENDED' when ${alias}.enrolment_closes_at <= now() then 'ENROLMENT_DEADLINE_PASSED' end)`;

/** Courses that have not ended (or have no end), over alias `alias`: what the catalogue lists by default. */
export const notEndedSql = (alias: string) => `(${alias}.ends_at is null or ${alias}.ends_at > now())`;

/** The rule for a course read from the database (epoch milliseconds or null), at `now`. */
export function closedReason(endsAt: number | null | undefined, closesAt: number | null | undefined, now = Date.now()): EnrolmentClosedReason | null {
  if (endsAt != null && endsAt <= now) return EnrolmentClosedReason.COURSE_ENDED;
  if (closesAt != null && closesAt <= now) return EnrolmentClosedReason.ENROLMENT_DEADLINE_PASSED;
  return null;
}

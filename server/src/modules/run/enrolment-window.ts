import { registerEnumType } from 'type-graphql';

/**
 * When a run stops taking enrolments: once it is cancelled, once it has ended, and once its enrolment
 * deadline (if set) has passed. The values are also the error codes the enrol mutations answer with
 * (COURSE_ENDED keeps its name from when a course was its one run).
 */
export enum EnrolmentClosedReason {
  RUN_CANCELLED = 'RUN_CANCELLED',
  COURSE_ENDED = 'COURSE_ENDED',
  ENROLMENT_DEADLINE_PASSED = 'ENROLMENT_DEADLINE_PASSED',
}
registerEnumType(EnrolmentClosedReason, { name: 'EnrolmentClosedReason', description: 'Why a run takes no more enrolments' });

/**
 * The same rule as SQL over the course_run row aliased `alias`, evaluated at the statement's `now()`,
 * so writes check it with the database clock: null while enrolment is open.
 */
export const closedReasonSql = (alias: string) =>
  `(case when ${alias}.status = 'CANCELLED' then 'RUN_CANCELLED' when ${alias}.ends_at <= now() then 'COURSE_ENDED' when ${alias}.enrolment_closes_at <= now() then 'ENROLMENT_DEADLINE_PASSED' end)`;

/** The rule for a run read from the database (epoch milliseconds or null), at `now`. */
export function closedReason(
  status: string | undefined, endsAt: number | null | undefined, closesAt: number | null | undefined, now = Date.now(),
): EnrolmentClosedReason | null {
  if (status === 'CANCELLED') return EnrolmentClosedReason.RUN_CANCELLED;
  if (endsAt != null && endsAt <= now) return EnrolmentClosedReason.COURSE_ENDED;
  if (closesAt != null && closesAt <= now) return EnrolmentClosedReason.ENROLMENT_DEADLINE_PASSED;
  return null;
}

import { CourseKind, DeliveryMode, DevelopmentForm, type AttendanceCredit } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { TestApp } from '../kit/test-app.js';

const MINUTE = 60_000;

/**
 * A workshop of a fresh agency: its admin, an instructor of the run, seat holders (enrolments written straight to
 * the table, ACTIVE with the seat counted), and a helper for sessions at times relative to now.
 */
export async function workshopWorld(app: TestApp, opts: { learners?: number; credit?: AttendanceCredit; fixedJp?: number; minPercent?: number } = {}) {
  const { agency, unit, admin, learners } = await app.seed.agencyWithStaff(opts.learners ?? 3);
  const instructor = await app.seed.person({ agency, orgUnit: unit, fullName: 'Widyaiswara Uji', roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({
    kind: CourseKind.WORKSHOP, form: DevelopmentForm.WORKSHOP, delivery: DeliveryMode.IN_PERSON, ownerAgency: agency, instructors: [instructor],
    attendanceCredit: opts.credit, fixedJp: opts.fixedJp ?? null, minAttendancePercent: opts.minPercent,
    startsAt: new Date(Date.now() - 30 * 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000),
  });
  const enrolments: string[] = [];
  for (const person of learners) enrolments.push(await seat(app, person, course.run.id, course.id));
  const session = (startOffsetMinutes: number, lengthMinutes: number, title?: string) => app.seed.session(course.run, {
    startsAt: new Date(Date.now() + startOffsetMinutes * MINUTE), endsAt: new Date(Date.now() + (startOffsetMinutes + lengthMinutes) * MINUTE), title,
  });
  return { agency, unit, admin, instructor, learners, course, run: course.run, enrolments, session };
}

/** An ACTIVE enrolment of a person in a run, written straight to the table (seat counter kept exact). */
export async function seat(app: TestApp, person: Person, runId: string, courseId: string, status = 'ACTIVE'): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `insert into enrolment (person_id, course_id, run_id, status, decided_at) values ($1, $2, $3, $4, now()) returning id`, [person.id, courseId, runId, status],
  );
  if (status === 'ACTIVE') await app.sql(`update course_run set seats_taken = seats_taken + 1 where id = $1`, [runId]);
  return row.id;
}

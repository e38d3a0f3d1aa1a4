import type { Agency } from '../../server/src/modules/agency/index.js';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { TestApp } from './test-app.js';
import type { SeededCourse } from './seed.js';

const DAY = 86_400_000;
let serial = 0;

export interface CohortSeed {
  /** The owner agency (default: the first quota's agency). */
  owner?: Agency;
  /** Participating agencies and their seats. */
  quotas: { agency: Agency; seats: number; seatsTaken?: number }[];
  /** Courses on the path (default: two new self-paced courses visible to all agencies). */
  courses?: SeededCourse[];
  /** Each item run's seats (default: null, unlimited). */
  runCapacity?: number | null;
  capacity?: number;
  selfApply?: boolean;
  programmeStatus?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  status?: 'SCHEDULED' | 'CANCELLED';
  /** Days from now. */
  startsInDays?: number;
  nominationClosesInDays?: number | null;
  releaseDeadlineInDays?: number | null;
}

export interface SeededCohort {
  programmeId: string;
  cohortId: string;
  courses: SeededCourse[];
  /** One INVITATION run per item, in path order. */
  runIds: string[];
  quotaIds: Map<string, string>;
}

/**
 * A published programme with one cohort, its item runs (new INVITATION runs of the courses) and agency quotas, written
 * straight to the tables (the build area's mutations make them in the product; nomination tests need only the rows).
 */
export async function seedCohort(app: TestApp, fields: CohortSeed): Promise<SeededCohort> {
  const n = `${process.pid}-${++serial}`;
  const owner = fields.owner ?? fields.quotas[0].agency;
  const courses = fields.courses ?? [
    await app.seed.course({ title: `Modul A ${n}`, ownerAgency: owner }), await app.seed.course({ title: `Modul B ${n}`, ownerAgency: owner }),
  ];
  const startsAt = new Date(Date.now() + (fields.startsInDays ?? 30) * DAY);
  const endsAt = new Date(startsAt.getTime() + 20 * DAY);
  const [programme] = await app.sql<{ id: string }>(
    `insert into programme (code, title, owner_agency_id, status) values ($1, $2, $3, $4) returning id`,
    [`PRG-${n}`, `Program Uji ${n}`, owner.id, fields.programmeStatus ?? 'PUBLISHED']);
  const capacity = fields.capacity ?? Math.max(1, fields.quotas.reduce((s, q) => s + q.seats, 0));
  const days = (d: number | null | undefined) => (d == null ? null : new Date(Date.now() + d * DAY));
  const [cohort] = await app.sql<{ id: string }>(
    `insert into programme_cohort (programme_id, code, starts_at, ends_at, nomination_closes_at, release_deadline, capacity, self_apply, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [programme.id, `ANG-${n}`, startsAt, endsAt, days(fields.nominationClosesInDays), days(fields.releaseDeadlineInDays), capacity,
      fields.selfApply ?? false, fields.status ?? 'SCHEDULED']);
  const runIds: string[] = [];
  for (const [position, course] of courses.entries()) {
    const [item] = await app.sql<{ id: string }>(
      `insert into programme_item (programme_id, course_id, position) values ($1, $2, $3) returning id`, [programme.id, course.id, position]);
    const [run] = await app.sql<{ id: string }>(
      `insert into course_run (course_id, code, starts_at, ends_at, capacity, enrolment_policy) values ($1, $2, $3, $4, $5, $6) returning id`,
      [course.id, `ANG-${n}`, startsAt, endsAt, fields.runCapacity ?? null, EnrolmentPolicy.INVITATION]);
    await app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, item.id, run.id]);
    runIds.push(run.id);
  }
  const quotaIds = new Map<string, string>();
  for (const q of fields.quotas) {
    const [row] = await app.sql<{ id: string }>(
      `insert into cohort_agency_quota (cohort_id, agency_id, seats, seats_taken) values ($1, $2, $3, $4) returning id`,
      [cohort.id, q.agency.id, q.seats, q.seatsTaken ?? 0]);
    quotaIds.set(q.agency.id, row.id);
  }
  return { programmeId: programme.id, cohortId: cohort.id, courses, runIds, quotaIds };
}

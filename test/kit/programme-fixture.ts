import { CourseKind, DeliveryMode, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Agency } from '../../server/src/modules/agency/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { TestApp } from './test-app.js';

/*
 * Programmes, cohorts, item runs and participants written straight to the tables (the build and nominate areas'
 * operations are not what these tests are about), true to the foundation's rules: item runs are INVITATION runs of
 * one cohort, a NOMINATED participant holds one quota seat and an ACTIVE enrolment (with its run seat) in each item run.
 */

const DAY = 86_400_000;
let n = 0;
const next = () => `${process.pid}-${++n}-${Math.floor(Math.random() * 1e6)}`;

export type Rule = 'ALL_REQUIRED' | 'IN_ORDER' | 'GROUPS';

export interface ItemSpec {
  kind?: CourseKind;
  jp?: number;
  /** Default true; a grouped item is an elective (never required). */
  required?: boolean;
  /** Index into `groups`. */
  group?: number;
  title?: string;
}

export interface ProgrammeSpec {
  ownerAgency: Agency;
  rule?: Rule;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  title?: string;
  description?: string;
  audience?: string;
  items: ItemSpec[];
  groups?: { title: string; min: number }[];
  instructor: Person;
}

export interface SeededProgramme {
  id: string;
  title: string;
  items: { id: string; courseId: string; kind: CourseKind; jp: number }[];
  groupIds: string[];
}

/** A programme with its path: each item a course of its own (self-paced courses unless `kind` says WORKSHOP). */
export async function seedProgramme(app: TestApp, spec: ProgrammeSpec): Promise<SeededProgramme> {
  const code = `PRG-${next()}`;
  const title = spec.title ?? `Program Uji ${code}`;
  const [p] = await app.sql<{ id: string }>(
    `insert into programme (code, title, description, audience, owner_agency_id, completion_rule, status) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [code, title, spec.description ?? 'Program uji', spec.audience ?? 'Pengawas baru', spec.ownerAgency.id, spec.rule ?? 'ALL_REQUIRED', spec.status ?? 'PUBLISHED'],
  );
  const groupIds: string[] = [];
  for (const g of spec.groups ?? []) {
    const [row] = await app.sql<{ id: string }>(`insert into programme_group (programme_id, title, min_completed) values ($1, $2, $3) returning id`, [p.id, g.title, g.min]);
    groupIds.push(row.id);
  }
  const items: SeededProgramme['items'] = [];
  for (const [position, item] of spec.items.entries()) {
    const kind = item.kind ?? CourseKind.COURSE;
    const jp = item.jp ?? 4;
    const course = await app.seed.course({
      kind, jp, title: item.title, ownerAgency: spec.ownerAgency, instructors: [spec.instructor],
      delivery: kind === CourseKind.WORKSHOP ? DeliveryMode.IN_PERSON : DeliveryMode.ONLINE_SELF_PACED, policy: EnrolmentPolicy.INVITATION,
    });
    const group = item.group === undefined ? null : groupIds[item.group];
    const [row] = await app.sql<{ id: string }>(
      `insert into programme_item (programme_id, course_id, position, required, group_id) values ($1, $2, $3, $4, $5) returning id`,
      [p.id, course.id, position, group ? false : (item.required ?? true), group],
    );
    // The course's seeded first run is not the cohort's: cohorts get runs of their own (seedCohort).
    await app.sql(`delete from course_run where course_id = $1`, [course.id]);
    items.push({ id: row.id, courseId: course.id, kind, jp });
  }
  return { id: p.id, title, items, groupIds };
}

export interface SeededCohort {
  id: string;
  /** item id → the cohort's run of it */
  runs: Map<string, string>;
}

/**
 * A cohort with one INVITATION run per item (started yesterday, ending in `endsInDays`), taught by the instructor,
 * and a quota per agency. Nominations close in `nominationClosesInDays` (negative: closed).
 */
export async function seedCohort(app: TestApp, programme: SeededProgramme, opts: {
  quotas: { agency: Agency; seats: number }[]; instructor: Person; startsInDays?: number; endsInDays?: number;
  nominationClosesInDays?: number; cost?: number; code?: string; status?: 'SCHEDULED' | 'CANCELLED';
}): Promise<SeededCohort> {
  const starts = new Date(Date.now() + (opts.startsInDays ?? -1) * DAY);
  const ends = new Date(Date.now() + (opts.endsInDays ?? 30) * DAY);
  const closes = new Date(Date.now() + (opts.nominationClosesInDays ?? 10) * DAY);
  const capacity = Math.max(1, opts.quotas.reduce((s, q) => s + q.seats, 0));
  const [c] = await app.sql<{ id: string }>(
    `insert into programme_cohort (programme_id, code, starts_at, ends_at, nomination_closes_at, capacity, cost_per_participant, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [programme.id, opts.code ?? `ANG-${next()}`, starts, ends, closes, capacity, opts.cost ?? 1_500_000, opts.status ?? 'SCHEDULED'],
  );
  const runs = new Map<string, string>();
  for (const item of programme.items) {
    const [run] = await app.sql<{ id: string }>(
      `insert into course_run (course_id, code, enrolment_policy, starts_at, ends_at, capacity, status, seats_taken, waitlist_length)
       values ($1, $2, 'INVITATION', $3, $4, null, 'SCHEDULED', 0, 0) returning id`,
      [item.courseId, `C-${next()}`, starts, ends],
    );
    await app.sql(`insert into course_run_instructor (run_id, person_id) values ($1, $2)`, [run.id, opts.instructor.id]);
    await app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [c.id, item.id, run.id]);
    runs.set(item.id, run.id);
  }
  for (const q of opts.quotas) {
    await app.sql(`insert into cohort_agency_quota (cohort_id, agency_id, seats) values ($1, $2, $3)`, [c.id, q.agency.id, q.seats]);
  }
  return { id: c.id, runs };
}

export interface SeededParticipant {
  id: string;
  /** item id → the participant's enrolment in the cohort's run of it */
  enrolments: Map<string, string>;
}

/** A NOMINATED participant holding one of their agency's seats, with an ACTIVE enrolment in each item run. */
export async function nominate(app: TestApp, cohort: SeededCohort, programme: SeededProgramme, person: Person, agency: Agency, admin?: Person): Promise<SeededParticipant> {
  const [p] = await app.sql<{ id: string }>(
    `insert into cohort_participant (cohort_id, person_id, agency_id, status, nominated_by_id, decided_at) values ($1, $2, $3, 'NOMINATED', $4, now()) returning id`,
    [cohort.id, person.id, agency.id, admin?.id ?? null],
  );
  await app.sql(`update cohort_agency_quota set seats_taken = seats_taken + 1 where cohort_id = $1 and agency_id = $2`, [cohort.id, agency.id]);
  const enrolments = new Map<string, string>();
  for (const item of programme.items) {
    const runId = cohort.runs.get(item.id)!;
    // As nominate's set-based registration: whoever completed the course in another run is not registered again.
    const done = await app.sql(`select 1 from enrolment where person_id = $1 and course_id = $2 and status = 'COMPLETED'`, [person.id, item.courseId]);
    if (done.length) continue;
    const [e] = await app.sql<{ id: string }>(
      `insert into enrolment (person_id, course_id, run_id, status, decided_at) values ($1, $2, $3, 'ACTIVE', now()) returning id`, [person.id, item.courseId, runId],
    );
    await app.sql(`update course_run set seats_taken = seats_taken + 1 where id = $1`, [runId]);
    enrolments.set(item.id, e.id);
  }
  return { id: p.id, enrolments };
}

/**
 * The usual world: agency O owns the programme (admin, instructor); agency A takes part with a quota (admin, three
 * learners); agency X holds no quota (a learner, an admin). Programme published, one cohort nominating.
 */
export async function programmeWorld(app: TestApp, spec: Omit<ProgrammeSpec, 'ownerAgency' | 'instructor'>) {
  const owner = await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: owner.agency, orgUnit: owner.unit, roles: [{ role: Role.INSTRUCTOR }] });
  const taking = await app.seed.agencyWithStaff(3);
  const outsider = await app.seed.agencyWithStaff(1);
  const programme = await seedProgramme(app, { ...spec, ownerAgency: owner.agency, instructor });
  const cohort = await seedCohort(app, programme, { quotas: [{ agency: taking.agency, seats: 5 }], instructor });
  return { owner, instructor, taking, outsider, programme, cohort, nominate: (person: Person) => nominate(app, cohort, programme, person, taking.agency, taking.admin) };
}

import type { Agency } from '../../server/src/modules/agency/index.js';
import { CourseKind, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { creditLearning, LearningSource, reverseCredit } from '../../server/src/modules/learning-hours/index.js';
import type { PartnerInstitution } from '../../server/src/modules/partner/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import type { SeededCourse } from './seed.js';
import type { TestApp } from './test-app.js';

/*
 * Programmes with cohorts, participants, item enrolments and ledger lines, written straight to the tables (the
 * build, nominate and path areas' operations are not needed to read evidence), true to their rules: a counted
 * participant holds a quota seat and an enrolment in every item run; a completed item enrolment has its ledger line,
 * credited through the learning-hours module (creditLearning), a corrected one its reversal (reverseCredit).
 */

const DAY = 86_400_000;

export interface ParticipantSpec {
  agency: Agency;
  status: 'NOMINATED' | 'COMPLETED' | 'WITHDRAWN' | 'REQUESTED' | 'REJECTED';
  rating?: number;
  /** Indexes of the programme's items this person completed (a ledger line each). */
  completedItems?: number[];
  /** Indexes of items whose line was then taken back (a reversal line). */
  reversedItems?: number[];
  person?: Person;
}

export interface CohortSpec {
  code?: string;
  /** PAST: ended; FUTURE: starts in a month. */
  when?: 'PAST' | 'FUTURE';
  status?: 'SCHEDULED' | 'CANCELLED';
  cost?: number;
  capacity?: number;
  offersSeats?: boolean;
  /** Quotas beyond the participants' own agencies (seats held, none taken). */
  quotas?: { agency: Agency; seats: number }[];
  participants?: ParticipantSpec[];
  /** Instructors of every item run of the cohort. */
  instructors?: Person[];
}

export interface ProgrammeSpec {
  owner: { agency: Agency } | { partner: PartnerInstitution };
  items: SeededCourse[];
  code?: string;
  title?: string;
  description?: string;
  tags?: string[];
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  shared?: boolean;
  /** Seconds ago it was shared (orders RECENT). */
  sharedSecondsAgo?: number;
  cohorts?: CohortSpec[];
  groups?: { title: string; minCompleted: number; items: number[] }[];
}

let n = 0;

export interface SeededProgramme {
  id: string;
  code: string;
  cohorts: { id: string; runIds: string[]; participants: { personId: string; participantId: string; enrolmentIds: string[] }[] }[];
}

export async function seedProgramme(app: TestApp, spec: ProgrammeSpec): Promise<SeededProgramme> {
  n += 1;
  const code = spec.code ?? `PRG-${process.pid}-${n}`;
  const ownerAgencyId = 'agency' in spec.owner ? spec.owner.agency.id : null;
  const ownerPartnerId = 'partner' in spec.owner ? spec.owner.partner.id : null;
  const [programme] = await app.sql<{ id: string }>(
    `insert into programme (code, title, description, audience, competency_tags, owner_agency_id, owner_partner_id, status, shared_at, share_note)
     values ($1, $2, $3, 'Pejabat pengawas', $4, $5, $6, $7, case when $8 then now() - make_interval(secs => $9) end, case when $8 then 'Terbukti berhasil' end)
     returning id`,
    [code, spec.title ?? `Program Uji ${n}`, spec.description ?? '', spec.tags ?? [], ownerAgencyId, ownerPartnerId, spec.status ?? 'PUBLISHED',
      spec.shared ?? false, spec.sharedSecondsAgo ?? 0],
  );
  const groupIds: string[] = [];
  for (const g of spec.groups ?? []) {
    const [row] = await app.sql<{ id: string }>(`insert into programme_group (programme_id, title, min_completed) values ($1, $2, $3) returning id`, [programme.id, g.title, g.minCompleted]);
    groupIds.push(row.id);
  }
  const itemIds: string[] = [];
  for (const [position, course] of spec.items.entries()) {
    const group = (spec.groups ?? []).findIndex((g) => g.items.includes(position));
    const [row] = await app.sql<{ id: string }>(
      `insert into programme_item (programme_id, course_id, position, required, group_id) values ($1, $2, $3, $4, $5) returning id`,
      [programme.id, course.id, position, group < 0, group < 0 ? null : groupIds[group]],
    );
    itemIds.push(row.id);
  }

  const cohorts: SeededProgramme['cohorts'] = [];
  for (const [ci, c] of (spec.cohorts ?? []).entries()) {
    const past = (c.when ?? 'PAST') === 'PAST';
    const startsAt = new Date(Date.now() + (past ? -90 + ci : 30 + ci) * DAY);
    const endsAt = new Date(startsAt.getTime() + 20 * DAY);
    const participants = c.participants ?? [];
    const [cohort] = await app.sql<{ id: string }>(
      `insert into programme_cohort (programme_id, code, starts_at, ends_at, capacity, cost_per_participant, offers_seats, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [programme.id, c.code ?? `ANG-${ci + 1}`, startsAt, endsAt, c.capacity ?? Math.max(participants.length, 1) + 10, c.cost ?? 0, c.offersSeats ?? false, c.status ?? 'SCHEDULED'],
    );
    const runIds: string[] = [];
    for (const [i, course] of spec.items.entries()) {
      const run = await app.seed.run(course, { code: `${code}-${ci + 1}-${i}`, policy: EnrolmentPolicy.INVITATION, startsAt, endsAt, instructors: c.instructors });
      await app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, itemIds[i], run.id]);
      runIds.push(run.id);
    }
    // Quotas: each participating agency's counted participants hold its seats.
    const seats = new Map<string, { seats: number; taken: number }>();
    for (const q of c.quotas ?? []) seats.set(q.agency.id, { seats: q.seats, taken: 0 });
    for (const p of participants) {
      const q = seats.get(p.agency.id) ?? { seats: 0, taken: 0 };
      if (p.status === 'NOMINATED' || p.status === 'COMPLETED') { q.taken += 1; q.seats = Math.max(q.seats, q.taken); }
      seats.set(p.agency.id, q);
    }
    for (const [agencyId, q] of seats) {
      await app.sql(`insert into cohort_agency_quota (cohort_id, agency_id, seats, seats_taken) values ($1, $2, $3, $4)`, [cohort.id, agencyId, Math.max(q.seats, 1), q.taken]);
    }
    const seededParticipants: SeededProgramme['cohorts'][number]['participants'] = [];
    for (const p of participants) {
      const person = p.person ?? await app.seed.person({ agency: p.agency });
      const completed = p.status === 'COMPLETED';
      const [row] = await app.sql<{ id: string }>(
        `insert into cohort_participant (cohort_id, person_id, agency_id, status, completed_at, rating, rated_at, left_at)
         values ($1, $2, $3, $4, $5::timestamptz, $6::int, case when $6::int is null then null else $5::timestamptz end, $7::timestamptz) returning id`,
        [cohort.id, person.id, p.agency.id, p.status, completed ? endsAt : null, p.rating ?? null, p.status === 'WITHDRAWN' ? endsAt : null],
      );
      const enrolmentIds: string[] = [];
      for (const [i, course] of spec.items.entries()) {
        const done = (p.completedItems ?? []).includes(i);
        const status = done ? 'COMPLETED' : p.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'ACTIVE';
        const [enrolment] = await app.sql<{ id: string }>(
          `insert into enrolment (person_id, course_id, run_id, status, decided_at, finished_at) values ($1, $2, $3, $4, $5, $6) returning id`,
          [person.id, course.id, runIds[i], status, startsAt, done ? endsAt : null],
        );
        enrolmentIds.push(enrolment.id);
        if (!done) continue;
        const source = course.kind === CourseKind.WORKSHOP ? LearningSource.WORKSHOP_ATTENDANCE : LearningSource.COURSE_RUN_COMPLETION;
        await app.em().transactional(async (tx) => {
          await creditLearning(tx, { personId: person.id, minutes: course.jp * 45, jp: course.jp, source, sourceId: enrolment.id, title: course.title, occurredAt: endsAt });
          if ((p.reversedItems ?? []).includes(i)) await reverseCredit(tx, source, enrolment.id, 'Koreksi uji');
        });
      }
      seededParticipants.push({ personId: person.id, participantId: row.id, enrolmentIds });
    }
    cohorts.push({ id: cohort.id, runIds, participants: seededParticipants });
  }
  return { id: programme.id, code, cohorts };
}

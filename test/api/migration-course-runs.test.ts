import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, type MikroORM } from '../../server/src/shared/db/orm.js';

/**
 * The course-runs migration (Migration20261202100000_course_runs) on a database built by the migrations
 * before it and filled the way that schema stored things: every course becomes one run with exactly its
 * schedule, place, seats, counters, policy and instructors; every enrolment, in every state, points at
 * its course's run and keeps everything else; nothing else changes.
 */
const BEFORE = 'Migration20261202050000_catalogue_search';

let orm: MikroORM;
let sql: pg.Client;
const name = `${inject('databasePrefix')}_migration_runs`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  orm = await createOrm(url.toString(), { debug: false });
  await orm.migrator.up({ to: BEFORE });
  sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await orm?.close();
});

const STATES = ['REQUESTED', 'ACTIVE', 'WAITLISTED', 'COMPLETED', 'FAILED', 'WITHDRAWN', 'REJECTED'];
const q = async (text: string, params: unknown[] = []) => (await sql.query(text, params)).rows;

describe('the course-runs migration', () => {
  it('moves every course onto one run and every enrolment onto its course’s run, losing nothing', async () => {
    // The first release's shape: schedule, seats and instructors on course, enrolments unique per (person, course).
    const [agency] = await q(`insert into agency (code, name, kind) values ('UJI', 'Instansi Uji', 'CITY') returning id`);
    const [partner] = await q(`insert into partner_institution (code, name, kind) values ('MTR', 'Mitra Uji', 'UNIVERSITY') returning id`);
    const people: string[] = [];
    for (let i = 0; i < 8; i++) {
      const [p] = await q(`insert into person (full_name, email, employment_type, agency_id) values ($1, $2, 'NON_ASN', $3) returning id`,
        [`Pegawai ${i}`, `p${i}@uji.go.id`, agency.id]);
      people.push(p.id);
    }
    const [lecturer] = await q(`insert into person (full_name, email, employment_type, partner_id) values ('Dosen', 'dosen@mitra.ac.id', 'NON_ASN', $1) returning id`, [partner.id]);
    const courses = await q(
      `insert into course (code, title, form, delivery, jp, owner_agency_id, owner_partner_id, capacity, seats_taken, waitlist_length, enrolment_policy,
                           status, visibility, starts_at, ends_at, enrolment_closes_at, location, published_at, created_by_id)
       values ('K-1', 'Kursus Satu', 'TECHNICAL_TRAINING', 'IN_PERSON', 10, $1, null, 5, 4, 1, 'SUPERVISOR_APPROVAL', 'PUBLISHED', 'OWN_AGENCY',
               '2026-01-10T01:00:00Z', '2026-01-12T09:00:00Z', '2026-01-05T00:00:00Z', 'Aula', now(), $3),
              ('K-2', 'Kursus Dua', 'E_LEARNING', 'ONLINE_SELF_PACED', 2, null, $2, null, 2, 0, 'OPEN', 'ARCHIVED', 'ALL_AGENCIES',
               null, null, null, null, now(), null),
              ('K-3', 'Kursus Tiga', 'SEMINAR', 'BLENDED', 4, $1, null, 30, 0, 0, 'INVITATION', 'DRAFT', 'LISTED_AGENCIES',
               '2027-03-01T01:00:00Z', '2027-03-02T09:00:00Z', null, 'Daring', null, null)
       returning id, code`,
      [agency.id, partner.id, people[0]],
    );
    const byCode = Object.fromEntries(courses.map((c) => [c.code, c.id]));
    await q(`insert into course_instructor (course_id, person_id) values ($1, $2), ($3, $2)`, [byCode['K-1'], lecturer.id, byCode['K-2']]);
    // Every state in K-1 (seats: ACTIVE, COMPLETED, FAILED + one more ACTIVE = 4; one WAITLISTED), two more in K-2.
    for (const [i, status] of STATES.entries()) {
      await q(`insert into enrolment (person_id, course_id, status, approver_id, waitlisted_at, decided_at, decision_note, finished_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [people[i], byCode['K-1'], status, status === 'REQUESTED' ? people[7] : null, status === 'WAITLISTED' ? new Date() : null,
          status === 'REQUESTED' ? null : new Date(), status === 'REJECTED' ? 'Jadwal bentrok' : null,
          ['COMPLETED', 'FAILED', 'WITHDRAWN'].includes(status) ? new Date() : null]);
    }
    await q(`insert into enrolment (person_id, course_id, status) values ($1, $2, 'ACTIVE')`, [people[7], byCode['K-1']]);
    await q(`insert into enrolment (person_id, course_id, status, finished_at) values ($1, $3, 'COMPLETED', now()), ($2, $3, 'ACTIVE', null)`, [people[0], people[1], byCode['K-2']]);
    const [completed] = await q(`select id from enrolment where course_id = $1 and status = 'COMPLETED'`, [byCode['K-1']]);
    await q(`insert into learning_record (person_id, year, minutes, source, enrolment_id, title, occurred_at) values ($1, 2026, 450, 'COURSE_COMPLETION', $2, 'Kursus Satu', now())`,
      [people[3], completed.id]);
    const coursesBefore = await q(`select id, code, capacity, seats_taken, waitlist_length, enrolment_policy::text as policy, starts_at, ends_at,
                                          enrolment_closes_at, location, status::text, created_by_id,
                                          array(select person_id::text from course_instructor ci where ci.course_id = c.id order by 1) as instructors
                                     from course c order by code`);
    const enrolmentsBefore = await q(`select id, person_id, course_id, status::text, approver_id, requested_at, waitlisted_at, decided_at, decision_note, finished_at
                                        from enrolment order by id`);
    // The ledger is reshaped by a later migration (source + source id): compare what it must keep.
    const ledgerBefore = await q(`select id, person_id, year, minutes, title, occurred_at, enrolment_id as credited_for from learning_record order by id`);

    await orm.migrator.up();

    // One run per course with its schedule, seats, counters, policy, place and instructors; the course keeps its status.
    const runs = await q(`select c.id, c.code, r.code as run_code, r.capacity, r.seats_taken, r.waitlist_length, r.enrolment_policy as policy,
                                 r.starts_at, r.ends_at, r.enrolment_closes_at, r.location, c.status, r.created_by_id, r.status as run_status,
                                 array(select person_id::text from course_run_instructor ri where ri.run_id = r.id order by 1) as instructors
                            from course c join course_run r on r.course_id = c.id order by c.code`);
    expect(runs.map(({ run_code: _code, run_status: _status, ...rest }) => rest)).toEqual(coursesBefore);
    expect(runs.map((r) => [r.run_code, r.run_status])).toEqual([['1', 'SCHEDULED'], ['1', 'SCHEDULED'], ['1', 'SCHEDULED']]);

    // Every enrolment, in every state, unchanged and on its course's run.
    const enrolmentsAfter = await q(`select e.id, e.person_id, e.course_id, e.status, e.approver_id, e.requested_at, e.waitlisted_at, e.decided_at,
                                            e.decision_note, e.finished_at, (r.course_id = e.course_id) as on_its_run
                                       from enrolment e join course_run r on r.id = e.run_id order by e.id`);
    expect(enrolmentsAfter.map(({ on_its_run: _onItsRun, ...rest }) => rest)).toEqual(enrolmentsBefore);
    expect(enrolmentsAfter.every((e) => e.on_its_run)).toBe(true);
    expect(new Set(enrolmentsAfter.map((e) => e.status))).toEqual(new Set(STATES));
    expect(await q(`select id, person_id, year, minutes, title, occurred_at, source_id as credited_for from learning_record order by id`)).toEqual(ledgerBefore);

    // What moved is gone from course; the sets are text with a CHECK now.
    const columns = (await q(`select column_name from information_schema.columns where table_name = 'course'`)).map((c) => c.column_name);
    for (const moved of ['capacity', 'seats_taken', 'waitlist_length', 'enrolment_policy', 'starts_at', 'ends_at', 'enrolment_closes_at', 'location']) {
      expect(columns).not.toContain(moved);
    }
    expect(await q(`select 1 from information_schema.tables where table_name = 'course_instructor'`)).toEqual([]);
    const types = await q(`select table_name, column_name, data_type from information_schema.columns
                            where (table_name, column_name) in (('course', 'form'), ('course', 'delivery'), ('course', 'status'), ('course', 'visibility'),
                                                                ('course_run', 'enrolment_policy'), ('course_run', 'status'), ('enrolment', 'status'))`);
    expect(types.every((t) => t.data_type === 'text')).toBe(true);
    await expect(q(`update enrolment set status = 'LOST' where id = $1`, [completed.id])).rejects.toThrow(/enrolment_status_check/);

    // The new rules hold on the moved data: a second current enrolment in the course is refused, a retake row is not.
    const [k1run] = await q(`select id from course_run where course_id = $1`, [byCode['K-1']]);
    const [later] = await q(`insert into course_run (course_id, code, enrolment_policy) values ($1, '2', 'OPEN') returning id`, [byCode['K-1']]);
    await expect(q(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [people[1], byCode['K-1'], later.id]))
      .rejects.toThrow(/enrolment_one_current_per_course/);
    await q(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [people[4], byCode['K-1'], later.id]); // people[4] FAILED
    expect(k1run.id).toBeTruthy();

    // And the schema is exactly what the entities describe.
    expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** Recurring forums (ARCHITECTURE.md "Recurring forums"): a series of a workshop and its occurrences. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const SERIES_FIELDS = `id courseId rrule startsOn startTime durationMinutes timeZone untilOn occurrenceCount codePattern capacity enrolmentPolicy room instructorIds
  occurrences(first: 60) { totalCount nodes { runId code status startsAt endsAt timeZone capacity seatsTaken waitlistLength room cancellationReason } }`;
const CREATE = `mutation($input: CreateRunSeriesInput!) { createRunSeries(input: $input) { ${SERIES_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRunSeriesInput!) { updateRunSeries(id: $id, input: $input) { ${SERIES_FIELDS} } }`;
const READ = `query($id: ID!, $first: Int!, $after: String) { runSeries(id: $id) { id occurrences(first: $first, after: $after) { nodes { runId code } pageInfo { endCursor hasNextPage } } } }`;
const CANCEL = `mutation($runId: ID!, $reason: String!) { cancelSeriesOccurrence(runId: $runId, reason: $reason) { runId status cancellationReason } }`;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const ENROL_PEOPLE = `mutation($runId: ID!, $ids: [ID!]!) { enrolPeople(runId: $runId, personIds: $ids) { enrolled waitlisted alreadyEnrolled } }`;

const DAY = 86_400_000;
/** A local (WIB) calendar day `days` from today, YYYY-MM-DD. */
const dayFromNow = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

type Occurrence = { runId: string; code: string; status: string; startsAt: string; endsAt: string; timeZone: string; capacity: number | null; seatsTaken: number; waitlistLength: number; room: string | null; cancellationReason: string | null };

let n = 0;
/** An agency with its admin and learners, and a published workshop of the agency open to all agencies. */
async function forumWorld(learners = 2) {
  n++;
  const staff = await app.seed.agencyWithStaff(learners);
  const workshop = await app.seed.course({
    ownerAgency: staff.agency, kind: CourseKind.WORKSHOP, form: DevelopmentForm.COMMUNITY_OF_PRACTICE, visibility: CourseVisibility.ALL_AGENCIES,
    title: `Forum Diskusi Inovasi Pelayanan Publik ${n}`, policy: EnrolmentPolicy.OPEN,
  });
  return { ...staff, workshop, admin: await app.as(staff.admin) };
}

const monthlyForum = (courseId: string, overrides: Record<string, unknown> = {}) => ({
  courseId, rrule: 'FREQ=MONTHLY;BYDAY=1TU', startsOn: dayFromNow(1), startTime: '13:00', durationMinutes: 120, timeZone: 'Asia/Jakarta',
  occurrenceCount: 3, codePattern: '{YYYY}-{MM}', capacity: 30, enrolmentPolicy: 'OPEN', room: 'Aula Lantai 3', title: 'Forum Inovasi', ...overrides,
});

/** The first Tuesday of each month from the month of `from` on (local dates), as the forum's rule names them. */
function firstTuesdays(from: string, count: number): string[] {
  const out: string[] = [];
  const [y, m] = from.split('-').map(Number);
  for (let i = 0; out.length < count; i++) {
    const first = new Date(Date.UTC(y, m - 1 + i, 1));
    const day = new Date(first.getTime() + ((2 - first.getUTCDay() + 7) % 7) * DAY).toISOString().slice(0, 10);
    if (day >= from) out.push(day);
  }
  return out;
}

describe('creating a series', () => {
  it('creates a monthly forum: each occurrence a run with one session, at 13.00–15.00 in the venue zone, stored as UTC', async () => {
    const w = await forumWorld(0);
    const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id) })).createRunSeries;
    expect(series).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=+1TU', startTime: '13:00', durationMinutes: 120, occurrenceCount: 3, untilOn: null });
    const dates = firstTuesdays(dayFromNow(1), 3);
    const occurrences = series.occurrences.nodes as Occurrence[];
    expect(series.occurrences.totalCount).toBe(3);
    // 13.00 WIB is 06.00 UTC; 15.00 WIB 08.00 UTC.
    expect(occurrences.map((o) => [o.code, o.startsAt, o.endsAt, o.timeZone, o.capacity, o.room])).toEqual(dates.map((d) => [
      d.slice(0, 7), `${d}T06:00:00.000Z`, `${d}T08:00:00.000Z`, 'Asia/Jakarta', 30, 'Aula Lantai 3',
    ]));
    const sessions = await app.sql(`select r.code, s.starts_at, s.ends_at, s.time_zone, s.room, s.title, r.series_id from run_session s join course_run r on r.id = s.run_id
      where r.series_id = $1 order by s.starts_at`, [series.id]);
    expect(sessions.map((s) => [s.code, s.starts_at.toISOString(), s.ends_at.toISOString(), s.room, s.title])).toEqual(dates.map((d) => [
      d.slice(0, 7), `${d}T06:00:00.000Z`, `${d}T08:00:00.000Z`, 'Aula Lantai 3', 'Forum Inovasi',
    ]));
  });

  it('computes the wall clock in the series zone: 13.00 WITA is 05.00 UTC, 13.00 WIT 04.00 UTC', async () => {
    const w = await forumWorld(0);
    for (const [zone, utc] of [['Asia/Makassar', '05:00'], ['Asia/Jayapura', '04:00']]) {
      const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, { timeZone: zone, occurrenceCount: 1, codePattern: `${zone.slice(5, 8)}-{YYYY}-{MM}` }) })).createRunSeries;
      const [first] = series.occurrences.nodes as Occurrence[];
      expect(first.startsAt).toBe(`${firstTuesdays(dayFromNow(1), 1)[0]}T${utc}:00.000Z`);
      expect(first.timeZone).toBe(zone);
    }
  });

  it('refuses a rule it cannot use, an unbounded or too long series and a course that is not a workshop, writing nothing', async () => {
    const w = await forumWorld(0);
    const code = (input: Record<string, unknown>) => w.admin.errorCode(CREATE, { input });
    expect(await code(monthlyForum(w.workshop.id, { rrule: 'FREQ=DAILY' }))).toBe('INVALID_RECURRENCE');
    expect(await code(monthlyForum(w.workshop.id, { rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=400' }))).toBe('INVALID_RECURRENCE');
    expect(await code(monthlyForum(w.workshop.id, { rrule: 'bukan aturan' }))).toBe('INVALID_RECURRENCE');
    expect(await code(monthlyForum(w.workshop.id, { occurrenceCount: null, untilOn: dayFromNow(3 * 365) }))).toBe('SERIES_TOO_LONG');
    expect(await code(monthlyForum(w.workshop.id, { occurrenceCount: null }))).toBe('SERIES_TOO_LONG');
    expect(await code(monthlyForum(w.workshop.id, { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', occurrenceCount: null, untilOn: dayFromNow(400) }))).toBe('SERIES_TOO_LONG');
    expect(await code(monthlyForum(w.workshop.id, { occurrenceCount: 61 }))).toBe('BAD_USER_INPUT');
    expect(await code(monthlyForum(w.workshop.id, { onlineUrl: 'zoom.us/j/1' }))).toBe('INVALID_ONLINE_URL');
    expect(await code(monthlyForum(w.workshop.id, { onlineUrl: 'http://zoom.us/j/1' }))).toBe('INVALID_ONLINE_URL');
    const course = await app.seed.course({ ownerAgency: w.agency });
    expect(await code(monthlyForum(course.id))).toBe('NOT_A_WORKSHOP');
    const [{ series, runs }] = await app.sql(`select (select count(*)::int from run_series where course_id in ($1, $2)) as series,
      (select count(*)::int from course_run where course_id in ($1, $2)) as runs`, [w.workshop.id, course.id]);
    expect({ series, runs }).toEqual({ series: 0, runs: 2 });
  });

  it('assigns instructors through the run gate: a partner lecturer without an agreement is refused with nothing written, with one on every occurrence', async () => {
    const w = await forumWorld(0);
    const partner = await app.seed.partner({ name: `Universitas Gadjah Mada ${n}` });
    const lecturer = await app.seed.person({ partner, fullName: `Dr. Sri Rahayu ${n}`, roles: [{ role: Role.INSTRUCTOR, partner }] });
    const input = monthlyForum(w.workshop.id, { instructorIds: [lecturer.id] });
    expect(await w.admin.errorCode(CREATE, { input })).toBe('AGREEMENT_MISSING');
    expect((await app.sql(`select count(*)::int as n from course_run where series_id is not null and course_id = $1`, [w.workshop.id]))[0].n).toBe(0);
    await app.seed.agreement({ partner, agencies: [w.agency] });
    const series = (await w.admin.ok(CREATE, { input })).createRunSeries;
    expect(series.instructorIds).toEqual([lecturer.id]);
    const rows = await app.sql(`select i.person_id from course_run r join course_run_instructor i on i.run_id = r.id where r.series_id = $1`, [series.id]);
    expect(rows.map((r) => r.person_id)).toEqual([lecturer.id, lecturer.id, lecturer.id]);
  });
});

describe('registering for occurrences', () => {
  it('lets a learner hold January\'s and February\'s forum, and another after completing one; two runs of a course still refuse', async () => {
    const w = await forumWorld(2);
    const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id) })).createRunSeries;
    const [jan, feb, mar] = series.occurrences.nodes as Occurrence[];
    const learner = await app.as(w.learners[0]);
    expect((await learner.ok(ENROL, { runId: jan.runId })).enrol.status).toBe('ACTIVE');
    expect((await learner.ok(ENROL, { runId: feb.runId })).enrol.status).toBe('ACTIVE');
    // Attending January's forum completes it: March's is still open to them.
    await app.sql(`update enrolment set status = 'COMPLETED', finished_at = now() where run_id = $1`, [jan.runId]);
    expect((await learner.ok(ENROL, { runId: mar.runId })).enrol.status).toBe('ACTIVE');
    const flags = await app.sql(`select one_per_course from enrolment where person_id = $1 and course_id = $2`, [w.learners[0].id, w.workshop.id]);
    expect(flags.map((f) => f.one_per_course)).toEqual([false, false, false]);
    // An admin enrols the other learner into two occurrences at once, too.
    for (const o of [jan, feb]) expect((await w.admin.ok(ENROL_PEOPLE, { runId: o.runId, ids: [w.learners[1].id] })).enrolPeople.enrolled).toBe(1);

    // The workshop's own (non-series) run, and an ordinary course, keep "one run at a time".
    const course = await app.seed.course({ ownerAgency: w.agency, visibility: CourseVisibility.ALL_AGENCIES });
    const second = await app.seed.run(course, { code: '2' });
    expect((await learner.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
    expect(await learner.errorCode(ENROL, { runId: second.id })).toBe('ALREADY_IN_ANOTHER_RUN');
    expect((await w.admin.ok(ENROL_PEOPLE, { runId: second.id, ids: [w.learners[0].id] })).enrolPeople.alreadyEnrolled).toBe(1);
    // The index itself still holds for ordinary enrolments.
    await expect(app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [w.learners[0].id, course.id, second.id]))
      .rejects.toThrow(/enrolment_one_current_per_course/);
  });
});

describe('reading a series', () => {
  it('pages its occurrences in date order in a fixed number of statements, and the forum page lists the upcoming ones', async () => {
    const w = await forumWorld(1);
    const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', occurrenceCount: 12, codePattern: 'P-{N}' }) })).createRunSeries;
    const seen: string[] = [];
    let after: string | null = null;
    const counts: number[] = [];
    for (;;) {
      let page: any;
      counts.push((await app.countSql(async () => { page = (await w.admin.ok(READ, { id: series.id, first: 5, after })).runSeries.occurrences; })).count);
      seen.push(...page.nodes.map((o: { code: string }) => o.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `P-${i + 1}`));
    expect(new Set(counts).size).toBe(1);
    // Learners find the occurrences as the workshop's runs, soonest first (the course's own seeded run is undated: first).
    const learner = await app.as(w.learners[0]);
    await w.admin.ok(CANCEL, { runId: (series.occurrences.nodes as Occurrence[])[1].runId, reason: 'Narasumber berhalangan' });
    const runs = (await learner.ok(`query($id: ID!) { course(id: $id) { runs(first: 5) { nodes { code startsAt seriesId } } } }`, { id: w.workshop.id })).course.runs.nodes;
    expect(runs.map((r: { code: string }) => r.code)).toEqual(['1', 'P-1', 'P-3', 'P-4', 'P-5']);
    // Each occurrence says it is one (the page then offers it beside the learner's other occurrences); the plain run does not.
    expect(runs.map((r: { seriesId: string | null }) => r.seriesId)).toEqual([null, series.id, series.id, series.id, series.id]);
  });
});

/** The next Tuesday after today (local), YYYY-MM-DD. */
function nextTuesday(): string {
  for (let d = 1; ; d++) if (new Date(`${dayFromNow(d)}T00:00:00Z`).getUTCDay() === 2) return dayFromNow(d);
}

describe('editing a series', () => {
  it('keeps the occurrences\' instructors when an edit leaves them out, and changes only the future ones when it names others', async () => {
    const w = await forumWorld(0);
    const partner = await app.seed.partner({ name: `Universitas Padjadjaran ${n}` });
    const [first, second] = await Promise.all(['Dr. Rina Kusumawati', 'Dr. Asep Gunawan'].map((name) => app.seed.person({ partner, fullName: `${name} ${n}`, roles: [{ role: Role.INSTRUCTOR, partner }] })));
    await app.seed.agreement({ partner, agencies: [w.agency] });
    const created = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: nextTuesday(), occurrenceCount: 6, codePattern: 'I-{N}', instructorIds: [first.id],
    }) })).createRunSeries;
    // Four weeks pass: four occurrences are history, two are to come.
    await app.sql(`update run_series set starts_on = starts_on - 28 where id = $1`, [created.id]);
    await app.sql(`update course_run set starts_at = starts_at - interval '28 days', ends_at = ends_at - interval '28 days' where series_id = $1`, [created.id]);
    await app.sql(`update run_session s set starts_at = s.starts_at - interval '28 days', ends_at = s.ends_at - interval '28 days' from course_run r where r.id = s.run_id and r.series_id = $1`, [created.id]);
    const teaching = async () => (await app.sql(
      `select r.code, array_agg(i.person_id::text order by i.person_id) as ids from course_run r left join course_run_instructor i on i.run_id = r.id where r.series_id = $1 group by r.id order by r.starts_at`,
      [created.id],
    )).map((r) => [r.code, r.ids]);
    const named = `mutation($id: ID!, $input: UpdateRunSeriesInput!) { updateRunSeries(id: $id, input: $input) { instructorIds instructors { id fullName partnerName } } }`;

    const kept = (await w.admin.ok(named, { id: created.id, input: { room: 'Ruang Rapat Utama' } })).updateRunSeries;
    expect(kept.instructors).toEqual([{ id: first.id, fullName: first.fullName, partnerName: `Universitas Padjadjaran ${n}` }]);
    expect(await teaching()).toEqual(['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6'].map((code) => [code, [first.id]]));

    const changed = (await w.admin.ok(named, { id: created.id, input: { instructorIds: [second.id] } })).updateRunSeries;
    expect(changed).toEqual({ instructorIds: [second.id], instructors: [{ id: second.id, fullName: second.fullName, partnerName: `Universitas Padjadjaran ${n}` }] });
    expect(await teaching()).toEqual([
      ...['I-1', 'I-2', 'I-3', 'I-4'].map((code) => [code, [first.id]]),
      ...['I-5', 'I-6'].map((code) => [code, [second.id]]),
    ]);
    // The names come in the list's own statement: more series with instructors cost no more statements.
    const list = `query($id: ID!) { runSeriesOfCourse(courseId: $id) { nodes { id instructors { fullName } } } }`;
    const once = await app.countSql(() => w.admin.ok(list, { id: w.workshop.id }));
    await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, { occurrenceCount: 2, codePattern: 'J-{MM}', instructorIds: [first.id, second.id] }) });
    let both: any;
    const twice = await app.countSql(async () => { both = await w.admin.ok(list, { id: w.workshop.id }); });
    expect(both.runSeriesOfCourse.nodes.map((s: { instructors: unknown[] }) => s.instructors.length).sort()).toEqual([1, 2]);
    expect(twice.count).toBe(once.count);
  });

  it('leaves occurrences that have happened exactly as they were and moves, cancels and adds future ones', async () => {
    const w = await forumWorld(2);
    // Weekly on Tuesdays from next week, eight times; then four weeks pass (everything moved back 28 days, which
    // keeps a weekly Tuesday rule true): four occurrences are history, four are to come.
    const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: nextTuesday(), occurrenceCount: 8, codePattern: 'M-{N}', capacity: 1,
    }) })).createRunSeries;
    const runs = series.occurrences.nodes as Occurrence[];
    const [learner, other] = await Promise.all(w.learners.map((l) => app.as(l)));
    for (const o of [runs[0], runs[4], runs[5]]) await learner.ok(ENROL, { runId: o.runId });
    const waiting = (await other.ok(ENROL, { runId: runs[5].runId })).enrol;
    expect(waiting.status).toBe('WAITLISTED');
    await app.sql(`update run_series set starts_on = starts_on - 28 where id = $1`, [series.id]);
    await app.sql(`update course_run set starts_at = starts_at - interval '28 days', ends_at = ends_at - interval '28 days' where series_id = $1`, [series.id]);
    await app.sql(`update run_session s set starts_at = s.starts_at - interval '28 days', ends_at = s.ends_at - interval '28 days' from course_run r where r.id = s.run_id and r.series_id = $1`, [series.id]);
    const [firstSession] = await app.sql(`select id from run_session where run_id = $1`, [runs[0].runId]);
    await app.sql(`insert into session_attendance (session_id, enrolment_id, status, method) select $1, e.id, 'PRESENT', 'ROSTER' from enrolment e where e.run_id = $2`, [firstSession.id, runs[0].runId]);
    const past = runs.slice(0, 4).map((o) => o.runId);
    const snapshot = async () => ({
      runs: await app.sql(`select * from course_run where id = any($1) order by starts_at`, [past]),
      sessions: await app.sql(`select * from run_session where run_id = any($1) order by starts_at`, [past]),
      enrolments: await app.sql(`select * from enrolment where run_id = any($1) order by id`, [past]),
      attendance: await app.sql(`select a.* from session_attendance a join run_session s on s.id = a.session_id where s.run_id = any($1)`, [past]),
      instructors: await app.sql(`select * from course_run_instructor where run_id = any($1) order by run_id`, [past]),
    });
    const before = await snapshot();
    expect(before.attendance).toHaveLength(1);

    // Later, in another room, for ten weeks, with more seats: the four future ones move, two new dates are added.
    const moved = (await w.admin.ok(UPDATE, { id: series.id, input: { startTime: '09:30', room: 'Ruang Rapat Utama', occurrenceCount: 10, capacity: 2 } })).updateRunSeries;
    expect(await snapshot()).toEqual(before);
    const after = moved.occurrences.nodes as Occurrence[];
    expect(after.map((o) => o.code)).toEqual(['M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6', 'M-7', 'M-8', 'M-9', 'M-10']);
    for (const o of after.slice(4)) {
      expect(o.startsAt.slice(11)).toBe('02:30:00.000Z'); // 09.30 WIB
      expect(o).toMatchObject({ room: 'Ruang Rapat Utama', capacity: 2, status: 'SCHEDULED' });
    }
    expect(after.slice(4, 8).map((o) => o.runId)).toEqual(runs.slice(4).map((o) => o.runId));
    // The new seat went to the waiting list.
    expect(after[5]).toMatchObject({ seatsTaken: 2, waitlistLength: 0 });

    // Wednesdays instead: the future Tuesdays are cancelled (registrants withdrawn), Wednesdays created; history stays.
    const email = `peserta.forum.${process.pid}@instansi.go.id`;
    await app.sql(`update person set email = $1 where id = $2`, [email, w.learners[0].id]);
    const wed = (await w.admin.ok(UPDATE, { id: series.id, input: { rrule: 'FREQ=WEEKLY;BYDAY=WE', reason: 'Forum pindah ke hari Rabu' } })).updateRunSeries;
    expect(await snapshot()).toEqual(before);
    const final = wed.occurrences.nodes as Occurrence[];
    const future = final.filter((o) => !past.includes(o.runId));
    const cancelled = future.filter((o) => o.status === 'CANCELLED');
    const scheduled = future.filter((o) => o.status === 'SCHEDULED');
    expect(cancelled.map((o) => o.runId)).toEqual(after.slice(4).map((o) => o.runId));
    expect(cancelled.every((o) => o.cancellationReason === 'Forum pindah ke hari Rabu')).toBe(true);
    expect(scheduled.length).toBeGreaterThan(0);
    for (const o of scheduled) expect(new Date(o.startsAt).getUTCDay()).toBe(3);
    const enrolments = await app.sql(`select status, decision_note from enrolment where run_id = any($1)`, [cancelled.map((o) => o.runId)]);
    expect(enrolments.every((e) => e.status === 'WITHDRAWN' && e.decision_note === 'RUN_CANCELLED')).toBe(true);
    const sessions = await app.sql(`select status from run_session where run_id = any($1)`, [cancelled.map((o) => o.runId)]);
    expect(sessions.map((s) => s.status)).toEqual(cancelled.map(() => 'CANCELLED'));
    const mail = await app.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Dibatalkan'));
    expect(mail.text).toContain('Alasan: Forum pindah ke hari Rabu');
  });
});

describe('cancelling an occurrence', () => {
  it('cancels one occurrence with its reason and mails everyone registered or waiting, in their language', async () => {
    const w = await forumWorld(3);
    const series = (await w.admin.ok(CREATE, { input: monthlyForum(w.workshop.id, { capacity: 1 }) })).createRunSeries;
    const [first, second] = series.occurrences.nodes as Occurrence[];
    const emails = w.learners.map((_, i) => `forum.${process.pid}.${n}.${i}@instansi.go.id`);
    for (const [i, l] of w.learners.entries()) {
      await app.sql(`update person set email = $1, locale = $2 where id = $3`, [emails[i], i === 1 ? 'en' : 'id', l.id]);
      await (await app.as(l)).ok(ENROL, { runId: first.runId });
    }
    await (await app.as(w.learners[2])).ok(ENROL, { runId: second.runId });
    expect(await w.admin.errorCode(CANCEL, { runId: first.runId, reason: '   ' })).toBe('BAD_USER_INPUT');
    const learner = await app.as(w.learners[0]);
    expect(await learner.errorCode(CANCEL, { runId: first.runId, reason: 'Tidak jadi' })).toBe('FORBIDDEN');

    const done = (await w.admin.ok(CANCEL, { runId: first.runId, reason: 'Narasumber berhalangan hadir' })).cancelSeriesOccurrence;
    expect(done).toEqual({ runId: first.runId, status: 'CANCELLED', cancellationReason: 'Narasumber berhalangan hadir' });
    const bahasa = await app.mail.waitFor((m) => m.to.includes(emails[0]) && m.subject.startsWith('Dibatalkan'));
    expect(bahasa.subject).toBe(`Dibatalkan: ${w.workshop.title}`);
    expect(bahasa.text).toContain(`"${w.workshop.title}" angkatan ${first.code} yang dijadwalkan`);
    expect(bahasa.text).toContain('13.00 WIB');
    expect(bahasa.text).toContain('Alasan: Narasumber berhalangan hadir');
    // The second learner was on the waiting list, and reads English.
    const english = await app.mail.waitFor((m) => m.to.includes(emails[1]) && m.subject.startsWith('Cancelled'));
    expect(english.subject).toBe(`Cancelled: ${w.workshop.title}`);
    expect(english.text).toContain('Reason: Narasumber berhalangan hadir');
    const [session] = await app.sql(`select status from run_session where run_id = $1`, [first.runId]);
    expect(session.status).toBe('CANCELLED');
    // The next occurrence is untouched, and its learner gets no mail.
    const [next] = await app.sql(`select status, seats_taken from course_run where id = $1`, [second.runId]);
    expect(next).toEqual({ status: 'SCHEDULED', seats_taken: 1 });
    expect(app.mail.messages.filter((m) => m.to.includes(emails[2]) && m.subject.startsWith('Dibatalkan'))).toEqual([]);
  });

  it('mails the registrants of any cancelled run, reason or not', async () => {
    const w = await forumWorld(1);
    const email = `kursus.${process.pid}.${n}@instansi.go.id`;
    await app.sql(`update person set email = $1 where id = $2`, [email, w.learners[0].id]);
    const course = await app.seed.course({ ownerAgency: w.agency, visibility: CourseVisibility.ALL_AGENCIES, startsAt: new Date(Date.now() + 20 * DAY), title: `Pelatihan Batal ${n}` });
    await (await app.as(w.learners[0])).ok(ENROL, { runId: course.run.id });
    await w.admin.ok(`mutation($id: ID!) { cancelCourseRun(id: $id) { id status } }`, { id: course.run.id });
    const mail = await app.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Dibatalkan'));
    expect(mail.subject).toBe(`Dibatalkan: Pelatihan Batal ${n}`);
    expect(mail.text).not.toContain('Alasan:');
    expect(await w.admin.errorCode(CANCEL, { runId: (await app.seed.run(course, { code: 'X' })).id, reason: 'Bukan forum' })).toBe('NOT_A_SERIES_OCCURRENCE');
  });
});

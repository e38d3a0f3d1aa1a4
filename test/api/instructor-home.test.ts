import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode } from '../../server/src/modules/course/index.js';
import { CourseRunStatus } from '../../server/src/modules/run/index.js';
import type { Agency } from '../../server/src/modules/agency/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HOME = `{ instructorHome {
  today { ...R } thisWeek { ...R } awaitingOutcomes { ...R }
} }
fragment R on InstructorHomeRun { run { id code startsAt timeZone course { title } } learners outcomesToRecord learnersByAgency { agencyId agencyName learners } }`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type HomeRun = { run: { id: string; course: { title: string } }; learners: number; outcomesToRecord: number; learnersByAgency: { agencyName: string | null; learners: number }[] };
const titles = (list: HomeRun[]) => list.map((r) => r.run.course.title);

/** The viewer's day and week (Monday–Sunday) as PostgreSQL counts them in `zone`, independently of the code under test. */
async function calendarIn(zone: string) {
  const [row] = await app.sql(
    `select date_trunc('day', now() at time zone $1) at time zone $1 as day_start,
            extract(isodow from now() at time zone $1)::int as weekday,
            (date_trunc('week', now() at time zone $1) + interval '7 days') at time zone $1 as week_end`, [zone]);
  const dayStart = new Date(row.day_start).getTime();
  return { dayStart, dayEnd: dayStart + DAY, weekEnd: new Date(row.week_end).getTime(), sunday: row.weekday === 7 };
}

async function enrol(people: Person[], runId: string, status = 'ACTIVE') {
  for (const p of people) {
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status) select $1, course_id, id, $3 from course_run where id = $2`, [p.id, runId, status]);
  }
}

describe('instructorHome', () => {
  it('shows a partner instructor every run they teach for every agency: today, this week, outcomes waiting, learners by agency', async () => {
    const partner = await app.seed.partner({ name: 'Universitas Padjadjaran Uji' });
    const teacher = await app.seed.person({ partner, fullName: 'Dr. Rina Pengajar', roles: [{ role: Role.INSTRUCTOR }] });
    const colleague = await app.seed.person({ partner, fullName: 'Dr. Budi Lain', roles: [{ role: Role.INSTRUCTOR }] });
    // The teacher reads their day in WIT: two hours ahead of the server's WIB, so a WIB day would list other runs.
    await app.sql(`update person set time_zone = 'Asia/Jayapura' where id = $1`, [teacher.id]);
    const wit = await calendarIn('Asia/Jayapura');

    const a: Agency = await app.seed.agency({ name: 'Pemkot Bandung Uji' });
    const b: Agency = await app.seed.agency({ name: 'Kab. Sleman Uji' });
    const fromA = await Promise.all([1, 2, 3].map(() => app.seed.person({ agency: a })));
    const fromB = await Promise.all([1, 2].map(() => app.seed.person({ agency: b })));

    const course = async (title: string, owner: Agency, startsAt: number, endsAt: number, extra: { instructors?: Person[]; delivery?: DeliveryMode } = {}) =>
      (await app.seed.course({
        title, ownerAgency: owner, visibility: CourseVisibility.OWN_AGENCY, delivery: extra.delivery ?? DeliveryMode.IN_PERSON,
        instructors: extra.instructors ?? [teacher], startsAt: new Date(startsAt), endsAt: new Date(endsAt),
      })).run;

    // On today (WIT) for agency A, with learners of both agencies.
    const today = await course('Hari Ini Bandung', a, wit.dayStart + MINUTE, wit.dayEnd - MINUTE);
    await enrol([fromA[0], fromA[1]], today.id);
    await enrol([fromB[0]], today.id);
    await enrol([fromA[2]], today.id, 'WITHDRAWN'); // not a seat holder
    // Tomorrow 00:30 WIT is still today (22:30) in WIB: in "this week" for this viewer, never in "today".
    await course('Besok Sleman', b, wit.dayEnd + 30 * MINUTE, wit.dayEnd + 2 * HOUR);
    await course('Minggu Depan', a, wit.weekEnd + HOUR, wit.weekEnd + 2 * HOUR);
    // Ended with results to record: 2 of B and 1 of A active, 1 of A already completed.
    const ended = await course('Sudah Selesai Sleman', b, Date.now() - 3 * DAY, Date.now() - DAY);
    await enrol([fromB[0], fromB[1], fromA[0]], ended.id);
    await enrol([fromA[1]], ended.id, 'COMPLETED');
    // Ended with every result recorded: nothing waits.
    const settled = await course('Sudah Dinilai', a, Date.now() - 5 * DAY, Date.now() - 4 * DAY);
    await enrol([fromA[0]], settled.id, 'COMPLETED');
    await enrol([fromA[1]], settled.id, 'FAILED');
    // Self-paced and started: outcomes are recorded at each learner's pace, so they wait too.
    const selfPaced = await course('Daring Mandiri', a, Date.now() - 10 * DAY, Date.now() + 20 * DAY, { delivery: DeliveryMode.ONLINE_SELF_PACED });
    await enrol([fromA[2]], selfPaced.id);
    // Running (classroom) with active learners: they are learning, not waiting; it is on today.
    const running = await course('Sedang Berjalan', b, Date.now() - 2 * DAY, Date.now() + 10 * DAY);
    await enrol([fromB[1]], running.id);
    // Not the teacher's: another instructor's run today, and a cancelled one of theirs.
    const others = await course('Milik Rekan', a, wit.dayStart + MINUTE, wit.dayEnd - MINUTE, { instructors: [colleague] });
    await enrol([fromA[0]], others.id);
    const cancelled = await course('Dibatalkan', a, wit.dayStart + MINUTE, wit.dayEnd - MINUTE);
    await app.sql(`update course_run set status = $2 where id = $1`, [cancelled.id, CourseRunStatus.CANCELLED]);

    const client = await app.as(teacher);
    const home = (await client.ok(HOME)).instructorHome;
    // A classroom run of several days is on each of them (earliest start first); a self-paced one is on no day in particular.
    expect(titles(home.today)).toEqual(['Sedang Berjalan', 'Hari Ini Bandung']);
    expect(home.today[1]).toMatchObject({
      learners: 3,
      learnersByAgency: [{ agencyId: a.id, agencyName: 'Pemkot Bandung Uji', learners: 2 }, { agencyId: b.id, agencyName: 'Kab. Sleman Uji', learners: 1 }],
    });
    // On a Sunday the week has no day left after today.
    expect(titles(home.thisWeek)).toEqual(wit.sunday ? [] : ['Besok Sleman']);
    expect(titles(home.awaitingOutcomes)).toEqual(['Sudah Selesai Sleman', 'Daring Mandiri']);
    expect(home.awaitingOutcomes[0]).toMatchObject({
      run: { id: ended.id }, learners: 4, outcomesToRecord: 3,
      learnersByAgency: [{ agencyName: 'Kab. Sleman Uji', learners: 2 }, { agencyName: 'Pemkot Bandung Uji', learners: 2 }],
    });
    expect(home.awaitingOutcomes[1]).toMatchObject({ run: { id: selfPaced.id }, outcomesToRecord: 1 });

    // One statement after the session, the same for a busy home as for an empty one (counted before any write
    // below enqueues a mail job, whose statements would run meanwhile).
    const idle = await app.as(await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] }));
    const busy = await app.countSql(() => client.ok(HOME));
    const empty = await app.countSql(() => idle.ok(HOME));
    expect(busy.count).toBe(empty.count);
    expect(busy.count).toBeLessThanOrEqual(2);

    // Recording the outcomes takes the run off the list.
    const waiting = await app.sql(`select id from enrolment where run_id = $1 and status = 'ACTIVE' order by id`, [ended.id]);
    for (const [i, e] of waiting.entries()) {
      const op = i === 0 ? 'failEnrolment' : 'completeEnrolment';
      await client.ok(`mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: e.id });
    }
    const after = (await client.ok(HOME)).instructorHome;
    expect(titles(after.awaitingOutcomes)).toEqual(['Daring Mandiri']);

    // Another instructor of the same partner sees only their own run.
    const theirs = (await (await app.as(colleague)).ok(HOME)).instructorHome;
    expect(titles(theirs.today)).toEqual(['Milik Rekan']);
    expect([...theirs.thisWeek, ...theirs.awaitingOutcomes]).toEqual([]);

    // Not an instructor: FORBIDDEN.
    expect(await (await app.as(fromA[0])).errorCode(HOME)).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(HOME)).toBe('UNAUTHENTICATED');
  });
});

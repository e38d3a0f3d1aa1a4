import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility, DeliveryMode, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { isoDateIn, yearIn } from '../../server/src/shared/util/time.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HOME = `{ learnerHome {
  year minutes jp targetJp remainingJp minutesPerJp progress pendingApprovalsCount
  activeEnrolments { id status course { title } run { startsAt } }
  pendingEnrolments { id status approverName waitlistPosition requestedAt course { title } }
  upcoming { id course { title } run { startsAt } }
  awaitingResult { id course { title } run { endsAt } }
  recommended { reason closesGap course { title jp } run { id seatsLeft } }
} }`;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const DAY = 86_400_000;

describe('learnerHome', () => {
  it('opens with the year’s JP, then enrolments, upcoming courses and what would close the gap', async () => {
    const { agency, supervisor, learners } = await app.seed.agencyWithStaff(2);
    const [me, colleague] = learners;
    const own = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY };
    await app.sql(`insert into person_learning_year (person_id, year, minutes, jp) values ($1, $2, 540, 12)`, [me.id, yearIn(new Date())]);

    const soon = await app.seed.course({ ...own, title: 'Bimtek Segera', jp: 6, startsAt: new Date(Date.now() + 5 * DAY) });
    const selfPaced = await app.seed.course({ ...own, title: 'E-learning Mandiri', jp: 2 });
    const later = await app.seed.course({ ...own, title: 'Diklat Nanti', jp: 3, startsAt: new Date(Date.now() + 60 * DAY) });
    const approval = await app.seed.course({ ...own, title: 'Pelatihan Kepemimpinan', jp: 12, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const full = await app.seed.course({ ...own, title: 'Kelas Penuh', jp: 9, capacity: 1 });
    const left = await app.seed.course({ ...own, title: 'Sempat Mundur', jp: 2 });
    // Candidates for recommendation.
    await app.seed.course({ ...own, title: 'Rekomendasi 8 JP', jp: 8 });
    await app.seed.course({ ...own, title: 'Rekomendasi 10 JP', jp: 10 });
    await app.seed.course({ ...own, title: 'Rekomendasi 30 JP', jp: 30 });
    await app.seed.course({ ...own, title: 'Rekomendasi 4 JP', jp: 4 });
    await app.seed.course({ ...own, title: 'Undangan Saja', jp: 8, policy: EnrolmentPolicy.INVITATION });
    await app.seed.course({ ...own, title: 'Masih Draf', jp: 8, status: CourseStatus.DRAFT });
    await app.seed.course({ ownerAgency: await app.seed.agency(), visibility: CourseVisibility.OWN_AGENCY, title: 'Instansi Lain', jp: 8 });
    const otherFull = await app.seed.course({ ...own, title: 'Penuh Lain', jp: 8, capacity: 1 });

    const other = await app.as(colleague);
    await other.ok(ENROL, { runId: full.run.id });
    await other.ok(ENROL, { runId: otherFull.run.id });
    const client = await app.as(me);
    for (const c of [soon, selfPaced, later, approval, full, left]) await client.ok(ENROL, { runId: c.run.id });
    const leftId = (await app.sql(`select id from enrolment where person_id = $1 and course_id = $2`, [me.id, left.id]))[0].id;
    await client.ok(`mutation($id: ID!) { withdrawEnrolment(id: $id) { id } }`, { id: leftId });

    const home = (await client.ok(HOME)).learnerHome;
    expect(home).toMatchObject({ year: yearIn(new Date()), minutes: 540, jp: 12, targetJp: 20, remainingJp: 8, minutesPerJp: 45, pendingApprovalsCount: 0 });
    expect(home.progress).toBeCloseTo(0.6);
    // Running (or undated) only: the courses that have not started are under "upcoming", however far away.
    expect(home.activeEnrolments.map((e: any) => e.course.title)).toEqual(['E-learning Mandiri']);
    expect(home.pendingEnrolments.map((e: any) => [e.course.title, e.status, e.approverName, e.waitlistPosition])).toEqual([
      ['Pelatihan Kepemimpinan', 'REQUESTED', supervisor.fullName, null],
      ['Kelas Penuh', 'WAITLISTED', null, 1],
    ]);
    expect(home.upcoming.map((e: any) => e.course.title)).toEqual(['Bimtek Segera', 'Diklat Nanti']);
    expect(home.awaitingResult).toEqual([]);
    expect(home.recommended.map((r: any) => [r.course.title, r.closesGap, r.reason])).toEqual([
      ['Rekomendasi 8 JP', true, 'CLOSES_GAP'],
      ['Rekomendasi 10 JP', true, 'CLOSES_GAP'],
      ['Rekomendasi 30 JP', true, 'CLOSES_GAP'],
      ['Rekomendasi 4 JP', false, 'ADDS_TO_GAP'],
    ]);

    // The supervisor's home counts the request waiting on them; reasons are codes whatever the language
    // (the client words them with remainingJp), so a switch of language needs no new answer.
    const boss = await app.as(supervisor);
    await boss.ok(`mutation { setMyLanguage(language: EN) { locale } }`);
    const bossHome = (await boss.ok(HOME)).learnerHome;
    expect(bossHome.pendingApprovalsCount).toBe(1);
    expect(bossHome).toMatchObject({ remainingJp: 20 });
    expect(bossHome.recommended[0].reason).toBe('CLOSES_GAP');

    // A few statements, the same for an empty home as for a full one.
    const fresh = await app.as(await app.seed.person({ agency }));
    const busy = await app.countSql(() => client.ok(HOME));
    const empty = await app.countSql(() => fresh.ok(HOME));
    expect(busy.count).toBe(empty.count);
    // Session, then the whole page in one statement.
    expect(busy.count).toBeLessThanOrEqual(2);
  });

  it('sorts enrolments by the course’s dates, and recommends only what can still be joined from the start', async () => {
    const agency = await app.seed.agency();
    const learner = await app.seed.person({ agency });
    const own = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, delivery: DeliveryMode.IN_PERSON };
    const dated = async (title: string, startDays: number, endDays: number, delivery = DeliveryMode.IN_PERSON) => {
      const c = await app.seed.course({ ...own, title, delivery });
      await app.sql(`update course_run set starts_at = now() + $2 * interval '1 day', ends_at = now() + $3 * interval '1 day' where course_id = $1`, [c.id, startDays, endDays]);
      return c;
    };
    // Enrolled first (enrolment closing is not what this test is about), dated after.
    const client = await app.as(learner);
    const enrolled = [
      await app.seed.course({ ...own, title: 'Berjalan Klasikal' }),
      await app.seed.course({ ...own, title: 'Tujuh Minggu Lagi' }),
      await app.seed.course({ ...own, title: 'Besok' }),
      await app.seed.course({ ...own, title: 'Sudah Berakhir' }),
    ];
    for (const c of enrolled) await client.ok(ENROL, { runId: c.run.id });
    const dates: [number, number][] = [[-3, 4], [49, 51], [1, 2], [-10, -2]];
    for (const [i, [from, to]] of dates.entries()) {
      await app.sql(`update course_run set starts_at = now() + $2 * interval '1 day', ends_at = now() + $3 * interval '1 day' where course_id = $1`, [enrolled[i].id, from, to]);
    }
    // Not enrolled: candidates for recommendation.
    await dated('Klasikal Sedang Berjalan', -2, 5);
    await dated('Blended Sedang Berjalan', -2, 5, DeliveryMode.BLENDED);
    await dated('Daring Mandiri Sedang Berjalan', -30, 60, DeliveryMode.ONLINE_SELF_PACED);
    await dated('Klasikal Bulan Depan', 30, 32);
    await app.seed.course({ ...own, title: 'Tanpa Jadwal', delivery: DeliveryMode.ONLINE_SELF_PACED });

    const home = (await client.ok(HOME)).learnerHome;
    expect(home.activeEnrolments.map((e: any) => e.course.title)).toEqual(['Berjalan Klasikal']);
    expect(home.upcoming.map((e: any) => e.course.title)).toEqual(['Besok', 'Tujuh Minggu Lagi']);
    expect(home.awaitingResult.map((e: any) => e.course.title)).toEqual(['Sudah Berakhir']);
    expect(home.recommended.map((r: any) => r.course.title).sort()).toEqual(['Daring Mandiri Sedang Berjalan', 'Klasikal Bulan Depan', 'Tanpa Jadwal']);
  });

  it('when the target is reached, recommends without a gap', async () => {
    const agency = await app.seed.agency();
    const learner = await app.seed.person({ agency });
    await app.sql(`insert into person_learning_year (person_id, year, minutes, jp) values ($1, $2, 1000, 22.2)`, [learner.id, yearIn(new Date())]);
    await app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, title: 'Pengembangan Lanjutan', jp: 5 });
    const home = (await (await app.as(learner)).ok(HOME)).learnerHome;
    expect(home).toMatchObject({ jp: 22.2, remainingJp: 0, progress: 1 });
    const mine = home.recommended.find((r: any) => r.course.title === 'Pengembangan Lanjutan');
    expect(mine).toMatchObject({ closesGap: false, reason: 'TARGET_REACHED', course: { jp: 5 } });
    expect(home.targetJp).toBe(20);
  });

  it('is for learners only', async () => {
    const partner = await app.seed.partner();
    const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    expect(await (await app.as(lecturer)).errorCode(HOME)).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(HOME)).toBe('UNAUTHENTICATED');
  });

  // Last in the file: it puts a 60-minute rule in force from today, which would change what later tests credit.
  it('shows the year’s JP as credited: a rule change after a completion changes neither the JP nor what is missing', async () => {
    const staff = await app.seed.agencyWithStaff(1);
    const [learner] = staff.learners;
    const own = { ownerAgency: staff.agency, visibility: CourseVisibility.OWN_AGENCY };
    const done = await app.seed.course({ ...own, title: 'Sudah Selesai', jp: 2 });
    await app.seed.course({ ...own, title: 'Delapan Belas JP', jp: 18 });
    const me = await app.as(learner);
    const enrolmentId = (await me.ok(ENROL, { runId: done.run.id })).enrol.id;
    await (await app.as(staff.admin)).ok(`mutation($id: ID!) { completeEnrolment(id: $id) { id } }`, { id: enrolmentId });
    const credited = (await me.ok(HOME)).learnerHome;
    expect(credited).toMatchObject({ minutes: 90, jp: 2, minutesPerJp: 45, targetJp: 20, remainingJp: 18 });

    // From today a JP counts 60 minutes: the 90 minutes credited as 2 JP stay 2 JP (not 1.5), and 18 JP still close the gap.
    await app.sql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ($1::date, 60, 20)`, [isoDateIn(new Date())]);
    const after = (await me.ok(HOME)).learnerHome;
    expect(after).toMatchObject({ minutes: 90, jp: 2, minutesPerJp: 60, targetJp: 20, remainingJp: 18 });
    expect(after.progress).toBeCloseTo(0.1);
    expect(after.recommended.find((r: any) => r.course.title === 'Delapan Belas JP')).toMatchObject({ closesGap: true, reason: 'CLOSES_GAP' });
    // What the learning-hours page says agrees with the home page.
    expect((await me.ok(`{ myLearningHours { jp remainingJp } }`)).myLearningHours).toEqual({ jp: 2, remainingJp: 18 });
  });
});

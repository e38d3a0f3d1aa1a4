import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, DeliveryMode, DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { EnrolmentStatus } from '../../server/src/modules/enrolment/index.js';
import { checkNip } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { buildDemoWorld, DEMO_PASSWORD, seedDemoWorldIfEmpty, type DemoAccount } from '../../server/src/shared/db/seed/demo-world.js';
import { ONLINE } from '../../server/src/shared/db/seed/demo-catalogue.js';
import { wallClock } from '../../server/src/shared/db/seed/schedule.js';
import { yearIn } from '../../server/src/shared/util/time.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
let accounts: DemoAccount[] | null;
const thisYear = yearIn(new Date());

const TABLES = ['agency', 'partner_institution', 'org_unit', 'person', 'role_grant', 'course', 'course_run', 'course_visible_agency', 'course_run_instructor', 'enrolment', 'learning_record', 'person_learning_year',
  'programme', 'programme_cohort', 'cohort_agency_quota', 'cohort_participant'];

async function tableCounts(): Promise<Record<string, number>> {
  const rows = await app.sql<{ t: string; n: number }>(TABLES.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

beforeAll(async () => {
  // The run's demo world (seeded once by seedDemoWorldIfEmpty into a template, test/kit/demo-template.ts), with the
  // accounts that seed returned; or, when that template is out of date, the server's own seed of this file's database.
  app = await startTestApp({ seedDemo: true });
  accounts = app.lentera.demoAccounts;
});
afterAll(async () => {
  await app?.close();
});

describe('demo world', () => {
  it('has the agencies, partners and places users know, with correct unit paths', async () => {
    expect(accounts).not.toBeNull();
    const agencies = await app.sql<{ name: string; kind: string }>(`select name, kind::text from agency order by name`);
    expect(agencies.map((a) => a.name)).toEqual(expect.arrayContaining([
      'Pemerintah Provinsi DKI Jakarta', 'Pemerintah Kota Bandung', 'Pemerintah Kota Semarang', 'Pemerintah Kota Palembang',
      'Kementerian Dalam Negeri', 'Lembaga Administrasi Negara',
    ]));
    expect(new Set(agencies.map((a) => a.kind))).toEqual(new Set(['PROVINCE', 'CITY', 'MINISTRY', 'NATIONAL_AGENCY']));
    const partners = await app.sql<{ name: string }>(`select name from partner_institution`);
    expect(partners.map((p) => p.name)).toEqual(expect.arrayContaining(['Universitas Indonesia', 'Institut Teknologi Bandung', 'Universitas Diponegoro', 'Universitas Sriwijaya']));
    expect(partners.length).toBeGreaterThanOrEqual(5);

    const plaju = await app.sql(`select u.id from org_unit u join agency a on a.id = u.agency_id where u.name = 'Kecamatan Plaju' and a.name = 'Pemerintah Kota Palembang'`);
    expect(plaju).toHaveLength(1);
    // A path is the parent's path plus the unit's own id; parents belong to the same agency.
    const badPaths = await app.sql(
      `select u.id from org_unit u left join org_unit p on p.id = u.parent_id
        where (u.parent_id is null and u.path <> u.id::text)
           or (u.parent_id is not null and (p.path is null or u.path <> p.path || '/' || u.id::text or p.agency_id <> u.agency_id))`,
    );
    expect(badPaths).toEqual([]);
    const [{ depth }] = await app.sql<{ depth: number }>(`select max(array_length(string_to_array(path, '/'), 1))::int as depth from org_unit`);
    expect(depth).toBeGreaterThanOrEqual(3);
  });

  it('has at least 300 civil servants, every NIP valid (PNS and PPPK), and supervisor trees within each agency', async () => {
    const people = await app.sql<{ nip: string; employment_type: string; full_name: string }>(`select nip, employment_type::text, full_name from person where nip is not null`);
    expect(people.length).toBeGreaterThanOrEqual(300);
    for (const p of people) {
      const check = checkNip(p.nip);
      expect(check, `${p.full_name} ${p.nip}`).toMatchObject({ ok: true, kind: p.employment_type });
    }
    expect(people.filter((p) => p.employment_type === 'PPPK').length).toBeGreaterThan(10);
    expect(new Set(people.map((p) => p.full_name)).size).toBe(people.length);

    const strays = await app.sql(
      `select p.id from person p join person s on s.id = p.supervisor_id where s.agency_id is distinct from p.agency_id or s.id = p.id`,
    );
    expect(strays).toEqual([]);
    // No cycles: walking up from anyone ends within a few steps.
    const [{ longest }] = await app.sql<{ longest: number }>(
      `with recursive up(id, sup, n) as (select id, supervisor_id, 0 from person
         union all select up.id, s.supervisor_id, up.n + 1 from up join person s on s.id = up.sup where up.n < 20)
       select max(n)::int as longest from up`,
    );
    expect(longest).toBeLessThan(6);
    const [{ withSupervisor, asn }] = await app.sql(`select count(supervisor_id)::int as "withSupervisor", count(*)::int as asn from person where nip is not null`);
    expect(withSupervisor / asn).toBeGreaterThan(0.9);

    const partnerStaff = await app.sql<{ email: string; nidn: string | null }>(`select email, nidn from person where employment_type = 'NON_ASN'`);
    expect(partnerStaff.every((p) => /^[a-z.]+@[a-z.]+$/.test(p.email))).toBe(true);
    expect(partnerStaff.filter((p) => p.nidn && /^\d{10}$/.test(p.nidn)).length).toBeGreaterThanOrEqual(12);

    const grants = await app.sql<{ role: string; n: number }>(`select role::text, count(*)::int as n from role_grant group by role`);
    const byRole = Object.fromEntries(grants.map((g) => [g.role, g.n]));
    expect(byRole[Role.AGENCY_ADMIN]).toBe(6);
    expect(byRole[Role.PLATFORM_ADMIN]).toBe(1);
    expect(byRole[Role.PARTNER_ADMIN]).toBe(5);
    expect(byRole[Role.INSTRUCTOR]).toBeGreaterThanOrEqual(20);
  });

  it('has about 60 courses across every form, delivery mode, visibility and policy', async () => {
    const courses = await app.sql(`select c.form::text, c.delivery::text, c.visibility::text, c.status::text,
                                          c.owner_agency_id, c.owner_partner_id, c.jp, c.competency_tags
                                     from course c`);
    const runs = await app.sql(`select r.enrolment_policy::text as policy, r.capacity, r.seats_taken, r.waitlist_length, r.starts_at from course_run r`);
    expect(courses.length).toBeGreaterThanOrEqual(55);
    expect(courses.length).toBeLessThanOrEqual(70);
    expect(runs.length).toBeGreaterThan(courses.length);
    expect(new Set(courses.map((c) => c.form))).toEqual(new Set(Object.values(DevelopmentForm)));
    expect(new Set(courses.map((c) => c.delivery))).toEqual(new Set(Object.values(DeliveryMode)));
    expect(new Set(courses.map((c) => c.visibility))).toEqual(new Set(Object.values(CourseVisibility)));
    expect(new Set(runs.map((c) => c.policy))).toEqual(new Set(Object.values(EnrolmentPolicy)));
    expect(new Set(courses.map((c) => c.status))).toEqual(new Set(['DRAFT', 'PUBLISHED', 'ARCHIVED']));
    expect(courses.some((c) => c.owner_agency_id)).toBe(true);
    expect(courses.some((c) => c.owner_partner_id)).toBe(true);
    expect(runs.some((c) => c.capacity !== null && c.capacity <= 12 && c.seats_taken === c.capacity && c.waitlist_length > 0)).toBe(true);
    expect(runs.some((c) => c.starts_at && new Date(c.starts_at) > new Date())).toBe(true);
    expect(runs.some((c) => c.starts_at && new Date(c.starts_at) < new Date())).toBe(true);
    // A course with a past run, an open one and a future one (several runs of one course).
    const [{ spread }] = await app.sql(
      `select count(*)::int as spread from course c
        where exists (select 1 from course_run r where r.course_id = c.id and r.ends_at < now())
          and (select count(*) from course_run r where r.course_id = c.id and r.starts_at > now()) >= 2`,
    );
    expect(spread).toBeGreaterThanOrEqual(1);
    const tags = new Set(courses.flatMap((c) => c.competency_tags as string[]));
    for (const t of ['Integritas', 'Kerja Sama', 'Komunikasi', 'Orientasi pada Hasil', 'Pelayanan Publik', 'Pengembangan Diri dan Orang Lain', 'Mengelola Perubahan', 'Pengambilan Keputusan', 'Perekat Bangsa']) {
      expect(tags, t).toContain(t);
    }
    const [{ missing }] = await app.sql(
      `select count(*)::int as missing from course_run r join course c on c.id = r.course_id where c.status <> 'DRAFT' and c.delivery <> 'ONLINE_SELF_PACED'
          and not exists (select 1 from course_run_instructor i where i.run_id = r.id)`,
    );
    expect(missing).toBe(0);
    const listedWithoutAgencies = await app.sql(
      `select id from course c where visibility = 'LISTED_AGENCIES' and not exists (select 1 from course_visible_agency v where v.course_id = c.id)`,
    );
    expect(listedWithoutAgencies).toEqual([]);
  });

  it('has enrolments in every state, with seat and waitlist counters that match them exactly', async () => {
    const statuses = await app.sql<{ status: string }>(`select distinct status::text from enrolment`);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(Object.values(EnrolmentStatus)));

    const drift = await app.sql(
      `select c.code from course_run c
        where c.seats_taken <> (select count(*) from enrolment e where e.run_id = c.id and e.status in ('ACTIVE', 'COMPLETED', 'FAILED'))
           or c.waitlist_length <> (select count(*) from enrolment e where e.run_id = c.id and e.status = 'WAITLISTED')
           or (c.capacity is not null and c.seats_taken > c.capacity)`,
    );
    expect(drift).toEqual([]);
    // Every enrolment's course is its run's course; someone failed a course and is back in a later run of it.
    expect(await app.sql(`select e.id from enrolment e join course_run r on r.id = e.run_id where r.course_id <> e.course_id`)).toEqual([]);
    const [{ retakes }] = await app.sql(
      `select count(*)::int as retakes from enrolment f join course_run fr on fr.id = f.run_id
         join enrolment a on a.person_id = f.person_id and a.course_id = f.course_id and a.run_id <> f.run_id and a.status in ('ACTIVE', 'REQUESTED', 'WAITLISTED')
         join course_run ar on ar.id = a.run_id
        where f.status = 'FAILED' and ar.starts_at > fr.ends_at`,
    );
    expect(retakes).toBeGreaterThanOrEqual(1);

    const [shape] = await app.sql(
      `select count(*) filter (where e.status = 'REQUESTED' and (e.approver_id is null or e.approver_id <> p.supervisor_id))::int as bad_requested,
              count(*) filter (where e.status = 'REJECTED' and (e.decision_note is null or e.decided_by_id is null))::int as bad_rejected,
              count(*) filter (where e.status = 'WAITLISTED' and e.waitlisted_at is null)::int as bad_waitlisted,
              count(*) filter (where e.status in ('COMPLETED', 'FAILED', 'WITHDRAWN') and e.finished_at is null)::int as bad_finished,
              count(*) filter (where e.finished_at > now() or e.requested_at > now())::int as in_future,
              count(*) filter (where c.status = 'DRAFT')::int as in_drafts
         from enrolment e join person p on p.id = e.person_id join course c on c.id = e.course_id`,
    );
    expect(shape).toEqual({ bad_requested: 0, bad_rejected: 0, bad_waitlisted: 0, bad_finished: 0, in_future: 0, in_drafts: 0 });
  });

  it('keeps a learning-hours ledger of two years that the yearly totals equal exactly', async () => {
    const [ledger] = await app.sql(
      // Courses credit on completion; workshops from attendance (their own test below).
      `select (select count(*) from enrolment e join course c on c.id = e.course_id where e.status = 'COMPLETED' and c.kind = 'COURSE')::int as completed,
              (select count(*) from learning_record where source not in ('WORKSHOP_ATTENDANCE', 'EXTERNAL_ACTIVITY'))::int as records,
              (select count(*) from learning_record r join enrolment e on r.source = 'COURSE_RUN_COMPLETION' and e.id = r.source_id
                join course c on c.id = e.course_id join person p on p.id = r.person_id
                where e.status = 'COMPLETED' and r.person_id = e.person_id and r.minutes = c.jp * 45 and r.jp = c.jp and r.status = 'CREDITED'
                  and r.agency_id = p.agency_id and r.org_unit_id is not distinct from p.org_unit_id
                  and r.year = extract(year from e.finished_at at time zone 'Asia/Jakarta') and r.occurred_at = e.finished_at)::int as matching`,
    );
    expect(ledger.records).toBe(ledger.completed);
    expect(ledger.matching).toBe(ledger.completed);

    const mismatch = await app.sql(
      `select coalesce(t.person_id, r.person_id) as person_id from person_learning_year t
         full join (select person_id, year, sum(minutes)::int as minutes, sum(jp) as jp from learning_record group by person_id, year) r
           on r.person_id = t.person_id and r.year = t.year
        where t.minutes is distinct from r.minutes or t.jp is distinct from r.jp`,
    );
    expect(mismatch).toEqual([]);

    const years = await app.sql<{ year: number; people: number; above: number; below: number }>(
      `select y.year, count(*)::int as people,
              count(*) filter (where y.minutes >= 20 * 45)::int as above, count(*) filter (where y.minutes < 20 * 45)::int as below
         from person_learning_year y group by y.year order by y.year`,
    );
    expect(years.map((y) => y.year)).toEqual([thisYear - 1, thisYear]);
    const [{ asn }] = await app.sql(`select count(*)::int as asn from person where nip is not null`);
    for (const y of years) {
      expect(y.above).toBeGreaterThan(asn * 0.1);
      // Most people are below target (including everyone with no learning at all that year).
      expect(asn - y.above).toBeGreaterThan(asn * 0.5);
      expect(y.below).toBeGreaterThan(0);
    }
  });

  it('prints a learner with a pending request and partial JP, their supervisor, an admin, an instructor and a platform admin', async () => {
    const roles = accounts!.map((a) => a.role);
    expect(roles).toEqual(expect.arrayContaining([Role.LEARNER, Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.INSTRUCTOR, Role.PLATFORM_ADMIN]));
    for (const a of accounts!) expect(a.password).toBe(DEMO_PASSWORD);

    const learner = accounts!.find((a) => a.role === Role.LEARNER)!;
    const supervisor = accounts!.find((a) => a.role === Role.SUPERVISOR)!;
    const [l] = await app.sql(
      `select p.id, s.nip as supervisor_nip,
              coalesce((select minutes from person_learning_year y where y.person_id = p.id and y.year = $2), 0) / 45 as jp,
              (select count(*) from enrolment e where e.person_id = p.id and e.status = 'REQUESTED' and e.approver_id = s.id)::int as pending
         from person p join person s on s.id = p.supervisor_id where p.nip = $1`,
      [learner.login, thisYear],
    );
    expect(l.supervisor_nip).toBe(supervisor.login);
    expect(l.pending).toBeGreaterThanOrEqual(1);
    expect(l.jp).toBeGreaterThan(0);
    expect(l.jp).toBeLessThan(20);
    const [{ inbox }] = await app.sql(
      `select count(*)::int as inbox from enrolment e join person s on s.id = e.approver_id where s.nip = $1 and e.status = 'REQUESTED'`,
      [supervisor.login],
    );
    expect(inbox).toBeGreaterThanOrEqual(2);

    const admin = accounts!.find((a) => a.role === Role.AGENCY_ADMIN)!;
    const [adm] = await app.sql(
      `select a.name from role_grant g join person p on p.id = g.person_id join agency a on a.id = g.agency_id where p.nip = $1 and g.role = 'AGENCY_ADMIN'`,
      [admin.login],
    );
    expect(adm.name).toBe('Pemerintah Kota Bandung');

    const instructor = accounts!.find((a) => a.role === Role.INSTRUCTOR)!;
    expect(instructor.login).toMatch(/@ui\.ac\.id$/);
    const [{ active }] = await app.sql(
      `select count(*)::int as active from enrolment e join course_run_instructor ci on ci.run_id = e.run_id join person p on p.id = ci.person_id
        where p.email = $1 and e.status = 'ACTIVE'`,
      [instructor.login],
    );
    expect(active).toBeGreaterThan(5);
  });

  it('lets every printed demo account sign in over HTTP with the printed password', async () => {
    for (const account of accounts!) {
      const client = app.anonymous();
      await client.signIn(account.login, account.password);
      const { me } = await client.ok(`{ me { id fullName roles } }`);
      expect(me.fullName).toBe(account.name);
      expect(me.roles).toContain(account.role);
    }
    const wrong = app.anonymous();
    expect(await wrong.errorCode(`mutation { signIn(input: { login: "${accounts![0].login}", password: "salah-sandi" }) { me { id } } }`)).toBe('INVALID_CREDENTIALS');
  });

  it('schedules read as the organiser announces them: 08.00–16.00 in class, a morning online, in the owner’s zone', async () => {
    const rows = await app.sql<{ code: string; location: string | null; zone: string; opens: string; closes: string; days: number }>(
      `select r.code, r.location, z.zone,
              to_char(r.starts_at at time zone z.zone, 'HH24.MI') as opens, to_char(r.ends_at at time zone z.zone, 'HH24.MI') as closes,
              ((r.ends_at at time zone z.zone)::date - (r.starts_at at time zone z.zone)::date)::int as days
         from course_run r join course c on c.id = r.course_id left join agency a on a.id = c.owner_agency_id
        cross join lateral (select coalesce(a.time_zone, 'Asia/Jakarta') as zone) z
        where r.starts_at is not null and c.kind = 'COURSE'`, // a workshop run's dates follow its sessions
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      // Between 07.00 and 17.00 where the course is held, opening before closing, on the first and last day.
      expect(r.opens >= '07.00' && r.closes <= '17.00' && r.opens < r.closes && r.days >= 0, `${r.code}: ${r.opens}–${r.closes} ${r.zone}`).toBe(true);
    }
    expect(rows.filter((r) => r.location !== ONLINE).every((r) => r.opens === '08.00' && r.closes === '16.00')).toBe(true);
    expect(rows.filter((r) => r.location === ONLINE).map((r) => `${r.opens}–${r.closes}`)).toContain('09.00–12.00');

    // Whatever the hour the world is built at (here 23.30 and 00.30 WIB), and in any Indonesian zone.
    for (const now of [new Date('2026-11-23T16:30:00Z'), new Date('2026-11-23T17:30:00Z')]) {
      const table = buildDemoWorld(now, 'hash').tables.find((t) => t.table === 'course_run')!;
      // (The monthly forum keeps its own afternoon hours: the forum test below.)
      for (const row of table.rows.filter((r) => r.starts_at && !r.series_id)) {
        const hm = (iso: unknown) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso as string));
        expect([hm(row.starts_at), hm(row.ends_at)], row.code as string).toEqual(row.location === ONLINE ? ['09:00', '12:00'] : ['08:00', '16:00']);
      }
    }
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
      const at = wallClock(new Date('2026-11-23T20:00:00Z'), 3, '08.00', zone);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(at), zone).toBe('27/11/2026, 08:00');
    }
  });

  it('has cooperation agreements covering every partner instructor of an agency run, one ending within 60 days and one ended', async () => {
    // Each partner instructor on an agency's run (not the agency's own staff) sits under an agreement valid over its dates and form.
    const uncovered = await app.sql(`
      select c.code, p.full_name from course_run r join course c on c.id = r.course_id
        join course_run_instructor ri on ri.run_id = r.id join person p on p.id = ri.person_id
       where c.owner_agency_id is not null and p.partner_id is not null and p.agency_id is distinct from c.owner_agency_id
         and not exists (select 1 from agreement a join agreement_agency aa on aa.agreement_id = a.id
                          where a.partner_id = p.partner_id and aa.agency_id = c.owner_agency_id and c.form = any(a.scope)
                            and a.valid_from <= (coalesce(r.starts_at, now()) at time zone 'Asia/Jakarta')::date
                            and a.valid_to >= (coalesce(r.ends_at, r.starts_at, now()) at time zone 'Asia/Jakarta')::date)`);
    expect(uncovered).toEqual([]);
    const [{ teaching }] = await app.sql(`select count(*)::int as teaching from agreement where kind = 'PKS'`);
    expect(teaching).toBeGreaterThan(0);
    const today = `(now() at time zone 'Asia/Jakarta')::date`;
    expect((await app.sql(`select number from agreement where valid_to between ${today} and ${today} + 60`)).length).toBeGreaterThanOrEqual(1);
    expect((await app.sql(`select number from agreement where valid_to < ${today}`)).length).toBeGreaterThanOrEqual(1);
  });

  it('lets the printed agency admin pick a partner lecturer under a demo agreement for a run months ahead', async () => {
    const account = accounts!.find((a) => a.role === Role.AGENCY_ADMIN)!;
    const admin = app.anonymous();
    await admin.signIn(account.login, account.password);
    // A bimtek of Bandung's, four months on: past the MoU with UI that ends within 60 days (and ITB's bimtek PKS has ended).
    const [course] = await app.sql(`select id from course where code = 'BDG-BT-KANAL'`);
    const startsAt = new Date(Date.now() + 120 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 2 * 86_400_000);
    const { assignableInstructors } = await admin.ok(
      `query($courseId: ID!, $startsAt: DateTimeISO, $endsAt: DateTimeISO) { assignableInstructors(courseId: $courseId, startsAt: $startsAt, endsAt: $endsAt, first: 100) { nodes { personId fullName partnerName agreementNumber } } }`,
      { courseId: course.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    const partnerStaff = assignableInstructors.nodes.filter((x: { agreementNumber: string | null }) => x.agreementNumber);
    expect(partnerStaff.length).toBeGreaterThanOrEqual(1);
    expect(partnerStaff[0]).toMatchObject({ partnerName: 'Universitas Indonesia', agreementNumber: `PKS/052/UI-BDG/${thisYear}` });
    // …and assigning them saves.
    const { createCourseRun } = await admin.ok(`mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { id instructors { id } } }`, {
      input: { courseId: course.id, code: 'DEMO-MITRA', enrolmentPolicy: 'OPEN', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), instructorIds: [partnerStaff[0].personId] },
    });
    expect(createCourseRun.instructors).toEqual([{ id: partnerStaff[0].personId }]);
  });

  it('has workshops (LOK-, BIMTEK-) with past and upcoming sessions in WIB and WITA, registrations and materials', async () => {
    const workshops = await app.sql(`select c.id, c.code, c.attendance_credit, c.fixed_jp, c.owner_agency_id, r.id as run_id, r.starts_at, r.ends_at,
        r.seats_taken, r.waitlist_length, r.capacity,
        (select count(*)::int from enrolment e where e.run_id = r.id and e.status = 'ACTIVE') as active,
        (select count(*)::int from enrolment e where e.run_id = r.id and e.status = 'WAITLISTED') as waiting,
        (select min(s.starts_at) from run_session s where s.run_id = r.id) as first_start,
        (select max(s.ends_at) from run_session s where s.run_id = r.id) as last_end,
        (select count(*)::int from run_material m where m.run_id = r.id and m.url like 'https://%') as links
      from course c join course_run r on r.course_id = c.id
      where c.kind = 'WORKSHOP' and (c.code like 'LOK-%' or c.code like 'BIMTEK-%') order by c.code`);
    expect(workshops.map((w) => w.code.split('-')[0])).toEqual(expect.arrayContaining(['BIMTEK', 'LOK']));
    expect(workshops.some((w) => w.attendance_credit === 'FIXED_JP' && Number(w.fixed_jp) > 0)).toBe(true);
    for (const w of workshops) {
      // The run's dates are its first and last session's; counters match the registrations; a link to open.
      expect(new Date(w.starts_at).getTime(), w.code).toBe(new Date(w.first_start).getTime());
      expect(new Date(w.ends_at).getTime(), w.code).toBe(new Date(w.last_end).getTime());
      expect([w.seats_taken, w.waitlist_length], w.code).toEqual([w.active, w.waiting]);
      expect(w.active, w.code).toBeGreaterThan(0);
      expect(w.links, w.code).toBeGreaterThan(0);
    }
    expect(workshops.some((w) => w.waiting > 0 && w.seats_taken === w.capacity)).toBe(true);
    const [{ past, upcoming, zones }] = await app.sql(`select count(*) filter (where s.ends_at < now())::int as past,
        count(*) filter (where s.starts_at > now())::int as upcoming, array_agg(distinct s.time_zone) as zones
      from run_session s join course_run r on r.id = s.run_id join course c on c.id = r.course_id where c.code like 'LOK-%' or c.code like 'BIMTEK-%'`);
    expect(past).toBeGreaterThan(0);
    expect(upcoming).toBeGreaterThan(0);
    expect(zones).toEqual(expect.arrayContaining(['Asia/Jakarta', 'Asia/Makassar']));
    // An agency's workshop taught by a partner lecturer (the agreements test above checks the agreement covers it).
    const [taught] = await app.sql(`select p.full_name from course c join course_run r on r.course_id = c.id join course_run_instructor ri on ri.run_id = r.id
      join person p on p.id = ri.person_id where c.kind = 'WORKSHOP' and c.owner_agency_id is not null and p.partner_id is not null`);
    expect(taught?.full_name).toBe('Dr. Ratna Wulandari, M.Si.');
    // The printed learner has a seat in a workshop, and sees its sessions and their online link.
    const account = accounts!.find((a) => a.role === Role.LEARNER)!;
    const learner = app.anonymous();
    await learner.signIn(account.login, account.password);
    const bimtek = workshops.find((w) => w.code.startsWith('BIMTEK-'))!;
    const { courseRun } = await learner.ok(`query($id: ID!) { courseRun(id: $id) { sessions { startsAt onlineUrl hasOnlineUrl } materials { url } } }`, { id: bimtek.run_id });
    expect(courseRun.sessions.length).toBeGreaterThanOrEqual(3);
    expect(courseRun.sessions.filter((x: { hasOnlineUrl: boolean; onlineUrl: string | null }) => x.hasOnlineUrl).every((x: { onlineUrl: string | null }) => x.onlineUrl?.startsWith('https://'))).toBe(true);
    expect(courseRun.materials[0].url).toMatch(/^https:\/\//);
  });

  it('has a monthly forum: first Tuesdays 13.00–15.00 WIB, held occurrences with registrations and attendance, coming ones open to register', async () => {
    const account = accounts!.find((a) => a.role === Role.AGENCY_ADMIN)!;
    const admin = app.anonymous();
    await admin.signIn(account.login, account.password);
    const [course] = await app.sql(`select id, kind from course where title = 'Forum Diskusi Inovasi Pelayanan Publik'`);
    expect(course.kind).toBe('WORKSHOP');
    const { runSeriesOfCourse } = await admin.ok(`query($id: ID!) { runSeriesOfCourse(courseId: $id) { nodes { id rrule startTime durationMinutes timeZone
      occurrences(first: 20) { nodes { runId code startsAt endsAt seatsTaken status } } } } }`, { id: course.id });
    const [series] = runSeriesOfCourse.nodes;
    expect(series).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=+1TU', startTime: '13:00', durationMinutes: 120, timeZone: 'Asia/Jakarta' });
    const occurrences = series.occurrences.nodes as { runId: string; code: string; startsAt: string; endsAt: string; seatsTaken: number }[];
    for (const o of occurrences) {
      const start = new Date(o.startsAt);
      // A Tuesday among the month's first seven days, 06.00–08.00 UTC (13.00–15.00 WIB), its code the month.
      expect([start.getUTCDay(), start.getUTCDate() <= 7, start.getUTCHours(), new Date(o.endsAt).getUTCHours()]).toEqual([2, true, 6, 8]);
      expect(o.code).toBe(o.startsAt.slice(0, 7));
      expect(o.seatsTaken).toBeGreaterThan(0);
    }
    const held = occurrences.filter((o) => new Date(o.endsAt).getTime() < Date.now());
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(occurrences.length - held.length).toBeGreaterThanOrEqual(2);
    // Held ones carry attendance for every registrant; the counters equal the registrations; every occurrence has one session.
    const [check] = await app.sql(`select
        (select count(*)::int from enrolment e where e.run_id = any($1) and e.one_per_course) as per_course,
        (select count(*)::int from enrolment e where e.run_id = any($2) and not exists (select 1 from session_attendance a where a.enrolment_id = e.id)) as unmarked,
        (select count(*)::int from course_run r where r.id = any($1) and r.seats_taken <> (select count(*) from enrolment e where e.run_id = r.id and e.status = 'ACTIVE')) as miscounted,
        (select count(*)::int from course_run r where r.id = any($1) and (select count(*) from run_session s where s.run_id = r.id) <> 1) as without_one_session`,
      [occurrences.map((o) => o.runId), held.map((o) => o.runId)]);
    expect(check).toEqual({ per_course: 0, unmarked: 0, miscounted: 0, without_one_session: 0 });
    // The demo learner attended one and is registered for the next, both in the same forum.
    const learner = accounts!.find((a) => a.role === Role.LEARNER)!;
    const mine = await app.sql(`select r.starts_at from enrolment e join person p on p.id = e.person_id join course_run r on r.id = e.run_id
      where p.nip = $1 and e.course_id = $2 and e.status = 'ACTIVE' order by r.starts_at`, [learner.login, course.id]);
    expect(mine.length).toBe(2);
    expect(mine.some((r) => r.starts_at.getTime() > Date.now())).toBe(true);
  });

  it('has workshop attendance: the demo instructor’s sheet with every kind of mark, JP credited from attendance, a session waiting now', async () => {
    const instructor = accounts!.find((a) => a.role === Role.INSTRUCTOR)!;
    const marks = await app.sql<{ status: string; method: string }>(
      `select distinct a.status, a.method from session_attendance a join run_session s on s.id = a.session_id
         join course_run_instructor ci on ci.run_id = s.run_id join person p on p.id = ci.person_id where p.email = $1`, [instructor.login],
    );
    expect(new Set(marks.map((m) => m.status))).toEqual(new Set(['PRESENT', 'LATE', 'ABSENT', 'EXCUSED']));
    expect(new Set(marks.map((m) => m.method))).toEqual(new Set(['ROSTER', 'QR']));
    // Settled as the job does: 6 of 8 completed with JP by the minutes they attended (3 h + 3 h at 45 min per JP = 8 JP in full).
    const credited = await app.sql<{ jp: number }>(`select l.jp::float8 as jp from learning_record l join enrolment e on e.id = l.source_id join course c on c.id = e.course_id
       where l.source = 'WORKSHOP_ATTENDANCE' and c.code like 'PRESENSI-%' order by l.jp`);
    expect(credited).toHaveLength(6);
    expect(credited.at(-1)!.jp).toBe(8);
    expect(credited[0].jp).toBe(7.1); // 40 minutes late on the second day: 320 minutes
    const client = app.anonymous();
    await client.signIn(instructor.login, DEMO_PASSWORD);
    const home = await client.ok(`{ instructorHome { attendanceToTake { unmarked session { courseTitle } } } }`);
    expect(home.instructorHome.attendanceToTake).toContainEqual({ unmarked: 4, session: { courseTitle: 'Seminar Keterbukaan Informasi Publik' } });
    // Her bimtek's past sessions were marked on the roster: nothing of them is left to take.
    expect(home.instructorHome.attendanceToTake.map((a: { session: { courseTitle: string } }) => a.session.courseTitle)).not.toContain('Bimbingan Teknis Pelayanan Publik Digital');
    const bimtekMarks = await app.sql<{ status: string; n: number }>(`select a.status, count(*)::int as n from session_attendance a join run_session s on s.id = a.session_id
       join course_run r on r.id = s.run_id join course c on c.id = r.course_id where c.code like 'BIMTEK-%' group by a.status order by a.status`);
    expect(bimtekMarks).toEqual([{ status: 'ABSENT', n: 2 }, { status: 'EXCUSED', n: 2 }, { status: 'LATE', n: 2 }, { status: 'PRESENT', n: 22 }]);
  });

  it('has programmes: Literasi Digital ASN of an agency, shared, with ended, running and upcoming cohorts and quotas for three agencies', async () => {
    const [literasi] = await app.sql(`select p.*, a.code as owner, (select count(*)::int from programme_group g where g.programme_id = p.id) as groups
      from programme p join agency a on a.id = p.owner_agency_id where p.title = 'Literasi Digital ASN' and p.origin_id is null`);
    expect(literasi).toMatchObject({ owner: 'PEMKOT-BDG', status: 'PUBLISHED', completion_rule: 'GROUPS', groups: 1 });
    expect(literasi.shared_at.getTime()).toBeLessThan(Date.now());
    expect(literasi.share_note.length).toBeGreaterThan(20);
    // A path of existing published courses: required ones, and a group of electives (a grouped item is optional).
    const items = await app.sql(`select i.required, i.group_id, c.status from programme_item i join course c on c.id = i.course_id where i.programme_id = $1 order by i.position`, [literasi.id]);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((i) => i.status === 'PUBLISHED')).toBe(true);
    expect(items.filter((i) => i.required).length).toBeGreaterThanOrEqual(1);
    expect(items.filter((i) => i.group_id).length).toBeGreaterThanOrEqual(2);
    const cohorts = await app.sql(`select c.*, (select count(*)::int from cohort_agency_quota q where q.cohort_id = c.id) as agencies,
        (select coalesce(sum(q.seats), 0)::int from cohort_agency_quota q where q.cohort_id = c.id) as seats
      from programme_cohort c where c.programme_id = $1 order by c.starts_at`, [literasi.id]);
    const ended = cohorts.filter((c) => c.ends_at.getTime() < Date.now());
    const upcoming = cohorts.filter((c) => c.starts_at.getTime() > Date.now());
    expect(ended.length).toBeGreaterThanOrEqual(2);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]).toMatchObject({ self_apply: true, offers_seats: true, agencies: 3, status: 'SCHEDULED' });
    expect(upcoming[0].nomination_closes_at.getTime()).toBeGreaterThan(Date.now());
    expect(ended.every((c) => c.agencies === 3)).toBe(true);
    for (const c of cohorts) expect(c.seats, c.code).toBeLessThanOrEqual(c.capacity);

    // Universitas Diponegoro's programme in order, one ended cohort of several agencies.
    const [pengawas] = await app.sql(`select p.id, p.completion_rule, p.status, pi.code as owner,
        (select count(*)::int from programme_cohort c where c.programme_id = p.id and c.ends_at < now()) as ended,
        (select count(distinct q.agency_id)::int from programme_cohort c join cohort_agency_quota q on q.cohort_id = c.id where c.programme_id = p.id) as agencies
      from programme p join partner_institution pi on pi.id = p.owner_partner_id where p.title = 'Pelatihan Kepemimpinan Pengawas'`);
    expect(pengawas).toMatchObject({ owner: 'UNDIP', completion_rule: 'IN_ORDER', status: 'PUBLISHED', ended: 1 });
    expect(pengawas.agencies).toBeGreaterThanOrEqual(3);
  });

  it('has an adoption chain traceable to the first: B copied Literasi Digital (one item changed) and ran a cohort, C copied B', async () => {
    const chain = await app.sql(`select p.id, p.code, p.adopted_from_id, p.origin_id, p.shared_at, a.code as owner,
        array(select i.course_id::text from programme_item i where i.programme_id = p.id order by i.position) as courses,
        (select count(*)::int from programme_cohort c where c.programme_id = p.id and c.ends_at < now()) as ended
      from programme p join agency a on a.id = p.owner_agency_id where p.title = 'Literasi Digital ASN'`);
    const first = chain.find((p) => p.origin_id === null)!;
    const copy = chain.find((p) => p.adopted_from_id === first.id)!;
    const copyOfCopy = chain.find((p) => p.adopted_from_id === copy.id)!;
    expect(new Set([first.owner, copy.owner, copyOfCopy.owner]).size).toBe(3);
    expect([copy.origin_id, copyOfCopy.origin_id]).toEqual([first.id, first.id]);
    // One item changed: same length, one course differs.
    expect(copy.courses).toHaveLength(first.courses.length);
    expect(copy.courses.filter((c: string) => !first.courses.includes(c))).toHaveLength(1);
    expect(copy.shared_at).not.toBeNull();
    expect(copy.ended).toBe(1);
    const [{ cohorts }] = await app.sql(`select count(*)::int as cohorts from programme_cohort c where c.programme_id = $1 and exists (select 1 from cohort_participant x where x.cohort_id = c.id)`, [copy.id]);
    expect(cohorts).toBe(1);
  });

  it('keeps programme cohorts true to their rules: quotas, item runs and enrolments, completion by the rule, ledger lines, ratings', async () => {
    // Quota counters equal the seat holders (NOMINATED and COMPLETED) of that agency; nobody is in a cohort without their agency's quota.
    const drift = await app.sql(`select q.id from cohort_agency_quota q
      where q.seats_taken <> (select count(*) from cohort_participant p where p.cohort_id = q.cohort_id and p.agency_id = q.agency_id and p.status in ('NOMINATED', 'COMPLETED'))`);
    expect(drift).toEqual([]);
    const [{ quotas }] = await app.sql(`select count(*)::int as quotas from cohort_agency_quota`);
    expect(quotas).toBeGreaterThanOrEqual(10);
    expect(await app.sql(`select p.id from cohort_participant p join person x on x.id = p.person_id
      where p.agency_id <> x.agency_id or not exists (select 1 from cohort_agency_quota q where q.cohort_id = p.cohort_id and q.agency_id = p.agency_id)`)).toEqual([]);
    // Item runs: one per item per cohort, invitation only, no capacity, of the item's course.
    expect(await app.sql(`select c.id from programme_cohort c join programme_item i on i.programme_id = c.programme_id
      where (select count(*) from cohort_item_run r where r.cohort_id = c.id and r.item_id = i.id) <> 1
        and exists (select 1 from cohort_item_run r where r.cohort_id = c.id)`)).toEqual([]);
    expect(await app.sql(`select r.id from cohort_item_run x join course_run r on r.id = x.run_id join programme_item i on i.id = x.item_id
      where r.enrolment_policy <> 'INVITATION' or r.capacity is not null or r.course_id <> i.course_id`)).toEqual([]);
    // Seat holders have an enrolment in every item run of their cohort; a withdrawn participant's are all withdrawn;
    // an applicant waiting for their supervisor has none; nobody else is in an item run.
    const [enrolments] = await app.sql(`select
        count(*) filter (where p.status in ('NOMINATED', 'COMPLETED') and e.id is null)::int as missing,
        count(*) filter (where p.status = 'WITHDRAWN' and e.status <> 'WITHDRAWN')::int as not_withdrawn,
        count(*) filter (where p.status = 'REQUESTED' and e.id is not null)::int as applicant_enrolled
      from cohort_participant p join cohort_item_run x on x.cohort_id = p.cohort_id
      left join enrolment e on e.run_id = x.run_id and e.person_id = p.person_id`);
    expect(enrolments).toEqual({ missing: 0, not_withdrawn: 0, applicant_enrolled: 0 });
    expect(await app.sql(`select e.id from enrolment e join cohort_item_run x on x.run_id = e.run_id
      where not exists (select 1 from cohort_participant p where p.cohort_id = x.cohort_id and p.person_id = e.person_id)`)).toEqual([]);

    // Completion by each rule, evaluated here from the item enrolments: COMPLETED exactly when the rule is met.
    const rows = await app.sql<{ participant: string; status: string; rule: string; completed_at: Date | null; rating: number | null; rated_at: Date | null; position: number; required: boolean; group_id: string | null; min_completed: number | null; item_status: string; finished_at: Date | null }>(
      `select p.id as participant, p.status, pr.completion_rule as rule, p.completed_at, p.rating, p.rated_at,
              i.position, i.required, i.group_id, g.min_completed, e.status as item_status, e.finished_at
         from cohort_participant p join programme_cohort c on c.id = p.cohort_id join programme pr on pr.id = c.programme_id
         join cohort_item_run x on x.cohort_id = c.id join programme_item i on i.id = x.item_id left join programme_group g on g.id = i.group_id
         join enrolment e on e.run_id = x.run_id and e.person_id = p.person_id
        where p.status in ('NOMINATED', 'COMPLETED') order by p.id, i.position`);
    const byParticipant = new Map<string, typeof rows>();
    for (const r of rows) byParticipant.set(r.participant, [...(byParticipant.get(r.participant) ?? []), r]);
    const statuses = new Map<string, number>();
    for (const [id, items] of byParticipant) {
      const done = items.filter((i) => i.item_status === 'COMPLETED');
      const required = items.filter((i) => i.required);
      let met = required.every((i) => i.item_status === 'COMPLETED');
      if (items[0].rule === 'IN_ORDER') met &&= required.every((i, k) => k === 0 || i.finished_at! >= required[k - 1].finished_at!);
      if (items[0].rule === 'GROUPS') {
        for (const group of new Set(items.filter((i) => i.group_id).map((i) => i.group_id))) {
          met &&= done.filter((i) => i.group_id === group).length >= items.find((i) => i.group_id === group)!.min_completed!;
        }
      }
      const { status, completed_at, rating, rated_at } = items[0];
      expect(status, id).toBe(met ? 'COMPLETED' : 'NOMINATED');
      statuses.set(`${items[0].rule}/${status}`, (statuses.get(`${items[0].rule}/${status}`) ?? 0) + 1);
      if (status === 'COMPLETED') {
        // Completed when the last item the rule needed was; rated 1–5 after that.
        expect(completed_at!.getTime(), id).toBeGreaterThanOrEqual(Math.max(...required.map((i) => i.finished_at!.getTime())));
        expect(completed_at!.getTime(), id).toBeLessThanOrEqual(Math.max(...done.map((i) => i.finished_at!.getTime())));
        expect(rating! >= 1 && rating! <= 5 && rated_at! >= completed_at! && rated_at!.getTime() <= Date.now(), id).toBe(true);
      } else {
        expect([completed_at, rating], id).toEqual([null, null]);
      }
    }
    for (const rule of ['GROUPS', 'IN_ORDER']) {
      expect(statuses.get(`${rule}/COMPLETED`), rule).toBeGreaterThan(5);
      expect(statuses.get(`${rule}/NOMINATED`), rule).toBeGreaterThan(0);
    }
    const [extent] = await app.sql(`select count(*) filter (where status = 'WITHDRAWN' and left_at is not null and note is not null)::int as withdrawn,
        count(*) filter (where rating_comment is not null)::int as comments, count(distinct rating)::int as ratings,
        count(*) filter (where status = 'REQUESTED' and approver_id is not null)::int as applying from cohort_participant`);
    expect(extent.withdrawn).toBeGreaterThanOrEqual(3);
    expect(extent.comments).toBeGreaterThanOrEqual(3);
    expect(extent.ratings).toBeGreaterThanOrEqual(3);
    expect(extent.applying).toBeGreaterThanOrEqual(1);

    // Every completed item has its ledger line (the course's JP, once); a completed programme adds none of its own.
    const [ledger] = await app.sql(`select count(*)::int as completed,
        count(l.id) filter (where l.status = 'CREDITED' and l.jp = c.jp and l.person_id = e.person_id and l.occurred_at = e.finished_at)::int as credited
      from enrolment e join cohort_item_run x on x.run_id = e.run_id join course c on c.id = e.course_id
      left join learning_record l on l.source = 'COURSE_RUN_COMPLETION' and l.source_id = e.id where e.status = 'COMPLETED'`);
    expect(ledger.completed).toBeGreaterThan(50);
    expect(ledger.credited).toBe(ledger.completed);
    expect(await app.sql(`select id from learning_record where source = 'PROGRAMME_COMPLETION'`)).toEqual([]);
  });

  it('lets the printed learner be nominated or apply to the cohort taking nominations, and has a learner midway through a running one', async () => {
    const account = accounts!.find((a) => a.role === Role.LEARNER)!;
    const [learner] = await app.sql(`select id, agency_id, supervisor_id from person where nip = $1`, [account.login]);
    // Her agency has seats left in a cohort open to applications; she is not in it and in none of its courses yet.
    const open = await app.sql(`select c.id from programme_cohort c join programme p on p.id = c.programme_id
        join cohort_agency_quota q on q.cohort_id = c.id and q.agency_id = $2
      where p.status = 'PUBLISHED' and c.status = 'SCHEDULED' and c.self_apply and now() < coalesce(c.nomination_closes_at, c.starts_at) and q.seats_taken < q.seats
        and not exists (select 1 from cohort_participant x where x.cohort_id = c.id and x.person_id = $1)
        and not exists (select 1 from cohort_item_run r join programme_item i on i.id = r.item_id join enrolment e on e.course_id = i.course_id
                         where r.cohort_id = c.id and e.person_id = $1 and e.status in ('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED'))`, [learner.id, learner.agency_id]);
    expect(open).toHaveLength(1);
    // Her colleague (same supervisor) is NOMINATED in a cohort going on now: one item completed, the next in progress.
    const midway = await app.sql(`select p.id,
        array(select e.status from cohort_item_run r join programme_item i on i.id = r.item_id join enrolment e on e.run_id = r.run_id and e.person_id = p.person_id
               where r.cohort_id = c.id order by i.position) as items
      from cohort_participant p join person x on x.id = p.person_id join programme_cohort c on c.id = p.cohort_id
      where p.status = 'NOMINATED' and c.starts_at < now() and c.ends_at > now() and x.supervisor_id = $1 and x.id <> $2`, [learner.supervisor_id, learner.id]);
    expect(midway).toHaveLength(1);
    expect(midway[0].items.slice(0, 2)).toEqual(['COMPLETED', 'ACTIVE']);
    expect(midway[0].items.filter((s: string) => s === 'COMPLETED')).toHaveLength(1);
  });

  it('has external activities waiting in the printed admin’s verification queue, one verified (credited) and one of the learner’s rejected', async () => {
    const rows = await app.sql<{ status: string; nip: string | null; credited: number; reason: string | null; bytes: number }>(
      `select x.status, p.nip, x.rejection_reason as reason, ev.byte_size as bytes,
              (select count(*) from learning_record r where r.source = 'EXTERNAL_ACTIVITY' and r.source_id = x.id and r.jp = x.jp)::int as credited
         from external_activity x join person p on p.id = x.person_id join external_activity_evidence ev on ev.id = x.evidence_id`);
    const learnerNip = accounts!.find((a) => a.role === 'LEARNER')!.login;
    expect(rows.filter((r) => r.status === 'PENDING').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.status === 'PENDING' && r.nip === learnerNip)).toBe(true);
    expect(rows.filter((r) => r.status === 'VERIFIED').map((r) => r.credited)).toEqual([1]);
    expect(rows.find((r) => r.status === 'REJECTED')).toMatchObject({ nip: learnerNip, reason: expect.stringMatching(/\S/) });
    expect(rows.filter((r) => r.status !== 'VERIFIED').every((r) => r.credited === 0 && r.bytes > 0)).toBe(true);
    const admin = app.anonymous();
    await admin.signIn(accounts!.find((a) => a.role === 'AGENCY_ADMIN')!.login, DEMO_PASSWORD);
    const queue = (await admin.ok(`{ externalActivityQueue(first: 20) { totalCount } }`)).externalActivityQueue;
    expect(queue.totalCount).toBe(rows.filter((r) => r.status === 'PENDING').length);
  });

  it('has certificates issued through the real issuance: the learner\'s every completion, one corrected (superseded), one revoked; signers everywhere', async () => {
    const learner = accounts!.find((a) => (a.role as Role) === Role.LEARNER)!;
    const [person] = await app.sql(`select id from person where nip = $1`, [learner.login]);
    const mine = await app.sql(`select c.status, c.supersedes_id, c.serial, e.status as enrolment from certificate c left join enrolment e on e.id = c.source_id where c.person_id = $1`, [person.id]);
    const [{ n: completions }] = await app.sql(`select count(*)::int as n from enrolment where person_id = $1 and status = 'COMPLETED'`, [person.id]);
    expect(mine.filter((c) => c.status === 'VALID' && c.enrolment === 'COMPLETED')).toHaveLength(completions);
    expect(mine.filter((c) => c.status === 'SUPERSEDED')).toHaveLength(1);
    expect(mine.filter((c) => c.supersedes_id)).toHaveLength(1);
    const [revoked] = await app.sql(`select revoked_reason, person_id from certificate where status = 'REVOKED'`);
    expect(revoked.revoked_reason).toMatch(/\S/);
    expect(revoked.person_id).not.toBe(person.id);
    // Serials gapless per agency and year, one audit row per certificate.
    const gaps = await app.sql(`select issuing_agency_id from certificate group by issuing_agency_id, serial_year having max(serial_number) <> count(*)`);
    expect(gaps).toEqual([]);
    const [{ n: unaudited }] = await app.sql(`select count(*)::int as n from certificate c where not exists (select 1 from audit_entry a where a.target_id = c.id and a.action in ('certificate.issue', 'certificate.reissue'))`);
    expect(unaudited).toBe(0);
    const [{ n: unsigned }] = await app.sql(`select count(*)::int as n from agency a where not exists (select 1 from certificate_signer s where s.agency_id = a.id)`);
    expect(unsigned).toBe(0);
  });

  it('does nothing the second time: returns null and writes no row', async () => {
    const before = await tableCounts();
    expect(await seedDemoWorldIfEmpty(app.em(), () => {})).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });

  it('is deterministic: the same day builds the same world', () => {
    const now = new Date('2026-11-23T05:00:00Z');
    const a = buildDemoWorld(now, 'hash');
    const b = buildDemoWorld(now, 'hash');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { AttendanceCredit, Course, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, EnrolmentPolicy } from '../../../modules/course/index.js';
import { PartnerInstitution } from '../../../modules/partner/index.js';
import { Person } from '../../../modules/person/index.js';
import { CourseRunEntity } from '../../../modules/run/index.js';
import { AttendanceMethod, AttendanceStatus, RunSession, RunSessionStatus, settleRun, type SessionAttendance } from '../../../modules/workshop/index.js';
import { Role } from '../../auth/roles.js';
import { isoDateIn } from '../../util/time.js';
import { db } from '../kysely.js';
import type { DemoAccount } from './demo-world.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** 09.00 WIB on the day `days` from `now` (Asia/Jakarta). */
const wibAt = (now: Date, days: number, hour: number) => new Date(`${isoDateIn(new Date(now.getTime() + days * DAY))}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/**
 * Attendance in the demo world (ARCHITECTURE.md "Workshops"): the demo instructor's partner holds two workshops for
 * Bandung's civil servants (the demo learner stays out, so her printed JP stay true):
 * - "Lokakarya Penyusunan Laporan Kinerja", two sessions last week with every mark kind (present, late, absent,
 *   excused; by roster and by QR), settled as the job does: six completed with WORKSHOP_ATTENDANCE JP, two failed;
 * - "Seminar Keterbukaan Informasi Publik", a session going on now with two QR check-ins and the rest unmarked: it
 *   waits on the instructor's home, and its full-screen QR page is open.
 * Marks of past sessions of the sessions area's demo workshops (codes LOK-/BIMTEK-), where they exist, are left to
 * that seed's own attendance pass; this one writes only what it creates.
 */
export async function seedDemoAttendance(tx: EntityManager, accounts: DemoAccount[], now: Date): Promise<void> {
  const d = db({ em: tx });
  const login = accounts.find((a) => (a.role as Role) === Role.INSTRUCTOR)?.login;
  const learnerLogin = accounts.find((a) => (a.role as Role) === Role.LEARNER)?.login ?? '';
  if (!login) return;
  const instructor = await d.selectFrom('person').select(['id', 'partner_id']).where('email', '=', login).executeTakeFirst();
  if (!instructor?.partner_id) return;
  const people = await d.selectFrom('person as p').innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select('p.id').where('a.code', '=', 'PEMKOT-BDG').where('p.active', '=', true).where('p.nip', 'is not', null)
    .where('p.nip', '<>', learnerLogin)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('role_grant as g').select('g.id').whereRef('g.person_id', '=', 'p.id').where('g.role', '<>', Role.LEARNER))))
    .orderBy('p.full_name').limit(14).execute();
  if (people.length < 14) return;

  const workshop = (code: string, title: string, form: DevelopmentForm, jp: number) => {
    const course = new Course({ code, title, form, delivery: DeliveryMode.IN_PERSON, jp, visibility: CourseVisibility.ALL_AGENCIES });
    course.kind = CourseKind.WORKSHOP;
    course.attendanceCredit = AttendanceCredit.ATTENDED_MINUTES;
    course.minAttendancePercent = 80;
    course.status = CourseStatus.PUBLISHED;
    course.publishedAt = new Date(now.getTime() - 30 * DAY);
    course.description = 'Lokakarya tatap muka; kehadiran per sesi menentukan kelulusan dan JP.';
    course.ownerPartner = tx.getReference(PartnerInstitution, instructor.partner_id!);
    const run = new CourseRunEntity(course, '2026-1', EnrolmentPolicy.OPEN);
    run.capacity = 40;
    run.location = 'Gedung Sate, Ruang Rapat Utama, Bandung';
    run.instructors.add(tx.getReference(Person, instructor.id));
    tx.persist([course, run]);
    return { course, run };
  };
  const past = workshop('PRESENSI-LOK-01', 'Lokakarya Penyusunan Laporan Kinerja', DevelopmentForm.WORKSHOP, 6);
  past.run.startsAt = wibAt(now, -10, 9);
  past.run.endsAt = new Date(wibAt(now, -9, 9).getTime() + 180 * MINUTE);
  const first = new RunSession(past.run, wibAt(now, -10, 9), new Date(wibAt(now, -10, 9).getTime() + 180 * MINUTE));
  first.title = 'Hari 1: Indikator kinerja';
  first.room = 'Ruang Rapat Utama';
  const second = new RunSession(past.run, wibAt(now, -9, 9), new Date(wibAt(now, -9, 9).getTime() + 180 * MINUTE));
  second.title = 'Hari 2: Menyusun laporan';
  second.room = 'Ruang Rapat Utama';
  const live = workshop('PRESENSI-SEM-01', 'Seminar Keterbukaan Informasi Publik', DevelopmentForm.SEMINAR, 3);
  const liveStart = new Date(Math.floor((now.getTime() - 30 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  live.run.startsAt = liveStart;
  live.run.endsAt = new Date(liveStart.getTime() + 180 * MINUTE);
  const today = new RunSession(live.run, liveStart, new Date(liveStart.getTime() + 180 * MINUTE));
  today.title = 'Sesi pleno';
  today.room = 'Aula Barat';
  today.status = RunSessionStatus.SCHEDULED;
  tx.persist([first, second, today]);
  await tx.flush();

  const seat = async (runId: string, courseId: string, personIds: string[]) => (await sql<{ id: string; person_id: string }>`
    insert into enrolment (person_id, course_id, run_id, status, requested_at, decided_at)
    select p, ${courseId}::uuid, ${runId}::uuid, 'ACTIVE', ${new Date(now.getTime() - 20 * DAY)}::timestamptz, ${new Date(now.getTime() - 20 * DAY)}::timestamptz
      from unnest(${personIds}::uuid[]) with ordinality as u(p, n) order by n
    returning id, person_id`.execute(d)).rows;
  const pastSeats = await seat(past.run.id, past.course.id, people.slice(0, 8).map((p) => p.id));
  const liveSeats = await seat(live.run.id, live.course.id, people.slice(8, 14).map((p) => p.id));
  await sql`update course_run set seats_taken = case id when ${past.run.id}::uuid then 8 else 6 end where id in (${past.run.id}::uuid, ${live.run.id}::uuid)`.execute(d);

  type Mark = [status: SessionAttendance['status'], late: number | null, method: AttendanceMethod];
  const { PRESENT, LATE, ABSENT, EXCUSED } = AttendanceStatus;
  const P: Mark = [PRESENT, null, AttendanceMethod.ROSTER];
  const Q: Mark = [PRESENT, null, AttendanceMethod.QR];
  const R = AttendanceMethod.ROSTER;
  // Eight seat holders, two days: six reach 80 % (two of them late), one is absent both days, one excused the first.
  const firstDay: Mark[] = [Q, Q, P, P, Q, [LATE, 25, AttendanceMethod.QR], [ABSENT, null, R], [EXCUSED, null, R]];
  const secondDay: Mark[] = [Q, P, Q, [LATE, 40, R], P, Q, [ABSENT, null, R], P];
  const lines: { session: RunSession; seat: { id: string; person_id: string }; mark: Mark }[] = [];
  pastSeats.forEach((s, i) => {
    lines.push({ session: first, seat: s, mark: firstDay[i] }, { session: second, seat: s, mark: secondDay[i] });
  });
  lines.push({ session: today, seat: liveSeats[0], mark: Q }, { session: today, seat: liveSeats[1], mark: Q });
  const rows = lines.map(({ session, seat: s, mark: [status, late, method] }) => ({
    session_id: session.id, enrolment_id: s.id, status, late_minutes: late, method,
    recorded_by_id: method === AttendanceMethod.QR ? s.person_id : instructor.id,
    recorded_at: new Date(session.startsAt.getTime() + (late ?? 5) * MINUTE).toISOString(),
  }));
  await sql`insert into session_attendance (session_id, enrolment_id, status, late_minutes, method, recorded_by_id, recorded_at)
    select session_id, enrolment_id, status, late_minutes, method, recorded_by_id, recorded_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(session_id uuid, enrolment_id uuid, status text, late_minutes int, method text, recorded_by_id uuid, recorded_at timestamptz)`.execute(d);
  // What the job does after the last session: completions, JP and failures.
  await settleRun({ em: tx }, past.run.id);
}

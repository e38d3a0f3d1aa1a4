import { expandSchedule } from '../../../modules/workshop/index.js';
import { isoDateIn } from '../../util/time.js';
import { Prng } from './prng.js';

type Row = Record<string, unknown>;
type Tables = { table: string; columns: string[]; rows: Row[] }[];

const DAY = 86_400_000;
/** Its own stream, so the forum never moves a row of the rest of the demo world. */
const SEED = 20261203;

/**
 * The demo's monthly forum (ARCHITECTURE.md "Recurring forums"): Bandung's "Forum Diskusi Inovasi Pelayanan Publik",
 * every first Tuesday of the month 13.00–15.00 WIB, a series of seven occurrences from three months back, expanded by
 * the same rule the series module uses. Each occurrence is a run with one session; the ones held have their
 * registrants and attendance marks, the coming ones their registrations (the demo learner among them). Occurrences
 * are joined one by one, so enrolments carry `one_per_course = false`. The head of the city's competency development
 * unit moderates every occurrence.
 */
export function demoForum(opts: { now: Date; agencyId: string; adminId: string; moderatorId: string; learnerId: string; staffIds: string[] }): Tables {
  const rng = new Prng(SEED);
  const { now, agencyId, adminId } = opts;
  const [y, m] = isoDateIn(now).split('-').map(Number) as [number, number];
  const startsOn = new Date(Date.UTC(y, m - 1 - 3, 1)).toISOString().slice(0, 10);
  const schedule = {
    rrule: 'FREQ=MONTHLY;BYDAY=+1TU', startsOn, startTime: '13:00', durationMinutes: 120, timeZone: 'Asia/Jakarta', untilOn: null, occurrenceCount: 7,
  };
  const courseId = rng.uuid();
  const seriesId = rng.uuid();
  const capacity = 40;
  const room = 'Ruang Rapat Utama Balai Kota Bandung';
  const address = 'Jl. Wastukencana No. 2, Bandung';
  const course: Row = {
    id: courseId, code: 'FORUM-INOVASI-BDG', title: 'Forum Diskusi Inovasi Pelayanan Publik', kind: 'WORKSHOP', form: 'COMMUNITY_OF_PRACTICE', delivery: 'IN_PERSON', jp: 2,
    description: 'Forum bulanan berbagi praktik baik inovasi pelayanan publik antarperangkat daerah Kota Bandung: setiap Selasa pertama, 13.00–15.00 WIB. Setiap pertemuan didaftari sendiri.',
    competency_tags: ['inovasi', 'pelayanan publik'], owner_agency_id: agencyId, status: 'PUBLISHED', visibility: 'OWN_AGENCY', published_at: new Date(Date.parse(`${startsOn}T00:00:00+07:00`) - 14 * DAY),
    created_by_id: adminId, attendance_credit: 'FIXED_JP', fixed_jp: 2, min_attendance_percent: 80,
  };
  const series: Row = {
    id: seriesId, course_id: courseId, title: 'Forum Inovasi Pelayanan Publik', rrule: schedule.rrule, starts_on: startsOn, start_time: schedule.startTime,
    duration_minutes: schedule.durationMinutes, time_zone: schedule.timeZone, occurrence_count: schedule.occurrenceCount, code_pattern: '{YYYY}-{MM}',
    capacity, enrolment_policy: 'OPEN', room, address, created_by_id: adminId,
  };
  const runs: Row[] = [];
  const sessions: Row[] = [];
  const enrolments: Row[] = [];
  const attendance: Row[] = [];
  // The learner's colleagues, a few more each month; the demo learner attended one and has registered for the next.
  const staff = opts.staffIds.filter((id) => id !== opts.learnerId && id !== opts.moderatorId);
  const moderators: Row[] = [];
  const occurrences = expandSchedule(schedule);
  const firstUpcoming = occurrences.findIndex((o) => o.startsAt.getTime() > now.getTime());
  for (const [i, o] of occurrences.entries()) {
    const runId = rng.uuid();
    const sessionId = rng.uuid();
    const held = o.endsAt.getTime() <= now.getTime();
    const people = rng.shuffle(staff).slice(0, held ? rng.int(14, 22) : rng.int(6, 14));
    if (i === firstUpcoming || i === firstUpcoming - 2) people.unshift(opts.learnerId);
    runs.push({
      id: runId, course_id: courseId, series_id: seriesId, code: o.date.slice(0, 7), capacity, seats_taken: people.length, waitlist_length: 0, enrolment_policy: 'OPEN',
      status: 'SCHEDULED', starts_at: o.startsAt, ends_at: o.endsAt, location: `${room}, ${address}`, online_url: null, created_by_id: adminId, time_zone: 'Asia/Jakarta',
    });
    moderators.push({ run_id: runId, person_id: opts.moderatorId });
    sessions.push({
      id: sessionId, run_id: runId, starts_at: o.startsAt, ends_at: o.endsAt, time_zone: 'Asia/Jakarta', title: series.title, room, address, status: 'SCHEDULED',
    });
    for (const personId of people) {
      const enrolmentId = rng.uuid();
      const requestedAt = new Date(Math.min(o.startsAt.getTime() - rng.int(2, 20) * DAY, now.getTime() - DAY));
      enrolments.push({
        id: enrolmentId, person_id: personId, course_id: courseId, run_id: runId, status: 'ACTIVE', requested_at: requestedAt, created_at: requestedAt,
        decided_at: requestedAt, one_per_course: false,
      });
      if (!held) continue;
      const status = personId === opts.learnerId ? 'PRESENT' : rng.weighted({ PRESENT: 12, LATE: 3, ABSENT: 2, EXCUSED: 1 });
      attendance.push({
        id: rng.uuid(), session_id: sessionId, enrolment_id: enrolmentId, status, late_minutes: status === 'LATE' ? rng.int(5, 30) : null, method: 'ROSTER',
        recorded_by_id: adminId, recorded_at: o.startsAt,
      });
    }
  }
  return [
    {
      table: 'course',
      columns: ['id', 'code', 'title', 'kind', 'form', 'delivery', 'jp', 'description', 'competency_tags', 'owner_agency_id', 'status', 'visibility', 'published_at',
        'created_by_id', 'attendance_credit', 'fixed_jp', 'min_attendance_percent'],
      rows: [course],
    },
    {
      table: 'run_series',
      columns: ['id', 'course_id', 'title', 'rrule', 'starts_on', 'start_time', 'duration_minutes', 'time_zone', 'occurrence_count', 'code_pattern', 'capacity',
        'enrolment_policy', 'room', 'address', 'created_by_id'],
      rows: [series],
    },
    {
      table: 'course_run',
      columns: ['id', 'course_id', 'series_id', 'code', 'capacity', 'seats_taken', 'waitlist_length', 'enrolment_policy', 'status', 'starts_at', 'ends_at', 'location',
        'online_url', 'created_by_id', 'time_zone'],
      rows: runs,
    },
    { table: 'run_series_instructor', columns: ['series_id', 'person_id'], rows: [{ series_id: seriesId, person_id: opts.moderatorId }] },
    { table: 'course_run_instructor', columns: ['run_id', 'person_id'], rows: moderators },
    { table: 'run_session', columns: ['id', 'run_id', 'starts_at', 'ends_at', 'time_zone', 'title', 'room', 'address', 'status'], rows: sessions },
    {
      table: 'enrolment',
      columns: ['id', 'person_id', 'course_id', 'run_id', 'status', 'requested_at', 'created_at', 'decided_at', 'one_per_course'],
      rows: enrolments,
    },
    { table: 'session_attendance', columns: ['id', 'session_id', 'enrolment_id', 'status', 'late_minutes', 'method', 'recorded_by_id', 'recorded_at'], rows: attendance },
  ];
}

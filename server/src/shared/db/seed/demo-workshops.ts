import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { Role } from '../../auth/roles.js';
import { db } from '../kysely.js';
import { isoDateIn, yearIn } from '../../util/time.js';

const DAY = 24 * 3600_000;
const OFFSET = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' } as const;
type Zone = keyof typeof OFFSET;

/** `days` from today (the Jakarta calendar day of `now`) at hh:mm on the venue's clock. */
function wall(now: Date, days: number, hhmm: string, zone: Zone): Date {
  const day = isoDateIn(new Date(now.getTime() + days * DAY));
  return new Date(`${day}T${hhmm}:00${OFFSET[zone]}`);
}

interface SessionDef { days: number; from: string; to: string; zone: Zone; title: string; room?: string; address?: string; online?: boolean }

interface WorkshopDef {
  code: string;
  title: string;
  description: string;
  form: string;
  delivery: 'IN_PERSON' | 'BLENDED';
  jp: number;
  tags: string[];
  owner: string;
  visibility: 'OWN_AGENCY' | 'ALL_AGENCIES';
  credit: 'ATTENDED_MINUTES' | 'FIXED_JP';
  fixedJp: number | null;
  /** [full name, agency code or partner code] of its instructor. */
  instructor: [string, string];
  capacity: number;
  runZone: Zone;
  location: string;
  sessions: SessionDef[];
  /** Registrants: the demo learner first, then this many more of the audience agencies (the last two wait when full). */
  registrants: number;
  audience: string[];
  materials: { title: string; url: string }[];
}

/**
 * The demo's workshops (course codes LOK-… and BIMTEK-…: the attendance demo finds them by these prefixes):
 * - a bimtek of Kota Bandung taught by a Universitas Indonesia lecturer under the PKS for bimtek (PKS/052/UI-BDG),
 *   two sessions past (marked on the roster) and two to come, attendance credited from minutes attended; Euis (the demo
 *   learner) has a seat;
 * - a lokakarya of LAN open to every agency, a fixed 8 JP for 80 % attendance, held in Makassar (WITA) with its last
 *   session online; full, with two people on its waiting list.
 */
function workshops(thisYear: number): WorkshopDef[] {
  return [
    {
      code: `BIMTEK-PPD-${thisYear}`, title: 'Bimbingan Teknis Pelayanan Publik Digital',
      description: 'Bimtek empat sesi bagi pengelola layanan publik: merancang layanan daring yang mudah dipakai warga, mengukur kepuasan, dan menindaklanjuti pengaduan.',
      form: 'TECHNICAL_GUIDANCE', delivery: 'BLENDED', jp: 12, tags: ['pelayanan publik', 'layanan digital'],
      owner: 'PEMKOT-BDG', visibility: 'OWN_AGENCY', credit: 'ATTENDED_MINUTES', fixedJp: null,
      instructor: ['Dr. Ratna Wulandari, M.Si.', 'UI'], capacity: 30, runZone: 'Asia/Jakarta', location: 'Balai Kota Bandung',
      sessions: [
        { days: -6, from: '08:30', to: '12:00', zone: 'Asia/Jakarta', title: 'Prinsip layanan digital', room: 'Ruang Rapat Tumenggung', address: 'Jl. Wastukancana No. 2, Bandung' },
        { days: -5, from: '08:30', to: '12:00', zone: 'Asia/Jakarta', title: 'Merancang alur layanan', room: 'Ruang Rapat Tumenggung', address: 'Jl. Wastukancana No. 2, Bandung' },
        { days: 2, from: '13:00', to: '15:30', zone: 'Asia/Jakarta', title: 'Mengukur kepuasan warga', online: true },
        { days: 3, from: '08:30', to: '12:00', zone: 'Asia/Jakarta', title: 'Pengaduan dan tindak lanjut', room: 'Ruang Rapat Tumenggung', address: 'Jl. Wastukancana No. 2, Bandung' },
      ],
      registrants: 14, audience: ['PEMKOT-BDG'],
      materials: [{ title: 'Modul bimtek pelayanan publik digital', url: 'https://materi.lentera.go.id/bimtek-ppd/modul.pdf' }],
    },
    {
      code: `LOK-INOVASI-${thisYear}`, title: 'Lokakarya Inovasi Pelayanan Publik Kawasan Timur',
      description: 'Lokakarya dua hari di Makassar bersama Lembaga Administrasi Negara: memetakan masalah layanan, merancang inovasi, dan menyusun rencana aksi. Sesi terakhir daring.',
      form: 'WORKSHOP', delivery: 'BLENDED', jp: 8, tags: ['inovasi', 'pelayanan publik'],
      owner: 'LAN', visibility: 'ALL_AGENCIES', credit: 'FIXED_JP', fixedJp: 8,
      instructor: ['Dr. Parlindungan Siregar, M.A.P.', 'LAN'], capacity: 12, runZone: 'Asia/Makassar', location: 'Makassar',
      sessions: [
        { days: 9, from: '09:00', to: '12:00', zone: 'Asia/Makassar', title: 'Memetakan masalah layanan', room: 'Aula Baruga', address: 'Jl. Urip Sumoharjo No. 269, Makassar' },
        { days: 9, from: '13:00', to: '16:00', zone: 'Asia/Makassar', title: 'Merancang inovasi', room: 'Aula Baruga', address: 'Jl. Urip Sumoharjo No. 269, Makassar' },
        { days: 16, from: '10:00', to: '12:00', zone: 'Asia/Makassar', title: 'Rencana aksi (daring)', online: true },
      ],
      registrants: 14, audience: ['PEMKOT-BDG', 'PEMPROV-DKI', 'PEMKOT-SMG', 'KEMENDAGRI'],
      materials: [
        { title: 'Kerangka acuan lokakarya', url: 'https://materi.lentera.go.id/lok-inovasi/kak.pdf' },
        { title: 'Kanvas inovasi (templat)', url: 'https://materi.lentera.go.id/lok-inovasi/kanvas' },
      ],
    },
  ];
}

/**
 * Adds the demo workshops to a freshly seeded demo world (in its transaction): courses of kind WORKSHOP, one run
 * each whose dates are its first and last session, sessions in WIB and WITA, registrations (seats and a waiting
 * list, the run's counters kept exact) and link materials. People, agencies and partners are found by what the
 * demo world names them.
 */
export async function seedDemoWorkshops(em: EntityManager, now: Date): Promise<void> {
  const q = db({ em });
  const agencies = new Map((await q.selectFrom('agency').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const partners = new Map((await q.selectFrom('partner_institution').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const personIn = async (name: string, org: string) => (await q.selectFrom('person').select('id').where('full_name', '=', name)
    .where((eb) => eb.or([eb('agency_id', '=', agencies.get(org) ?? null), eb('partner_id', '=', partners.get(org) ?? null)]))
    .executeTakeFirstOrThrow()).id;
  const adminOf = async (agencyId: string) => (await q.selectFrom('role_grant').select('person_id')
    .where('role', '=', Role.AGENCY_ADMIN).where('agency_id', '=', agencyId).orderBy('person_id').executeTakeFirstOrThrow()).person_id;
  const learner = await personIn('Euis Nurhayati', 'PEMKOT-BDG');

  for (const w of workshops(yearIn(now))) {
    const ownerAgency = agencies.get(w.owner) ?? null;
    const ownerPartner = ownerAgency ? null : partners.get(w.owner)!;
    const creator = ownerAgency ? await adminOf(ownerAgency) : null;
    const courseId = randomUUID();
    const runId = randomUUID();
    const sessions = w.sessions.map((s) => ({ ...s, startsAt: wall(now, s.days, s.from, s.zone), endsAt: wall(now, s.days, s.to, s.zone) }));
    const onlineUrl = `https://vicon.lentera.go.id/${w.code.toLowerCase()}`;
    await q.insertInto('course').values({
      id: courseId, created_at: sql`now()`, updated_at: sql`now()`, code: w.code, title: w.title, description: w.description,
      form: w.form as never, delivery: w.delivery as never, jp: w.jp, competency_tags: w.tags, owner_agency_id: ownerAgency, owner_partner_id: ownerPartner,
      cost_per_participant: 0 as never, status: 'PUBLISHED' as never, visibility: w.visibility as never, published_at: new Date(now.getTime() - 30 * DAY),
      created_by_id: creator, kind: 'WORKSHOP' as never, attendance_credit: w.credit as never, fixed_jp: w.fixedJp === null ? null : w.fixedJp.toFixed(1),
      min_attendance_percent: 80,
    }).execute();

    // Registrants: the demo learner, then people of the audience agencies in a stable order.
    const others = await q.selectFrom('person as p').select('p.id')
      .where('p.agency_id', 'in', w.audience.map((a) => agencies.get(a)!)).where('p.id', '<>', learner)
      .where('p.nip', 'is not', null).orderBy('p.nip').limit(w.registrants - 1).execute();
    const people = [learner, ...others.map((o) => o.id)];
    const seated = people.slice(0, w.capacity);
    const waiting = people.slice(w.capacity);
    await q.insertInto('course_run').values({
      id: runId, created_at: sql`now()`, updated_at: sql`now()`, course_id: courseId, code: `${yearIn(now)}-1`, capacity: w.capacity,
      seats_taken: seated.length, waitlist_length: waiting.length, enrolment_policy: 'OPEN' as never, status: 'SCHEDULED' as never,
      starts_at: sessions[0].startsAt, ends_at: sessions.at(-1)!.endsAt, location: w.location, online_url: onlineUrl, created_by_id: creator, time_zone: w.runZone,
    }).execute();
    const instructorId = await personIn(...w.instructor);
    await q.insertInto('course_run_instructor').values({ run_id: runId, person_id: instructorId }).execute();
    const sessionRows = sessions.map((s) => ({
      id: randomUUID(), created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, run_id: runId, starts_at: s.startsAt, ends_at: s.endsAt, time_zone: s.zone,
      title: s.title, room: s.room ?? null, address: s.address ?? null, online_url: s.online ? onlineUrl : null, status: 'SCHEDULED' as never,
    }));
    await q.insertInto('run_session').values(sessionRows).execute();
    const registeredAt = (i: number) => new Date(now.getTime() - 20 * DAY + i * 3600_000);
    const enrolments = people.map((personId, i) => {
      const waits = i >= w.capacity;
      return {
        id: randomUUID(), person_id: personId, course_id: courseId, run_id: runId, status: (waits ? 'WAITLISTED' : 'ACTIVE') as never,
        requested_at: registeredAt(i), created_at: registeredAt(i), updated_at: registeredAt(i),
        waitlisted_at: waits ? registeredAt(i) : null, decided_at: waits ? null : registeredAt(i), one_per_course: true,
      };
    });
    await q.insertInto('enrolment').values(enrolments).execute();
    // The sessions already held were marked by their instructor on the roster, as she would have (mostly present, one
    // late, one absent, one on leave): the run is still going, so nothing is settled or credited yet.
    const held = sessionRows.filter((s) => s.ends_at.getTime() <= now.getTime());
    const seats = enrolments.slice(0, seated.length);
    if (held.length) {
      await q.insertInto('session_attendance').values(held.flatMap((s) => seats.map((e, i) => ({
        id: randomUUID(), created_at: s.ends_at, updated_at: s.ends_at, session_id: s.id, enrolment_id: e.id,
        status: (i === 3 ? 'LATE' : i === 5 ? 'ABSENT' : i === 7 ? 'EXCUSED' : 'PRESENT') as never, late_minutes: i === 3 ? 20 : null,
        method: 'ROSTER' as never, recorded_by_id: instructorId, recorded_at: s.ends_at,
      })))).execute();
    }
    await q.insertInto('run_material').values(w.materials.map((m, i) => ({
      id: randomUUID(), created_at: new Date(now.getTime() - (10 - i) * DAY), updated_at: sql`now()`, run_id: runId, title: m.title, url: m.url, created_by_id: creator,
    }))).execute();
  }
}

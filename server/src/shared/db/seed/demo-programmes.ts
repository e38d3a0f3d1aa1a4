import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { DeliveryMode } from '../../../modules/course/index.js';
import { creditLearning, LearningSource, ruleSetOn } from '../../../modules/learning-hours/index.js';
import { Role } from '../../auth/roles.js';
import { isoDateIn, yearIn } from '../../util/time.js';
import { db } from '../kysely.js';
import { ONLINE } from './demo-catalogue.js';
import type { DemoAccount } from './demo-world.js';
import { Prng } from './prng.js';
import { wallClock } from './schedule.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'Asia/Jakarta';

type Rule = 'ALL_REQUIRED' | 'IN_ORDER' | 'GROUPS';

/** A step of a path, by the demo catalogue's course code; `group`: the title of the electives group it sits in. */
interface ItemDef { course: string; group?: string }

interface ProgrammeDef {
  code: string;
  title: string;
  description: string;
  audience: string;
  tags: string[];
  /** Agency or partner code. */
  owner: string;
  rule: Rule;
  status: 'DRAFT' | 'PUBLISHED';
  /** Days from today it was shared, and the owner's note; unset: not shared. */
  shared?: { day: number; note: string };
  items: ItemDef[];
  /** Electives groups: title → how many of its items complete it. */
  groups?: Record<string, number>;
  /** Copied from this programme (its code); the origin is the first of that one's chain. */
  adoptedFrom?: string;
}

/**
 * What happens to a participant. Ended cohorts: `done` (completes the rule; `extra`: also the other elective),
 * `short` (one required item failed: the rule is not met, the participant stays NOMINATED), `left` (withdrawn).
 * Running cohorts: `midway` (the first item completed, the rest in progress). Upcoming: `nominated`, `approved`
 * (applied, their supervisor approved), `applied` (waiting for their supervisor).
 */
type Fate = 'done' | 'extra' | 'short' | 'left' | 'midway' | 'nominated' | 'approved' | 'applied';

interface CohortDef {
  programme: string;
  /** Days from today of the first and the last day. */
  from: number;
  to: number;
  capacity: number;
  cost: number;
  selfApply?: boolean;
  offersSeats?: boolean;
  /** Days from today nominations close and unused seats may be released until. */
  nominationCloses?: number;
  releaseDeadline?: number;
  /** Per agency: its seats and its participants' fates, in the order people are drawn. */
  quotas: { agency: string; seats: number; fates: Fate[] }[];
}

const LITERASI = 'LITDIG-BDG';
const LITERASI_SMG = 'LITDIG-SMG';
const LITERASI_PLG = 'LITDIG-PLG';
const PENGAWAS = 'PKP-UNDIP';
const ELECTIVES = 'Pilihan: satu dari dua';

const literasi: Omit<ProgrammeDef, 'code' | 'owner'> = {
  title: 'Literasi Digital ASN',
  description: 'Jalur belajar daring empat pekan bagi ASN pelaksana: mengelola pekerjaan layanan digital secara agile, membaca data statistik sektoral, dan satu keterampilan pilihan (naskah dinas yang ringkas atau teknologi dalam pembelajaran). Setiap angkatan belajar bersama lintas instansi.',
  audience: 'ASN pelaksana dan pejabat fungsional ahli pertama yang bekerja dengan layanan atau data digital',
  tags: ['Transformasi Digital', 'Analisis Data', 'Komunikasi'],
  rule: 'GROUPS', status: 'PUBLISHED',
  items: [{ course: 'ITB-EL-AGILE' }, { course: 'UNSRI-BM-STAT' }, { course: 'LAN-EL-NASKAH', group: ELECTIVES }, { course: 'UNSRI-EL-TEKPEM', group: ELECTIVES }],
  groups: { [ELECTIVES]: 1 },
};

const SEMARANG_ITEMS: ItemDef[] = [{ course: 'ITB-EL-AGILE' }, { course: 'UNSRI-BM-STAT' }, { course: 'LAN-EL-NASKAH', group: ELECTIVES }, { course: 'KDN-EL-KAMINFO', group: ELECTIVES }];

const PROGRAMMES: ProgrammeDef[] = [
  {
    ...literasi, code: LITERASI, owner: 'PEMKOT-BDG',
    shared: { day: -40, note: 'Dua angkatan lintas instansi bersama Semarang dan DKI Jakarta; materinya daring sehingga peserta tetap melayani warga selama belajar. Cocok untuk unit yang baru memindahkan layanannya ke aplikasi.' },
  },
  {
    code: PENGAWAS, title: 'Pelatihan Kepemimpinan Pengawas',
    description: 'Jalur bertahap bagi pejabat pengawas yang baru dilantik: nilai dasar ASN dalam pelayanan, lalu negosiasi dan resolusi konflik, lalu kepemimpinan adaptif. Setiap tahap dibuka setelah tahap sebelumnya selesai.',
    audience: 'Pejabat pengawas (eselon IV) yang dilantik dalam dua tahun terakhir',
    tags: ['Kepemimpinan', 'Pengambilan Keputusan', 'Kerja Sama'],
    owner: 'UNDIP', rule: 'IN_ORDER', status: 'PUBLISHED',
    shared: { day: -50, note: 'Angkatan pertama diikuti lima instansi; tahap tatap muka di Semarang dan Jatinangor.' },
    items: [{ course: 'LAN-EL-BERAKHLAK' }, { course: 'UNDIP-NEGO-2612' }, { course: 'KMP-KAED' }],
  },
  // Semarang's copy: the teaching-technology elective swapped for information security (its staff run the city's apps).
  {
    ...literasi, code: LITERASI_SMG, owner: 'PEMKOT-SMG', adoptedFrom: LITERASI, items: SEMARANG_ITEMS,
    shared: { day: -20, note: 'Salinan dari program Kota Bandung; pilihan teknologi pembelajaran kami ganti dengan keamanan informasi untuk pengelola aplikasi.' },
  },
  // Palembang adopted Semarang's copy and is still adjusting it.
  { ...literasi, code: LITERASI_PLG, owner: 'PEMKOT-PLG', adoptedFrom: LITERASI_SMG, status: 'DRAFT', items: SEMARANG_ITEMS },
];

const COHORTS: CohortDef[] = [
  {
    programme: LITERASI, from: -150, to: -122, capacity: 30, cost: 450_000,
    quotas: [
      { agency: 'PEMKOT-BDG', seats: 10, fates: ['done', 'extra', 'done', 'done', 'short', 'done', 'extra', 'done', 'left'] },
      { agency: 'PEMKOT-SMG', seats: 8, fates: ['done', 'done', 'extra', 'short', 'done', 'done'] },
      { agency: 'PEMPROV-DKI', seats: 10, fates: ['done', 'done', 'done', 'extra', 'done', 'short', 'done', 'left'] },
    ],
  },
  {
    programme: LITERASI, from: -80, to: -52, capacity: 30, cost: 450_000,
    quotas: [
      { agency: 'PEMKOT-BDG', seats: 10, fates: ['done', 'done', 'extra', 'done', 'done', 'short', 'done', 'done'] },
      { agency: 'PEMKOT-SMG', seats: 8, fates: ['done', 'extra', 'done', 'done', 'done', 'left', 'done'] },
      { agency: 'PEMPROV-DKI', seats: 8, fates: ['done', 'done', 'short', 'done', 'extra', 'done'] },
    ],
  },
  // Going on now: the demo learner's colleague has completed the first item and is on the second.
  {
    programme: LITERASI, from: -18, to: 10, capacity: 20, cost: 450_000,
    quotas: [
      { agency: 'PEMKOT-BDG', seats: 8, fates: ['midway', 'midway', 'midway', 'nominated', 'midway'] },
      { agency: 'PEMPROV-DKI', seats: 8, fates: ['midway', 'nominated', 'midway', 'midway'] },
    ],
  },
  // Taking nominations: Bandung has seats left and people may apply (the demo learner can); Palembang, which adopted
  // Semarang's copy, joins with a quota of its own since Bandung offers its seats.
  {
    programme: LITERASI, from: 35, to: 63, capacity: 30, cost: 450_000, selfApply: true, offersSeats: true, nominationCloses: 25, releaseDeadline: 18,
    quotas: [
      { agency: 'PEMKOT-BDG', seats: 10, fates: ['nominated', 'nominated', 'approved', 'nominated', 'applied'] },
      { agency: 'PEMKOT-SMG', seats: 8, fates: ['nominated', 'nominated', 'nominated', 'nominated'] },
      { agency: 'PEMKOT-PLG', seats: 6, fates: ['nominated', 'nominated'] },
    ],
  },
  {
    programme: PENGAWAS, from: -110, to: -62, capacity: 30, cost: 6_500_000,
    quotas: [
      { agency: 'PEMPROV-DKI', seats: 8, fates: ['done', 'done', 'done', 'short', 'done', 'done', 'left'] },
      { agency: 'PEMKOT-BDG', seats: 6, fates: ['done', 'done', 'short', 'done', 'done'] },
      { agency: 'PEMKOT-SMG', seats: 6, fates: ['done', 'done', 'done', 'done', 'done'] },
      { agency: 'PEMKOT-PLG', seats: 5, fates: ['done', 'short', 'done', 'done'] },
      { agency: 'KEMENDAGRI', seats: 4, fates: ['done', 'done', 'done'] },
    ],
  },
  {
    programme: LITERASI_SMG, from: -60, to: -32, capacity: 15, cost: 300_000,
    quotas: [{ agency: 'PEMKOT-SMG', seats: 12, fates: ['done', 'done', 'extra', 'done', 'short', 'done', 'done', 'left', 'done', 'done'] }],
  },
];

const RATINGS = [5, 4, 5, 4, 4, 5, 3, 4, 5, 4, 2, 5, 4, 4, 5, 3, 5, 4];
const COMMENTS = [
  'Materinya langsung bisa dipakai di loket layanan kami.',
  'Modul keamanan informasi sangat membuka mata; semua rekan di bidang perlu ikut.',
  'Jadwal daringnya fleksibel, tetapi forum diskusi angkatan kurang ramai.',
  'Simulasi negosiasinya paling berkesan; tahapannya runtut.',
  'Terlalu padat untuk dijalani sambil menyiapkan laporan akhir tahun.',
];
const WITHDRAWALS = ['Mutasi ke perangkat daerah lain.', 'Cuti melahirkan.', 'Ditugaskan menjadi panitia kegiatan wali kota pada minggu yang sama.'];
const FAIL_NOTES = ['Post-test belum mencapai nilai minimal.', 'Tugas akhir tidak diserahkan sampai batas waktu.'];

type Row = Record<string, unknown>;

/**
 * Programmes in the demo world (ARCHITECTURE.md "Programmes"), written straight into the programme tables in the
 * seeding transaction (the services came later) but as they would have written them:
 * - "Literasi Digital ASN" of Kota Bandung (GROUPS: two required e-learning courses and one of two electives),
 *   published and shared, two ended cohorts, one going on now and one taking nominations (self-apply on, seats
 *   offered), each with quotas for three agencies;
 * - "Pelatihan Kepemimpinan Pengawas" of Universitas Diponegoro (IN_ORDER), one ended cohort of five agencies;
 * - an adoption chain: Semarang copied Literasi Digital (one elective changed) and ran one cohort of its own;
 *   Palembang copied Semarang's copy (origin: Bandung's).
 * Every nominee holds one seat of their agency's quota (`seats_taken` counts the NOMINATED and COMPLETED) and has an
 * enrolment in each of the cohort's item runs (INVITATION runs, no capacity, seat counters exact); completed items
 * are COMPLETED enrolments with their ledger line through `creditLearning`; a participant is COMPLETED (with a
 * rating) only when the rule is met, and withdrawing withdrew their items. People are drawn from those with no
 * current enrolment in the courses used, and the demo learner stays out so she can be nominated or apply.
 */
export async function seedDemoProgrammes(tx: EntityManager, accounts: DemoAccount[], now: Date): Promise<void> {
  const d = db({ em: tx });
  const rng = new Prng(20261203);
  const learnerLogin = accounts.find((a) => (a.role as Role) === Role.LEARNER)?.login;
  const learner = learnerLogin ? await d.selectFrom('person').select(['id', 'supervisor_id']).where('nip', '=', learnerLogin).executeTakeFirst() : undefined;
  if (!learner) return;
  const agencies = new Map((await d.selectFrom('agency').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const partners = new Map((await d.selectFrom('partner_institution').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const admins = new Map((await d.selectFrom('role_grant').select(['person_id', 'agency_id', 'partner_id'])
    .where('role', 'in', [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN]).orderBy('person_id').execute())
    .map((g) => [(g.agency_id ?? g.partner_id)!, g.person_id]));
  const codes = [...new Set(PROGRAMMES.flatMap((p) => p.items.map((i) => i.course)))];
  // Each course with the place and the teachers of its first run, which its programme runs keep.
  const courseRows = await d.selectFrom('course').select(['id', 'code', 'title', 'jp', 'delivery'])
    .where('code', 'in', codes).where('status', '=', 'PUBLISHED' as never).execute();
  const firstRuns = courseRows.length ? await d.selectFrom('course_run').select(['course_id', 'id', 'location'])
    .where('course_id', 'in', courseRows.map((c) => c.id)).distinctOn('course_id').orderBy('course_id').orderBy('starts_at').orderBy('id').execute() : [];
  const teachers = firstRuns.length ? await d.selectFrom('course_run_instructor').select(['run_id', 'person_id'])
    .where('run_id', 'in', firstRuns.map((r) => r.id)).orderBy('person_id').execute() : [];
  const courses = new Map(courseRows.map((c) => {
    const run = firstRuns.find((r) => r.course_id === c.id);
    return [c.code, { ...c, location: run?.location ?? null, instructors: teachers.filter((t) => t.run_id === run?.id).map((t) => t.person_id) }];
  }));
  if (courses.size < codes.length || PROGRAMMES.some((p) => !agencies.has(p.owner) && !partners.has(p.owner))) return;

  const at = (days: number, time: string) => wallClock(now, days, time, ZONE);
  const past = (t: number) => new Date(Math.min(t, now.getTime() - HOUR));
  const programmeRows: Row[] = [];
  const groupRows: Row[] = [];
  const itemRows: Row[] = [];
  const byCode = new Map<string, { id: string; origin: string | null; def: ProgrammeDef; owner: string; creator: string | null; items: { id: string; course: string; required: boolean; group: string | null; position: number }[] }>();
  for (const p of PROGRAMMES) {
    const id = randomUUID();
    const ownerAgency = agencies.get(p.owner) ?? null;
    const ownerPartner = ownerAgency ? null : partners.get(p.owner)!;
    const creator = admins.get((ownerAgency ?? ownerPartner)!) ?? null;
    const from = p.adoptedFrom ? byCode.get(p.adoptedFrom)! : null;
    const origin = from ? (from.origin ?? from.id) : null;
    programmeRows.push({
      id, code: p.code, title: p.title, description: p.description, audience: p.audience, competency_tags: p.tags,
      owner_agency_id: ownerAgency, owner_partner_id: ownerPartner, completion_rule: p.rule, status: p.status,
      shared_at: p.shared ? at(p.shared.day, '10.00') : null, share_note: p.shared?.note ?? null,
      adopted_from_id: from?.id ?? null, origin_id: origin, created_by_id: creator,
    });
    const groups = new Map(Object.entries(p.groups ?? {}).map(([title, min]) => {
      const groupId = randomUUID();
      groupRows.push({ id: groupId, programme_id: id, title, min_completed: min });
      return [title, groupId];
    }));
    const items = p.items.map((item, position) => {
      const row = { id: randomUUID(), programme_id: id, course_id: courses.get(item.course)!.id, position, required: !item.group, group_id: item.group ? groups.get(item.group)! : null };
      itemRows.push(row);
      return { id: row.id, course: item.course, required: row.required, group: row.group_id, position };
    });
    byCode.set(p.code, { id, origin, def: p, owner: p.owner, creator, items });
  }

  // Participants: civil servants of each agency without a role beyond learning and with a supervisor, each in one
  // cohort at most, never in a cohort with a course they are already in or have completed (a course is taken once).
  const pool = await d.selectFrom('person as p').innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.supervisor_id', 'a.code as agency'])
    .select((eb) => eb.fn.coalesce(eb.selectFrom('enrolment as e').select((e) => e.fn.agg<string[]>('array_agg', ['e.course_id']).as('ids'))
      .whereRef('e.person_id', '=', 'p.id').where('e.status', 'in', ['REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED'] as never[]), sql<string[]>`'{}'::uuid[]`).as('current'))
    .where('p.active', '=', true).where('p.nip', 'is not', null).where('p.supervisor_id', 'is not', null).where('p.id', '<>', learner.id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('role_grant as g').select('g.id').whereRef('g.person_id', '=', 'p.id').where('g.role', '<>', Role.LEARNER))))
    .orderBy('p.nip').execute();
  const taken = new Set<string>();
  const free = (p: (typeof pool)[number], courseIds: string[]) => !taken.has(p.id) && !courseIds.some((id) => p.current.includes(id));
  const literasiCourses = byCode.get(LITERASI)!.items.map((i) => courses.get(i.course)!.id);
  // The demo learner's colleague (same supervisor): the one midway through the cohort going on now.
  const colleague = pool.find((p) => p.supervisor_id === learner.supervisor_id && free(p, literasiCourses)) ?? null;
  if (colleague) taken.add(colleague.id);
  const draw = (agency: string, courseIds: string[]) => {
    const person = pool.find((p) => p.agency === agency && free(p, courseIds));
    if (!person) throw new Error(`demo programmes: nobody left to draw in ${agency}`);
    taken.add(person.id);
    return person;
  };

  const cohortRows: Row[] = [];
  const runRows: Row[] = [];
  const itemRunRows: Row[] = [];
  const instructorRows: Row[] = [];
  const quotaRows: Row[] = [];
  const participantRows: Row[] = [];
  const enrolmentRows: Row[] = [];
  const perYear = new Map<string, number>();
  const romans = ['I', 'II', 'III', 'IV', 'V'];
  let rated = 0;
  for (const c of COHORTS) {
    const programme = byCode.get(c.programme)!;
    const ordered = programme.def.rule === 'IN_ORDER';
    const cohortId = randomUUID();
    // Runs: one per item. A path in order takes its items one after another (a classroom item three days at the
    // start of its share of the cohort); otherwise every item is open over the whole cohort.
    const share = Math.floor((c.to - c.from + 1) / programme.items.length);
    const runs = programme.items.map((item, k) => {
      const course = courses.get(item.course)!;
      const online = course.delivery === DeliveryMode.ONLINE_SELF_PACED;
      const first = ordered ? c.from + k * share : c.from;
      const windowEnd = ordered && k < programme.items.length - 1 ? first + share - 1 : c.to;
      const last = online ? windowEnd : Math.min(windowEnd, first + 2);
      const [opens, closes] = online ? ['09.00', '12.00'] : ['08.00', '16.00'];
      return { item, course, id: randomUUID(), startsAt: at(first, opens), endsAt: at(last, closes), online, seats: 0 };
    });
    const startsAt = runs[0].startsAt;
    const endsAt = runs.reduce((max, r) => (r.endsAt > max ? r.endsAt : max), runs[0].endsAt);
    const year = yearIn(startsAt);
    const n = (perYear.get(`${c.programme}|${year}`) ?? 0) + 1;
    perYear.set(`${c.programme}|${year}`, n);
    const code = `${year}-${romans[n - 1]}`;
    cohortRows.push({
      id: cohortId, programme_id: programme.id, code, starts_at: startsAt, ends_at: endsAt,
      nomination_closes_at: c.nominationCloses === undefined ? null : at(c.nominationCloses, '16.00'),
      release_deadline: c.releaseDeadline === undefined ? null : at(c.releaseDeadline, '16.00'),
      capacity: c.capacity, cost_per_participant: c.cost, self_apply: c.selfApply ?? false, offers_seats: c.offersSeats ?? false,
      status: 'SCHEDULED', created_by_id: programme.creator, created_at: at(c.from - 60, '10.00'),
    });
    for (const r of runs) {
      runRows.push({
        id: r.id, course_id: r.course.id, code: `${c.programme}-${code}`, capacity: null, seats_taken: 0, waitlist_length: 0,
        enrolment_policy: 'INVITATION', status: 'SCHEDULED', starts_at: r.startsAt, ends_at: r.endsAt,
        location: r.online ? ONLINE : (r.course.location ?? ONLINE), online_url: null, created_by_id: programme.creator, time_zone: ZONE,
      });
      itemRunRows.push({ id: randomUUID(), cohort_id: cohortId, item_id: r.item.id, run_id: r.id });
      if (!r.online) for (const person of r.course.instructors) instructorRows.push({ run_id: r.id, person_id: person });
    }

    const cohortCourses = runs.map((r) => r.course.id);
    let colleagueHere = c.from < 0 && c.to > 0 && colleague !== null;
    for (const quota of c.quotas) {
      const agencyId = agencies.get(quota.agency)!;
      let seatsTaken = 0;
      quota.fates.forEach((fate, i) => {
        const mine = colleagueHere && fate === 'midway' && colleague!.agency === quota.agency;
        if (mine) colleagueHere = false;
        const person = mine ? colleague! : draw(quota.agency, cohortCourses);
        // Nominated a few weeks before the start (an upcoming cohort's nominees in the past days).
        const nominatedAt = new Date(Math.min(startsAt.getTime() - (12 + i) * DAY, now.getTime() - (2 + i) * DAY) - rng.int(1, 8) * HOUR);
        const applied = fate === 'applied' || fate === 'approved';
        const participant: Row = {
          id: randomUUID(), cohort_id: cohortId, person_id: person.id, agency_id: agencyId,
          nominated_by_id: applied ? null : admins.get(agencyId) ?? null, approver_id: applied ? person.supervisor_id : null,
          decided_at: fate === 'applied' ? null : past(nominatedAt.getTime() + (applied ? DAY : 0)), decided_by_id: fate === 'approved' ? person.supervisor_id : null,
          note: null, completed_at: null, left_at: null, rating: null, rating_comment: null, rated_at: null, created_at: nominatedAt,
        };
        participantRows.push(participant);
        if (fate === 'applied') {
          participant.status = 'REQUESTED';
          return;
        }
        // Item outcomes: index k of `runs`.
        const electives = runs.map((r, k) => (r.item.group ? k : -1)).filter((k) => k >= 0);
        const chosen = electives.length ? electives[i % electives.length] : -1;
        const failed = fate === 'short' ? (ordered ? 1 + (i % (runs.length - 1)) : i % 2) : -1;
        const leftAt = fate === 'left' ? past(startsAt.getTime() + rng.int(3, 8) * DAY) : null;
        const finished: (Date | null)[] = [];
        runs.forEach((r, k) => {
          let status: string;
          let finishedAt: Date | null = null;
          let note: string | null = null;
          const span = r.endsAt.getTime() - r.startsAt.getTime();
          if (leftAt) {
            status = 'WITHDRAWN';
            finishedAt = leftAt;
          } else if (fate === 'midway') {
            status = k === 0 ? 'COMPLETED' : 'ACTIVE';
            if (k === 0) finishedAt = past(startsAt.getTime() + rng.int(4, 9) * DAY + rng.int(1, 8) * HOUR);
          } else if (fate === 'nominated' || fate === 'approved') {
            status = 'ACTIVE';
          } else if (k === failed) {
            // In order, what follows a failed step stays closed: those items end without an outcome.
            status = 'FAILED';
            note = FAIL_NOTES[i % FAIL_NOTES.length];
            finishedAt = past(r.endsAt.getTime() + rng.int(2, 30) * HOUR);
          } else if (ordered && failed >= 0 && k > failed) {
            status = 'WITHDRAWN';
            finishedAt = past(runs[failed].endsAt.getTime() + 2 * DAY);
          } else if (r.item.group && k !== chosen && fate !== 'extra') {
            // The elective not taken: the participant left it once they chose the other one.
            status = 'WITHDRAWN';
            finishedAt = past(startsAt.getTime() + rng.int(2, 6) * DAY);
          } else {
            status = 'COMPLETED';
            finishedAt = past(ordered ? r.endsAt.getTime() + rng.int(2, 30) * HOUR : r.startsAt.getTime() + rng.next() * span);
          }
          finished.push(status === 'COMPLETED' ? finishedAt : null);
          const id = randomUUID();
          enrolmentRows.push({
            id, person_id: person.id, course_id: r.course.id, run_id: r.id, status, approver_id: null, requested_at: nominatedAt, created_at: nominatedAt,
            decided_at: nominatedAt, decided_by_id: null, decision_note: note, finished_at: finishedAt, one_per_course: true,
          });
          if (['ACTIVE', 'COMPLETED', 'FAILED'].includes(status)) r.seats += 1;
        });
        if (leftAt) {
          Object.assign(participant, { status: 'WITHDRAWN', left_at: leftAt, note: WITHDRAWALS[i % WITHDRAWALS.length] });
          return;
        }
        seatsTaken += 1;
        const metAt = ruleMetAt(programme.def.rule, runs.map((r, k) => ({ required: r.item.required, group: r.item.group, finishedAt: finished[k] })), programme.def.groups ? Object.values(programme.def.groups)[0] : 0);
        if (!metAt) {
          participant.status = 'NOMINATED';
          return;
        }
        const rating = RATINGS[rated % RATINGS.length];
        const comment = rated % 4 === 1 ? COMMENTS[(rated >> 2) % COMMENTS.length] : null;
        rated += 1;
        Object.assign(participant, {
          status: 'COMPLETED', completed_at: metAt, rating, rating_comment: comment, rated_at: past(metAt.getTime() + rng.int(1, 20) * HOUR),
        });
      });
      quotaRows.push({ id: randomUUID(), cohort_id: cohortId, agency_id: agencyId, seats: quota.seats, seats_taken: seatsTaken });
    }
    for (const r of runs) runRows.find((row) => row.id === r.id)!.seats_taken = r.seats;
  }

  const insert = async (table: Parameters<typeof d.insertInto>[0], rows: Row[]) => {
    if (rows.length) await d.insertInto(table).values(rows).execute();
  };
  await insert('programme', programmeRows);
  await insert('programme_group', groupRows);
  await insert('programme_item', itemRows);
  await insert('programme_cohort', cohortRows);
  await insert('course_run', runRows);
  await insert('course_run_instructor', instructorRows);
  await insert('cohort_item_run', itemRunRows);
  await insert('cohort_agency_quota', quotaRows);
  await insert('cohort_participant', participantRows);
  await insert('enrolment', enrolmentRows);
  // Each completed item is credited as a completed course run is: its JP at the rule in force on the day.
  const courseById = new Map([...courses.values()].map((c) => [c.id, c]));
  for (const e of enrolmentRows) {
    if (e.status !== 'COMPLETED') continue;
    const course = courseById.get(e.course_id as string)!;
    const occurredAt = e.finished_at as Date;
    const rule = await ruleSetOn(tx, isoDateIn(occurredAt));
    await creditLearning(tx, {
      personId: e.person_id as string, minutes: course.jp * rule.minutes_per_jp, source: LearningSource.COURSE_RUN_COMPLETION,
      sourceId: e.id as string, title: course.title, occurredAt,
    });
  }
}

/**
 * When a participant's completions first met the rule (null: not met): every required item, and for GROUPS at least
 * `min` of the grouped items (one group in these demo paths); IN_ORDER also needs each required item completed no
 * earlier than the one before it.
 */
function ruleMetAt(rule: Rule, items: { required: boolean; group: string | null; finishedAt: Date | null }[], min: number): Date | null {
  const required = items.filter((i) => i.required);
  if (required.some((i) => !i.finishedAt)) return null;
  if (rule === 'IN_ORDER' && required.some((i, k) => k > 0 && i.finishedAt! < required[k - 1].finishedAt!)) return null;
  let met = Math.max(...required.map((i) => i.finishedAt!.getTime()));
  if (rule === 'GROUPS') {
    const grouped = items.filter((i) => i.group && i.finishedAt).map((i) => i.finishedAt!.getTime()).sort((a, b) => a - b);
    if (grouped.length < min) return null;
    met = Math.max(met, grouped[min - 1]);
  }
  return new Date(met);
}

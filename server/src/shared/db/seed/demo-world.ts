import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { hashPassword } from '../../../modules/auth/index.js';
import { CourseStatus, EnrolmentPolicy } from '../../../modules/course/index.js';
import { checkNip } from '../../../modules/person/index.js';
import { Role } from '../../auth/roles.js';
import { db } from '../kysely.js';
import { DEFAULT_TIME_ZONE, isoDateIn, yearIn } from '../../util/time.js';
import { seedDemoAttendance } from './demo-attendance.js';
import { CATALOGUE, ONLINE, type Audience, type CourseDef } from './demo-catalogue.js';
import { demoForum } from './demo-forum.js';
import { makeName, type RegionMix, type Sex } from './demo-names.js';
import { AGENCIES, PARTNERS, STAFF_POSITIONS, type HeadLevel, type UnitDef, type UnitKind } from './demo-org.js';
import { Prng } from './prng.js';
import { dailyHours, wallClock } from './schedule.js';
import { seedDemoWorkshops } from './demo-workshops.js';
import { seedDemoProgrammes } from './demo-programmes.js';
import { seedDemoLearning } from './demo-learning.js';
import { seedDemoCertificates } from './demo-certificates.js';

export interface DemoAccount {
  role: string;
  login: string;
  password: string;
  name: string;
  /** What to look at with this account. */
  note?: string;
}

export const DEMO_PASSWORD = 'lentera123';
const SEED = 20261123;
/** Serialises concurrent first starts against one database. */
const SEED_LOCK = 7_402_611;
const MINUTES_PER_JP = 45;
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Row = Record<string, unknown>;

/** Everything the seeder writes, as rows keyed by column name, in insertion order. */
export interface DemoWorld {
  tables: { table: string; columns: string[]; rows: Row[] }[];
  accounts: DemoAccount[];
  counts: Record<string, number>;
}

/**
 * Seeds the demo world (six agencies, five partners, 500+ civil servants, ~60 courses, two years of
 * learning history) when the database has no agency yet; returns the accounts to print, or null
 * when there was something already. Rows are built in memory and written with one
 * `insert … select from jsonb_populate_recordset` per table, in one transaction.
 */
export async function seedDemoWorldIfEmpty(
  em: EntityManager,
  log: (msg: string) => void,
  opts: { now?: Date } = {},
): Promise<DemoAccount[] | null> {
  const started = performance.now();
  const world = await em.transactional(async (tx) => {
    const q = db({ em: tx });
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(q);
    const { n } = await q.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) > 0) return null;
    const rule = await q.selectFrom('learning_rule_set').select('id').where('valid_from', '=', '2017-01-01').executeTakeFirstOrThrow();
    const built = buildDemoWorld(opts.now ?? new Date(), await hashPassword(DEMO_PASSWORD), rule.id);
    for (const { table, columns, rows } of built.tables) {
      if (rows.length === 0) continue;
      // One statement per table: the rows travel as one JSON parameter and PostgreSQL types them by the table's row type.
      const cols = sql.join(columns.map((c) => sql.ref(c)));
      await sql`insert into ${sql.table(table)} (${cols})
        select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(q);
    }
    await seedDemoWorkshops(tx, opts.now ?? new Date());
    await seedDemoAttendance(tx, built.accounts, opts.now ?? new Date());
    await seedDemoProgrammes(tx, built.accounts, opts.now ?? new Date());
    await seedDemoLearning(tx, built.accounts, opts.now ?? new Date());
    await seedDemoCertificates(tx, built.accounts);
    return built;
  });
  if (!world) return null;
  const c = world.counts;
  log(`Dunia demo dibuat: ${c.agencies} instansi, ${c.partners} mitra, ${c.people} orang, ${c.courses} pelatihan (${c.runs} angkatan), ${c.enrolments} pendaftaran (${Math.round(performance.now() - started)} ms).`);
  return world.accounts;
}

// ---------------------------------------------------------------------------------------------
// People

type Level = HeadLevel | 'STAFF';

interface PersonMeta {
  id: string;
  name: string;
  agency: string | null;
  unitKind: UnitKind | null;
  level: Level | null;
  pppk: boolean;
  supervisorId: string | null;
  row: Row;
}

interface CastAsn {
  key: string;
  agency: string;
  unit: string;
  slot: 'head' | 'staff';
  name: string;
  sex: Sex;
  position?: string;
  birthYear?: number;
  email?: string;
  partner?: string;
}

interface CastPartnerStaff {
  key: string;
  partner: string;
  name: string;
  sex: Sex;
  email: string;
  position: string;
  /** Lecturers have an NIDN; other partner staff have none. */
  lecturer: boolean;
}

/** The people the demo accounts and the catalogue refer to by name. */
const CAST_ASN: CastAsn[] = [
  { key: 'bdg.learner', agency: 'PEMKOT-BDG', unit: 'Bidang Aplikasi Informatika', slot: 'staff', name: 'Euis Nurhayati', sex: 'F', position: 'Pranata Komputer Ahli Pertama', birthYear: 1994 },
  { key: 'bdg.supervisor', agency: 'PEMKOT-BDG', unit: 'Bidang Aplikasi Informatika', slot: 'head', name: 'Yayan Supriatna', sex: 'M', birthYear: 1979 },
  { key: 'bdg.admin', agency: 'PEMKOT-BDG', unit: 'Bidang Pengembangan Kompetensi', slot: 'staff', name: 'Rina Herawati', sex: 'F', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'dki.admin', agency: 'PEMPROV-DKI', unit: 'Bidang Pengembangan Kompetensi', slot: 'staff', name: 'Siti Nurhasanah', sex: 'F', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'smg.admin', agency: 'PEMKOT-SMG', unit: 'Bidang Pengembangan Kompetensi', slot: 'staff', name: 'Dian Kusumawati', sex: 'F', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'plg.admin', agency: 'PEMKOT-PLG', unit: 'Bidang Pengembangan Kompetensi', slot: 'staff', name: 'Kemas Muhammad Rasyid', sex: 'M', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'kdn.admin', agency: 'KEMENDAGRI', unit: 'Biro Kepegawaian', slot: 'staff', name: 'Marihot Simatupang', sex: 'M', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'lan.admin', agency: 'LAN', unit: 'Biro Sumber Daya Manusia dan Umum', slot: 'staff', name: 'Yuliza Rahmadani', sex: 'F', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { key: 'lan.wi1', agency: 'LAN', unit: 'Direktorat Pelatihan Kepemimpinan Nasional dan Manajerial', slot: 'staff', name: 'Dr. Parlindungan Siregar, M.A.P.', sex: 'M', position: 'Widyaiswara Ahli Madya' },
  { key: 'lan.wi2', agency: 'LAN', unit: 'Direktorat Pelatihan Kepemimpinan Nasional dan Manajerial', slot: 'staff', name: 'Ratih Kusumawati, S.Sos., M.Si.', sex: 'F', position: 'Widyaiswara Ahli Muda' },
  { key: 'kmp.hendra', agency: 'LAN', unit: 'Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan', slot: 'staff', name: 'Dr. Hendra Gunawan, M.Si.', sex: 'M', position: 'Widyaiswara Ahli Utama', partner: 'PUSLATBANG-KMP', email: 'hendra.gunawan@lan.go.id' },
  { key: 'kmp.wulan', agency: 'LAN', unit: 'Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan', slot: 'staff', name: 'Wulan Purnamasari, S.Psi., M.Psi.', sex: 'F', position: 'Widyaiswara Ahli Muda', partner: 'PUSLATBANG-KMP', email: 'wulan.purnamasari@lan.go.id' },
  { key: 'kmp.admin', agency: 'LAN', unit: 'Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan', slot: 'staff', name: 'Tiara Larasati', sex: 'F', position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', partner: 'PUSLATBANG-KMP', email: 'tiara.larasati@lan.go.id' },
  { key: 'platform', agency: 'LAN', unit: 'Direktorat Kebijakan Pengembangan Kompetensi ASN', slot: 'staff', name: 'Fajar Nugraha', sex: 'M', position: 'Pranata Komputer Ahli Muda', email: 'admin@lentera.go.id' },
];

const CAST_PARTNER: CastPartnerStaff[] = [
  { key: 'ui.ratna', partner: 'UI', name: 'Dr. Ratna Wulandari, M.Si.', sex: 'F', email: 'ratna.wulandari@ui.ac.id', position: 'Lektor Kepala, Fakultas Ilmu Administrasi', lecturer: true },
  { key: 'ui.bambang', partner: 'UI', name: 'Prof. Dr. Bambang Hartono, M.P.A.', sex: 'M', email: 'bambang.hartono@ui.ac.id', position: 'Guru Besar, Fakultas Ilmu Administrasi', lecturer: true },
  { key: 'ui.siti', partner: 'UI', name: 'Dr. Siti Maesaroh, S.K.M., M.Kes.', sex: 'F', email: 'siti.maesaroh@ui.ac.id', position: 'Lektor Kepala, Fakultas Kesehatan Masyarakat', lecturer: true },
  { key: 'ui.andika', partner: 'UI', name: 'Andika Pratama, S.Kom., M.T.I.', sex: 'M', email: 'andika.pratama@ui.ac.id', position: 'Lektor, Fakultas Ilmu Komputer', lecturer: true },
  { key: 'ui.nadia', partner: 'UI', name: 'Dr. Nadia Safitri, M.Si.', sex: 'F', email: 'nadia.safitri@ui.ac.id', position: 'Lektor Kepala, Fakultas Ilmu Sosial dan Ilmu Politik', lecturer: true },
  { key: 'ui.admin', partner: 'UI', name: 'Putri Maharani', sex: 'F', email: 'putri.maharani@ui.ac.id', position: 'Koordinator Kerja Sama Pelatihan', lecturer: false },
  { key: 'itb.euis', partner: 'ITB', name: 'Dr. Euis Komalasari, S.T., M.T.', sex: 'F', email: 'euis.komalasari@itb.ac.id', position: 'Lektor Kepala, Sekolah Arsitektur, Perencanaan dan Pengembangan Kebijakan', lecturer: true },
  { key: 'itb.gilang', partner: 'ITB', name: 'Gilang Permana, S.T., M.Sc.', sex: 'M', email: 'gilang.permana@itb.ac.id', position: 'Lektor, Sekolah Teknik Elektro dan Informatika', lecturer: true },
  { key: 'itb.hotman', partner: 'ITB', name: 'Dr. Hotman Situmorang, S.T., M.T.', sex: 'M', email: 'hotman.situmorang@itb.ac.id', position: 'Lektor Kepala, Fakultas Teknik Sipil dan Lingkungan', lecturer: true },
  { key: 'itb.admin', partner: 'ITB', name: 'Ilham Ramadhan', sex: 'M', email: 'ilham.ramadhan@itb.ac.id', position: 'Pengelola Program Pelatihan', lecturer: false },
  { key: 'undip.sri', partner: 'UNDIP', name: 'Dr. Sri Handayani, M.Pd.', sex: 'F', email: 'sri.handayani@undip.ac.id', position: 'Lektor Kepala, Fakultas Ilmu Pendidikan', lecturer: true },
  { key: 'undip.teguh', partner: 'UNDIP', name: 'Dr. Teguh Wicaksono, M.M.', sex: 'M', email: 'teguh.wicaksono@undip.ac.id', position: 'Lektor Kepala, Fakultas Ekonomika dan Bisnis', lecturer: true },
  { key: 'undip.retno', partner: 'UNDIP', name: 'Dr. dr. Retno Astuti, M.Kes.', sex: 'F', email: 'retno.astuti@undip.ac.id', position: 'Lektor Kepala, Fakultas Kesehatan Masyarakat', lecturer: true },
  { key: 'undip.yusrizal', partner: 'UNDIP', name: 'Yusrizal Tanjung, S.Sos., M.A.', sex: 'M', email: 'yusrizal.tanjung@undip.ac.id', position: 'Lektor, Fakultas Ilmu Sosial dan Ilmu Politik', lecturer: true },
  { key: 'undip.admin', partner: 'UNDIP', name: 'Anik Setyaningsih', sex: 'F', email: 'anik.setyaningsih@undip.ac.id', position: 'Pengelola Kerja Sama', lecturer: false },
  { key: 'unsri.kemas', partner: 'UNSRI', name: 'Dr. Kemas Ahmad Fauzan, M.Pd.', sex: 'M', email: 'kemas.fauzan@unsri.ac.id', position: 'Lektor Kepala, Fakultas Keguruan dan Ilmu Pendidikan', lecturer: true },
  { key: 'unsri.nyimas', partner: 'UNSRI', name: 'Dr. Nyimas Fitriani, S.K.M., M.Kes.', sex: 'F', email: 'nyimas.fitriani@unsri.ac.id', position: 'Lektor Kepala, Fakultas Kesehatan Masyarakat', lecturer: true },
  { key: 'unsri.rian', partner: 'UNSRI', name: 'Rian Hakim, S.Si., M.Si.', sex: 'M', email: 'rian.hakim@unsri.ac.id', position: 'Lektor, Fakultas Matematika dan Ilmu Pengetahuan Alam', lecturer: true },
  { key: 'unsri.zulkarnain', partner: 'UNSRI', name: 'Dr. Zulkarnain Rasyid, M.Si.', sex: 'M', email: 'zulkarnain.rasyid@unsri.ac.id', position: 'Lektor Kepala, Fakultas Ilmu Sosial dan Ilmu Politik', lecturer: true },
  { key: 'unsri.admin', partner: 'UNSRI', name: 'Fahmi Husin', sex: 'M', email: 'fahmi.husin@unsri.ac.id', position: 'Pengelola Kerja Sama Pelatihan', lecturer: false },
];

const AGENCY_ADMINS: Record<string, string> = {
  'PEMPROV-DKI': 'dki.admin', 'PEMKOT-BDG': 'bdg.admin', 'PEMKOT-SMG': 'smg.admin', 'PEMKOT-PLG': 'plg.admin', KEMENDAGRI: 'kdn.admin', LAN: 'lan.admin',
};
const PARTNER_ADMINS: Record<string, string> = {
  UI: 'ui.admin', ITB: 'itb.admin', UNDIP: 'undip.admin', UNSRI: 'unsri.admin', 'PUSLATBANG-KMP': 'kmp.admin',
};

const HEAD_RANKS: Record<HeadLevel, string[]> = {
  JPT_MADYA: ['IV/d', 'IV/e'], JPT_PRATAMA: ['IV/c', 'IV/d'], ADMINISTRATOR: ['IV/a', 'IV/b'], PENGAWAS: ['III/d', 'IV/a'],
};
const HEAD_BIRTH: Record<HeadLevel, [number, number]> = {
  JPT_MADYA: [1966, 1971], JPT_PRATAMA: [1968, 1976], ADMINISTRATOR: [1972, 1983], PENGAWAS: [1976, 1989],
};

/** Golongan, birth years and whether PPPK is possible, from the position's level (jenjang). */
function staffProfile(position: string): { ranks: string[]; birth: [number, number]; pppkGrade: string | null } {
  if (position.includes('Ahli Utama')) return { ranks: ['IV/d', 'IV/e'], birth: [1964, 1970], pppkGrade: null };
  if (position.includes('Ahli Madya')) return { ranks: ['IV/a', 'IV/b', 'IV/c'], birth: [1970, 1980], pppkGrade: null };
  if (position.includes('Ahli Muda')) return { ranks: ['III/c', 'III/d'], birth: [1978, 1989], pppkGrade: null };
  if (position.includes('Ahli Pertama')) return { ranks: ['III/a', 'III/b'], birth: [1987, 1998], pppkGrade: position.startsWith('Widyaiswara') ? null : 'IX' };
  if (position.includes('Terampil')) return { ranks: ['II/c', 'II/d', 'III/a'], birth: [1990, 2000], pppkGrade: 'VII' };
  return { ranks: ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'], birth: [1982, 2000], pppkGrade: 'V' };
}

const REJECTION_REASONS = [
  'Jadwal pelatihan bertepatan dengan penyusunan APBD Perubahan; silakan ikut angkatan berikutnya.',
  'Kuota pengembangan kompetensi unit untuk triwulan ini sudah terpakai.',
  'Materi belum sesuai dengan rencana pengembangan Saudara tahun ini; prioritaskan pelatihan teknis jabatan.',
  'Bidang sedang kekurangan personel pada minggu pelaksanaan.',
  'Sudah ada rekan satu bidang yang mengikuti pelatihan yang sama; hasilnya akan dibagikan di rapat bidang.',
];
const FAILURE_NOTES = [
  'Kehadiran kurang dari 90% sesi.',
  'Nilai post-test di bawah batas kelulusan.',
  'Tugas akhir (proyek perubahan) tidak diserahkan.',
];
/** Forms where a participant can fail (an assessed completion rule); the rest credit attendance. */
const ASSESSED_FORMS = new Set<string>(['TECHNICAL_TRAINING', 'MANAGERIAL_TRAINING', 'FUNCTIONAL_TRAINING', 'LEADERSHIP_TRAINING', 'COURSE', 'DISTANCE_LEARNING', 'E_LEARNING']);

/**
 * Builds the whole demo world in memory. Pure: the same `now` gives the same rows (every id and
 * name comes from a seeded generator); dates are placed relative to `now` so the catalogue always
 * has past, running and upcoming offerings and two calendar years of learning history.
 */
/** `ruleSetId`: the migrations' 2017 rule set (45 minutes per JP), which credits every demo ledger line. */
export function buildDemoWorld(now: Date, passwordHash: string, ruleSetId: string | null = null): DemoWorld {
  const rng = new Prng(SEED);
  const today0 = new Date(`${isoDateIn(now)}T00:00:00+07:00`).getTime();
  const thisYear = yearIn(now);
  const yearStart = (y: number) => new Date(`${y}-01-01T00:00:00+07:00`).getTime();
  /** An instant `days` from today's midnight (WIB) plus hours. */
  const at = (days: number, hours = 0) => new Date(today0 + days * DAY + hours * HOUR);
  const nowMs = now.getTime();
  const clampPast = (d: Date) => new Date(Math.min(d.getTime(), nowMs - HOUR));

  // Agencies and partners
  const agencyId = new Map<string, string>();
  /** Agency id → its zone: people read times in their agency's zone (calendar module). */
  const agencyZone = new Map<string, string>();
  const agencyRows: Row[] = AGENCIES.map((a) => {
    const id = rng.uuid();
    agencyId.set(a.code, id);
    agencyZone.set(id, a.timeZone ?? DEFAULT_TIME_ZONE);
    return { id, code: a.code, name: a.name, kind: a.kind, time_zone: a.timeZone ?? DEFAULT_TIME_ZONE };
  });
  const partnerId = new Map<string, string>();
  const partnerRows: Row[] = PARTNERS.map((p) => {
    const id = rng.uuid();
    partnerId.set(p.code, id);
    return {
      id, code: p.code, name: p.name, kind: p.kind, city: p.city,
      website: `https://www.${p.domain}`, contact_email: `kerjasama@${p.domain}`, contact_phone: p.phone,
    };
  });

  // Names: cast names are reserved so nobody else gets them.
  const usedNames = new Set<string>();
  const coreName = (full: string) => full.replace(/^(Prof\.\s+)?(Dr\.\s+)?(dr\.\s+)?(Ir\.\s+)?/, '').split(',')[0].trim();
  for (const c of [...CAST_ASN, ...CAST_PARTNER]) usedNames.add(coreName(c.name));
  const freshName = (mix: RegionMix, sex: Sex) => {
    for (let i = 0; i < 50; i++) {
      const name = makeName(rng, mix, sex);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    throw new Error('ran out of demo names');
  };

  // NIPs: valid by construction, checked anyway.
  const usedNips = new Set<string>();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const makeNip = (birth: [number, number], sex: Sex, pppk: boolean, fixedBirthYear?: number) => {
    for (;;) {
      const by = fixedBirthYear ?? rng.int(birth[0], birth[1]);
      const bm = rng.int(1, 12);
      const bd = rng.int(1, 28);
      const ay = pppk ? rng.int(Math.max(2021, by + 20), Math.min(2025, thisYear - 1)) : Math.min(by + rng.int(22, 27), thisYear - 1);
      const am = pppk ? '21' : pad(rng.int(1, 12));
      const nip = `${by}${pad(bm)}${pad(bd)}${ay}${am}${sex === 'M' ? 1 : 2}${pad(rng.int(1, 400), 3)}`;
      if (usedNips.has(nip)) continue;
      const check = checkNip(nip, now);
      if (!check.ok || check.kind !== (pppk ? 'PPPK' : 'PNS')) throw new Error(`demo NIP ${nip} is invalid: ${JSON.stringify(check)}`);
      usedNips.add(nip);
      return nip;
    }
  };

  // Org units and the civil servants in them
  const unitRows: Row[] = [];
  const people: PersonMeta[] = [];
  const byKey = new Map<string, PersonMeta>();
  /** `AGENCY/unit name` → head person. */
  const unitHead = new Map<string, PersonMeta>();
  const unitStaff = new Map<string, PersonMeta[]>();

  const addPerson = (meta: Omit<PersonMeta, 'row'>, row: Row): PersonMeta => {
    const full: PersonMeta = { ...meta, row: { id: meta.id, full_name: meta.name, password_hash: passwordHash, supervisor_id: meta.supervisorId, time_zone: agencyZone.get(row.agency_id as string) ?? DEFAULT_TIME_ZONE, ...row } };
    people.push(full);
    return full;
  };

  const makeAsn = (agency: (typeof AGENCIES)[number], unitId: string, kind: UnitKind, level: Level, position: string, supervisorId: string | null, cast?: CastAsn) => {
    const sex: Sex = cast?.sex ?? (rng.chance(0.5) ? 'M' : 'F');
    const name = cast?.name ?? freshName(agency.names, sex);
    let rank: string;
    let pppk = false;
    let nip: string;
    if (level !== 'STAFF') {
      rank = rng.pick(HEAD_RANKS[level]);
      nip = makeNip(HEAD_BIRTH[level], sex, false, cast?.birthYear);
    } else {
      const profile = staffProfile(position);
      pppk = !cast && profile.pppkGrade !== null && rng.chance(0.2);
      rank = pppk ? profile.pppkGrade! : rng.pick(profile.ranks);
      nip = makeNip(profile.birth, sex, pppk, cast?.birthYear);
    }
    const id = rng.uuid();
    const person = addPerson(
      { id, name, agency: agency.code, unitKind: kind, level, pppk, supervisorId },
      {
        nip, nidn: null, email: cast?.email ?? null, employment_type: pppk ? 'PPPK' : 'PNS',
        agency_id: agencyId.get(agency.code), org_unit_id: unitId, partner_id: cast?.partner ? partnerId.get(cast.partner) : null,
        position_title: position, rank,
      },
    );
    if (cast) byKey.set(cast.key, person);
    return person;
  };

  for (const agency of AGENCIES) {
    let topHead: PersonMeta | null = null;
    const walk = (def: UnitDef, parent: { id: string; path: string; head: PersonMeta | null; kind: UnitKind } | null) => {
      const id = rng.uuid();
      const path = parent ? `${parent.path}/${id}` : id;
      const kind = def.kind ?? parent!.kind;
      unitRows.push({ id, agency_id: agencyId.get(agency.code), parent_id: parent?.id ?? null, name: def.name, path });
      const key = `${agency.code}/${def.name}`;
      const cast = CAST_ASN.filter((c) => c.agency === agency.code && c.unit === def.name);
      const castHead = cast.find((c) => c.slot === 'head');
      // Heads of top units report to the Sekretaris Daerah in a region; ministry top heads report to the minister (not here).
      const supervisor = parent?.head ?? (agency.kind === 'PROVINCE' || agency.kind === 'CITY' ? topHead : null);
      const head = makeAsn(agency, id, kind, def.headLevel, def.head, supervisor?.id ?? null, castHead);
      if (!parent && !topHead) topHead = head;
      unitHead.set(key, head);
      const positions = def.positions ?? STAFF_POSITIONS[kind];
      const castStaff = cast.filter((c) => c.slot === 'staff');
      const staff: PersonMeta[] = [];
      for (const c of castStaff) staff.push(makeAsn(agency, id, kind, 'STAFF', c.position ?? rng.pick(positions), head.id, c));
      const total = Math.max(def.staff + rng.int(0, 1), castStaff.length);
      for (let i = castStaff.length; i < total; i++) {
        staff.push(makeAsn(agency, id, kind, 'STAFF', rng.pick(positions), head.id));
      }
      unitStaff.set(key, staff);
      for (const child of def.children ?? []) walk(child, { id, path, head, kind });
    };
    for (const unit of agency.units) walk(unit, null);
  }

  // Partner staff (NON_ASN, e-mail login; lecturers with NIDN)
  for (const c of CAST_PARTNER) {
    const id = rng.uuid();
    const nidn = c.lecturer ? `00${pad(rng.int(1, 28))}${pad(rng.int(1, 12))}${pad(rng.int(65, 90))}${pad(rng.int(1, 99))}` : null;
    const person = addPerson(
      { id, name: c.name, agency: null, unitKind: null, level: null, pppk: false, supervisorId: null },
      {
        nip: null, nidn, email: c.email, employment_type: 'NON_ASN', agency_id: null, org_unit_id: null,
        partner_id: partnerId.get(c.partner), position_title: c.position, rank: null,
      },
    );
    byKey.set(c.key, person);
  }
  const cast = (key: string) => {
    const p = byKey.get(key);
    if (!p) throw new Error(`demo cast member ${key} missing`);
    return p;
  };
  const resolveInstructor = (key: string): { person: PersonMeta; agency: string | null; partner: string | null } => {
    if (key.startsWith('head:')) {
      const ref = key.slice(5);
      const head = unitHead.get(ref);
      if (!head) throw new Error(`demo unit ${ref} missing`);
      return { person: head, agency: ref.split('/')[0], partner: null };
    }
    const p = cast(key);
    const partner = CAST_PARTNER.find((c) => c.key === key)?.partner ?? CAST_ASN.find((c) => c.key === key)?.partner ?? null;
    return { person: p, agency: partner ? null : p.agency, partner };
  };

  // Role grants
  const grantRows: Row[] = [];
  const granted = new Set<string>();
  const grant = (person: PersonMeta, role: Role, agency: string | null, partner: string | null) => {
    const agencyUuid = agency ? agencyId.get(agency)! : null;
    const partnerUuid = partner ? partnerId.get(partner)! : null;
    const scopeKey = agencyUuid ?? partnerUuid ?? 'platform';
    const k = `${person.id}|${role}|${scopeKey}`;
    if (granted.has(k)) return;
    granted.add(k);
    grantRows.push({ id: rng.uuid(), person_id: person.id, role, agency_id: agencyUuid, partner_id: partnerUuid, scope_key: scopeKey });
  };
  for (const [agency, key] of Object.entries(AGENCY_ADMINS)) grant(cast(key), Role.AGENCY_ADMIN, agency, null);
  for (const [partner, key] of Object.entries(PARTNER_ADMINS)) grant(cast(key), Role.PARTNER_ADMIN, null, partner);
  grant(cast('platform'), Role.PLATFORM_ADMIN, null, null);
  for (const c of CAST_PARTNER) if (c.lecturer) grant(cast(c.key), Role.INSTRUCTOR, null, c.partner);
  grant(cast('kmp.hendra'), Role.INSTRUCTOR, null, 'PUSLATBANG-KMP');
  grant(cast('kmp.wulan'), Role.INSTRUCTOR, null, 'PUSLATBANG-KMP');
  grant(cast('lan.wi1'), Role.INSTRUCTOR, 'LAN', null);
  grant(cast('lan.wi2'), Role.INSTRUCTOR, 'LAN', null);

  // Courses and their runs: one meta per run (a catalogue entry); entries with `runOf` are later runs of an earlier course.
  interface CourseMeta {
    def: CourseDef;
    /** The course's id (shared by its runs). */
    id: string;
    runId: string;
    row: Row;
    runRow: Row;
    startsAt: Date | null;
    endsAt: Date | null;
    phase: 'draft' | 'selfpaced' | 'past' | 'running' | 'future';
    agencies: Set<string>;
    participants: Set<string>;
    seats: number;
    waitlist: number;
  }
  const courses: CourseMeta[] = [];
  const courseRows: Row[] = [];
  const courseByCode = new Map<string, CourseMeta>();
  const visibleRows: Row[] = [];
  const instructorRows: Row[] = [];
  const allAgencies = AGENCIES.map((a) => a.code);
  for (const def of CATALOGUE) {
    const first = def.runOf ? courseByCode.get(def.runOf) : undefined;
    if (def.runOf && !first) throw new Error(`demo run ${def.code}: course ${def.runOf} must come first`);
    const id = first ? first.id : rng.uuid();
    const runId = rng.uuid();
    const status = first ? (first.row.status as CourseStatus) : (def.status ?? CourseStatus.PUBLISHED);
    // As the organiser announces it: the venue's hours (e.g. 08.00–16.00) in the owner's zone, first to last day.
    // Partners have no zone of their own; every seeded partner's city is in WIB.
    const zone = AGENCIES.find((a) => a.code === def.owner)?.timeZone ?? DEFAULT_TIME_ZONE;
    const [opens, closes] = dailyHours(def, ONLINE);
    const startsAt = def.start === null ? null : wallClock(now, def.start, opens, zone);
    const endsAt = def.start === null ? null : wallClock(now, def.start + (def.days ?? 1) - 1, closes, zone);
    const phase: CourseMeta['phase'] =
      status === CourseStatus.DRAFT ? 'draft'
        : startsAt === null ? 'selfpaced'
          : endsAt!.getTime() < nowMs ? 'past'
            : startsAt.getTime() <= nowMs ? 'running' : 'future';
    const ownerIsAgency = agencyId.has(def.owner);
    if (!ownerIsAgency && !partnerId.has(def.owner)) throw new Error(`unknown demo course owner ${def.owner}`);
    const creator = ownerIsAgency ? cast(AGENCY_ADMINS[def.owner]) : cast(PARTNER_ADMINS[def.owner]);
    const publishedAt = status === CourseStatus.DRAFT ? null : startsAt ? new Date(startsAt.getTime() - 45 * DAY) : at(-720, 9);
    const agencies = new Set<string>(
      def.visibility === 'ALL_AGENCIES' ? allAgencies : [...(ownerIsAgency ? [def.owner] : []), ...(def.visibility === 'LISTED_AGENCIES' ? def.listed ?? [] : [])],
    );
    // A course that runs again is named without its angkatan ("— Angkatan I 2026"); each run keeps its code.
    const row: Row = first ? first.row : {
      id, code: def.code, title: def.title.replace(/\s+(—\s+)?Angkatan\b.*$/, ''), description: def.description, form: def.form, delivery: def.delivery, jp: def.jp,
      competency_tags: def.tags, owner_agency_id: ownerIsAgency ? agencyId.get(def.owner) : null, owner_partner_id: ownerIsAgency ? null : partnerId.get(def.owner),
      cost_per_participant: def.cost, status, visibility: def.visibility,
      published_at: publishedAt?.toISOString() ?? null, created_by_id: creator.id,
    };
    const runRow: Row = {
      id: runId, course_id: id, code: def.code, capacity: def.capacity, enrolment_policy: def.policy, status: 'SCHEDULED',
      starts_at: startsAt?.toISOString() ?? null, ends_at: endsAt?.toISOString() ?? null, location: def.location ?? null,
      online_url: def.location === ONLINE ? `https://kelas.lentera.go.id/${def.code.toLowerCase()}` : null, created_by_id: creator.id, time_zone: zone,
    };
    const meta: CourseMeta = { def, id, runId, row, runRow, startsAt, endsAt, phase, agencies, participants: new Set(), seats: 0, waitlist: 0 };
    courses.push(meta);
    courseByCode.set(def.code, meta);
    if (!first) courseRows.push(row);
    if (!first && def.visibility === 'LISTED_AGENCIES') {
      for (const a of def.listed ?? []) visibleRows.push({ course_id: id, agency_id: agencyId.get(a) });
    }
    const seen = new Set<string>();
    for (const key of def.instructors) {
      const { person, agency, partner } = resolveInstructor(key);
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      instructorRows.push({ run_id: runId, person_id: person.id });
      grant(person, Role.INSTRUCTOR, agency, partner);
    }
  }
  const course = (code: string) => {
    const c = courseByCode.get(code);
    if (!c) throw new Error(`demo course ${code} missing`);
    return c;
  };

  // Enrolments
  const enrolmentRows: Row[] = [];
  /** Who is in each course (requested, waiting, active or completed) in any run: one run of a course at a time. */
  const inCourse = new Map<string, Set<string>>();
  const CURRENT = new Set(['REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED']);
  const isInCourse = (c: CourseMeta, personId: string) => inCourse.get(c.id)?.has(personId) ?? false;
  const supervisorOf = new Map(people.map((p) => [p.id, p.supervisorId]));
  const holdsSeat = (s: string) => s === 'ACTIVE' || s === 'COMPLETED' || s === 'FAILED';
  interface EnrolmentSpec {
    person: PersonMeta;
    status: 'REQUESTED' | 'ACTIVE' | 'WAITLISTED' | 'COMPLETED' | 'FAILED' | 'WITHDRAWN' | 'REJECTED';
    requestedAt: Date;
    finishedAt?: Date | null;
    waitlistedAt?: Date | null;
  }
  const enrol = (c: CourseMeta, spec: EnrolmentSpec) => {
    if (c.participants.has(spec.person.id)) throw new Error(`demo: ${spec.person.name} enrolled twice in ${c.def.code}`);
    if (CURRENT.has(spec.status) && isInCourse(c, spec.person.id)) throw new Error(`demo: ${spec.person.name} in two runs of ${c.def.code}`);
    c.participants.add(spec.person.id);
    if (CURRENT.has(spec.status)) {
      if (!inCourse.has(c.id)) inCourse.set(c.id, new Set());
      inCourse.get(c.id)!.add(spec.person.id);
    }
    const approval = c.def.policy === EnrolmentPolicy.SUPERVISOR_APPROVAL;
    const supervisorId = supervisorOf.get(spec.person.id) ?? null;
    const requestedAt = spec.requestedAt;
    const decided = approval && supervisorId && spec.status !== 'REQUESTED';
    const decidedAt = decided ? clampPast(new Date(requestedAt.getTime() + rng.int(3, 96) * HOUR)) : null;
    let finishedAt: Date | null = spec.finishedAt ?? null;
    if (spec.status === 'WITHDRAWN' && !finishedAt) {
      finishedAt = clampPast(new Date((decidedAt ?? requestedAt).getTime() + rng.int(6, 240) * HOUR));
    }
    if (holdsSeat(spec.status)) c.seats += 1;
    if (spec.status === 'WAITLISTED') c.waitlist += 1;
    enrolmentRows.push({
      id: rng.uuid(), person_id: spec.person.id, course_id: c.id, run_id: c.runId, status: spec.status,
      approver_id: approval ? supervisorId : null,
      requested_at: requestedAt.toISOString(), created_at: requestedAt.toISOString(),
      waitlisted_at: spec.status === 'WAITLISTED' ? (spec.waitlistedAt ?? decidedAt ?? requestedAt).toISOString() : null,
      decided_at: decidedAt?.toISOString() ?? null, decided_by_id: decided ? supervisorId : null,
      decision_note: spec.status === 'REJECTED' ? rng.pick(REJECTION_REASONS) : spec.status === 'FAILED' ? rng.pick(FAILURE_NOTES) : null,
      finished_at: finishedAt?.toISOString() ?? null,
    });
  };

  // The demo learner's story first: 12 JP this year (two e-learning completions), 20 JP last year,
  // a request waiting for the supervisor, a running course with an instructor, a waitlist place.
  const learner = cast('bdg.learner');
  const supervisor = cast('bdg.supervisor');
  const inYear = (y: number, frac: number) => {
    const from = yearStart(y);
    const to = Math.min(yearStart(y + 1), nowMs) - DAY;
    return new Date(from + Math.max(0, to - from) * frac + 2 * HOUR);
  };
  const completeOn = (c: CourseMeta, person: PersonMeta, finishedAt: Date) =>
    enrol(c, { person, status: 'COMPLETED', requestedAt: new Date(finishedAt.getTime() - rng.int(5, 20) * DAY), finishedAt });
  completeOn(course('LAN-EL-TLPD'), learner, inYear(thisYear, 0.35));
  completeOn(course('KDN-EL-KAMINFO'), learner, inYear(thisYear, 0.8));
  completeOn(course('LAN-EL-WASBANG'), learner, inYear(thisYear - 1, 0.3));
  const seminar = course('LAN-SEM-INOV-2025');
  if (yearIn(seminar.endsAt!) === thisYear - 1) completeOn(seminar, learner, new Date(seminar.endsAt!.getTime() + HOUR));
  else completeOn(course('LAN-EL-BERAKHLAK'), learner, inYear(thisYear - 1, 0.7));
  enrol(course('ITB-SPBE-2612'), { person: learner, status: 'REQUESTED', requestedAt: new Date(nowMs - 2 * DAY - 3 * HOUR) });
  enrol(course('UI-ADKP-2611'), { person: learner, status: 'ACTIVE', requestedAt: new Date(course('UI-ADKP-2611').startsAt!.getTime() - 12 * DAY) });
  enrol(course('UNDIP-NEGO-2612'), { person: learner, status: 'WAITLISTED', requestedAt: new Date(nowMs - 6 * DAY), waitlistedAt: new Date(nowMs - 5 * DAY) });
  enrol(course('UNSRI-BM-STAT'), { person: learner, status: 'WITHDRAWN', requestedAt: inYear(thisYear, 0.5) });
  // Two more of the supervisor's team wait for a decision, so the approvals inbox has three items.
  const team = (unitStaff.get('PEMKOT-BDG/Bidang Aplikasi Informatika') ?? []).filter((p) => p.id !== learner.id);
  enrol(course('UI-MPP-2612'), { person: team[0], status: 'REQUESTED', requestedAt: new Date(nowMs - 1 * DAY - 5 * HOUR) });
  enrol(course('ITB-SPBE-2612'), { person: team[1], status: 'REQUESTED', requestedAt: new Date(nowMs - 4 * DAY) });
  // A retake: failed the first run of a course, now learning in its next run (a new enrolment; the failure stays).
  const firstRun = course('UI-MPP-2604');
  const retaker = team[2];
  enrol(firstRun, { person: retaker, status: 'FAILED', requestedAt: new Date(firstRun.startsAt!.getTime() - 20 * DAY), finishedAt: new Date(firstRun.endsAt!.getTime() + 2 * DAY) });
  enrol(course('UI-MPP-2612'), { person: retaker, status: 'ACTIVE', requestedAt: new Date(nowMs - 3 * DAY) });
  const reserved = new Set([learner.id]);

  const asn = people.filter((p) => p.level !== null);
  const matches = (p: PersonMeta, audience: Audience[] | undefined) => {
    if (!audience) return true;
    return audience.some((a) =>
      a === 'heads' ? p.level === 'ADMINISTRATOR' || p.level === 'PENGAWAS'
        : a === 'administrator' ? p.level === 'ADMINISTRATOR'
          : a === 'pengawas' ? p.level === 'PENGAWAS'
            : a === 'pppk' ? p.pppk
              : p.unitKind === a,
    );
  };

  for (const c of courses) {
    if (c.phase === 'draft') continue;
    const def = c.def;
    const approval = def.policy === EnrolmentPolicy.SUPERVISOR_APPROVAL;
    const pool = rng.shuffle(
      asn.filter((p) => c.agencies.has(p.agency!) && matches(p, def.audience) && !reserved.has(p.id) && !c.participants.has(p.id) && !isInCourse(c, p.id) && (!approval || p.supervisorId)),
    );
    const cap = def.capacity;
    let seats: number;
    if (cap !== null) {
      const share = def.full ? 1
        : c.phase === 'future' ? 0.3 + rng.next() * 0.45
          : cap > 100 ? 0.3 + rng.next() * 0.3 : 0.6 + rng.next() * 0.35;
      seats = Math.max(def.full ? cap : 1, Math.round(cap * share)) - c.seats;
    } else {
      seats = c.phase === 'selfpaced' ? rng.int(45, 110) : rng.int(18, 40);
    }
    const plan: EnrolmentSpec['status'][] = [];
    for (let i = 0; i < seats; i++) plan.push('ACTIVE');
    if (def.full) for (let i = rng.int(2, 5); i > 0; i--) plan.push('WAITLISTED');
    if (approval && (c.phase === 'future' || c.phase === 'running')) for (let i = Math.max(1, Math.round(seats * (c.phase === 'future' ? 0.3 : 0.08))); i > 0; i--) plan.push('REQUESTED');
    if (approval) for (let i = Math.max(1, Math.round(seats * 0.08)); i > 0; i--) plan.push('REJECTED');
    for (let i = Math.round(seats * (0.03 + rng.next() * 0.06)); i > 0; i--) plan.push('WITHDRAWN');

    const span = c.startsAt ? null : { from: Math.max(nowMs - 690 * DAY, yearStart(thisYear - 1) + 3 * DAY), to: nowMs - 2 * DAY };
    for (const planned of plan) {
      const person = pool.pop();
      if (!person) break;
      let status = planned;
      let requestedAt: Date;
      let finishedAt: Date | null = null;
      if (c.phase === 'future') {
        requestedAt = new Date(nowMs - rng.int(2, 24 * 25) * HOUR);
      } else if (c.phase === 'selfpaced') {
        requestedAt = new Date(span!.from + rng.next() * (span!.to - span!.from));
      } else {
        requestedAt = new Date(c.startsAt!.getTime() - rng.int(7 * 24, 40 * 24) * HOUR);
      }
      if (status === 'ACTIVE') {
        if (c.phase === 'past') {
          status = ASSESSED_FORMS.has(def.form) && rng.chance(0.08) ? 'FAILED' : 'COMPLETED';
          finishedAt = clampPast(new Date(c.endsAt!.getTime() + rng.int(1, 48) * HOUR));
        } else if (c.phase === 'selfpaced' && rng.chance(0.6)) {
          status = 'COMPLETED';
          finishedAt = clampPast(new Date(requestedAt.getTime() + rng.int(2 * 24, 45 * 24) * HOUR));
        }
      }
      enrol(c, { person, status, requestedAt, finishedAt });
    }
  }
  // The demo instructor's home has something waiting: a run of Manajemen Proyek Pemerintah Dr. Ratna taught that
  // ended three days ago, its results not recorded yet (all still ACTIVE, so no JP moves). Drawn after the catalogue's
  // enrolments, so no other row moves.
  {
    const first = course('UI-MPP-2604');
    const def = { ...first.def, code: 'UI-MPP-2611', runOf: first.def.code, start: -12, days: 10, instructors: ['ui.ratna'] };
    const zone = first.runRow.time_zone as string;
    const [opens, closes] = dailyHours(def, ONLINE);
    const startsAt = wallClock(now, def.start, opens, zone);
    const endsAt = wallClock(now, def.start + def.days - 1, closes, zone);
    const runId = rng.uuid();
    const ended: CourseMeta = {
      def, id: first.id, runId, row: first.row, startsAt, endsAt, phase: 'past', agencies: first.agencies, participants: new Set(), seats: 0, waitlist: 0,
      runRow: { ...first.runRow, id: runId, code: def.code, starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString() },
    };
    courses.push(ended);
    courseByCode.set(def.code, ended);
    instructorRows.push({ run_id: runId, person_id: cast('ui.ratna').id });
    const waiting = rng.shuffle(asn.filter((p) => !reserved.has(p.id) && p.supervisorId && !isInCourse(ended, p.id) && ['PEMKOT-BDG', 'PEMKOT-SMG', 'PEMPROV-DKI'].includes(p.agency!)));
    for (const person of waiting.slice(0, 14)) {
      enrol(ended, { person, status: 'ACTIVE', requestedAt: new Date(startsAt.getTime() - rng.int(7 * 24, 30 * 24) * HOUR) });
    }
  }
  for (const c of courses) {
    c.runRow.seats_taken = c.seats;
    c.runRow.waitlist_length = c.waitlist;
    if (c.def.capacity !== null && c.seats > c.def.capacity) throw new Error(`demo course ${c.def.code} over capacity`);
  }

  // Learning-hours ledger: one line per completion, and the yearly totals it sums to.
  const courseById = new Map(courses.map((c) => [c.runId, c]));
  const recordRows: Row[] = [];
  const totals = new Map<string, number>();
  const personRow = new Map(people.map((p) => [p.id, p.row]));
  for (const e of enrolmentRows) {
    if (e.status !== 'COMPLETED') continue;
    const c = courseById.get(e.run_id as string)!;
    const occurredAt = new Date(e.finished_at as string);
    const year = yearIn(occurredAt);
    const minutes = c.def.jp * MINUTES_PER_JP;
    recordRows.push({
      id: rng.uuid(), person_id: e.person_id, year, minutes, jp: c.def.jp, rule_set_id: ruleSetId, source: 'COURSE_RUN_COMPLETION', source_id: e.id, status: 'CREDITED',
      agency_id: personRow.get(e.person_id as string)!.agency_id, org_unit_id: personRow.get(e.person_id as string)!.org_unit_id, title: c.def.title, occurred_at: e.finished_at,
    });
    const k = `${e.person_id as string}|${year}`;
    totals.set(k, (totals.get(k) ?? 0) + minutes);
  }
  const yearRows: Row[] = [...totals].map(([k, minutes]) => {
    const [person_id, year] = k.split('|');
    return { person_id, year: Number(year), minutes, jp: minutes / MINUTES_PER_JP };
  });

  // Cooperation agreements: a PKS for every partner whose staff teach an agency's runs, covering those runs' forms
  // and dates (the run module refuses partner instructors otherwise); plus Bandung's MoU with UI ending within 60
  // days (on both sides' home pages), an earlier PKS with ITB that has ended and a current one with UI for bimtek.
  // Drawn last: no other row moves.
  const agreementRows: Row[] = [];
  const agreementAgencyRows: Row[] = [];
  const personById = new Map(people.map((p) => [p.id, p.row]));
  const runCourse = new Map(courses.map((c) => [c.runId, c]));
  const partnerCode = new Map([...partnerId].map(([code, id]) => [id, code]));
  const agencyName = new Map(AGENCIES.map((a) => [agencyId.get(a.code)!, a.name]));
  const teaching = new Map<string, { partner: string; agency: string; forms: Set<string>; until: number }>();
  for (const r of instructorRows) {
    const c = runCourse.get(r.run_id as string)!;
    const owner = c.row.owner_agency_id as string | null;
    const person = personById.get(r.person_id as string)!;
    if (!owner || !person.partner_id || person.agency_id === owner) continue;
    const key = `${person.partner_id as string}|${owner}`;
    const pair = teaching.get(key) ?? { partner: person.partner_id as string, agency: owner, forms: new Set<string>(), until: nowMs };
    pair.forms.add(c.row.form as string);
    pair.until = Math.max(pair.until, c.endsAt?.getTime() ?? nowMs);
    teaching.set(key, pair);
  }
  const agreement = (partner: string, agencies: string[], fields: { kind: 'MOU' | 'PKS'; number: string; title: string; from: string; to: Date; scope: string[]; url?: string }) => {
    const id = rng.uuid();
    agreementRows.push({
      id, kind: fields.kind, number: fields.number, title: fields.title, partner_id: partner, valid_from: fields.from, valid_to: isoDateIn(fields.to),
      scope: fields.scope, document_url: fields.url ?? null, created_by_id: cast(AGENCY_ADMINS[AGENCIES.find((a) => agencyId.get(a.code) === agencies[0])!.code]).id,
    });
    for (const agency of agencies) agreementAgencyRows.push({ agreement_id: id, agency_id: agency });
  };
  let pks = 0;
  for (const pair of teaching.values()) {
    agreement(pair.partner, [pair.agency], {
      kind: 'PKS', number: `PKS/${String(++pks).padStart(3, '0')}/${partnerCode.get(pair.partner)}/${thisYear - 1}`,
      title: `Penyelenggaraan pelatihan bagi ASN ${agencyName.get(pair.agency)}`, from: `${thisYear - 1}-01-01`,
      to: new Date(pair.until + 365 * DAY), scope: [...pair.forms].sort(),
    });
  }
  const bandung = agencyId.get('PEMKOT-BDG')!;
  agreement(partnerId.get('UI')!, [bandung], {
    kind: 'MOU', number: `MOU/017/UI-BDG/${thisYear - 4}`, title: 'Nota kesepahaman pengembangan kompetensi aparatur', from: `${thisYear - 4}-03-01`,
    to: at(45), scope: ['TECHNICAL_TRAINING', 'MANAGERIAL_TRAINING', 'SEMINAR', 'WORKSHOP'], url: 'https://kerjasama.lentera.go.id/dokumen/mou-ui-bandung.pdf',
  });
  agreement(partnerId.get('ITB')!, [bandung], {
    kind: 'PKS', number: `PKS/044/ITB-BDG/${thisYear - 2}`, title: 'Bimbingan teknis kota cerdas', from: `${thisYear - 2}-02-01`,
    to: at(-30), scope: ['TECHNICAL_GUIDANCE', 'TECHNICAL_TRAINING'],
  });
  // Bandung's bimtek after that: a PKS with UI running to the end of next year, so the run form offers UI's lecturers.
  agreement(partnerId.get('UI')!, [bandung], {
    kind: 'PKS', number: `PKS/052/UI-BDG/${thisYear}`, title: 'Bimbingan teknis pelayanan publik digital', from: `${thisYear}-01-01`,
    to: new Date(Date.UTC(thisYear + 1, 11, 31, 5)), scope: ['TECHNICAL_GUIDANCE'],
  });

  // The accounts to print
  const jpOf = (personId: string, year: number) => (totals.get(`${personId}|${year}`) ?? 0) / MINUTES_PER_JP;
  const inbox = enrolmentRows.filter((e) => e.status === 'REQUESTED' && e.approver_id === supervisor.id).length;
  const instructor = cast('ui.ratna');
  const running = course('UI-ADKP-2611');
  const roster = enrolmentRows.filter((e) => e.run_id === running.runId && e.status === 'ACTIVE').length;
  const admin = cast('bdg.admin');
  const platform = cast('platform');
  const partnerAdmin = cast(PARTNER_ADMINS.UI);

  // Invitations of partner staff: one waiting on a lecturer (its link is mailed again by "Kirim ulang"), one that
  // lapsed unanswered, one accepted (Dr. Andika joined this way).
  const invitationRows: Row[] = [
    { partner: 'UI', email: 'fajar.nugroho@ui.ac.id', name: 'Dr. Fajar Nugroho, M.Si.', nidn: '0014078203', created: -2, accepted: null },
    { partner: 'ITB', email: 'maya.kusuma@itb.ac.id', name: 'Maya Kusumawardani, S.T., M.T.', nidn: null, created: -12, accepted: null },
    { partner: 'UI', email: cast('ui.andika').row.email as string, name: cast('ui.andika').name, nidn: null, created: -40, accepted: cast('ui.andika').id },
  ].map((i) => {
    const createdAt = new Date(now.getTime() + i.created * DAY);
    return {
      id: rng.uuid(), partner_id: partnerId.get(i.partner), email: i.email, full_name: i.name, nidn: i.nidn, role: Role.INSTRUCTOR,
      expires_at: new Date(createdAt.getTime() + 7 * DAY), invited_by_id: cast(PARTNER_ADMINS[i.partner]).id, created_at: createdAt,
      accepted_at: i.accepted ? new Date(createdAt.getTime() + DAY) : null, accepted_person_id: i.accepted,
    };
  });
  const accounts: DemoAccount[] = [
    {
      role: Role.LEARNER, login: learner.row.nip as string, password: DEMO_PASSWORD, name: learner.name,
      note: `Diskominfo Kota Bandung; ${jpOf(learner.id, thisYear)}/20 JP tahun ${thisYear}; 1 permintaan menunggu ${supervisor.name}`,
    },
    {
      role: Role.SUPERVISOR, login: supervisor.row.nip as string, password: DEMO_PASSWORD, name: supervisor.name,
      note: `Kepala Bidang Aplikasi Informatika; ${inbox} permintaan di kotak persetujuan`,
    },
    { role: Role.AGENCY_ADMIN, login: admin.row.nip as string, password: DEMO_PASSWORD, name: admin.name, note: 'Admin BKPSDM Pemerintah Kota Bandung' },
    {
      role: Role.INSTRUCTOR, login: instructor.row.email as string, password: DEMO_PASSWORD, name: instructor.name,
      note: `Universitas Indonesia; mengajar "${running.def.title}" (${roster} peserta aktif)`,
    },
    {
      role: Role.PARTNER_ADMIN, login: partnerAdmin.row.email as string, password: DEMO_PASSWORD, name: partnerAdmin.name,
      note: 'Admin mitra Universitas Indonesia; 1 undangan pengajar menunggu',
    },
    { role: Role.PLATFORM_ADMIN, login: platform.row.email as string, password: DEMO_PASSWORD, name: platform.name, note: 'Operator platform (LAN)' },
  ];

  return {
    tables: [
      { table: 'agency', columns: ['id', 'code', 'name', 'kind', 'time_zone'], rows: agencyRows },
      { table: 'partner_institution', columns: ['id', 'code', 'name', 'kind', 'city', 'website', 'contact_email', 'contact_phone'], rows: partnerRows },
      { table: 'org_unit', columns: ['id', 'agency_id', 'parent_id', 'name', 'path'], rows: unitRows },
      {
        table: 'person',
        columns: ['id', 'full_name', 'nip', 'nidn', 'email', 'employment_type', 'agency_id', 'org_unit_id', 'partner_id', 'supervisor_id', 'position_title', 'rank', 'password_hash', 'time_zone'],
        rows: people.map((p) => p.row),
      },
      { table: 'role_grant', columns: ['id', 'person_id', 'role', 'agency_id', 'partner_id', 'scope_key'], rows: grantRows },
      {
        table: 'course',
        columns: ['id', 'code', 'title', 'description', 'form', 'delivery', 'jp', 'competency_tags', 'owner_agency_id', 'owner_partner_id',
          'cost_per_participant', 'status', 'visibility', 'published_at', 'created_by_id'],
        rows: courseRows,
      },
      {
        table: 'course_run',
        columns: ['id', 'course_id', 'code', 'capacity', 'seats_taken', 'waitlist_length', 'enrolment_policy', 'status', 'starts_at', 'ends_at', 'location', 'online_url', 'created_by_id', 'time_zone'],
        rows: courses.map((c) => c.runRow),
      },
      { table: 'course_visible_agency', columns: ['course_id', 'agency_id'], rows: visibleRows },
      { table: 'course_run_instructor', columns: ['run_id', 'person_id'], rows: instructorRows },
      {
        table: 'enrolment',
        columns: ['id', 'person_id', 'course_id', 'run_id', 'status', 'approver_id', 'requested_at', 'created_at', 'waitlisted_at', 'decided_at', 'decided_by_id', 'decision_note', 'finished_at'],
        rows: enrolmentRows,
      },
      {
        table: 'learning_record',
        columns: ['id', 'person_id', 'year', 'minutes', 'jp', 'rule_set_id', 'source', 'source_id', 'status', 'agency_id', 'org_unit_id', 'title', 'occurred_at'],
        rows: recordRows,
      },
      { table: 'person_learning_year', columns: ['person_id', 'year', 'minutes', 'jp'], rows: yearRows },
      { table: 'agreement', columns: ['id', 'kind', 'number', 'title', 'partner_id', 'valid_from', 'valid_to', 'scope', 'document_url', 'created_by_id'], rows: agreementRows },
      { table: 'agreement_agency', columns: ['agreement_id', 'agency_id'], rows: agreementAgencyRows },
      {
        table: 'partner_invitation',
        columns: ['id', 'partner_id', 'email', 'full_name', 'nidn', 'role', 'expires_at', 'invited_by_id', 'created_at', 'accepted_at', 'accepted_person_id'],
        rows: invitationRows,
      },
      ...demoForum({ now, agencyId: bandung, adminId: admin.id, moderatorId: unitHead.get('PEMKOT-BDG/Bidang Pengembangan Kompetensi')!.id, learnerId: learner.id, staffIds: people.filter((p) => p.row.agency_id === bandung && p.row.employment_type !== 'NON_ASN').map((p) => p.id) }),
    ],
    accounts,
    counts: {
      agencies: agencyRows.length, partners: partnerRows.length, units: unitRows.length, people: people.length,
      courses: courseRows.length, runs: courses.length, enrolments: enrolmentRows.length, learningRecords: recordRows.length,
    },
  };
}


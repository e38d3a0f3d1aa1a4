import type { RegionMix } from './demo-names.js';

/**
 * The organisations of the demo world: agencies with their unit kerja trees, and the partner
 * institutions that teach for them. Places are the ones users know (DOMAIN.md "Seeded reality").
 */

/** What a unit does; courses target audiences by it (teacher training for Dinas Pendidikan …). */
export type UnitKind =
  | 'setda' | 'pendidikan' | 'kesehatan' | 'perhubungan' | 'kominfo' | 'kepegawaian' | 'perencanaan' | 'wilayah'
  | 'pusat' | 'pelatihan';

/** Structural level of a unit's head (jabatan struktural). */
export type HeadLevel = 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS';

export interface UnitDef {
  name: string;
  /** Position title of the unit's head. */
  head: string;
  headLevel: HeadLevel;
  /** Staff reporting to the head (besides the heads of child units). */
  staff: number;
  /** Defaults to the parent's kind. */
  kind?: UnitKind;
  /** Staff positions for this unit, when they differ from its kind's. */
  positions?: readonly string[];
  children?: UnitDef[];
}

export interface AgencyDef {
  code: string;
  name: string;
  kind: 'MINISTRY' | 'NATIONAL_AGENCY' | 'PROVINCE' | 'CITY';
  /** IANA zone of its schedules; Asia/Jakarta (WIB) when unset, as for every seeded agency today. */
  timeZone?: string;
  names: RegionMix;
  units: UnitDef[];
}

export interface PartnerDef {
  code: string;
  name: string;
  kind: 'UNIVERSITY' | 'GOVERNMENT_TRAINING_CENTRE';
  city: string;
  /** E-mail domain of its staff (and of its website). */
  domain: string;
  /** The cooperation office's number. */
  phone: string;
}

export const STAFF_POSITIONS: Record<UnitKind, readonly string[]> = {
  setda: ['Analis Kebijakan Ahli Muda', 'Analis Kebijakan Ahli Pertama', 'Analis Hukum Ahli Pertama', 'Perancang Peraturan Perundang-undangan Ahli Muda', 'Pengadministrasi Perkantoran', 'Penelaah Teknis Kebijakan'],
  pendidikan: ['Pengawas Sekolah Ahli Madya', 'Pengawas Sekolah Ahli Muda', 'Pengembang Teknologi Pembelajaran Ahli Pertama', 'Pamong Belajar Ahli Pertama', 'Penelaah Teknis Kebijakan', 'Pengolah Data dan Informasi', 'Guru Ahli Pertama'],
  kesehatan: ['Epidemiolog Kesehatan Ahli Muda', 'Administrator Kesehatan Ahli Pertama', 'Nutrisionis Ahli Pertama', 'Sanitarian Terampil', 'Penyuluh Kesehatan Masyarakat Ahli Pertama', 'Pengolah Data dan Informasi'],
  perhubungan: ['Penguji Kendaraan Bermotor Terampil', 'Penguji Kendaraan Bermotor Ahli Pertama', 'Penata Layanan Operasional', 'Operator Layanan Operasional', 'Perencana Ahli Pertama', 'Pengelola Layanan Operasional'],
  kominfo: ['Pranata Komputer Ahli Pertama', 'Pranata Komputer Ahli Muda', 'Pranata Komputer Terampil', 'Statistisi Ahli Pertama', 'Sandiman Ahli Pertama', 'Pranata Hubungan Masyarakat Ahli Pertama'],
  kepegawaian: ['Analis Sumber Daya Manusia Aparatur Ahli Muda', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'Asesor Sumber Daya Manusia Aparatur Ahli Pertama', 'Pengadministrasi Perkantoran', 'Penata Kelola Sistem dan Teknologi Informasi'],
  perencanaan: ['Perencana Ahli Pertama', 'Perencana Ahli Muda', 'Analis Kebijakan Ahli Pertama', 'Pengolah Data dan Informasi', 'Statistisi Ahli Pertama'],
  wilayah: ['Pengadministrasi Perkantoran', 'Penata Layanan Operasional', 'Pengelola Layanan Operasional', 'Operator Layanan Operasional', 'Analis Kebijakan Ahli Pertama', 'Penelaah Teknis Kebijakan'],
  pusat: ['Analis Kebijakan Ahli Muda', 'Analis Kebijakan Ahli Pertama', 'Analis Keuangan Pusat dan Daerah Ahli Muda', 'Analis Keuangan Pusat dan Daerah Ahli Pertama', 'Pranata Komputer Ahli Pertama', 'Pengadministrasi Perkantoran', 'Perencana Ahli Pertama'],
  pelatihan: ['Widyaiswara Ahli Madya', 'Widyaiswara Ahli Muda', 'Widyaiswara Ahli Pertama', 'Pengembang Teknologi Pembelajaran Ahli Muda', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'Pengadministrasi Perkantoran'],
};

const PUSKESMAS_POSITIONS = ['Dokter Ahli Pertama', 'Perawat Ahli Pertama', 'Perawat Terampil', 'Bidan Terampil', 'Bidan Ahli Pertama', 'Nutrisionis Terampil', 'Pranata Laboratorium Kesehatan Terampil'];

interface RegionalShape {
  /** "Kota Bandung", "Provinsi DKI Jakarta". */
  of: string;
  province: boolean;
  personnelAgency: string;
  puskesmas: string;
  /** Kecamatan with their kelurahan; for DKI they sit under a kota administrasi. */
  wilayah: UnitDef[];
}

function kecamatan(name: string, kelurahan: string[]): UnitDef {
  return {
    name: `Kecamatan ${name}`, head: `Camat ${name}`, headLevel: 'ADMINISTRATOR', staff: 2, kind: 'wilayah',
    children: kelurahan.map((k) => ({ name: `Kelurahan ${k}`, head: `Lurah ${k}`, headLevel: 'PENGAWAS', staff: 3 })),
  };
}

/** The usual perangkat daerah of a province or city government. */
function regional(shape: RegionalShape): UnitDef[] {
  const top: HeadLevel = shape.province ? 'JPT_MADYA' : 'JPT_PRATAMA';
  const head: HeadLevel = 'JPT_PRATAMA';
  const bidang = (name: string, staff = 4, extra: Partial<UnitDef> = {}): UnitDef => ({
    name, head: `Kepala ${name}`, headLevel: 'ADMINISTRATOR', staff, ...extra,
  });
  return [
    {
      name: 'Sekretariat Daerah', head: `Sekretaris Daerah ${shape.of}`, headLevel: top, staff: 1, kind: 'setda',
      children: [bidang('Bagian Organisasi', 3), bidang('Bagian Hukum', 3)],
    },
    {
      name: 'Dinas Pendidikan', head: 'Kepala Dinas Pendidikan', headLevel: head, staff: 1, kind: 'pendidikan',
      children: shape.province
        ? [bidang('Bidang Sekolah Menengah Atas', 5), bidang('Bidang Sekolah Menengah Kejuruan', 4), bidang('Bidang Guru dan Tenaga Kependidikan', 4)]
        : [bidang('Bidang Pembinaan Sekolah Dasar', 5), bidang('Bidang Pembinaan Sekolah Menengah Pertama', 4), bidang('Bidang Guru dan Tenaga Kependidikan', 4)],
    },
    {
      name: 'Dinas Kesehatan', head: 'Kepala Dinas Kesehatan', headLevel: head, staff: 1, kind: 'kesehatan',
      children: [
        bidang('Bidang Kesehatan Masyarakat', 4),
        bidang('Bidang Pencegahan dan Pengendalian Penyakit', 4),
        { name: shape.puskesmas, head: `Kepala ${shape.puskesmas}`, headLevel: 'PENGAWAS', staff: 5, positions: PUSKESMAS_POSITIONS },
      ],
    },
    {
      name: 'Dinas Perhubungan', head: 'Kepala Dinas Perhubungan', headLevel: head, staff: 1, kind: 'perhubungan',
      children: [
        bidang('Bidang Lalu Lintas', 4),
        bidang('Bidang Angkutan', 4),
        { name: 'UPT Pengujian Kendaraan Bermotor', head: 'Kepala UPT Pengujian Kendaraan Bermotor', headLevel: 'PENGAWAS', staff: 3 },
      ],
    },
    {
      name: shape.province ? 'Dinas Komunikasi, Informatika dan Statistik' : 'Dinas Komunikasi dan Informatika',
      head: shape.province ? 'Kepala Dinas Komunikasi, Informatika dan Statistik' : 'Kepala Dinas Komunikasi dan Informatika',
      headLevel: head, staff: 1, kind: 'kominfo',
      children: [bidang('Bidang Aplikasi Informatika', 4), bidang('Bidang Statistik dan Persandian', 3), bidang('Bidang Informasi dan Komunikasi Publik', 3)],
    },
    {
      name: shape.personnelAgency, head: `Kepala ${shape.personnelAgency}`, headLevel: head, staff: 1, kind: 'kepegawaian',
      children: [bidang('Bidang Pengembangan Kompetensi', 4), bidang('Bidang Mutasi dan Promosi', 3)],
    },
    {
      name: 'Badan Perencanaan Pembangunan Daerah', head: 'Kepala Badan Perencanaan Pembangunan Daerah', headLevel: head, staff: 1, kind: 'perencanaan',
      children: [bidang('Bidang Perencanaan Infrastruktur dan Kewilayahan', 4), bidang('Bidang Pemerintahan dan Pembangunan Manusia', 3)],
    },
    ...shape.wilayah,
  ];
}

export const AGENCIES: AgencyDef[] = [
  {
    code: 'PEMPROV-DKI', name: 'Pemerintah Provinsi DKI Jakarta', kind: 'PROVINCE',
    names: { betawi: 30, jawa: 22, sunda: 15, batak: 10, minang: 10, mandailing: 3, umum: 10 },
    units: regional({
      of: 'Provinsi DKI Jakarta', province: true, personnelAgency: 'Badan Kepegawaian Daerah', puskesmas: 'Puskesmas Kecamatan Menteng',
      wilayah: [
        {
          name: 'Kota Administrasi Jakarta Pusat', head: 'Wali Kota Administrasi Jakarta Pusat', headLevel: 'JPT_PRATAMA', staff: 1, kind: 'wilayah',
          children: [kecamatan('Menteng', ['Gondangdia', 'Cikini'])],
        },
        {
          name: 'Kota Administrasi Jakarta Selatan', head: 'Wali Kota Administrasi Jakarta Selatan', headLevel: 'JPT_PRATAMA', staff: 1, kind: 'wilayah',
          children: [kecamatan('Kebayoran Baru', ['Senayan', 'Melawai'])],
        },
      ],
    }),
  },
  {
    code: 'PEMKOT-BDG', name: 'Pemerintah Kota Bandung', kind: 'CITY',
    names: { sunda: 72, jawa: 12, batak: 4, minang: 4, umum: 8 },
    units: regional({
      of: 'Kota Bandung', province: false, personnelAgency: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', puskesmas: 'UPTD Puskesmas Puter',
      wilayah: [kecamatan('Coblong', ['Dago', 'Lebak Siliwangi']), kecamatan('Sukajadi', ['Pasteur', 'Sukawarna'])],
    }),
  },
  {
    code: 'PEMKOT-SMG', name: 'Pemerintah Kota Semarang', kind: 'CITY',
    names: { jawa: 80, sunda: 5, batak: 4, minang: 3, umum: 8 },
    units: regional({
      of: 'Kota Semarang', province: false, personnelAgency: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', puskesmas: 'UPTD Puskesmas Pandanaran',
      wilayah: [kecamatan('Tembalang', ['Tembalang', 'Bulusan']), kecamatan('Semarang Tengah', ['Sekayu', 'Pindrikan Kidul'])],
    }),
  },
  {
    code: 'PEMKOT-PLG', name: 'Pemerintah Kota Palembang', kind: 'CITY',
    names: { palembang: 58, jawa: 18, minang: 9, batak: 4, mandailing: 3, umum: 8 },
    units: regional({
      of: 'Kota Palembang', province: false, personnelAgency: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', puskesmas: 'UPTD Puskesmas Plaju',
      wilayah: [kecamatan('Plaju', ['Plaju Ulu', 'Bagus Kuning', 'Talang Bubuk']), kecamatan('Ilir Barat I', ['Bukit Lama', 'Lorok Pakjo'])],
    }),
  },
  {
    code: 'KEMENDAGRI', name: 'Kementerian Dalam Negeri', kind: 'MINISTRY',
    names: { jawa: 30, sunda: 15, batak: 12, mandailing: 5, minang: 12, betawi: 8, palembang: 5, umum: 13 },
    units: [
      {
        name: 'Sekretariat Jenderal', head: 'Sekretaris Jenderal', headLevel: 'JPT_MADYA', staff: 1, kind: 'pusat',
        children: [
          { name: 'Biro Kepegawaian', head: 'Kepala Biro Kepegawaian', headLevel: 'JPT_PRATAMA', staff: 4, kind: 'kepegawaian' },
          { name: 'Biro Organisasi dan Tata Laksana', head: 'Kepala Biro Organisasi dan Tata Laksana', headLevel: 'JPT_PRATAMA', staff: 3 },
        ],
      },
      {
        name: 'Direktorat Jenderal Bina Keuangan Daerah', head: 'Direktur Jenderal Bina Keuangan Daerah', headLevel: 'JPT_MADYA', staff: 1, kind: 'pusat',
        children: [
          { name: 'Direktorat Perencanaan Anggaran Daerah', head: 'Direktur Perencanaan Anggaran Daerah', headLevel: 'JPT_PRATAMA', staff: 4 },
          { name: 'Direktorat Pendapatan Daerah', head: 'Direktur Pendapatan Daerah', headLevel: 'JPT_PRATAMA', staff: 3 },
        ],
      },
      {
        name: 'Direktorat Jenderal Bina Pembangunan Daerah', head: 'Direktur Jenderal Bina Pembangunan Daerah', headLevel: 'JPT_MADYA', staff: 1, kind: 'pusat',
        children: [
          { name: 'Direktorat Sinkronisasi Urusan Pemerintahan Daerah I', head: 'Direktur Sinkronisasi Urusan Pemerintahan Daerah I', headLevel: 'JPT_PRATAMA', staff: 4, kind: 'perencanaan' },
        ],
      },
      {
        name: 'Badan Pengembangan Sumber Daya Manusia', head: 'Kepala Badan Pengembangan Sumber Daya Manusia', headLevel: 'JPT_MADYA', staff: 1, kind: 'pelatihan',
        children: [
          { name: 'Pusat Pengembangan Kompetensi Pemerintahan Dalam Negeri', head: 'Kepala Pusat Pengembangan Kompetensi Pemerintahan Dalam Negeri', headLevel: 'JPT_PRATAMA', staff: 4 },
        ],
      },
    ],
  },
  {
    code: 'LAN', name: 'Lembaga Administrasi Negara', kind: 'NATIONAL_AGENCY',
    names: { jawa: 32, sunda: 20, batak: 10, minang: 10, betawi: 8, palembang: 4, umum: 16 },
    units: [
      {
        name: 'Sekretariat Utama', head: 'Sekretaris Utama', headLevel: 'JPT_MADYA', staff: 1, kind: 'pusat',
        children: [
          { name: 'Biro Sumber Daya Manusia dan Umum', head: 'Kepala Biro Sumber Daya Manusia dan Umum', headLevel: 'JPT_PRATAMA', staff: 4, kind: 'kepegawaian' },
          { name: 'Biro Perencanaan, Hukum, dan Humas', head: 'Kepala Biro Perencanaan, Hukum, dan Humas', headLevel: 'JPT_PRATAMA', staff: 3 },
        ],
      },
      {
        name: 'Deputi Bidang Kebijakan Pengembangan Kompetensi ASN', head: 'Deputi Bidang Kebijakan Pengembangan Kompetensi ASN', headLevel: 'JPT_MADYA', staff: 1, kind: 'pusat',
        children: [
          { name: 'Direktorat Kebijakan Pengembangan Kompetensi ASN', head: 'Direktur Kebijakan Pengembangan Kompetensi ASN', headLevel: 'JPT_PRATAMA', staff: 4 },
        ],
      },
      {
        name: 'Deputi Bidang Penyelenggaraan Pengembangan Kompetensi', head: 'Deputi Bidang Penyelenggaraan Pengembangan Kompetensi', headLevel: 'JPT_MADYA', staff: 1, kind: 'pelatihan',
        children: [
          { name: 'Direktorat Pelatihan Kepemimpinan Nasional dan Manajerial', head: 'Direktur Pelatihan Kepemimpinan Nasional dan Manajerial', headLevel: 'JPT_PRATAMA', staff: 4 },
          { name: 'Direktorat Pelatihan Teknis dan Fungsional', head: 'Direktur Pelatihan Teknis dan Fungsional', headLevel: 'JPT_PRATAMA', staff: 3 },
          { name: 'Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan', head: 'Kepala Pusat Pelatihan dan Pengembangan dan Kajian Manajemen Pemerintahan', headLevel: 'JPT_PRATAMA', staff: 2 },
        ],
      },
    ],
  },
];

export const PARTNERS: PartnerDef[] = [
  { code: 'UI', name: 'Universitas Indonesia', kind: 'UNIVERSITY', city: 'Depok', domain: 'ui.ac.id', phone: '+62 21 786 7222' },
  { code: 'ITB', name: 'Institut Teknologi Bandung', kind: 'UNIVERSITY', city: 'Bandung', domain: 'itb.ac.id', phone: '+62 22 250 0935' },
  { code: 'UNDIP', name: 'Universitas Diponegoro', kind: 'UNIVERSITY', city: 'Semarang', domain: 'undip.ac.id', phone: '+62 24 746 0041' },
  { code: 'UNSRI', name: 'Universitas Sriwijaya', kind: 'UNIVERSITY', city: 'Palembang', domain: 'unsri.ac.id', phone: '+62 711 580 069' },
  {
    code: 'PUSLATBANG-KMP', name: 'Puslatbang KMP Lembaga Administrasi Negara', kind: 'GOVERNMENT_TRAINING_CENTRE', city: 'Sumedang', domain: 'lan.go.id', phone: '+62 22 779 0044',
  },
];

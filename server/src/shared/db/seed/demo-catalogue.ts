import { CourseStatus, DeliveryMode as D, DevelopmentForm as F, EnrolmentPolicy as P } from '../../../modules/course/course.enums.js';
import type { UnitKind } from './demo-org.js';

/**
 * The demo catalogue: programmes agencies and partners really run (DOMAIN.md "Seeded reality").
 * Dates are offsets in days from the day the world is seeded, so the catalogue always has past,
 * running and upcoming offerings.
 */

export type Audience = UnitKind | 'heads' | 'administrator' | 'pengawas' | 'pppk';

export interface CourseDef {
  /** The run's code (angkatan/batch); also the course's code for a course's first run. */
  code: string;
  /**
   * Another run of the course whose first run has this code (listed earlier): the course's fields are that
   * one's, this entry gives the run's schedule, seats, policy and instructors.
   */
  runOf?: string;
  title: string;
  description: string;
  form: F;
  delivery: D;
  jp: number;
  /** Agency or partner code. */
  owner: string;
  visibility: 'OWN_AGENCY' | 'LISTED_AGENCIES' | 'ALL_AGENCIES';
  listed?: string[];
  policy: P;
  capacity: number | null;
  /** Every seat taken, with a waitlist. */
  full?: boolean;
  status?: CourseStatus;
  /** Days from today to the start; null = self-paced, open all year. */
  start: number | null;
  days?: number;
  tags: string[];
  /** Cast keys (see demo-world.ts) or `head:<AGENCY>/<unit name>` for a senior ASN acting as trainer. */
  instructors: string[];
  /** Who enrols; everyone who can see the course when unset. */
  audience?: Audience[];
  /** Rupiah per participant. */
  cost: number;
  location?: string;
  /** Daily hours at the venue, "hh.mm" in the owner's zone; 08.00–16.00 in class, 09.00–12.00 online by default (schedule.ts). */
  hours?: readonly [string, string];
}

const REGIONS = ['PEMPROV-DKI', 'PEMKOT-BDG', 'PEMKOT-SMG', 'PEMKOT-PLG'];
export const ONLINE = 'Daring melalui ruang kelas virtual Lentera';

export const CATALOGUE: CourseDef[] = [
  // Layanan publik digital
  {
    code: 'LAN-EL-TLPD', title: 'Transformasi Layanan Publik Digital', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 8,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Pelayanan Publik', 'Mengelola Perubahan', 'Transformasi Digital'], instructors: ['lan.wi2'], cost: 0,
    description: 'Kursus daring mandiri tentang mengubah layanan tatap muka menjadi layanan digital: memetakan perjalanan warga, menyederhanakan prosedur, dan mengukur kepuasan pengguna. Dilengkapi pre-test, post-test, dan studi kasus Mal Pelayanan Publik Digital.',
  },
  {
    code: 'ITB-SPBE-2612', title: 'Arsitektur SPBE untuk Pemerintah Daerah', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 32,
    owner: 'ITB', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 40, start: 12, days: 5,
    tags: ['Sistem Pemerintahan Berbasis Elektronik', 'Arsitektur Enterprise', 'Pengambilan Keputusan'], instructors: ['itb.gilang'],
    audience: ['kominfo', 'perencanaan', 'pusat'], cost: 4_500_000, location: 'Kampus ITB Ganesha, Bandung, dan daring',
    description: 'Menyusun arsitektur Sistem Pemerintahan Berbasis Elektronik (SPBE) daerah: proses bisnis, data, aplikasi, infrastruktur, dan keamanan. Peserta membawa peta aplikasi instansinya dan pulang dengan rancangan arsitektur dan peta rencana integrasi layanan.',
  },
  {
    code: 'BDG-BT-KANAL', title: 'Bimbingan Teknis Pengelolaan Kanal Pengaduan Warga', form: F.TECHNICAL_GUIDANCE, delivery: D.IN_PERSON, jp: 16,
    owner: 'PEMKOT-BDG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 30, start: -40, days: 2,
    tags: ['Pelayanan Publik', 'Komunikasi', 'Pengelolaan Pengaduan'], instructors: ['head:PEMKOT-BDG/Bidang Informasi dan Komunikasi Publik'],
    cost: 750_000, location: 'Ruang Rapat Dinas Komunikasi dan Informatika, Balai Kota Bandung',
    description: 'Menindaklanjuti aduan warga dari kanal daring, media sosial, dan pusat panggilan: klasifikasi, disposisi ke perangkat daerah, batas waktu respons, dan pelaporan. Praktik langsung pada kasus aduan jalan rusak, sampah, dan layanan kependudukan.',
  },
  {
    code: 'UI-ADKP-2611', title: 'Analisis Data untuk Kebijakan Publik', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'LISTED_AGENCIES', listed: ['PEMPROV-DKI', 'PEMKOT-BDG', 'KEMENDAGRI', 'LAN'], policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -10, days: 30,
    tags: ['Analisis Data', 'Kebijakan Publik', 'Pengambilan Keputusan'], instructors: ['ui.ratna', 'ui.andika'],
    audience: ['kominfo', 'perencanaan', 'pusat', 'setda'], cost: 5_000_000, location: 'FIA UI Depok dan daring',
    description: 'Dari data mentah ke rekomendasi kebijakan: membersihkan data sektoral, statistik deskriptif, visualisasi, dan menulis ringkasan kebijakan (policy brief). Empat pekan daring dengan dua pertemuan tatap muka dan proyek akhir memakai data instansi peserta.',
  },
  {
    code: 'KDN-EL-KAMINFO', title: 'Keamanan Informasi bagi ASN', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 4,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Integritas', 'Keamanan Informasi'], instructors: [], cost: 0,
    description: 'Kebiasaan aman sehari-hari: kata sandi dan autentikasi dua langkah, mengenali surel phishing, berbagi dokumen dinas dengan benar, dan apa yang harus dilakukan ketika akun atau perangkat dinas bocor.',
  },
  {
    code: 'ITB-WS-DLBW', title: 'Lokakarya Desain Layanan Berpusat pada Warga', form: F.WORKSHOP, delivery: D.IN_PERSON, jp: 12,
    owner: 'ITB', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-BDG', 'PEMKOT-SMG', 'PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: 30, days: 2,
    tags: ['Pelayanan Publik', 'Orientasi pada Hasil', 'Desain Layanan'], instructors: ['itb.gilang', 'itb.euis'],
    audience: ['kominfo', 'wilayah', 'kesehatan'], cost: 2_500_000, location: 'Gedung CRCS ITB, Bandung',
    description: 'Dua hari merancang ulang satu layanan bersama warga: wawancara pengguna, peta perjalanan layanan, purwarupa formulir dan alur, lalu uji coba sederhana di loket kecamatan.',
  },
  {
    code: 'KDN-SOS-SDI', title: 'Sosialisasi Satu Data Indonesia di Pemerintah Daerah', form: F.SOCIALISATION, delivery: D.BLENDED, jp: 4,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 300, start: -150, days: 1,
    tags: ['Statistik Sektoral', 'Kerja Sama'], instructors: ['head:KEMENDAGRI/Direktorat Sinkronisasi Urusan Pemerintahan Daerah I'],
    audience: ['kominfo', 'perencanaan', 'pusat'], cost: 0, location: ONLINE,
    description: 'Peran walidata, produsen data, dan pembina data di daerah menurut Perpres Satu Data Indonesia; standar data, metadata, dan interoperabilitas; contoh portal data daerah.',
  },

  // Manajemen proyek
  {
    code: 'UI-MPP-2604', title: 'Manajemen Proyek Pemerintah — Angkatan I 2026', form: F.MANAGERIAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 35, start: -210, days: 10,
    tags: ['Orientasi pada Hasil', 'Pengambilan Keputusan', 'Manajemen Proyek'], instructors: ['ui.bambang', 'ui.ratna'],
    cost: 4_000_000, location: 'Kampus UI Salemba, Jakarta, dan daring',
    description: 'Siklus proyek pemerintah dari perencanaan hingga evaluasi: piagam proyek, struktur rincian kerja, jadwal dan anggaran, manajemen pemangku kepentingan, pengendalian mutu, serta pelaporan kemajuan kepada pimpinan.',
  },
  {
    code: 'UI-MPP-2612', runOf: 'UI-MPP-2604', title: 'Manajemen Proyek Pemerintah — Angkatan II 2026', form: F.MANAGERIAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 35, start: 9, days: 10,
    tags: ['Orientasi pada Hasil', 'Pengambilan Keputusan', 'Manajemen Proyek'], instructors: ['ui.bambang', 'ui.ratna'],
    cost: 4_000_000, location: 'Kampus UI Salemba, Jakarta, dan daring',
    description: 'Angkatan kedua tahun ini. Siklus proyek pemerintah dari perencanaan hingga evaluasi: piagam proyek, jadwal dan anggaran, manajemen risiko dan pemangku kepentingan, serta pelaporan kemajuan.',
  },
  {
    // A run announced far ahead (angkatan I next year): the course shows a past, an open and a future run.
    code: 'UI-MPP-2707', runOf: 'UI-MPP-2604', title: 'Manajemen Proyek Pemerintah — Angkatan I 2027', form: F.MANAGERIAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 35, start: 200, days: 10,
    tags: ['Orientasi pada Hasil', 'Pengambilan Keputusan', 'Manajemen Proyek'], instructors: ['ui.ratna'],
    cost: 4_000_000, location: 'Kampus UI Depok dan daring',
    description: 'Angkatan pertama tahun depan.',
  },
  {
    code: 'UNDIP-MRPI', title: 'Manajemen Risiko Proyek Infrastruktur Daerah', form: F.COURSE, delivery: D.IN_PERSON, jp: 24,
    owner: 'UNDIP', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-SMG', 'PEMPROV-DKI', 'PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: -90, days: 3,
    tags: ['Manajemen Risiko', 'Pengambilan Keputusan', 'Orientasi pada Hasil'], instructors: ['undip.teguh'],
    audience: ['perhubungan', 'perencanaan', 'setda'], cost: 3_000_000, location: 'Kampus Undip Tembalang, Semarang',
    description: 'Mengenali, menilai, dan menangani risiko proyek jalan, drainase, dan transportasi daerah: register risiko, matriks dampak–kemungkinan, rencana mitigasi, dan pelajaran dari proyek mangkrak.',
  },
  {
    code: 'ITB-EL-AGILE', title: 'Manajemen Proyek Agile untuk Layanan Digital', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 12,
    owner: 'ITB', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Manajemen Proyek', 'Transformasi Digital', 'Kerja Sama'], instructors: ['itb.gilang'], cost: 0,
    description: 'Scrum dan kanban untuk tim aplikasi pemerintah: menyusun backlog dari kebutuhan warga, sprint pendek, demo ke pemilik layanan, dan cara menyesuaikannya dengan siklus anggaran tahunan.',
  },
  {
    code: 'KDN-PBJ-2510', title: 'Pengadaan Barang/Jasa Pemerintah Tingkat Dasar', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 32,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 40, start: -420, days: 4,
    tags: ['Pengadaan Barang/Jasa', 'Integritas'], instructors: ['head:KEMENDAGRI/Pusat Pengembangan Kompetensi Pemerintahan Dalam Negeri'],
    cost: 2_000_000, location: 'BPSDM Kemendagri, Jakarta',
    description: 'Dasar pengadaan barang/jasa pemerintah: perencanaan pengadaan, swakelola dan penyedia, e-katalog, kontrak, serta pencegahan konflik kepentingan. Persiapan sebelum ujian sertifikasi tingkat dasar.',
  },

  // Kepemimpinan
  {
    code: 'LAN-PKA-2026-XII', title: 'Pelatihan Kepemimpinan Administrator (PKA) Angkatan XII Tahun 2026', form: F.LEADERSHIP_TRAINING, delivery: D.BLENDED, jp: 140,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.INVITATION, capacity: 30, start: -60, days: 90,
    tags: ['Integritas', 'Pengambilan Keputusan', 'Mengelola Perubahan', 'Perekat Bangsa'], instructors: ['lan.wi1', 'kmp.hendra'],
    audience: ['administrator'], cost: 35_000_000, location: 'Kampus LAN Pejompongan, Jakarta, dan daring',
    description: 'Pelatihan struktural bagi pejabat administrator: agenda kepemimpinan Pancasila dan nasionalisme, kepemimpinan kinerja, manajemen perubahan, dan aktualisasi berupa proyek perubahan di instansi masing-masing, dibimbing coach dan mentor.',
  },
  {
    code: 'LAN-PKP-2025-II', title: 'Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II Tahun 2025', form: F.LEADERSHIP_TRAINING, delivery: D.BLENDED, jp: 100,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.INVITATION, capacity: 30, start: -600, days: 60, status: CourseStatus.ARCHIVED,
    tags: ['Integritas', 'Kerja Sama', 'Orientasi pada Hasil', 'Perekat Bangsa'], instructors: ['lan.wi1', 'lan.wi2'],
    audience: ['pengawas'], cost: 25_000_000, location: 'Kampus LAN Pejompongan, Jakarta, dan daring',
    description: 'Pelatihan struktural bagi pejabat pengawas: kepemimpinan pelayanan, pengelolaan kinerja tim, inovasi layanan, dan aksi perubahan di unit kerja.',
  },
  {
    code: 'KMP-KAED', title: 'Kepemimpinan Adaptif di Era Disrupsi', form: F.MANAGERIAL_TRAINING, delivery: D.IN_PERSON, jp: 24,
    owner: 'PUSLATBANG-KMP', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: 40, days: 3,
    tags: ['Mengelola Perubahan', 'Pengambilan Keputusan', 'Pengembangan Diri dan Orang Lain'], instructors: ['kmp.hendra'],
    audience: ['heads'], cost: 3_500_000, location: 'Puslatbang KMP LAN, Jatinangor, Sumedang',
    description: 'Memimpin tim ketika aturan, teknologi, dan harapan warga berubah cepat: membaca situasi, mengambil keputusan dengan informasi tidak lengkap, dan menjaga tim tetap bergerak.',
  },
  {
    code: 'KMP-COACH-2611', title: 'Coaching untuk Pimpinan Unit Kerja', form: F.COACHING, delivery: D.BLENDED, jp: 8,
    owner: 'PUSLATBANG-KMP', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 12, full: true, start: -20, days: 60,
    tags: ['Pengembangan Diri dan Orang Lain', 'Komunikasi'], instructors: ['kmp.wulan'],
    audience: ['heads'], cost: 2_000_000, location: 'Daring dan Puslatbang KMP LAN, Jatinangor',
    description: 'Empat sesi coaching (masing-masing 2 JP) bagi kepala bidang dan kepala bagian: percakapan kinerja, umpan balik, dan rencana pengembangan anggota tim. Kuota kecil agar setiap peserta mendapat pendampingan.',
  },
  {
    code: 'BDG-MENTOR-2611', title: 'Program Mentoring Pejabat Pengawas Baru', form: F.MENTORING, delivery: D.IN_PERSON, jp: 6,
    owner: 'PEMKOT-BDG', visibility: 'OWN_AGENCY', policy: P.INVITATION, capacity: 10, start: -30, days: 90,
    tags: ['Pengembangan Diri dan Orang Lain', 'Kerja Sama'], instructors: ['head:PEMKOT-BDG/Bidang Pengembangan Kompetensi'],
    audience: ['pengawas'], cost: 0, location: 'Balai Kota Bandung',
    description: 'Pejabat pengawas yang baru dilantik dipasangkan dengan pejabat senior selama tiga bulan: tiga sesi mentoring terjadwal tentang kepemimpinan tim, pengelolaan anggaran kegiatan, dan pelayanan.',
  },
  {
    code: 'KMP-MPRB-2603', title: 'Manajemen Perubahan dalam Reformasi Birokrasi', form: F.MANAGERIAL_TRAINING, delivery: D.BLENDED, jp: 20,
    owner: 'PUSLATBANG-KMP', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -250, days: 5,
    tags: ['Mengelola Perubahan', 'Orientasi pada Hasil', 'Kerja Sama'], instructors: ['kmp.hendra', 'kmp.wulan'],
    cost: 2_500_000, location: 'Puslatbang KMP LAN, Jatinangor, dan daring',
    description: 'Merancang dan mengawal perubahan di unit kerja: analisis kesiapan, komunikasi perubahan, menangani resistensi, dan mengukur hasil reformasi birokrasi.',
  },

  // Komunikasi dan negosiasi
  {
    code: 'UI-KPMS-2602', title: 'Komunikasi Publik dan Pengelolaan Media Sosial Instansi', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 24,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -280, days: 4,
    tags: ['Komunikasi', 'Pelayanan Publik', 'Kehumasan'], instructors: ['ui.nadia'],
    audience: ['kominfo', 'setda', 'pusat'], cost: 3_000_000, location: 'FISIP UI Depok dan daring',
    description: 'Menyampaikan kebijakan dengan bahasa warga: menulis siaran pers, merencanakan konten media sosial, menjawab komentar, dan berkomunikasi saat krisis.',
  },
  {
    code: 'UI-KPMS-2701', runOf: 'UI-KPMS-2602', title: 'Komunikasi Publik dan Pengelolaan Media Sosial Instansi — Angkatan 2027', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 24,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: 50, days: 4,
    tags: ['Komunikasi', 'Pelayanan Publik', 'Kehumasan'], instructors: ['ui.nadia'],
    audience: ['kominfo', 'setda', 'pusat'], cost: 3_000_000, location: 'FISIP UI Depok dan daring',
    description: 'Angkatan berikutnya: siaran pers, kalender konten media sosial, menjawab keluhan warga di kanal publik, dan komunikasi krisis.',
  },
  {
    code: 'UNDIP-NEGO-2612', title: 'Negosiasi dan Resolusi Konflik bagi ASN', form: F.MANAGERIAL_TRAINING, delivery: D.IN_PERSON, jp: 20,
    owner: 'UNDIP', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 12, full: true, start: 20, days: 3,
    tags: ['Komunikasi', 'Kerja Sama', 'Pengambilan Keputusan'], instructors: ['undip.yusrizal'],
    cost: 3_000_000, location: 'Kampus Undip Pleburan, Semarang',
    description: 'Bernegosiasi dengan pemangku kepentingan, pedagang, dan antarinstansi: memahami kepentingan di balik posisi, menyusun alternatif, dan memediasi konflik. Kelas kecil dengan banyak simulasi.',
  },
  {
    code: 'LAN-EL-NASKAH', title: 'Menulis Naskah Dinas yang Jelas dan Ringkas', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 6,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Komunikasi', 'Tata Naskah Dinas'], instructors: ['lan.wi2'], cost: 0,
    description: 'Nota dinas, surat, dan telaahan staf yang langsung ke pokok persoalan: struktur, kalimat efektif, dan contoh sebelum–sesudah dari naskah dinas sungguhan yang disamarkan.',
  },
  {
    code: 'PLG-WS-BDP', title: 'Berbicara di Depan Publik bagi Petugas Layanan', form: F.WORKSHOP, delivery: D.IN_PERSON, jp: 8,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 25, start: -370, days: 1,
    tags: ['Komunikasi', 'Pelayanan Publik'], instructors: ['head:PEMKOT-PLG/Bidang Informasi dan Komunikasi Publik'],
    audience: ['wilayah', 'kesehatan', 'kominfo'], cost: 500_000, location: 'Gedung Graha Sriwijaya, Palembang',
    description: 'Lokakarya sehari untuk petugas loket, penyuluh, dan staf kecamatan: menyusun pesan, mengelola rasa gugup, dan menjawab pertanyaan warga dalam forum musrenbang dan sosialisasi.',
  },

  // Pelatihan guru (Dinas Pendidikan)
  {
    code: 'BDG-DIF-SD-2612', title: 'Pembelajaran Berdiferensiasi untuk Guru Sekolah Dasar', form: F.FUNCTIONAL_TRAINING, delivery: D.BLENDED, jp: 32,
    owner: 'PEMKOT-BDG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 40, start: 15, days: 8,
    tags: ['Pembelajaran', 'Pengembangan Diri dan Orang Lain'], instructors: ['head:PEMKOT-BDG/Bidang Guru dan Tenaga Kependidikan', 'undip.sri'],
    audience: ['pendidikan'], cost: 1_500_000, location: 'Aula Dinas Pendidikan Kota Bandung dan daring',
    description: 'Menyesuaikan konten, proses, dan produk belajar dengan kesiapan dan minat murid: asesmen diagnostik, pengelompokan fleksibel, dan contoh modul ajar kelas rendah dan kelas tinggi.',
  },
  {
    code: 'UNDIP-ASFOR-2606', title: 'Asesmen Formatif dan Umpan Balik di Kelas', form: F.WORKSHOP, delivery: D.IN_PERSON, jp: 16,
    owner: 'UNDIP', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-SMG'], policy: P.OPEN, capacity: 30, start: -160, days: 2,
    tags: ['Pembelajaran', 'Orientasi pada Hasil'], instructors: ['undip.sri'],
    audience: ['pendidikan'], cost: 1_000_000, location: 'FIP Undip, Semarang',
    description: 'Merancang asesmen formatif yang memberi tahu guru apa yang harus diajarkan besok: tiket keluar, rubrik sederhana, umpan balik tertulis yang bisa ditindaklanjuti murid.',
  },
  {
    code: 'SMG-KOMBEL-2026', title: 'Komunitas Belajar Guru dan Pengawas Kota Semarang', form: F.COMMUNITY_OF_PRACTICE, delivery: D.BLENDED, jp: 8,
    owner: 'PEMKOT-SMG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: null, start: -120, days: 180,
    tags: ['Pembelajaran', 'Kerja Sama', 'Pengembangan Diri dan Orang Lain'], instructors: ['head:PEMKOT-SMG/Bidang Guru dan Tenaga Kependidikan'],
    audience: ['pendidikan'], cost: 0, location: 'Bergiliran di sekolah inti dan daring',
    description: 'Pertemuan bulanan guru dan pengawas sekolah untuk berbagi praktik baik, membedah video pembelajaran, dan menyusun rencana tindak lanjut. Kehadiran empat pertemuan diakui 8 JP.',
  },
  {
    code: 'UNSRI-EL-TEKPEM', title: 'Pemanfaatan Teknologi dalam Pembelajaran', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 12,
    owner: 'UNSRI', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-PLG', 'PEMKOT-SMG'], policy: P.OPEN, capacity: null, start: null,
    tags: ['Pembelajaran', 'Transformasi Digital'], instructors: ['unsri.kemas'], audience: ['pendidikan'], cost: 0,
    description: 'Memakai perangkat sederhana untuk kelas yang lebih hidup: kuis daring, video pendek, lembar kerja kolaboratif, dan menjaga keamanan data murid.',
  },
  {
    code: 'PLG-BT-KURMER-2510', title: 'Bimbingan Teknis Implementasi Kurikulum Merdeka bagi Pengawas Sekolah', form: F.TECHNICAL_GUIDANCE, delivery: D.IN_PERSON, jp: 24,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -410, days: 3,
    tags: ['Pembelajaran', 'Pengembangan Diri dan Orang Lain'], instructors: ['unsri.kemas'],
    audience: ['pendidikan'], cost: 1_200_000, location: 'Aula Dinas Pendidikan Kota Palembang',
    description: 'Pendampingan sekolah oleh pengawas: membaca rapor pendidikan, menyusun rencana perbaikan berbasis data, dan supervisi akademik yang berfokus pada pembelajaran murid.',
  },
  {
    code: 'DKI-LITNUM-2612', title: 'Penguatan Literasi dan Numerasi di Sekolah Menengah', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 24,
    owner: 'PEMPROV-DKI', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 35, start: 35, days: 4,
    tags: ['Pembelajaran', 'Orientasi pada Hasil'], instructors: ['head:PEMPROV-DKI/Bidang Guru dan Tenaga Kependidikan'],
    audience: ['pendidikan'], cost: 1_500_000, location: 'Gedung Dinas Pendidikan Provinsi DKI Jakarta, Jl. Gatot Subroto',
    description: 'Strategi lintas mata pelajaran untuk meningkatkan kemampuan membaca dan bernalar dengan angka di SMA dan SMK, berbasis hasil Asesmen Nasional sekolah peserta.',
  },

  // Kesehatan masyarakat (Dinas Kesehatan)
  {
    code: 'UI-MPKM-2603', title: 'Manajemen Program Kesehatan Masyarakat — Angkatan I 2026', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'LISTED_AGENCIES', listed: ['PEMPROV-DKI', 'PEMKOT-BDG', 'PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -230, days: 10,
    tags: ['Kesehatan Masyarakat', 'Orientasi pada Hasil', 'Manajemen Program'], instructors: ['ui.siti'],
    audience: ['kesehatan'], cost: 4_500_000, location: 'FKM UI Depok dan daring',
    description: 'Merencanakan, melaksanakan, dan mengevaluasi program kesehatan masyarakat di tingkat kota: analisis situasi, pohon masalah, indikator, anggaran berbasis kinerja, dan pemantauan capaian Standar Pelayanan Minimal.',
  },
  {
    code: 'UI-MPKM-2702', runOf: 'UI-MPKM-2603', title: 'Manajemen Program Kesehatan Masyarakat — Angkatan I 2027', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'UI', visibility: 'LISTED_AGENCIES', listed: ['PEMPROV-DKI', 'PEMKOT-BDG', 'PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: 45, days: 10,
    tags: ['Kesehatan Masyarakat', 'Orientasi pada Hasil', 'Manajemen Program'], instructors: ['ui.siti'],
    audience: ['kesehatan'], cost: 4_500_000, location: 'FKM UI Depok dan daring',
    description: 'Angkatan berikutnya: analisis situasi kesehatan, perencanaan program, indikator dan anggaran berbasis kinerja, serta evaluasi program.',
  },
  {
    code: 'UNSRI-SURV-2611', title: 'Surveilans Epidemiologi Berbasis Data untuk Puskesmas', form: F.TECHNICAL_TRAINING, delivery: D.IN_PERSON, jp: 32,
    owner: 'UNSRI', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 20, start: -5, days: 10,
    tags: ['Surveilans Epidemiologi', 'Kesehatan Masyarakat', 'Analisis Data'], instructors: ['unsri.nyimas', 'unsri.rian'],
    audience: ['kesehatan'], cost: 2_500_000, location: 'FKM Universitas Sriwijaya, Indralaya',
    description: 'Mendeteksi dini kejadian luar biasa demam berdarah, diare, dan campak dari data puskesmas: pencatatan, analisis tren mingguan, peta kasus, dan laporan kewaspadaan dini.',
  },
  {
    code: 'SMG-WS-STUNT-2605', title: 'Konvergensi Percepatan Penurunan Stunting di Kecamatan', form: F.WORKSHOP, delivery: D.IN_PERSON, jp: 12,
    owner: 'PEMKOT-SMG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 40, start: -200, days: 2,
    tags: ['Kesehatan Masyarakat', 'Kerja Sama', 'Pelayanan Publik'], instructors: ['head:PEMKOT-SMG/Bidang Kesehatan Masyarakat'],
    audience: ['kesehatan', 'wilayah', 'perencanaan'], cost: 600_000, location: 'Balai Kota Semarang',
    description: 'Menyatukan intervensi gizi spesifik dan sensitif di tingkat kecamatan dan kelurahan: rembuk stunting, data by name by address, peran kader, dan pemantauan bulanan.',
  },
  {
    code: 'UNDIP-PPKD-2506', title: 'Perencanaan dan Penganggaran Program Kesehatan Daerah', form: F.COURSE, delivery: D.BLENDED, jp: 24,
    owner: 'UNDIP', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: -520, days: 4,
    tags: ['Kesehatan Masyarakat', 'Keuangan Daerah', 'Orientasi pada Hasil'], instructors: ['undip.retno'],
    audience: ['kesehatan', 'perencanaan'], cost: 2_500_000, location: 'FKM Undip Tembalang, Semarang, dan daring',
    description: 'Menerjemahkan prioritas kesehatan daerah ke dalam rencana kerja dan anggaran: costing program, sumber pendanaan, dan keterkaitan dengan dokumen perencanaan daerah.',
  },
  {
    code: 'KDN-SOS-SPMKES-2507', title: 'Sosialisasi Standar Pelayanan Minimal Bidang Kesehatan', form: F.SOCIALISATION, delivery: D.BLENDED, jp: 4,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 200, start: -480, days: 1,
    tags: ['Pelayanan Publik', 'Kesehatan Masyarakat'], instructors: ['head:KEMENDAGRI/Direktorat Sinkronisasi Urusan Pemerintahan Daerah I'],
    audience: ['kesehatan', 'perencanaan'], cost: 0, location: ONLINE,
    description: 'Dua belas jenis layanan dasar bidang kesehatan dalam SPM, cara menghitung target sasaran, dan pelaporan capaian ke Kementerian Dalam Negeri.',
  },
  {
    code: 'BDG-BT-KIA-2612', title: 'Bimbingan Teknis Pelayanan Kesehatan Ibu dan Anak di Puskesmas', form: F.TECHNICAL_GUIDANCE, delivery: D.IN_PERSON, jp: 16,
    owner: 'PEMKOT-BDG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 20, start: 7, days: 2,
    tags: ['Kesehatan Masyarakat', 'Pelayanan Publik'], instructors: ['head:PEMKOT-BDG/Bidang Kesehatan Masyarakat'],
    audience: ['kesehatan'], cost: 800_000, location: 'Aula Dinas Kesehatan Kota Bandung',
    description: 'Pemeriksaan kehamilan terpadu, pemantauan tumbuh kembang balita, dan rujukan berjenjang, dengan studi kasus dari puskesmas di Kota Bandung.',
  },

  // Transportasi dan tata kota (Dinas Perhubungan)
  {
    code: 'DKI-FTP-2610', title: 'Forum Transportasi Perkotaan: Integrasi Angkutan Umum (Oktober 2026)', form: F.SEMINAR, delivery: D.BLENDED, jp: 4,
    owner: 'PEMPROV-DKI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 120, start: -35, days: 1,
    tags: ['Manajemen Lalu Lintas', 'Perencanaan Kota', 'Kerja Sama'], instructors: ['head:PEMPROV-DKI/Bidang Angkutan', 'itb.hotman'],
    audience: ['perhubungan', 'perencanaan'], cost: 0, location: 'Balai Kota DKI Jakarta, Jl. Medan Merdeka Selatan, dan daring',
    description: 'Forum bulanan antardaerah tentang angkutan umum. Edisi Oktober: integrasi tarif dan jadwal antarmoda, pengalaman Jakarta dan pertanyaan dari kota lain.',
  },
  {
    code: 'DKI-FTP-2611', title: 'Forum Transportasi Perkotaan: Trotoar dan Pejalan Kaki (November 2026)', form: F.SEMINAR, delivery: D.BLENDED, jp: 4,
    owner: 'PEMPROV-DKI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 120, start: -6, days: 1,
    tags: ['Manajemen Lalu Lintas', 'Perencanaan Kota', 'Pelayanan Publik'], instructors: ['head:PEMPROV-DKI/Bidang Angkutan', 'itb.euis'],
    audience: ['perhubungan', 'perencanaan', 'wilayah'], cost: 0, location: 'Balai Kota DKI Jakarta, Jl. Medan Merdeka Selatan, dan daring',
    description: 'Forum bulanan antardaerah tentang angkutan umum. Edisi November: jalur pejalan kaki menuju halte dan stasiun, penataan trotoar, dan keselamatan penyeberangan.',
  },
  {
    code: 'DKI-FTP-2612', title: 'Forum Transportasi Perkotaan: Angkutan Umum Listrik (Desember 2026)', form: F.SEMINAR, delivery: D.BLENDED, jp: 4,
    owner: 'PEMPROV-DKI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 120, start: 25, days: 1,
    tags: ['Manajemen Lalu Lintas', 'Perencanaan Kota'], instructors: ['head:PEMPROV-DKI/Bidang Angkutan'],
    audience: ['perhubungan', 'perencanaan'], cost: 0, location: 'Balai Kota DKI Jakarta, Jl. Medan Merdeka Selatan, dan daring',
    description: 'Forum bulanan antardaerah tentang angkutan umum. Edisi Desember: elektrifikasi bus kota, kebutuhan depo dan pengisian daya, serta skema pembiayaan.',
  },
  {
    code: 'BDG-FTRM-2612', title: 'Forum Diskusi Bulanan Tata Ruang dan Mobilitas Kota', form: F.SEMINAR, delivery: D.BLENDED, jp: 4,
    owner: 'PEMKOT-BDG', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-SMG', 'PEMKOT-PLG'], policy: P.OPEN, capacity: 60, start: 10, days: 1,
    tags: ['Perencanaan Kota', 'Kerja Sama', 'Manajemen Lalu Lintas'], instructors: ['itb.euis', 'head:PEMKOT-BDG/Bidang Perencanaan Infrastruktur dan Kewilayahan'],
    audience: ['perhubungan', 'perencanaan', 'wilayah'], cost: 0, location: 'Bandung Planning Gallery dan daring',
    description: 'Diskusi bulanan perencana kota dari Bandung, Semarang, dan Palembang tentang rencana detail tata ruang, kawasan transit, dan parkir.',
  },
  {
    code: 'ITB-MRLL-2601', title: 'Manajemen dan Rekayasa Lalu Lintas', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 40,
    owner: 'ITB', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -300, days: 10,
    tags: ['Manajemen Lalu Lintas', 'Analisis Data', 'Pengambilan Keputusan'], instructors: ['itb.hotman'],
    audience: ['perhubungan'], cost: 4_000_000, location: 'Laboratorium Transportasi ITB, Bandung',
    description: 'Survei dan analisis arus lalu lintas, kinerja simpang, koordinasi lampu lalu lintas, dan analisis dampak lalu lintas untuk pembangunan baru.',
  },
  {
    code: 'ITB-TOD-2701', title: 'Perencanaan Kota Berbasis Transit (Transit-Oriented Development)', form: F.COURSE, delivery: D.IN_PERSON, jp: 24,
    owner: 'ITB', visibility: 'LISTED_AGENCIES', listed: ['PEMPROV-DKI', 'PEMKOT-BDG', 'PEMKOT-SMG'], policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: 60, days: 3,
    tags: ['Perencanaan Kota', 'Manajemen Lalu Lintas', 'Kerja Sama'], instructors: ['itb.euis'],
    audience: ['perencanaan', 'perhubungan'], cost: 3_500_000, location: 'SAPPK ITB, Bandung',
    description: 'Merencanakan kawasan padat dan ramah pejalan kaki di sekitar stasiun dan halte: kepadatan, campuran guna lahan, nilai tambah kawasan, dan kerja sama dengan BUMN/BUMD.',
  },
  {
    code: 'PLG-PB-TRANS-2608', title: 'Patok Banding Sistem Transportasi Terintegrasi ke DKI Jakarta', form: F.BENCHMARKING, delivery: D.IN_PERSON, jp: 16,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.INVITATION, capacity: 15, start: -100, days: 3,
    tags: ['Manajemen Lalu Lintas', 'Perencanaan Kota', 'Mengelola Perubahan'], instructors: ['head:PEMKOT-PLG/Bidang Angkutan'],
    audience: ['perhubungan', 'perencanaan'], cost: 6_000_000, location: 'Jakarta (kunjungan lapangan)',
    description: 'Kunjungan belajar ke pusat kendali angkutan umum Jakarta untuk mempelajari integrasi LRT, bus kota, dan angkutan pengumpan, sebagai bahan rencana integrasi LRT Palembang dengan bus kota.',
  },
  {
    code: 'SMG-BT-UJI-2509', title: 'Keselamatan Angkutan Umum dan Uji Berkala Kendaraan', form: F.TECHNICAL_GUIDANCE, delivery: D.IN_PERSON, jp: 16,
    owner: 'PEMKOT-SMG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: -450, days: 2,
    tags: ['Manajemen Lalu Lintas', 'Pelayanan Publik'], instructors: ['head:PEMKOT-SMG/UPT Pengujian Kendaraan Bermotor'],
    audience: ['perhubungan'], cost: 700_000, location: 'UPT Pengujian Kendaraan Bermotor Kota Semarang',
    description: 'Prosedur uji berkala kendaraan bermotor, pemeriksaan laik jalan angkutan umum, dan pelayanan uji KIR berbasis elektronik.',
  },

  // Manajerial, sosial kultural, dan lainnya
  {
    code: 'LAN-EL-WASBANG', title: 'Wawasan Kebangsaan dan Nilai-Nilai Bela Negara', form: F.SOCIO_CULTURAL_TRAINING, delivery: D.ONLINE_SELF_PACED, jp: 12,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Perekat Bangsa', 'Integritas'], instructors: ['lan.wi1'], cost: 0,
    description: 'Empat konsensus dasar berbangsa, keberagaman sebagai kekuatan pelayanan, dan peran ASN sebagai perekat bangsa, dengan kasus dari berbagai daerah.',
  },
  {
    code: 'KDN-SEM-ANTIKOR-2512', title: 'Seminar Integritas dan Pencegahan Korupsi di Pemerintah Daerah', form: F.SEMINAR, delivery: D.BLENDED, jp: 4,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 250, start: -345, days: 1,
    tags: ['Integritas'], instructors: ['head:KEMENDAGRI/Biro Organisasi dan Tata Laksana'], cost: 0, location: ONLINE,
    description: 'Memperingati Hari Antikorupsi Sedunia: titik rawan korupsi di perizinan, pengadaan, dan kepegawaian, serta pengendalian gratifikasi di lingkungan pemerintah daerah.',
  },
  {
    code: 'LAN-EL-BERAKHLAK', title: 'Nilai Dasar ASN BerAKHLAK dalam Pelayanan', form: F.E_LEARNING, delivery: D.ONLINE_SELF_PACED, jp: 8,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Integritas', 'Pelayanan Publik', 'Kerja Sama'], instructors: ['lan.wi2'], cost: 0,
    description: 'Berorientasi pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, dan kolaboratif: apa artinya dalam keputusan sehari-hari di loket, di rapat, dan di lapangan.',
  },
  {
    code: 'DKI-ORPPPK-2605', title: 'Orientasi PPPK: Budaya Kerja dan Etika ASN', form: F.COURSE, delivery: D.BLENDED, jp: 16,
    owner: 'PEMPROV-DKI', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 60, start: -180, days: 3,
    tags: ['Integritas', 'Perekat Bangsa', 'Pelayanan Publik'], instructors: ['head:PEMPROV-DKI/Bidang Pengembangan Kompetensi'],
    audience: ['pppk'], cost: 0, location: 'Badan Kepegawaian Daerah Provinsi DKI Jakarta',
    description: 'Orientasi bagi PPPK yang baru diangkat: hak dan kewajiban, penilaian kinerja, kode etik, dan budaya kerja di lingkungan Pemerintah Provinsi DKI Jakarta.',
  },
  {
    code: 'LAN-BT-AKPK-2612', title: 'Penyusunan Analisis Kebutuhan Pengembangan Kompetensi', form: F.TECHNICAL_GUIDANCE, delivery: D.BLENDED, jp: 16,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 40, start: 5, days: 2,
    tags: ['Manajemen SDM Aparatur', 'Pengembangan Diri dan Orang Lain'], instructors: ['lan.wi1', 'head:LAN/Direktorat Kebijakan Pengembangan Kompetensi ASN'],
    audience: ['kepegawaian'], cost: 1_000_000, location: 'Kampus LAN Pejompongan, Jakarta, dan daring',
    description: 'Menyusun analisis kebutuhan pengembangan kompetensi instansi: membandingkan standar kompetensi jabatan dengan hasil penilaian, memprioritaskan kesenjangan, dan menyusun rencana pengembangan tahunan.',
  },
  {
    code: 'KDN-UPG-TALENTA-2607', title: 'Penataran Pengelola Kepegawaian: Manajemen Talenta ASN', form: F.UPGRADING, delivery: D.IN_PERSON, jp: 24,
    owner: 'KEMENDAGRI', visibility: 'LISTED_AGENCIES', listed: REGIONS, policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -130, days: 3,
    tags: ['Manajemen SDM Aparatur', 'Pengambilan Keputusan'], instructors: ['head:KEMENDAGRI/Biro Kepegawaian'],
    audience: ['kepegawaian'], cost: 2_000_000, location: 'BPSDM Kemendagri, Jakarta',
    description: 'Manajemen talenta di pemerintah daerah: pemetaan talenta sembilan kotak, kelompok rencana suksesi, dan pengembangan talenta sebelum pengisian jabatan.',
  },
  {
    code: 'KMP-FUNG-PERENC-2505', title: 'Pelatihan Fungsional Perencana Ahli Pertama', form: F.FUNCTIONAL_TRAINING, delivery: D.BLENDED, jp: 60, status: CourseStatus.ARCHIVED,
    owner: 'PUSLATBANG-KMP', visibility: 'ALL_AGENCIES', policy: P.INVITATION, capacity: 25, start: -560, days: 20,
    tags: ['Perencanaan Pembangunan', 'Analisis Data', 'Orientasi pada Hasil'], instructors: ['kmp.hendra'],
    audience: ['perencanaan'], cost: 7_500_000, location: 'Puslatbang KMP LAN, Jatinangor, dan daring',
    description: 'Pelatihan pembentukan jabatan fungsional perencana: siklus perencanaan pembangunan, analisis ekonomi regional, penyusunan indikator, dan pemantauan pelaksanaan rencana.',
  },
  {
    code: 'LAN-FUNG-AK-2702', title: 'Pelatihan Fungsional Analis Kebijakan', form: F.FUNCTIONAL_TRAINING, delivery: D.BLENDED, jp: 60,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.INVITATION, capacity: 30, start: 70, days: 20,
    tags: ['Kebijakan Publik', 'Analisis Data', 'Pengambilan Keputusan'], instructors: ['lan.wi1', 'ui.ratna'],
    audience: ['setda', 'pusat', 'perencanaan'], cost: 7_500_000, location: 'Kampus LAN Pejompongan, Jakarta, dan daring',
    description: 'Pelatihan pembentukan jabatan fungsional analis kebijakan: analisis masalah, perumusan alternatif, advokasi kebijakan, dan penulisan naskah kebijakan.',
  },
  {
    code: 'UNSRI-PKBB-2511', title: 'Pengambilan Keputusan Berbasis Bukti', form: F.MANAGERIAL_TRAINING, delivery: D.IN_PERSON, jp: 20,
    owner: 'UNSRI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -360, days: 3,
    tags: ['Pengambilan Keputusan', 'Analisis Data', 'Orientasi pada Hasil'], instructors: ['unsri.zulkarnain'],
    cost: 2_500_000, location: 'Kampus Universitas Sriwijaya Bukit Besar, Palembang',
    description: 'Memakai data, evaluasi program, dan hasil penelitian dalam rapat pengambilan keputusan: membaca bukti dengan kritis dan menimbang biaya, manfaat, serta risikonya.',
  },
  {
    code: 'PLG-OUTBOUND-2508', title: 'Outbound Kerja Sama Tim dan Kepemimpinan Lapangan', form: F.OUTBOUND, delivery: D.IN_PERSON, jp: 8,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 40, start: -470, days: 2,
    tags: ['Kerja Sama', 'Perekat Bangsa'], instructors: ['head:PEMKOT-PLG/Bidang Pengembangan Kompetensi'],
    cost: 900_000, location: 'Bumi Perkemahan Gandus, Palembang',
    description: 'Dua hari kegiatan luar ruang antarperangkat daerah: permainan tim, tantangan kepemimpinan lapangan, dan refleksi tentang kerja sama lintas bidang.',
  },
  {
    code: 'KDN-DETASER-2612', title: 'Detasering ke Direktorat Jenderal Bina Keuangan Daerah', form: F.SECONDMENT, delivery: D.IN_PERSON, jp: 40,
    owner: 'KEMENDAGRI', visibility: 'LISTED_AGENCIES', listed: REGIONS, policy: P.INVITATION, capacity: 4, start: 20, days: 90,
    tags: ['Keuangan Daerah', 'Kerja Sama'], instructors: ['head:KEMENDAGRI/Direktorat Perencanaan Anggaran Daerah'],
    audience: ['perencanaan', 'setda'], cost: 0, location: 'Kantor Kemendagri, Jl. Medan Merdeka Utara, Jakarta',
    description: 'Penugasan tiga bulan bagi analis daerah di direktorat yang membina APBD, untuk memahami evaluasi rancangan APBD dan membawa pulang praktik baiknya.',
  },
  {
    code: 'DKI-PTKR-BUMD-2609', title: 'Pertukaran Pegawai dengan BUMD Transportasi Jakarta', form: F.STAFF_EXCHANGE, delivery: D.IN_PERSON, jp: 40,
    owner: 'PEMPROV-DKI', visibility: 'OWN_AGENCY', policy: P.INVITATION, capacity: 5, start: -60, days: 90,
    tags: ['Manajemen Lalu Lintas', 'Kerja Sama', 'Orientasi pada Hasil'], instructors: ['head:PEMPROV-DKI/Bidang Lalu Lintas'],
    audience: ['perhubungan'], cost: 0, location: 'Kantor pusat BUMD transportasi, Jakarta',
    description: 'Tiga bulan bekerja di BUMD transportasi untuk mempelajari perencanaan layanan, kontrak pembelian layanan, dan pengukuran kinerja operator.',
  },
  {
    code: 'BDG-MAGANG-CC-2612', title: 'Magang Pengelolaan Pusat Komando Kota (Command Center)', form: F.INTERNSHIP, delivery: D.IN_PERSON, jp: 40,
    owner: 'PEMKOT-BDG', visibility: 'LISTED_AGENCIES', listed: ['PEMKOT-SMG', 'PEMKOT-PLG'], policy: P.SUPERVISOR_APPROVAL, capacity: 6, full: true, start: 14, days: 20,
    tags: ['Transformasi Digital', 'Pelayanan Publik', 'Analisis Data'], instructors: ['head:PEMKOT-BDG/Bidang Aplikasi Informatika'],
    audience: ['kominfo'], cost: 1_500_000, location: 'Bandung Command Center, Balai Kota Bandung',
    description: 'Magang empat pekan di pusat komando kota: pemantauan CCTV dan sensor, penanganan kejadian bersama dinas teknis, dan dasbor kinerja layanan untuk pimpinan.',
  },
  {
    code: 'UNSRI-BM-STAT', title: 'Belajar Mandiri Dasar-Dasar Statistik Sektoral', form: F.SELF_STUDY, delivery: D.ONLINE_SELF_PACED, jp: 6,
    owner: 'UNSRI', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: null, start: null,
    tags: ['Statistik Sektoral', 'Analisis Data'], instructors: ['unsri.rian'], cost: 0,
    description: 'Modul baca dan latihan mandiri: jenis data, ukuran pemusatan dan sebaran, tabel silang, dan membaca grafik dalam publikasi statistik sektoral daerah.',
  },
  {
    code: 'SMG-OJT-ARSIP-2610', title: 'Bimbingan di Tempat Kerja: Pengelolaan Arsip Dinamis', form: F.ON_THE_JOB_GUIDANCE, delivery: D.IN_PERSON, jp: 8,
    owner: 'PEMKOT-SMG', visibility: 'OWN_AGENCY', policy: P.OPEN, capacity: 15, start: -45, days: 5,
    tags: ['Kearsipan', 'Pelayanan Publik'], instructors: ['head:PEMKOT-SMG/Bagian Organisasi'],
    audience: ['setda', 'wilayah', 'kepegawaian'], cost: 0, location: 'Di unit kerja masing-masing peserta',
    description: 'Arsiparis mendampingi staf di meja kerjanya: klasifikasi arsip, jadwal retensi, penataan berkas aktif, dan alih media ke aplikasi kearsipan.',
  },
  {
    code: 'ITB-S2-PWK-2708', title: 'Tugas Belajar Program Magister Perencanaan Wilayah dan Kota', form: F.DEGREE_STUDY, delivery: D.IN_PERSON, jp: 40,
    owner: 'ITB', visibility: 'LISTED_AGENCIES', listed: REGIONS, policy: P.INVITATION, capacity: 3, start: 250, days: 700,
    tags: ['Perencanaan Kota', 'Analisis Data'], instructors: ['itb.euis'],
    audience: ['perencanaan'], cost: 60_000_000, location: 'SAPPK ITB, Bandung',
    description: 'Tugas belajar dua tahun bagi perencana daerah terpilih. Peserta diusulkan instansi setelah seleksi administrasi dan akademik.',
  },
  {
    code: 'KDN-PJJ-AKRUAL-2611', title: 'Pembelajaran Jarak Jauh Akuntansi Berbasis Akrual untuk Pemerintah Daerah', form: F.DISTANCE_LEARNING, delivery: D.BLENDED, jp: 24,
    owner: 'KEMENDAGRI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 60, start: -20, days: 45,
    tags: ['Keuangan Daerah', 'Orientasi pada Hasil'], instructors: ['head:KEMENDAGRI/Direktorat Pendapatan Daerah'],
    audience: ['setda', 'perencanaan', 'pusat'], cost: 1_000_000, location: ONLINE,
    description: 'Enam pekan belajar jarak jauh dengan tutor: jurnal akrual, laporan operasional, neraca, dan rekonsiliasi aset daerah.',
  },
  {
    code: 'UI-BING-2703', title: 'Bahasa Inggris untuk Kerja Sama Internasional Pemerintah Daerah', form: F.COURSE, delivery: D.BLENDED, jp: 30,
    owner: 'UI', visibility: 'ALL_AGENCIES', policy: P.SUPERVISOR_APPROVAL, capacity: 20, start: 90, days: 20,
    tags: ['Komunikasi', 'Kerja Sama'], instructors: ['ui.nadia'],
    cost: 3_000_000, location: 'LBI FIB UI, Depok, dan daring',
    description: 'Bahasa Inggris untuk surat-menyurat, presentasi, dan negosiasi dalam kerja sama kota kembar dan program hibah internasional.',
  },
  {
    code: 'KDN-WS-IKU-2511', title: 'Lokakarya Penyusunan Indikator Kinerja Utama', form: F.WORKSHOP, delivery: D.IN_PERSON, jp: 12,
    owner: 'KEMENDAGRI', visibility: 'LISTED_AGENCIES', listed: REGIONS, policy: P.SUPERVISOR_APPROVAL, capacity: 30, start: -380, days: 2,
    tags: ['Orientasi pada Hasil', 'Perencanaan Pembangunan'], instructors: ['head:KEMENDAGRI/Direktorat Sinkronisasi Urusan Pemerintahan Daerah I'],
    audience: ['perencanaan', 'setda'], cost: 1_500_000, location: 'Hotel di Jakarta Pusat',
    description: 'Menyusun indikator kinerja utama perangkat daerah yang mengukur hasil bagi warga, bukan sekadar kegiatan: pohon kinerja, definisi operasional, dan sumber data.',
  },
  {
    code: 'LAN-SEM-INOV-2025', title: 'Seminar Nasional Inovasi Pelayanan Publik 2025', form: F.SEMINAR, delivery: D.IN_PERSON, jp: 8, status: CourseStatus.ARCHIVED,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.OPEN, capacity: 300, start: -440, days: 1,
    tags: ['Pelayanan Publik', 'Mengelola Perubahan'], instructors: ['lan.wi2', 'ui.bambang'],
    cost: 0, location: 'Auditorium LAN, Jakarta',
    description: 'Seminar tahunan berbagi inovasi pelayanan publik terbaik dari kementerian, provinsi, dan kota, dengan sesi tanya jawab bersama para inovator.',
  },
  {
    code: 'LAN-PKA-2027-I', title: 'Pelatihan Kepemimpinan Administrator (PKA) Angkatan I Tahun 2027', form: F.LEADERSHIP_TRAINING, delivery: D.BLENDED, jp: 140, status: CourseStatus.DRAFT,
    owner: 'LAN', visibility: 'ALL_AGENCIES', policy: P.INVITATION, capacity: 30, start: 110, days: 90,
    tags: ['Integritas', 'Pengambilan Keputusan', 'Mengelola Perubahan', 'Perekat Bangsa'], instructors: ['lan.wi1'],
    audience: ['administrator'], cost: 35_000_000, location: 'Kampus LAN Pejompongan, Jakarta, dan daring',
    description: 'Draf angkatan pertama tahun 2027; jadwal dan kuota menunggu usulan instansi.',
  },
  {
    code: 'PLG-BLUD-2702', title: 'Pengelolaan Keuangan BLUD Puskesmas', form: F.TECHNICAL_TRAINING, delivery: D.BLENDED, jp: 24, status: CourseStatus.DRAFT,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 25, start: 80, days: 3,
    tags: ['Keuangan Daerah', 'Kesehatan Masyarakat'], instructors: [],
    audience: ['kesehatan'], cost: 1_500_000, location: 'Dinas Kesehatan Kota Palembang',
    description: 'Draf: rencana bisnis dan anggaran BLUD, penatausahaan pendapatan dan belanja, serta laporan keuangan puskesmas BLUD.',
  },
  {
    code: 'PLG-PRIMA-KEC-2612', title: 'Pelayanan Prima di Kecamatan dan Kelurahan', form: F.TECHNICAL_TRAINING, delivery: D.IN_PERSON, jp: 16,
    owner: 'PEMKOT-PLG', visibility: 'OWN_AGENCY', policy: P.SUPERVISOR_APPROVAL, capacity: 10, full: true, start: 8, days: 2,
    tags: ['Pelayanan Publik', 'Komunikasi'], instructors: ['head:PEMKOT-PLG/Bidang Pengembangan Kompetensi'],
    audience: ['wilayah'], cost: 600_000, location: 'Kantor Camat Plaju, Palembang',
    description: 'Standar pelayanan di loket kecamatan dan kelurahan: maklumat pelayanan, menangani warga yang kecewa, layanan bagi penyandang disabilitas dan lansia, serta survei kepuasan masyarakat.',
  },
];

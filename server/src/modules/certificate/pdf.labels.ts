import type { Locale } from '../../shared/i18n/messages.js';

/**
 * The words printed on a certificate, Bahasa Indonesia first. Only the labels are translated: the facts (title,
 * names, competencies) are printed as issued.
 */
export const pdfLabels = {
  id: {
    heading: 'SERTIFIKAT',
    number: 'Nomor',
    awardedTo: 'diberikan kepada',
    completed: 'atas keberhasilannya menyelesaikan',
    form: 'Bentuk pengembangan',
    programme: 'Program pengembangan kompetensi',
    jp: 'Jam pelajaran',
    dates: 'Waktu pelaksanaan',
    competencies: 'Kompetensi',
    issued: 'Diterbitkan',
    inCooperation: 'bekerja sama dengan',
    scan: 'Pindai untuk memeriksa keaslian',
    footer: 'Sertifikat elektronik ini diterbitkan melalui Lentera. Keasliannya dapat diperiksa di',
    revoked: 'DICABUT',
    superseded: 'DIGANTIKAN',
    title: 'Sertifikat',
  },
  en: {
    heading: 'CERTIFICATE',
    number: 'No.',
    awardedTo: 'is awarded to',
    completed: 'for successfully completing',
    form: 'Form of development',
    programme: 'Competency development programme',
    jp: 'Learning hours',
    dates: 'Held',
    competencies: 'Competencies',
    issued: 'Issued',
    inCooperation: 'in cooperation with',
    scan: 'Scan to check it is genuine',
    footer: 'This electronic certificate was issued through Lentera. Check that it is genuine at',
    revoked: 'REVOKED',
    superseded: 'SUPERSEDED',
    title: 'Certificate',
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * The forms of development (DevelopmentForm) by the names the regulation uses (the client's `enum.form` says the
 * same on screen; the server had no names of its own for them).
 */
export const developmentFormNames: Record<Locale, Record<string, string>> = {
  id: {
    DEGREE_STUDY: 'Pendidikan (tugas/izin belajar)', LEADERSHIP_TRAINING: 'Pelatihan kepemimpinan', MANAGERIAL_TRAINING: 'Pelatihan manajerial',
    TECHNICAL_TRAINING: 'Pelatihan teknis', FUNCTIONAL_TRAINING: 'Pelatihan fungsional', SOCIO_CULTURAL_TRAINING: 'Pelatihan sosial kultural',
    SEMINAR: 'Seminar/konferensi', WORKSHOP: 'Lokakarya', COURSE: 'Kursus', UPGRADING: 'Penataran', TECHNICAL_GUIDANCE: 'Bimbingan teknis',
    SOCIALISATION: 'Sosialisasi', COACHING: 'Coaching', MENTORING: 'Mentoring', E_LEARNING: 'E-learning', DISTANCE_LEARNING: 'Pelatihan jarak jauh',
    SECONDMENT: 'Detasering', OUTBOUND: 'Pembelajaran alam terbuka', BENCHMARKING: 'Patok banding', STAFF_EXCHANGE: 'Pertukaran pegawai',
    SELF_STUDY: 'Belajar mandiri', COMMUNITY_OF_PRACTICE: 'Komunitas belajar', ON_THE_JOB_GUIDANCE: 'Bimbingan di tempat kerja', INTERNSHIP: 'Magang',
  },
  en: {
    DEGREE_STUDY: 'Degree study', LEADERSHIP_TRAINING: 'Leadership training', MANAGERIAL_TRAINING: 'Managerial training',
    TECHNICAL_TRAINING: 'Technical training', FUNCTIONAL_TRAINING: 'Functional training', SOCIO_CULTURAL_TRAINING: 'Socio-cultural training',
    SEMINAR: 'Seminar or conference', WORKSHOP: 'Workshop', COURSE: 'Course', UPGRADING: 'Upgrading', TECHNICAL_GUIDANCE: 'Technical guidance',
    SOCIALISATION: 'Socialisation', COACHING: 'Coaching', MENTORING: 'Mentoring', E_LEARNING: 'E-learning', DISTANCE_LEARNING: 'Distance learning',
    SECONDMENT: 'Secondment', OUTBOUND: 'Outdoor learning', BENCHMARKING: 'Benchmarking', STAFF_EXCHANGE: 'Staff exchange',
    SELF_STUDY: 'Self-study', COMMUNITY_OF_PRACTICE: 'Community of practice', ON_THE_JOB_GUIDANCE: 'On-the-job guidance', INTERNSHIP: 'Internship',
  },
};

const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** `YYYY-MM-DD` dates as a reader of the locale writes them: "3 Desember 2026", "3 December 2026". */
function dayFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** "2–4 Desember 2026", one day alone when it starts and ends on it, null without dates. */
export function formatDays(locale: Locale, startsOn: string | null, endsOn: string | null): string | null {
  const from = startsOn ?? endsOn;
  const to = endsOn ?? startsOn;
  if (!from || !to) return null;
  const f = dayFormat(locale);
  return from === to ? f.format(utcDay(from)) : f.formatRange(utcDay(from), utcDay(to));
}

/** An instant as the day it was in `timeZone` (the issuing agency's). */
export function formatInstantDay(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
}

/** JP as the locale writes decimals: "4,5 JP" / "4.5 JP", a whole number without ",0". */
export function formatJp(locale: Locale, jp: number): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(jp)} JP`;
}

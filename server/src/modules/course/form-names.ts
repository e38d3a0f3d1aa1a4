import type { DevelopmentForm } from './course.enums.js';

/**
 * The forms of development by the names the regulation uses, for what the server writes itself (certificate PDFs,
 * SIASN exports); the client's `enum.form` says the same on screen.
 */
export const developmentFormNames: Record<'id' | 'en', Record<DevelopmentForm, string>> = {
  id: {
    DEGREE_STUDY: 'Pendidikan (tugas/izin belajar)', LEADERSHIP_TRAINING: 'Pelatihan kepemimpinan', MANAGERIAL_TRAINING: 'Pelatihan manajerial',
    TECHNICAL_TRAINING: 'Pelatihan teknis', FUNCTIONAL_TRAINING: 'Pelatihan fungsional', SOCIO_CULTURAL_TRAINING: 'Pelatihan sosial kultural',
    SEMINAR: 'Seminar/konferensi', WORKSHOP: 'Lokakarya', COURSE: 'Kursus', UPGRADING: 'Penataran', TECHNICAL_GUIDANCE: 'Bimbingan teknis (bimtek)',
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

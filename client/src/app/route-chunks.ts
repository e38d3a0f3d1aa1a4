import { staffScreen } from './staff-screen';

/**
 * The code of each screen, one chunk per route (and one for the signed-in shell), and which of them a cold
 * start at an address renders. Kept apart from router.tsx so the entry script can start these downloads
 * without loading the router (or Apollo) first.
 */
export const chunks = {
  shell: () => import('../features/shell/AppLayout'),
  signIn: () => import('./SignInInApp'),
  home: () => import('../routes/home'),
  catalogue: () => import('../routes/catalogue'),
  courseDetail: () => import('../routes/course-detail'),
  myEnrolments: () => import('../routes/my-enrolments'),
  approvals: staffScreen(() => import('../routes/approvals')),
  teaching: staffScreen(() => import('../routes/teaching')),
  teachingCourse: staffScreen(() => import('../routes/teaching-course')),
  adminPeople: staffScreen(() => import('../routes/admin-people')),
  adminOrgUnits: staffScreen(() => import('../routes/admin-org-units')),
  adminCredentialKeys: staffScreen(() => import('../features/certificates/KeysScreen')),
  adminCourses: staffScreen(() => import('../routes/admin-courses')),
  adminCourseEdit: staffScreen(() => import('../routes/admin-course-edit')),
  adminWorkshopRun: staffScreen(() => import('../routes/admin-workshop-run')),
  adminSeries: staffScreen(() => import('../routes/admin-series')),
  adminRoles: staffScreen(() => import('../routes/admin-roles')),
  platformAgencies: staffScreen(() => import('../routes/platform-agencies')),
  changePassword: staffScreen(() => import('../routes/change-password')),
  platformFailedJobs: staffScreen(() => import('../routes/platform-failed-jobs')),
  account: staffScreen(() => import('../routes/account')),
  platformPartners: staffScreen(() => import('../routes/platform-partners')),
  partnerStaff: staffScreen(() => import('../routes/partner-staff')),
  agreements: staffScreen(() => import('../routes/agreements')),
  agreementDetail: staffScreen(() => import('../routes/agreement-detail')),
  attendanceSheet: staffScreen(() => import('../routes/attendance-sheet')),
  checkInQr: staffScreen(() => import('../routes/check-in-qr')),
  checkIn: staffScreen(() => import('../routes/check-in')),
  adminProgrammes: staffScreen(() => import('../routes/admin-programmes')),
  adminProgramme: staffScreen(() => import('../routes/admin-programme')),
  adminProgrammeCohort: staffScreen(() => import('../routes/admin-programme-cohort')),
  adminCohortParticipants: staffScreen(() => import('../routes/admin-cohort-participants')),
  teachingCohort: staffScreen(() => import('../routes/teaching-cohort')),
  programmeLibrary: staffScreen(() => import('../routes/programme-library')),
  programmeLibraryDetail: staffScreen(() => import('../routes/programme-library-detail')),
  programmePath: staffScreen(() => import('../routes/programme-path')),
  myProgrammes: staffScreen(() => import('../routes/my-programmes')),
  // Learning hours (jp area).
  myLearningHours: staffScreen(() => import('../routes/my-learning-hours')),
  myExternalActivities: staffScreen(() => import('../routes/my-external-activities')),
  teamLearningHours: staffScreen(() => import('../routes/team-learning-hours')),
  adminLearningHours: staffScreen(() => import('../routes/admin-learning-hours')),
  adminExternalActivities: staffScreen(() => import('../routes/admin-external-activities')),
  adminLearningRules: staffScreen(() => import('../routes/admin-learning-rules')),
  adminLearningExport: staffScreen(() => import('../routes/admin-learning-export')),
  myCertificates: staffScreen(() => import('../routes/my-certificates')),
  adminCertificates: staffScreen(() => import('../routes/admin-certificates')),
  adminSigners: staffScreen(() => import('../routes/admin-signers')),
  verifyCertificate: staffScreen(() => import('../routes/verify-certificate')),
};

/** The screen chunk a cold start at each address renders (patterns as in router.tsx's route table). */
const START_CHUNKS: [string, () => Promise<unknown>][] = [
  ['/', chunks.home],
  ['/katalog', chunks.catalogue],
  ['/kursus/:courseId', chunks.courseDetail],
  ['/pendaftaran', chunks.myEnrolments],
  ['/persetujuan', chunks.approvals],
  ['/mengajar', chunks.teaching],
  ['/mengajar/:runId', chunks.teachingCourse],
  ['/mengajar/sesi/:sessionId', chunks.attendanceSheet],
  ['/mengajar/sesi/:sessionId/qr', chunks.checkInQr],
  ['/mengajar/angkatan/:cohortId', chunks.teachingCohort],
  ['/hadir', chunks.checkIn],
  ['/admin/pegawai', chunks.adminPeople],
  ['/admin/unit-kerja', chunks.adminOrgUnits],
  ['/admin/kunci-sertifikat', chunks.adminCredentialKeys],
  ['/admin/kursus', chunks.adminCourses],
  ['/admin/kursus/baru', chunks.adminCourseEdit],
  ['/admin/kursus/:courseId', chunks.adminCourseEdit],
  ['/admin/angkatan/:runId', chunks.adminWorkshopRun],
  ['/admin/kursus/:courseId/rangkaian', chunks.adminSeries],
  ['/admin/peran', chunks.adminRoles],
  ['/admin/ekspor-jp', chunks.adminLearningExport],
  ['/admin/program/angkatan/:cohortId/peserta', chunks.adminCohortParticipants],
  ['/platform/instansi', chunks.platformAgencies],
  ['/platform/pekerjaan-gagal', chunks.platformFailedJobs],
  ['/kerja-sama', chunks.agreements],
  ['/kerja-sama/:agreementId', chunks.agreementDetail],
  ['/platform/mitra', chunks.platformPartners],
  ['/platform/mitra/:partnerId', chunks.partnerStaff],
  ['/mitra', chunks.partnerStaff],
  ['/akun', chunks.account],
  ['/akun/kata-sandi', chunks.changePassword],
  ['/admin/program', chunks.adminProgrammes],
  ['/admin/program/:programmeId', chunks.adminProgramme],
  ['/admin/program/:programmeId/angkatan/:cohortId', chunks.adminProgrammeCohort],
  ['/program-saya', chunks.myProgrammes],
  ['/program/:programmeId', chunks.programmePath],
  ['/pustaka-program', chunks.programmeLibrary],
  ['/pustaka-program/:programmeId', chunks.programmeLibraryDetail],
  ['/jp-saya', chunks.myLearningHours],
  ['/jp-saya/kegiatan-luar', chunks.myExternalActivities],
  ['/tim/jp', chunks.teamLearningHours],
  ['/admin/jp', chunks.adminLearningHours],
  ['/admin/jp/verifikasi', chunks.adminExternalActivities],
  ['/admin/aturan-jp', chunks.adminLearningRules],
  ['/sertifikat-saya', chunks.myCertificates],
  ['/admin/sertifikat', chunks.adminCertificates],
  ['/admin/penandatangan', chunks.adminSigners],
];

/** Whether a path like "/kursus/:courseId" matches a pathname (whole segments; a trailing slash allowed). */
function matchesPattern(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return want.length === have.length && want.every((segment, i) => segment.startsWith(':') || segment === have[i]);
}

/**
 * Cuts the start-up chain (entry → session → app → shell → screen → data): the shell and the screen of
 * this address are fetched at once, alongside the app chunk and the session query, instead of one after
 * the other as React reaches them. A failed fetch here is harmless: the lazy component imports again and
 * reports it. Static patterns win over parameters ("/admin/kursus/baru" before "/admin/kursus/:courseId").
 */
export function preloadSignedInChunks(pathname: string): void {
  const screen = START_CHUNKS.find(([path]) => matchesPattern(path, pathname))?.[1];
  for (const load of [chunks.shell, screen]) void load?.().catch(() => undefined);
}

/** Only same-site paths: "next" (where to go after signing in) comes from the URL and must not send people elsewhere. */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

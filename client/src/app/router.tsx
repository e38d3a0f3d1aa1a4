import { Box } from '@mantine/core';
import { Component, Suspense, useCallback, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageSkeleton } from '../ui/PageSkeleton';
import { ErrorState } from '../ui/ErrorState';
import { FullPageLoader } from '../ui/FullPageLoader';
import { toUiError } from './errors';
import { lazyPage } from './lazyPage';
import { useLinkNavigation } from './links';
import { staffScreen } from './staff-screen';
import { chunks } from './route-chunks';
import { RouteError } from './RouteError';
import { hasRole, useSession, type RoleName } from './session';

// One chunk per route (and one for the signed-in shell), listed in route-chunks.ts: a visitor on the
// sign-in page downloads neither the navigation nor any screen behind it. lazyPage (not React.lazy) so
// that a screen whose download failed offline loads when tried again.
const AppLayout = lazyPage(() => chunks.shell().then((m) => ({ default: m.AppLayout })));
const SignIn = lazyPage(chunks.signIn);
const Home = lazyPage(chunks.home);
const Catalogue = lazyPage(chunks.catalogue);
const ProgrammePath = lazyPage(chunks.programmePath);
const MyProgrammes = lazyPage(chunks.myProgrammes);
const CourseDetail = lazyPage(chunks.courseDetail);
const MyEnrolments = lazyPage(chunks.myEnrolments);
const Approvals = lazyPage(chunks.approvals);
const Teaching = lazyPage(chunks.teaching);
const TeachingCourse = lazyPage(chunks.teachingCourse);
const AdminPeople = lazyPage(chunks.adminPeople);
const AdminOrgUnits = lazyPage(chunks.adminOrgUnits);
const AdminCredentialKeys = lazyPage(chunks.adminCredentialKeys);
const CredentialVerify = lazyPage(staffScreen(() => import('../features/certificates/CredentialVerifyPage')));
const AdminCourses = lazyPage(chunks.adminCourses);
const AdminCourseEdit = lazyPage(chunks.adminCourseEdit);
const AdminWorkshopRun = lazyPage(chunks.adminWorkshopRun);
const AdminSeries = lazyPage(chunks.adminSeries);
const AdminRoles = lazyPage(chunks.adminRoles);
const AdminLearningExport = lazyPage(chunks.adminLearningExport);
const PlatformAgencies = lazyPage(chunks.platformAgencies);
const ChangePassword = lazyPage(chunks.changePassword);
const Agreements = lazyPage(chunks.agreements);
const AgreementDetail = lazyPage(chunks.agreementDetail);
const AttendanceSheet = lazyPage(chunks.attendanceSheet);
const CheckInQr = lazyPage(chunks.checkInQr);
const CheckIn = lazyPage(chunks.checkIn);
const AdminCohortParticipants = lazyPage(chunks.adminCohortParticipants);
const TeachingCohort = lazyPage(chunks.teachingCohort);
const Account = lazyPage(chunks.account);
const ForgotPassword = lazyPage(staffScreen(() => import('../routes/forgot-password')));
const ResetPassword = lazyPage(staffScreen(() => import('../routes/reset-password')));
const PlatformFailedJobs = lazyPage(chunks.platformFailedJobs);
const AcceptInvitation = lazyPage(staffScreen(() => import('../routes/accept-invitation')));
const PlatformPartners = lazyPage(chunks.platformPartners);
const PartnerStaff = lazyPage(chunks.partnerStaff);
const AdminProgrammes = lazyPage(chunks.adminProgrammes);
const AdminProgramme = lazyPage(chunks.adminProgramme);
const AdminProgrammeCohort = lazyPage(chunks.adminProgrammeCohort);
const ProgrammeLibrary = lazyPage(chunks.programmeLibrary);
const ProgrammeLibraryDetail = lazyPage(chunks.programmeLibraryDetail);
const MyLearningHours = lazyPage(chunks.myLearningHours);
const MyExternalActivities = lazyPage(chunks.myExternalActivities);
const TeamLearningHours = lazyPage(chunks.teamLearningHours);
const AdminLearningHours = lazyPage(chunks.adminLearningHours);
const AdminExternalActivities = lazyPage(chunks.adminExternalActivities);
const AdminLearningRules = lazyPage(chunks.adminLearningRules);
const MyCertificates = lazyPage(chunks.myCertificates);
const AdminCertificates = lazyPage(chunks.adminCertificates);
const AdminSigners = lazyPage(chunks.adminSigners);
const VerifyCertificate = lazyPage(chunks.verifyCertificate);
const NotFound = lazyPage(() => import('../routes/not-found'));

/** The frame and the home screen, downloaded before the app takes over from the home page's first paint (main.tsx). */
export function preloadHomeScreen(): Promise<unknown> {
  return Promise.all([AppLayout.preload(), Home.preload()]);
}

function page(Component: ComponentType, roles?: RoleName[]): ReactNode {
  const content = (
    <Suspense fallback={<PageSkeleton />}>
      <Component />
    </Suspense>
  );
  return roles ? <RequireRole roles={roles}>{content}</RequireRole> : content;
}

/** Signed-in area: sends visitors to the sign-in page and brings them back afterwards. */
function RequireSession() {
  const { t } = useTranslation();
  const { me, loading, error, refetch } = useSession();
  const location = useLocation();
  if (loading) return <FullPageLoader />;
  if (!me && !error) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/masuk' : `/masuk?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!me) {
    return (
      <Box p="md" maw={640} mx="auto" mt="xl">
        <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />
      </Box>
    );
  }
  return (
    <Suspense fallback={<FullPageLoader />}>
      <AppLayout />
    </Suspense>
  );
}

function RequireRole({ roles, children }: { roles: RoleName[]; children: ReactNode }) {
  const { me } = useSession();
  if (!hasRole(me, ...roles)) return page(NotFound);
  return <>{children}</>;
}

function PublicOnly() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Outlet />
    </Suspense>
  );
}

/**
 * What a route's errorElement was in React Router's data mode: a screen (or the frame) that fails renders
 * RouteError in its place. The error is forgotten when the location changes (any navigation, even to the
 * same address, makes a new location key), as the data router did: RouteError's "Coba lagi" relies on it.
 */
class RouteErrorBoundary extends Component<{ locationKey: string; children: ReactNode }, { error: unknown; key: string }> {
  state = { error: undefined as unknown, key: this.props.locationKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { locationKey: string }, state: { error: unknown; key: string }) {
    return props.locationKey === state.key ? null : { error: undefined, key: props.locationKey };
  }

  render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}

function CatchRouteErrors({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <RouteErrorBoundary locationKey={location.key}>{children}</RouteErrorBoundary>;
}

/** AppLink's navigation (links.tsx): the router's, replacing the entry when the link is to the address shown, as Link does. */
function RouterLinks() {
  const navigate = useNavigate();
  useLinkNavigation(useCallback((to: string) => void navigate(to, { replace: to === window.location.pathname + window.location.search }), [navigate]));
  return null;
}

const admins: RoleName[] = ['AGENCY_ADMIN', 'PLATFORM_ADMIN'];
const agreementReaders: RoleName[] = ['AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'];
const programmeBuilders: RoleName[] = ['AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'];

/**
 * The app's routes. Declarative mode (BrowserRouter, not createBrowserRouter): no screen has a loader or an
 * action, and the data router's code is ~10 KB gzip of every signed-in page's first visit.
 */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <RouterLinks />
      <Routes>
        <Route
          element={
            <CatchRouteErrors>
              <PublicOnly />
            </CatchRouteErrors>
          }
        >
          <Route path="/masuk" element={<SignIn />} />
          <Route path="/lupa-kata-sandi" element={<ForgotPassword />} />
          <Route path="/atur-ulang-kata-sandi" element={<ResetPassword />} />
          <Route path="/undangan-mitra" element={<AcceptInvitation />} />
          {/* Public, signed in or not (a first visit loads it alone: main.tsx). */}
          <Route path="/verifikasi/:code" element={<VerifyCertificate />} />
          <Route path="/verifikasi" element={<CredentialVerify />} />
        </Route>
        <Route
          path="/"
          element={
            <CatchRouteErrors>
              <RequireSession />
            </CatchRouteErrors>
          }
        >
          {/* A screen that fails (its code did not download, or it broke) shows RouteError inside the app's frame: the navigation stays usable. */}
          <Route
            element={
              <CatchRouteErrors>
                <Outlet />
              </CatchRouteErrors>
            }
          >
            <Route index element={page(Home)} />
            <Route path="katalog" element={page(Catalogue, ['LEARNER'])} />
            <Route path="kursus/:courseId" element={page(CourseDetail)} />
            <Route path="pendaftaran" element={page(MyEnrolments, ['LEARNER'])} />
            <Route path="persetujuan" element={page(Approvals, ['SUPERVISOR', 'AGENCY_ADMIN'])} />
            <Route path="mengajar" element={page(Teaching, ['INSTRUCTOR'])} />
            <Route path="mengajar/:runId" element={page(TeachingCourse, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="mengajar/sesi/:sessionId" element={page(AttendanceSheet, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="mengajar/sesi/:sessionId/qr" element={page(CheckInQr, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="mengajar/angkatan/:cohortId" element={page(TeachingCohort, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="hadir" element={page(CheckIn)} />
            <Route path="admin/pegawai" element={page(AdminPeople, admins)} />
            <Route path="admin/unit-kerja" element={page(AdminOrgUnits, admins)} />
            <Route path="admin/kunci-sertifikat" element={page(AdminCredentialKeys, admins)} />
            <Route path="admin/kursus" element={page(AdminCourses, admins)} />
            <Route path="admin/kursus/baru" element={page(AdminCourseEdit, admins)} />
            <Route path="admin/kursus/:courseId" element={page(AdminCourseEdit, admins)} />
            <Route path="admin/angkatan/:runId" element={page(AdminWorkshopRun, agreementReaders)} />
            <Route path="admin/kursus/:courseId/rangkaian" element={page(AdminSeries, admins)} />
            <Route path="admin/peran" element={page(AdminRoles, admins)} />
            <Route path="admin/ekspor-jp" element={page(AdminLearningExport, admins)} />
            <Route path="admin/program/angkatan/:cohortId/peserta" element={page(AdminCohortParticipants, agreementReaders)} />
            <Route path="platform/instansi" element={page(PlatformAgencies, ['PLATFORM_ADMIN'])} />
            <Route path="platform/pekerjaan-gagal" element={page(PlatformFailedJobs, ['PLATFORM_ADMIN'])} />
            <Route path="platform/mitra" element={page(PlatformPartners, ['PLATFORM_ADMIN'])} />
            <Route path="platform/mitra/:partnerId" element={page(PartnerStaff, ['PLATFORM_ADMIN'])} />
            <Route path="mitra" element={page(PartnerStaff, ['PARTNER_ADMIN'])} />
            <Route path="kerja-sama" element={page(Agreements, agreementReaders)} />
            <Route path="kerja-sama/:agreementId" element={page(AgreementDetail, agreementReaders)} />
            <Route path="admin/program" element={page(AdminProgrammes, programmeBuilders)} />
            <Route path="admin/program/:programmeId" element={page(AdminProgramme, programmeBuilders)} />
            <Route path="admin/program/:programmeId/angkatan/:cohortId" element={page(AdminProgrammeCohort, programmeBuilders)} />
            <Route path="pustaka-program" element={page(ProgrammeLibrary, admins)} />
            <Route path="pustaka-program/:programmeId" element={page(ProgrammeLibraryDetail, agreementReaders)} />
            <Route path="akun" element={page(Account)} />
            <Route path="akun/kata-sandi" element={page(ChangePassword)} />
            <Route path="program/:programmeId" element={page(ProgrammePath)} />
            <Route path="program-saya" element={page(MyProgrammes, ['LEARNER'])} />
            <Route path="jp-saya" element={page(MyLearningHours, ['LEARNER'])} />
            <Route path="jp-saya/kegiatan-luar" element={page(MyExternalActivities, ['LEARNER'])} />
            <Route path="tim/jp" element={page(TeamLearningHours, ['SUPERVISOR'])} />
            <Route path="admin/jp" element={page(AdminLearningHours, ['AGENCY_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="admin/jp/verifikasi" element={page(AdminExternalActivities, ['AGENCY_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="admin/aturan-jp" element={page(AdminLearningRules, ['AGENCY_ADMIN', 'PLATFORM_ADMIN'])} />
            <Route path="sertifikat-saya" element={page(MyCertificates)} />
            <Route path="admin/sertifikat" element={page(AdminCertificates, admins)} />
            <Route path="admin/penandatangan" element={page(AdminSigners, agreementReaders)} />
            <Route path="*" element={page(NotFound)} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

import { Box } from '@mantine/core';
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { PageSkeleton } from '../ui/PageSkeleton';
import { ErrorState } from '../ui/ErrorState';
import { FullPageLoader } from '../ui/FullPageLoader';
import { toUiError } from './errors';
import { lazyPage } from './lazyPage';
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
const CourseDetail = lazyPage(chunks.courseDetail);
const MyEnrolments = lazyPage(chunks.myEnrolments);
const Approvals = lazyPage(chunks.approvals);
const Teaching = lazyPage(chunks.teaching);
const TeachingCourse = lazyPage(chunks.teachingCourse);
const AdminPeople = lazyPage(chunks.adminPeople);
const AdminOrgUnits = lazyPage(chunks.adminOrgUnits);
const AdminCourses = lazyPage(chunks.adminCourses);
const AdminCourseEdit = lazyPage(chunks.adminCourseEdit);
const AdminRoles = lazyPage(chunks.adminRoles);
const PlatformAgencies = lazyPage(chunks.platformAgencies);
const ChangePassword = lazyPage(chunks.changePassword);
const ForgotPassword = lazyPage(() => import('../routes/forgot-password'));
const ResetPassword = lazyPage(() => import('../routes/reset-password'));
const PlatformFailedJobs = lazyPage(() => import('../routes/platform-failed-jobs'));
const PlatformPartners = lazyPage(() => import('../routes/platform-partners'));
const PartnerStaff = lazyPage(() => import('../routes/partner-staff'));
const AcceptInvitation = lazyPage(() => import('../routes/accept-invitation'));
const NotFound = lazyPage(() => import('../routes/not-found'));

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

const routes: RouteObject[] = [
  {
    element: <PublicOnly />,
    errorElement: <RouteError />,
    children: [
      { path: '/masuk', element: <SignIn /> },
      { path: '/lupa-kata-sandi', element: <ForgotPassword /> },
      { path: '/atur-ulang-kata-sandi', element: <ResetPassword /> },
      { path: '/undangan-mitra', element: <AcceptInvitation /> },
    ],
  },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        // A screen that fails (its code did not download, or it broke) shows RouteError inside the
        // app's frame: the navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: page(Home) },
          { path: 'katalog', element: page(Catalogue, ['LEARNER']) },
          { path: 'kursus/:courseId', element: page(CourseDetail) },
          { path: 'pendaftaran', element: page(MyEnrolments, ['LEARNER']) },
          { path: 'persetujuan', element: page(Approvals, ['SUPERVISOR', 'AGENCY_ADMIN']) },
          { path: 'mengajar', element: page(Teaching, ['INSTRUCTOR']) },
          { path: 'mengajar/:runId', element: page(TeachingCourse, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/pegawai', element: page(AdminPeople, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/unit-kerja', element: page(AdminOrgUnits, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/kursus', element: page(AdminCourses, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/kursus/baru', element: page(AdminCourseEdit, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/kursus/:courseId', element: page(AdminCourseEdit, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'admin/peran', element: page(AdminRoles, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
          { path: 'platform/instansi', element: page(PlatformAgencies, ['PLATFORM_ADMIN']) },
          { path: 'platform/pekerjaan-gagal', element: page(PlatformFailedJobs, ['PLATFORM_ADMIN']) },
          { path: 'platform/mitra', element: page(PlatformPartners, ['PLATFORM_ADMIN']) },
          { path: 'platform/mitra/:partnerId', element: page(PartnerStaff, ['PLATFORM_ADMIN']) },
          { path: 'mitra', element: page(PartnerStaff, ['PARTNER_ADMIN']) },
          { path: 'akun/kata-sandi', element: page(ChangePassword) },
          { path: '*', element: page(NotFound) },
        ],
      },
    ],
  },
];

/** The app's router, made when the app mounts (it reads the address then, not when this module loads). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}

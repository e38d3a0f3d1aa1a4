import { Box } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { PageSkeleton } from '../ui/PageSkeleton';
import { ErrorState } from '../ui/ErrorState';
import { FullPageLoader } from '../ui/FullPageLoader';
import { toUiError } from './errors';
import { hasRole, useSession, type RoleName } from './session';

// One chunk per route (and one for the signed-in shell): a visitor on the sign-in page downloads
// neither the navigation nor any screen behind it.
const AppLayout = lazy(() => import('../features/shell/AppLayout').then((m) => ({ default: m.AppLayout })));
const SignIn = lazy(() => import('../routes/sign-in'));
const Home = lazy(() => import('../routes/home'));
const Catalogue = lazy(() => import('../routes/catalogue'));
const CourseDetail = lazy(() => import('../routes/course-detail'));
const MyEnrolments = lazy(() => import('../routes/my-enrolments'));
const Approvals = lazy(() => import('../routes/approvals'));
const Teaching = lazy(() => import('../routes/teaching'));
const TeachingCourse = lazy(() => import('../routes/teaching-course'));
const AdminPeople = lazy(() => import('../routes/admin-people'));
const AdminOrgUnits = lazy(() => import('../routes/admin-org-units'));
const AdminCourses = lazy(() => import('../routes/admin-courses'));
const AdminCourseEdit = lazy(() => import('../routes/admin-course-edit'));
const AdminRoles = lazy(() => import('../routes/admin-roles'));
const PlatformAgencies = lazy(() => import('../routes/platform-agencies'));
const ChangePassword = lazy(() => import('../routes/change-password'));
const NotFound = lazy(() => import('../routes/not-found'));

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

export const router = createBrowserRouter([
  {
    element: <PublicOnly />,
    children: [{ path: '/masuk', element: <SignIn /> }],
  },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: page(Home) },
      { path: 'katalog', element: page(Catalogue, ['LEARNER']) },
      { path: 'kursus/:courseId', element: page(CourseDetail) },
      { path: 'pendaftaran', element: page(MyEnrolments, ['LEARNER']) },
      { path: 'persetujuan', element: page(Approvals, ['SUPERVISOR', 'AGENCY_ADMIN']) },
      { path: 'mengajar', element: page(Teaching, ['INSTRUCTOR']) },
      { path: 'mengajar/:courseId', element: page(TeachingCourse, ['INSTRUCTOR', 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/pegawai', element: page(AdminPeople, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/unit-kerja', element: page(AdminOrgUnits, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/kursus', element: page(AdminCourses, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/kursus/baru', element: page(AdminCourseEdit, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/kursus/:courseId', element: page(AdminCourseEdit, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'admin/peran', element: page(AdminRoles, ['AGENCY_ADMIN', 'PLATFORM_ADMIN']) },
      { path: 'platform/instansi', element: page(PlatformAgencies, ['PLATFORM_ADMIN']) },
      { path: 'akun/kata-sandi', element: page(ChangePassword) },
      { path: '*', element: page(NotFound) },
    ],
  },
]);

import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takeEarlyAnswer } from '../app/early-answers';
import { toUiError } from '../app/errors';
import { staffScreen } from '../app/staff-screen';
import { hasRole, useMe } from '../app/session';
import { LearnerHomeDocument } from '../features/home/learner-home';
import { LearnerHomeView } from '../features/home/LearnerHomeView';
import { RoleHome } from '../features/home/RoleHome';

// Admins' agreements ending within 60 days: its own chunk, texts (the staff screens') and query, after the home page itself.
const ExpiringAgreements = lazy(staffScreen(() => import('../features/agreements/ExpiringAgreements')));

// Instructors' runs today and this week and what waits on them: its own chunk, texts (teaching's, staff) and query.
const InstructorHomeSection = lazy(staffScreen(() => import('../features/teaching/InstructorHomeSection')));

export default function HomeRoute() {
  const me = useMe();
  const expiring = hasRole(me, 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN') ? <Suspense fallback={null}><ExpiringAgreements /></Suspense> : null;
  const teaching = hasRole(me, 'INSTRUCTOR') ? <Suspense fallback={null}><InstructorHomeSection /></Suspense> : null;
  if (!hasRole(me, 'LEARNER')) return <>{expiring}<RoleHome>{teaching}</RoleHome></>;
  return <>{expiring}<LearnerHome teaching={teaching} /></>;
}

function LearnerHome({ teaching }: { teaching: ReactNode }) {
  const { t } = useTranslation();
  // A first visit drew this page from the answer fetched at start, now in Apollo's cache (App.tsx): read from it, not
  // asked again, however late this screen mounts; later visits ask as usual.
  const [early] = useState(() => takeEarlyAnswer(LearnerHomeDocument));
  const { data, loading, error, refetch } = useQuery(LearnerHomeDocument, early ? { fetchPolicy: 'cache-first', nextFetchPolicy: 'cache-and-network' } : {});
  return (
    <LearnerHomeView
      home={data?.learnerHome}
      loading={loading}
      error={error ? toUiError(error, t).message : null}
      onRetry={() => void refetch()}
      teaching={teaching}
    />
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconChecklist, IconArrowRight } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../app/errors';
import { staffScreen } from '../app/staff-screen';
import { hasRole, useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { EnrolmentCard } from '../features/enrolment/EnrolmentCard';
import { JpYearCard } from '../features/home/JpYearCard';
import { RecommendationCard } from '../features/home/RecommendationCard';
import { RoleHome } from '../features/home/RoleHome';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

const LearnerHomeDocument = graphql(`
  query LearnerHome {
    learnerHome {
      year
      jp
      targetJp
      remainingJp
      progress
      minutesPerJp
      pendingApprovalsCount
      pendingEnrolments {
        id
        ...EnrolmentCard_enrolment
      }
      activeEnrolments {
        id
        ...EnrolmentCard_enrolment
      }
      upcoming {
        id
        ...EnrolmentCard_enrolment
      }
      awaitingResult {
        id
        ...EnrolmentCard_enrolment
      }
      recommended {
        course {
          id
        }
        ...RecommendationCard_recommendation
      }
    }
  }
`);

function greetingKey(hour: number): string {
  if (hour >= 4 && hour < 11) return 'home.greeting.morning';
  if (hour >= 11 && hour < 15) return 'home.greeting.midday';
  if (hour >= 15 && hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

function Section({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="xl" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

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
  const me = useMe();
  const fmt = useFormatters();
  const { data, loading, error, refetch } = useQuery(LearnerHomeDocument);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: fmt.timeZone }).format(new Date()));
  const firstName = me.fullName.replace(/^(dr|ir|drs|prof|h)\.?\s+/i, '').split(/\s+/)[0];
  const header = <PageHeader title={t(greetingKey(hour), { name: firstName })} description={[me.orgUnitName, me.agencyName].filter(Boolean).join(' · ') || undefined} />;

  if (loading && !data) return <>{header}<PageSkeleton cards={3} /></>;
  if (error && !data) return <>{header}<ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} /></>;
  if (!data) return null;
  const h = data.learnerHome;
  // The server splits enrolments by their run's dates, so each appears in exactly one section.
  const nothingYet = [h.activeEnrolments, h.pendingEnrolments, h.upcoming, h.awaitingResult].every((list) => list.length === 0);

  return (
    <>
      {header}
      <Stack gap="xl">
        <JpYearCard year={h.year} jp={h.jp} targetJp={h.targetJp} remainingJp={h.remainingJp} progress={h.progress} />

        {teaching}

        {h.pendingApprovalsCount > 0 ? (
          <Alert color="orange" variant="light" icon={<IconChecklist aria-hidden />} title={t('home.approvalsWaitingTitle')}>
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('home.approvalsWaiting', { count: h.pendingApprovalsCount })}</Text>
              <Button component={Link} to="/persetujuan" size="sm" color="orange" rightSection={<IconArrowRight size={16} aria-hidden />}>
                {t('home.openApprovals')}
              </Button>
            </Group>
          </Alert>
        ) : null}

        {h.pendingEnrolments.length > 0 ? (
          <Section id="home-pending" title={t('home.pending')}>
            <Stack gap="sm">
              {h.pendingEnrolments.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} />
              ))}
            </Stack>
          </Section>
        ) : null}

        {h.upcoming.length > 0 ? (
          <Section id="home-upcoming" title={t('home.upcoming')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {h.upcoming.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} />
              ))}
            </SimpleGrid>
          </Section>
        ) : null}

        {h.activeEnrolments.length > 0 ? (
          <Section id="home-active" title={t('home.running')} action={<Anchor component={Link} to="/pendaftaran" size="sm" fw={600}>{t('home.allEnrolments')}</Anchor>}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {h.activeEnrolments.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} />
              ))}
            </SimpleGrid>
          </Section>
        ) : null}

        {h.awaitingResult.length > 0 ? (
          <Section id="home-awaiting" title={t('home.awaitingResult')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {h.awaitingResult.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} />
              ))}
            </SimpleGrid>
          </Section>
        ) : null}

        {nothingYet ? (
          <EmptyState icon={<IconBooks aria-hidden />} title={t('home.nothingYetTitle')} action={<Button component={Link} to="/katalog">{t('home.openCatalogue')}</Button>}>
            {t('home.nothingYet')}
          </EmptyState>
        ) : null}

        {h.recommended.length > 0 ? (
          <Section id="home-recommended" title={t('home.recommended')} action={<Anchor component={Link} to="/katalog" size="sm" fw={600}>{t('home.openCatalogue')}</Anchor>}>
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
              {h.recommended.map((r) => (
                <RecommendationCard key={r.course.id} recommendation={r} remainingJp={h.remainingJp} targetJp={h.targetJp} />
              ))}
            </SimpleGrid>
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

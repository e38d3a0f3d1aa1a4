import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconBooks, IconChecklist } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import { useMe } from '../../app/me';
import { useFormatters } from '../../app/useFormatters';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { EnrolmentCard } from '../enrolment/EnrolmentCard';
import { JpYearCard } from './JpYearCard';
import type { LearnerHomeData } from './learner-home';
import { RecommendationCard } from './RecommendationCard';

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

/**
 * The learner's home page: greeting, the year's JP, what waits, runs and suggestions. Drawn by the app
 * (routes/home.tsx, Apollo's answer) and by the home page's first paint (app/HomeStart.tsx, the answer
 * fetched at start): no Apollo, no router here.
 */
export function LearnerHomeView({ home, loading, error, onRetry, teaching }: {
  home: LearnerHomeData | undefined;
  loading: boolean;
  /** Why the page could not be loaded, in the UI language. */
  error: string | null;
  onRetry: () => void;
  teaching?: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: fmt.timeZone }).format(new Date()));
  const firstName = me.fullName.replace(/^(dr|ir|drs|prof|h)\.?\s+/i, '').split(/\s+/)[0];
  const header = <PageHeader title={t(greetingKey(hour), { name: firstName })} description={[me.orgUnitName, me.agencyName].filter(Boolean).join(' · ') || undefined} />;

  if (loading && !home) return <>{header}<PageSkeleton cards={3} /></>;
  if (error && !home) return <>{header}<ErrorState message={error} onRetry={onRetry} /></>;
  if (!home) return null;
  const h = home;
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
              <Button component={AppLink} to="/persetujuan" size="sm" color="orange" rightSection={<IconArrowRight size={16} aria-hidden />}>
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
          <Section id="home-active" title={t('home.running')} action={<Anchor component={AppLink} to="/pendaftaran" size="sm" fw={600}>{t('home.allEnrolments')}</Anchor>}>
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
          <EmptyState icon={<IconBooks aria-hidden />} title={t('home.nothingYetTitle')} action={<Button component={AppLink} to="/katalog">{t('home.openCatalogue')}</Button>}>
            {t('home.nothingYet')}
          </EmptyState>
        ) : null}

        {h.recommended.length > 0 ? (
          <Section id="home-recommended" title={t('home.recommended')} action={<Anchor component={AppLink} to="/katalog" size="sm" fw={600}>{t('home.openCatalogue')}</Anchor>}>
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

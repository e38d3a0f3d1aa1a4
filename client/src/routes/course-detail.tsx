import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconArmchair,
  IconArrowLeft,
  IconBuilding,
  IconCalendarEvent,
  IconClockHour4,
  IconCoin,
  IconDeviceLaptop,
  IconMapPin,
  IconSettings,
  IconUserCheck,
  IconUsers,
} from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorCode, toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { hasRole, useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { RunStateBadge } from '../features/course/RunStateBadge';
import { seatsColor, seatsText } from '../features/course/seats';
import { EnrolPanel, RunEnrol } from '../features/enrolment/EnrolPanel';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

// A workshop's sessions and materials: their own query and chunk, loaded only on a workshop's page.
const SessionList = lazy(() => import('../features/workshops/SessionList'));

const CourseDetailDocument = graphql(`
  query CourseDetail($id: ID!, $includeEnded: Boolean!, $first: Int!, $after: String) {
    course(id: $id) {
      id
      code
      title
      kind
      description
      form
      formGroup
      delivery
      jp
      competencyTags
      costPerParticipant
      status
      canManage
      owner {
        id
        name
        kind
      }
      ...EnrolPanel_course
      runs(first: $first, after: $after, includeEnded: $includeEnded) {
        nodes {
          id
          code
          status
          startsAt
          endsAt
          enrolmentClosesAt
          location
          timeZone
          onlineUrl
          hasOnlineUrl
          capacity
          seatsLeft
          waitlistLength
          enrolmentPolicy
          viewerMayRecordOutcomes
          instructors {
            id
            fullName
            partnerName
          }
          ...RunEnrol_run
        }
        pageInfo {
          endCursor
          hasNextPage
        }
        totalCount
      }
    }
  }
`);

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text c="lantern.9" mt={2} component="span" aria-hidden>
        {icon}
      </Text>
      <Stack gap={0}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
        <Text fw={600}>{children}</Text>
      </Stack>
    </Group>
  );
}

export default function CourseDetailRoute() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormatters();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // Ended and cancelled runs only when asked for (in the URL): the page is for choosing a run to join.
  const includeEnded = params.get('angkatan') === 'semua';
  const { data, loading, error, refetch, more } = usePagedList(CourseDetailDocument, { variables: { id: courseId, includeEnded, first: 10, after: null }, page: (d) => d.course.runs });

  if (loading && !data) return <PageSkeleton cards={2} />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return (
        <>
          <PageHeader title={t('course.notFoundTitle')} />
          <EmptyState title={t('course.notFoundTitle')} action={<Button component={Link} to="/katalog">{t('course.backToCatalogue')}</Button>}>
            {t('course.notFoundBody')}
          </EmptyState>
        </>
      );
    }
    return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  const c = data.course;
  const runs = c.runs.nodes;
  // Only learners enrol; instructors and admins see the course without the enrol panel.
  const learner = hasRole(me, 'LEARNER');

  return (
    <>
      <Anchor component={Link} to={learner ? '/katalog' : '/'} size="sm" fw={600} underline="hover" mb="xs" display="inline-flex" className="lentera-inline-icon">
        <IconArrowLeft size={16} aria-hidden /> {learner ? t('course.backToCatalogue') : t('course.backHome')}
      </Anchor>
      <PageHeader
        eyebrow={`${t(`enum.form.${c.form}`)} · ${c.code}`}
        title={c.title}
        description={t('course.runBy', { name: c.owner.name })}
        actions={
          c.canManage ? (
            <Button component={Link} to={`/admin/kursus/${c.id}`} variant="default" leftSection={<IconSettings size={18} aria-hidden />}>
              {t('course.manage')}
            </Button>
          ) : undefined
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {learner ? <EnrolPanel course={c} /> : null}
            <Paper withBorder p="md" bg="white">
              <Stack gap="md">
                <Fact icon={<IconClockHour4 size={20} />} label={t('course.facts.jp')}>
                  {t('common.jp', { jp: fmt.number(c.jp) })}
                </Fact>
                <Fact icon={<IconDeviceLaptop size={20} />} label={t('course.facts.delivery')}>
                  {t(`enum.delivery.${c.delivery}`)}
                </Fact>
                {c.costPerParticipant > 0 ? (
                  <Fact icon={<IconCoin size={20} />} label={t('course.facts.cost')}>
                    {t('course.costValue', { cost: fmt.rupiah(c.costPerParticipant) })}
                  </Fact>
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" bg="white" component="section" aria-labelledby="what-you-learn">
              <Title order={2} fz="lg" mb="xs" id="what-you-learn">
                {t('course.whatYouLearn')}
              </Title>
              {c.description.trim() ? <Text className="lentera-prewrap">{c.description}</Text> : <Text c="dimmed">{t('course.noDescription')}</Text>}
            </Paper>

            {c.competencyTags.length > 0 ? (
              <Paper withBorder p="md" bg="white" component="section" aria-labelledby="competencies">
                <Title order={2} fz="lg" mb="xs" id="competencies">
                  {t('course.competencies')}
                </Title>
                <Group gap={8}>
                  {c.competencyTags.map((tag) => (
                    <Badge key={tag} size="lg" color="lantern" variant="light" component={Link} to={`/katalog?kompetensi=${encodeURIComponent(tag)}`} className="lentera-clickable">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Paper>
            ) : null}

            <Paper withBorder p="md" bg="white" component="section" aria-labelledby="runs">
              <Title order={2} fz="lg" mb={4} id="runs">
                {includeEnded ? t('run.allTitle') : t('run.openTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('course.timeZoneNote', { zone: fmt.zoneLabel })}
              </Text>
              {runs.length === 0 ? <Text>{includeEnded ? t('run.noneAtAll') : t('run.noneOpenLong')}</Text> : null}
              <Stack gap="sm" component="ul" className="lentera-plain-list">
                {runs.map((r) => (
                  <Paper key={r.id} component="li" withBorder p="sm" radius="md">
                    <Stack gap={6} component="article" aria-labelledby={`run-${r.id}`}>
                      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                        <Title order={3} fz="md" id={`run-${r.id}`}>
                          {t('run.code', { code: r.code })}
                        </Title>
                        <RunStateBadge status={r.status} closedReason={r.enrolmentClosedReason} />
                      </Group>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <IconCalendarEvent size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                        <Stack gap={0}>
                          <Text size="sm">{r.startsAt ? fmt.runSchedule(r.startsAt, r.endsAt, r.timeZone) : t('course.anytime')}</Text>
                          {/* The run's .ics (calendar module): the online link in it only for who holds a seat. */}
                          {r.startsAt ? (
                            <Anchor href={`/kalender/angkatan/${r.id}.ics`} size="sm" download>
                              {t('run.addToCalendar')}
                            </Anchor>
                          ) : null}
                        </Stack>
                      </Group>
                      {r.location ? (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconMapPin size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                          <Text size="sm">{r.location}</Text>
                        </Group>
                      ) : null}
                      {r.hasOnlineUrl ? (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconDeviceLaptop size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                          {/* The server gives the meeting link only to the run's seat holders and who runs it; others see that it is online. */}
                          {r.onlineUrl ? (
                            <Anchor href={r.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                              {t('run.joinOnline')}
                            </Anchor>
                          ) : (
                            <Text size="sm">{t(r.viewerEnrolment?.status === 'WAITLISTED' || r.viewerEnrolment?.status === 'REQUESTED' ? 'run.onlineAfterSeat' : 'run.onlineAfterEnrol')}</Text>
                          )}
                        </Group>
                      ) : null}
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <IconArmchair size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                        <Text size="sm" fw={700} c={seatsColor(r)}>
                          {seatsText(r, t)}
                        </Text>
                      </Group>
                      {r.enrolmentPolicy !== 'OPEN' ? (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconUserCheck size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                          <Text size="sm">{t(`enum.policy.${r.enrolmentPolicy}`)}</Text>
                        </Group>
                      ) : null}
                      {r.enrolmentClosesAt && !r.enrolmentClosedReason ? (
                        <Text size="sm" c="dimmed">
                          {t('enrolment.deadline', { date: fmt.dateTime(r.enrolmentClosesAt) })}
                        </Text>
                      ) : null}
                      {r.instructors.length > 0 ? (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconUsers size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                          <Text size="sm">
                            {t('run.instructors', { names: r.instructors.map((i) => (i.partnerName ? `${i.fullName} (${i.partnerName})` : i.fullName)).join(', ') })}
                          </Text>
                        </Group>
                      ) : null}
                      {c.kind === 'WORKSHOP' ? (
                        <Suspense fallback={null}>
                          <SessionList runId={r.id} />
                        </Suspense>
                      ) : null}
                      {c.kind === 'WORKSHOP' && c.canManage && r.status !== 'CANCELLED' ? (
                        <Button component={Link} to={`/admin/angkatan/${r.id}`} variant="default" size="compact-md" leftSection={<IconSettings size={16} aria-hidden />} aria-label={t('workshop.manageAria', { code: r.code })}>
                          {t('workshop.manage')}
                        </Button>
                      ) : null}
                      {learner ? <RunEnrol course={c} run={r} /> : null}
                      {r.viewerMayRecordOutcomes || c.canManage ? (
                        <Button component={Link} to={`/mengajar/${r.id}`} variant="default" size="compact-md" leftSection={<IconUsers size={16} aria-hidden />} aria-label={t('run.rosterAria', { code: r.code })}>
                          {t('course.roster')}
                        </Button>
                      ) : null}
                    </Stack>
                  </Paper>
                ))}
              </Stack>
              <LoadMore {...more} />
              <Anchor component="button" type="button" size="sm" fw={600} mt="xs" onClick={() => setParams(includeEnded ? {} : { angkatan: 'semua' }, { replace: true })}>
                {includeEnded ? t('run.showOpenOnly') : t('run.showAll')}
              </Anchor>
            </Paper>

            <Paper withBorder p="md" bg="white" component="section" aria-labelledby="people">
              <Title order={2} fz="lg" mb="sm" id="people">
                {t('course.peopleTitle')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Group gap="sm" wrap="nowrap">
                  <Avatar color="ink" radius="md">
                    <IconBuilding size={20} aria-hidden />
                  </Avatar>
                  <Stack gap={0}>
                    <Text fw={700}>{c.owner.name}</Text>
                    <Text size="sm" c="dimmed">
                      {t('course.ownerRole', { kind: t(`enum.ownerKind.${c.owner.kind}`) })}
                    </Text>
                  </Stack>
                </Group>
              </SimpleGrid>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

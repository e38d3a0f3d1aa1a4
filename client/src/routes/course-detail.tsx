import { useQuery } from '@apollo/client/react';
import { Anchor, Avatar, Badge, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
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
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCode, toUiError } from '../app/errors';
import { hasRole, useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { seatsColor, seatsText } from '../features/course/seats';
import { EnrolPanel } from '../features/enrolment/EnrolPanel';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { initials } from '../ui/initials';
import { PageSkeleton } from '../ui/PageSkeleton';

const CourseDetailDocument = graphql(`
  query CourseDetail($id: ID!) {
    course(id: $id) {
      id
      code
      title
      description
      form
      formGroup
      delivery
      jp
      competencyTags
      capacity
      seatsTaken
      seatsLeft
      waitlistLength
      enrolmentPolicy
      costPerParticipant
      status
      startsAt
      endsAt
      location
      canManage
      owner {
        id
        name
        kind
      }
      instructors {
        id
        fullName
        partnerName
      }
      ...EnrolPanel_course
      viewerEnrolment {
        id
        ...EnrolmentState_enrolment
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
  const { data, loading, error, refetch } = useQuery(CourseDetailDocument, { variables: { id: courseId } });

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
  const mine = c.viewerEnrolment ?? null;
  const teaches = c.instructors.some((i) => i.id === me.id);
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
          c.canManage || teaches ? (
            <>
              <Button component={Link} to={`/mengajar/${c.id}`} variant="default" leftSection={<IconUsers size={18} aria-hidden />}>
                {t('course.roster')}
              </Button>
              {c.canManage ? (
                <Button component={Link} to={`/admin/kursus/${c.id}`} variant="default" leftSection={<IconSettings size={18} aria-hidden />}>
                  {t('course.manage')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {learner ? <EnrolPanel course={c} enrolment={mine} /> : null}
            <Paper withBorder p="md" bg="white">
              <Stack gap="md">
                <Fact icon={<IconClockHour4 size={20} />} label={t('course.facts.jp')}>
                  {t('common.jp', { jp: fmt.number(c.jp) })}
                </Fact>
                <Fact icon={<IconCalendarEvent size={20} />} label={t('course.facts.schedule')}>
                  {c.startsAt ? fmt.schedule(c.startsAt, c.endsAt) : t('course.anytime')}
                </Fact>
                <Fact icon={<IconDeviceLaptop size={20} />} label={t('course.facts.delivery')}>
                  {t(`enum.delivery.${c.delivery}`)}
                </Fact>
                {c.location ? (
                  <Fact icon={<IconMapPin size={20} />} label={t('course.facts.location')}>
                    {c.location}
                  </Fact>
                ) : null}
                <Fact icon={<IconArmchair size={20} />} label={t('course.facts.seats')}>
                  <Text span fw={700} c={seatsColor(c)}>
                    {seatsText(c, t)}
                  </Text>
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

            {c.startsAt ? (
              <Paper withBorder p="md" bg="white" component="section" aria-labelledby="schedule">
                <Title order={2} fz="lg" mb="xs" id="schedule">
                  {t('course.schedule')}
                </Title>
                <List spacing={6}>
                  <List.Item>
                    <Text span fw={600}>{t('course.starts')}:</Text> {fmt.dateTime(c.startsAt)}
                  </List.Item>
                  {c.endsAt ? (
                    <List.Item>
                      <Text span fw={600}>{t('course.ends')}:</Text> {fmt.dateTime(c.endsAt)}
                    </List.Item>
                  ) : null}
                </List>
                <Text size="sm" c="dimmed" mt="xs">
                  {t('course.timeZoneNote', { zone: fmt.zoneLabel })}
                </Text>
              </Paper>
            ) : null}

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
                {c.instructors.map((i) => (
                  <Group key={i.id} gap="sm" wrap="nowrap">
                    <Avatar color="lantern" radius="xl">
                      {initials(i.fullName)}
                    </Avatar>
                    <Stack gap={0}>
                      <Text fw={700}>{i.fullName}</Text>
                      <Text size="sm" c="dimmed">
                        {i.partnerName ? t('course.instructorAt', { partner: i.partnerName }) : t('enum.role.INSTRUCTOR')}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </SimpleGrid>
              {c.instructors.length === 0 ? (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('course.noInstructors')}
                </Text>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconCalendarOff, IconArmchair, IconDeviceLaptop, IconMapPin, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { CourseCard_CourseFragment } from '../../gql/__generated__/graphql';
import { seatsColor, seatsText } from '../course/seats';
import { EnrolmentStatusBadge } from '../enrolment/EnrolmentStatusBadge';

/** The viewer's own enrolments a card states, so nobody re-enrols into what they are in or finished. */
const SHOWN_STATUS = ['REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED', 'FAILED'] as const;
type ShownStatus = (typeof SHOWN_STATUS)[number];
const isShown = (status: string | undefined): status is ShownStatus => SHOWN_STATUS.includes(status as ShownStatus);

graphql(`
  fragment CourseCard_course on Course {
    id
    code
    title
    kind
    form
    delivery
    jp
    nextRun {
      id
      code
      startsAt
      endsAt
      location
      hasOnlineUrl
      capacity
      seatsLeft
      waitlistLength
      enrolmentPolicy
      enrolmentClosedReason
    }
    viewerEnrolment {
      id
      status
    }
    competencyTags
    owner {
      id
      name
      kind
    }
  }
`);

/** One course in a list: the whole card opens it; JP, who runs it and its next run (angkatan, dates, place, seats) at a glance. */
export function CourseCard({ course }: { course: CourseCard_CourseFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const mine = course.viewerEnrolment?.status;
  const run = course.nextRun;
  return (
    <Card component={Link} to={`/kursus/${course.id}`} bg="white" h="100%" aria-label={undefined}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap={6}>
            {course.kind === 'WORKSHOP' ? (
              <Badge color="lantern" variant="filled">
                {t('enum.courseKind.WORKSHOP_SHORT')}
              </Badge>
            ) : null}
            <Badge color="ink" variant="light">
              {t(`enum.form.${course.form}`)}
            </Badge>
            <Badge color="ink" variant="outline">
              {t(`enum.delivery.${course.delivery}`)}
            </Badge>
          </Group>
          <Stack gap={0} align="center" miw={52}>
            <Text fw={800} fz={22} lh={1} c="lantern.9">
              {fmt.number(course.jp)}
            </Text>
            <Text size="xs" fw={700} c="dimmed">
              {t('common.jpUnit')}
            </Text>
          </Stack>
        </Group>
        <Title order={3} fz="lg" lh={1.3}>
          {course.title}
        </Title>
        {isShown(mine) ? (
          <Group gap={6}>
            <EnrolmentStatusBadge status={mine} size="sm">
              {t(`catalogue.myStatus.${mine}`)}
            </EnrolmentStatusBadge>
          </Group>
        ) : null}
        <Stack gap={4} mt="auto">
          <Group gap={6} wrap="nowrap">
            <IconBuilding size={16} aria-hidden />
            <Text size="sm">
              {course.owner.name}
            </Text>
          </Group>
          {run ? (
            <Group gap={6} wrap="nowrap">
              <IconCalendarEvent size={16} aria-hidden />
              <Text size="sm">
                {t('run.next', { code: run.code })} · {run.startsAt ? fmt.schedule(run.startsAt, run.endsAt) : t('course.anytime')}
              </Text>
            </Group>
          ) : null}
          {run ? (
            <Group gap={6} wrap="nowrap">
              {run.location ? <IconMapPin size={16} aria-hidden /> : <IconDeviceLaptop size={16} aria-hidden />}
              <Text size="sm">{run.location ? (run.hasOnlineUrl ? t('run.placeAndOnline', { place: run.location }) : run.location) : run.hasOnlineUrl ? t('run.online') : t(`enum.delivery.${course.delivery}`)}</Text>
            </Group>
          ) : null}
          {!run ? (
            <Group gap={6} wrap="nowrap">
              <IconCalendarOff size={16} aria-hidden />
              <Text size="sm" fw={600} c="ink.7">
                {t('run.noneOpen')}
              </Text>
            </Group>
          ) : run.enrolmentClosedReason ? (
            <Group gap={6} wrap="nowrap">
              <IconCalendarOff size={16} aria-hidden />
              <Text size="sm" fw={600} c="ink.7">
                {t('catalogue.closed')}
              </Text>
            </Group>
          ) : (
            <Group gap={6} wrap="nowrap">
              <IconArmchair size={16} aria-hidden />
              <Text size="sm" fw={600} c={seatsColor(run)}>
                {seatsText(run, t)}
              </Text>
            </Group>
          )}
          {run && run.enrolmentPolicy !== 'OPEN' ? (
            <Group gap={6} wrap="nowrap">
              <IconUserCheck size={16} aria-hidden />
              <Text size="sm">{t(`enum.policy.${run.enrolmentPolicy}`)}</Text>
            </Group>
          ) : null}
        </Stack>
      </Stack>
    </Card>
  );
}

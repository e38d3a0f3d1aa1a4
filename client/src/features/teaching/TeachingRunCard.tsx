import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconListNumbers, IconMapPin, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { TeachingRunCard_RunFragment } from '../../gql/__generated__/graphql';
import { CourseStatusBadge } from '../course-admin/CourseStatusBadge';
import { RunStateBadge } from '../course/RunStateBadge';

graphql(`
  fragment TeachingRunCard_run on CourseRun {
    id
    code
    status
    startsAt
    endsAt
    location
    capacity
    seatsTaken
    waitlistLength
    course {
      id
      code
      title
      jp
      status
      owner {
        id
        name
      }
    }
  }
`);

/** A run (angkatan) the viewer teaches: the whole card opens its participant list. */
export function TeachingRunCard({ run }: { run: TeachingRunCard_RunFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const course = run.course;
  return (
    <Card bg="white" h="100%" className="lentera-link-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap={6}>
            <CourseStatusBadge status={course.status} />
            {run.status === 'CANCELLED' ? <RunStateBadge status={run.status} closedReason={null} /> : null}
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">
            {course.code}
          </Text>
        </Group>
        <Title order={3} fz="lg" lh={1.3}>
          {/* The title is the link (named with what it opens); it stretches over the whole card. */}
          <Link to={`/mengajar/${run.id}`} aria-label={t('teaching.openRoster', { title: `${course.title}, ${t('run.code', { code: run.code })}` })} className="lentera-stretched-link">
            {course.title}
          </Link>
        </Title>
        <Text size="sm" fw={700}>
          {t('run.code', { code: run.code })}
        </Text>
        <Stack gap={4} mt="auto">
          <Group gap={6} wrap="nowrap">
            <IconBuilding size={16} aria-hidden />
            <Text size="sm">{course.owner.name}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm">
              {[run.startsAt ? fmt.schedule(run.startsAt, run.endsAt) : t('course.anytime'), t('common.jp', { jp: fmt.number(course.jp) })].join(' · ')}
            </Text>
          </Group>
          {run.location ? (
            <Group gap={6} wrap="nowrap">
              <IconMapPin size={16} aria-hidden />
              <Text size="sm">{run.location}</Text>
            </Group>
          ) : null}
          <Group gap={6} wrap="nowrap">
            <IconUsers size={16} aria-hidden />
            <Text size="sm" fw={600}>
              {run.capacity !== null
                ? t('teaching.seatsUsed', { taken: fmt.number(run.seatsTaken), capacity: fmt.number(run.capacity) })
                : t('teaching.participants', { taken: fmt.number(run.seatsTaken) })}
            </Text>
          </Group>
          {run.waitlistLength > 0 ? (
            <Group gap={6} wrap="nowrap">
              <IconListNumbers size={16} aria-hidden />
              <Text size="sm">{t('teaching.waitlistCount', { waiting: fmt.number(run.waitlistLength) })}</Text>
            </Group>
          ) : null}
        </Stack>
      </Stack>
    </Card>
  );
}

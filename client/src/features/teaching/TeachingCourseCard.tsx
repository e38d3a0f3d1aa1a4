import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconListNumbers, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { TeachingCourseCard_CourseFragment } from '../../gql/__generated__/graphql';
import { CourseStatusBadge } from '../course-admin/CourseStatusBadge';

export const TeachingCourseCard_course = graphql(`
  fragment TeachingCourseCard_course on Course {
    id
    code
    title
    jp
    status
    startsAt
    endsAt
    capacity
    seatsTaken
    waitlistLength
    owner {
      id
      name
    }
  }
`);

/** A course the viewer teaches: the whole card opens its participant list. */
export function TeachingCourseCard({ course }: { course: TeachingCourseCard_CourseFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Card bg="white" h="100%" className="lentera-link-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <CourseStatusBadge status={course.status} />
          <Text size="xs" c="dimmed" ff="monospace">
            {course.code}
          </Text>
        </Group>
        <Title order={3} fz="lg" lh={1.3}>
          {/* The title is the link (named with what it opens); it stretches over the whole card. */}
          <Link to={`/mengajar/${course.id}`} aria-label={t('teaching.openRoster', { title: course.title })} className="lentera-stretched-link">
            {course.title}
          </Link>
        </Title>
        <Stack gap={4} mt="auto">
          <Group gap={6} wrap="nowrap">
            <IconBuilding size={16} aria-hidden />
            <Text size="sm">
              {course.owner.name}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm">
              {[course.startsAt ? fmt.schedule(course.startsAt, course.endsAt) : t('course.anytime'), t('common.jp', { jp: fmt.number(course.jp) })].join(' · ')}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconUsers size={16} aria-hidden />
            <Text size="sm" fw={600}>
              {course.capacity !== null
                ? t('teaching.seatsUsed', { taken: fmt.number(course.seatsTaken), capacity: fmt.number(course.capacity) })
                : t('teaching.participants', { taken: fmt.number(course.seatsTaken) })}
            </Text>
          </Group>
          {course.waitlistLength > 0 ? (
            <Group gap={6} wrap="nowrap">
              <IconListNumbers size={16} aria-hidden />
              <Text size="sm">{t('teaching.waitlistCount', { waiting: fmt.number(course.waitlistLength) })}</Text>
            </Group>
          ) : null}
        </Stack>
      </Stack>
    </Card>
  );
}

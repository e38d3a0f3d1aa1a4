import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { EnrolmentCard_EnrolmentFragment } from '../../gql/__generated__/graphql';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';
import { statusSentence } from './statusSentence';

graphql(`
  fragment EnrolmentCard_enrolment on Enrolment {
    id
    status
    requestedAt
    approverName
    decidedByName
    decisionNote
    waitlistPosition
    finishedAt
    creditedMinutes
    course {
      id
      code
      title
      jp
      form
      delivery
      ownerName
    }
    run {
      id
      code
      startsAt
      endsAt
      location
      timeZone
      onlineUrl
      hasOnlineUrl
    }
  }
`);

/** One enrolment: the course, its state in colour, icon and words, and what happens next. */
export function EnrolmentCard({ enrolment: e, actions }: { enrolment: EnrolmentCard_EnrolmentFragment; actions?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Card bg="white" component="article" aria-labelledby={`enrolment-${e.id}`}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <EnrolmentStatusBadge status={e.status} />
          <Text fw={800} c="lantern.9" className="lentera-nowrap">
            {t('common.jp', { jp: fmt.number(e.course.jp) })}
          </Text>
        </Group>
        <Anchor component={AppLink} to={`/kursus/${e.course.id}`} fw={700} fz="lg" c="var(--mantine-color-text)" underline="hover" lh={1.3} id={`enrolment-${e.id}`}>
          {e.course.title}
        </Anchor>
        <Text size="sm">{statusSentence(e, t, fmt.relative, fmt.date)}</Text>
        <Group gap="md" c="dimmed">
          <Group gap={4} wrap="nowrap">
            <IconBuilding size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              {e.course.ownerName}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('run.code', { code: e.run.code })} · {e.run.startsAt ? fmt.runSchedule(e.run.startsAt, e.run.endsAt, e.run.timeZone) : t('course.anytime')}
            </Text>
          </Group>
          {e.run.location ? (
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={16} aria-hidden />
              <Text size="sm" c="dimmed">
                {e.run.location}
              </Text>
            </Group>
          ) : null}
        </Group>
        {/* The server gives the link only to seat holders (and who runs the run); a request or a waiting place is told it comes with a seat. */}
        {e.run.onlineUrl ? (
          <Anchor href={e.run.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600} className="lentera-inline-icon">
            <IconDeviceLaptop size={16} aria-hidden /> {t('run.joinOnline')}
          </Anchor>
        ) : e.run.hasOnlineUrl && (e.status === 'WAITLISTED' || e.status === 'REQUESTED') ? (
          <Text size="sm" c="dimmed" className="lentera-inline-icon">
            <IconDeviceLaptop size={16} aria-hidden /> {t('run.onlineAfterSeat')}
          </Text>
        ) : null}
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Stack>
    </Card>
  );
}

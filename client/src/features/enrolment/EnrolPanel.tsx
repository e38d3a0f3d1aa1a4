import { Alert, Box, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarOff, IconInfoCircle, IconListNumbers, IconUserCheck, IconBolt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../app/session';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { EnrolPanel_CourseFragment, EnrolmentState_EnrolmentFragment } from '../../gql/__generated__/graphql';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';
import { statusSentence } from './statusSentence';
import { useEnrol } from './useEnrol';
import { WithdrawButton } from './WithdrawButton';

export const EnrolPanel_course = graphql(`
  fragment EnrolPanel_course on Course {
    id
    title
    jp
    status
    enrolmentPolicy
    capacity
    seatsLeft
    waitlistLength
    endsAt
    enrolmentClosesAt
    enrolmentClosedReason
  }
`);

const OPEN_AGAIN = ['REJECTED', 'WITHDRAWN'];

/**
 * The enrol button with its consequence stated before it is pressed, and afterwards the
 * outcome in plain words (and what happens next).
 */
export function EnrolPanel({ course, enrolment: initial }: { course: EnrolPanel_CourseFragment; enrolment: EnrolmentState_EnrolmentFragment | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const [fresh, setFresh] = useState<EnrolmentState_EnrolmentFragment | null>(null);
  const enrolment = fresh ?? initial;
  const { enrol, loading } = useEnrol(course.title);

  const canEnrolAgain = !enrolment || OPEN_AGAIN.includes(enrolment.status);
  const full = course.capacity !== null && course.seatsLeft === 0;

  let consequence: { icon: ReactNode; text: string; tone: 'info' | 'warn' } | null = null;
  let blocked: string | null = null;
  let buttonLabel = t('enrolment.enrolNow');
  // Closed (ended, or past the deadline) says so and why, instead of offering a button the server refuses.
  const closed = course.enrolmentClosedReason
    ? t(`enrolment.closed.${course.enrolmentClosedReason}`, {
        date: fmt.dateTime((course.enrolmentClosedReason === 'COURSE_ENDED' ? course.endsAt : course.enrolmentClosesAt) ?? new Date()),
      })
    : null;
  if (course.status !== 'PUBLISHED') blocked = t('errors.COURSE_NOT_OPEN');
  else if (!hasRole(me, 'LEARNER')) blocked = t('errors.NOT_A_LEARNER');
  else if (course.enrolmentPolicy === 'INVITATION') blocked = t('enrolment.consequence.invitation');
  else if (course.enrolmentPolicy === 'SUPERVISOR_APPROVAL') {
    if (!me.supervisorName) blocked = t('errors.NO_SUPERVISOR');
    else {
      consequence = {
        icon: <IconUserCheck size={20} aria-hidden />,
        text: full
          ? t('enrolment.consequence.approvalFull', { name: me.supervisorName })
          : t('enrolment.consequence.approval', { name: me.supervisorName }),
        tone: 'info',
      };
      buttonLabel = t('enrolment.requestApproval');
    }
  } else if (full) {
    consequence = { icon: <IconListNumbers size={20} aria-hidden />, text: t('enrolment.consequence.waitlist', { position: course.waitlistLength + 1 }), tone: 'warn' };
    buttonLabel = t('enrolment.joinWaitlist');
  } else {
    consequence = { icon: <IconBolt size={20} aria-hidden />, text: t('enrolment.consequence.direct'), tone: 'info' };
  }

  return (
    <Paper withBorder p="md" bg="white" shadow="xs" component="section" aria-labelledby="enrol-panel-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="enrol-panel-title">
          {t('enrolment.panelTitle')}
        </Title>
        <Box aria-live="polite" aria-atomic="true">
          {enrolment ? (
            <Stack gap={8}>
              <Group gap="xs">
                <EnrolmentStatusBadge status={enrolment.status} size="lg" />
              </Group>
              <Text fw={600}>{statusSentence(enrolment, t, fmt.relative, fmt.date)}</Text>
            </Stack>
          ) : null}
        </Box>
        {enrolment && ['REQUESTED', 'ACTIVE', 'WAITLISTED'].includes(enrolment.status) ? (
          <WithdrawButton enrolmentId={enrolment.id} status={enrolment.status} title={course.title} onDone={() => setFresh(null)} fullWidth />
        ) : null}
        {canEnrolAgain ? (
          <>
            {enrolment ? <Divider /> : null}
            {closed ? (
              <Alert color="gray" variant="light" icon={<IconCalendarOff aria-hidden />} title={t('enrolment.closed.title')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{closed}</Text>
                  <Button component={Link} to="/katalog" variant="default" size="compact-sm">
                    {t('enrolment.closed.findOther')}
                  </Button>
                </Stack>
              </Alert>
            ) : blocked ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                {blocked}
              </Alert>
            ) : (
              <>
                {consequence ? (
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box c={consequence.tone === 'warn' ? 'orange.9' : 'lantern.9'} pt={2}>
                      {consequence.icon}
                    </Box>
                    <Text fw={600} id="enrol-consequence">
                      {consequence.text}
                    </Text>
                  </Group>
                ) : null}
                {course.enrolmentClosesAt ? (
                  <Text size="sm" c="dimmed">
                    {t('enrolment.deadline', { date: fmt.dateTime(course.enrolmentClosesAt) })}
                  </Text>
                ) : null}
                <Button
                  size="lg"
                  fullWidth
                  loading={loading}
                  aria-describedby="enrol-consequence"
                  onClick={async () => {
                    const { enrolment: result } = await enrol(course.id);
                    if (result) setFresh(result);
                  }}
                >
                  {buttonLabel}
                </Button>
              </>
            )}
          </>
        ) : null}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
          <Text size="sm" c="dimmed">
            {t('enrolment.jpNote', { jp: course.jp })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

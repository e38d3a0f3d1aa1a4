import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBolt, IconCalendarOff, IconInfoCircle, IconListNumbers, IconRepeat, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../app/session';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { EnrolPanel_CourseFragment, RunEnrol_RunFragment } from '../../gql/__generated__/graphql';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';
import { statusSentence } from './statusSentence';
import { useEnrol } from './useEnrol';
import { WithdrawButton } from './WithdrawButton';

graphql(`
  fragment EnrolPanel_course on Course {
    id
    title
    jp
    status
    viewerEnrolment {
      id
      ...EnrolmentState_enrolment
    }
  }
`);

graphql(`
  fragment RunEnrol_run on CourseRun {
    id
    code
    enrolmentPolicy
    capacity
    seatsLeft
    waitlistLength
    endsAt
    enrolmentClosesAt
    enrolmentClosedReason
    seriesId
    viewerEnrolment {
      id
      ...EnrolmentState_enrolment
    }
  }
`);

/** What the enrol panel and the status sentence need to know about one enrolment. */
graphql(`
  fragment EnrolmentState_enrolment on Enrolment {
    id
    status
    requestedAt
    approverName
    decidedByName
    decidedAt
    decisionNote
    waitlistPosition
    finishedAt
    creditedMinutes
    course {
      id
      jp
      delivery
    }
    run {
      id
      code
      startsAt
      endsAt
    }
  }
`);

/** States in which the viewer is in a run: one run of a course at a time (and a completed course is not taken again). */
const CURRENT = ['REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED'];
/** After these, a later run may be taken (a retake after failing, or enrolling again after withdrawing or a rejection). */
const MAY_JOIN_LATER = ['FAILED', 'WITHDRAWN', 'REJECTED'];
const WITHDRAWABLE = ['REQUESTED', 'ACTIVE', 'WAITLISTED'];

/**
 * The viewer's place in the course, whichever run it is in: the state in colour, icon and words, what happens next,
 * and, after failing or withdrawing, that a later run may be taken. Each run below carries its own enrol action.
 */
export function EnrolPanel({ course }: { course: EnrolPanel_CourseFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const e = course.viewerEnrolment;
  return (
    <Paper withBorder p="md" bg="white" shadow="xs" component="section" aria-labelledby="enrol-panel-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="enrol-panel-title">
          {t('enrolment.panelTitle')}
        </Title>
        <Box aria-live="polite" aria-atomic="true">
          {e ? (
            <Stack gap={8}>
              <Group gap="xs">
                <EnrolmentStatusBadge status={e.status} size="lg" />
                <Text size="sm" fw={700}>
                  {t('run.code', { code: e.run.code })}
                </Text>
              </Group>
              <Text fw={600}>{statusSentence(e, t, fmt.relative, fmt.date)}</Text>
            </Stack>
          ) : (
            <Text>{t('run.choose')}</Text>
          )}
        </Box>
        {e && WITHDRAWABLE.includes(e.status) ? <WithdrawButton enrolmentId={e.id} status={e.status} title={course.title} fullWidth /> : null}
        {e && MAY_JOIN_LATER.includes(e.status) ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconRepeat size={18} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
            <Text size="sm" fw={600}>
              {e.status === 'FAILED' ? t('run.retake') : t('run.joinLater')}
            </Text>
          </Group>
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

/**
 * One run's enrol action, with its consequence stated before it is pressed (direct, to the supervisor, waiting list),
 * or why there is none: the viewer is in it (state and what next), in another run, finished the course, or enrolment
 * in this run is closed (with the reason).
 */
export function RunEnrol({ course, run }: { course: EnrolPanel_CourseFragment; run: RunEnrol_RunFragment }) {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const { enrol, loading } = useEnrol(course.title);
  // The course page is refetched before enrol resolves, so this run's state (and every other run's) is the server's.
  const mine = run.viewerEnrolment;
  // An occurrence of a recurring forum is joined on its own, whatever other occurrence the viewer holds.
  const elsewhere = !run.seriesId && course.viewerEnrolment && CURRENT.includes(course.viewerEnrolment.status) && course.viewerEnrolment.run.id !== run.id ? course.viewerEnrolment : null;
  const consequenceId = `enrol-consequence-${run.id}`;

  if (mine && CURRENT.includes(mine.status)) {
    return (
      <Stack gap={6} aria-live="polite">
        <Group gap="xs">
          <EnrolmentStatusBadge status={mine.status} />
        </Group>
        <Text size="sm" fw={600}>
          {statusSentence(mine, t, fmt.relative, fmt.date)}
        </Text>
      </Stack>
    );
  }
  if (run.enrolmentClosedReason) {
    const date = run.enrolmentClosedReason === 'COURSE_ENDED' ? run.endsAt : run.enrolmentClosedReason === 'ENROLMENT_DEADLINE_PASSED' ? run.enrolmentClosesAt : null;
    return (
      <Alert color="gray" variant="light" icon={<IconCalendarOff aria-hidden />} title={t('enrolment.closed.title')} p="xs">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t(`enrolment.closed.${run.enrolmentClosedReason}`, { date: fmt.dateTime(date ?? new Date()) })}</Text>
          {run.enrolmentClosedReason === 'COURSE_ENDED' ? (
            <Button component={Link} to="/katalog" variant="default" size="compact-sm">
              {t('enrolment.closed.findOther')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (!hasRole(me, 'LEARNER')) return null;

  let blocked: string | null = null;
  let consequence: { icon: ReactNode; text: string; tone: 'info' | 'warn' } | null = null;
  let buttonLabel = t('enrolment.enrolNow');
  const full = run.capacity !== null && run.seatsLeft === 0;
  if (course.status !== 'PUBLISHED') blocked = t('errors.COURSE_NOT_OPEN');
  else if (elsewhere?.status === 'COMPLETED') blocked = t('errors.COURSE_ALREADY_COMPLETED');
  else if (elsewhere) blocked = t('run.inAnother', { code: elsewhere.run.code });
  else if (run.enrolmentPolicy === 'INVITATION') blocked = t('enrolment.consequence.invitation');
  else if (run.enrolmentPolicy === 'SUPERVISOR_APPROVAL') {
    if (!me.supervisorName) blocked = t('errors.NO_SUPERVISOR');
    else {
      consequence = {
        icon: <IconUserCheck size={20} aria-hidden />,
        text: full ? t('enrolment.consequence.approvalFull', { name: me.supervisorName }) : t('enrolment.consequence.approval', { name: me.supervisorName }),
        tone: 'info',
      };
      buttonLabel = t('enrolment.requestApproval');
    }
  } else if (full) {
    consequence = { icon: <IconListNumbers size={20} aria-hidden />, text: t('enrolment.consequence.waitlist', { position: run.waitlistLength + 1 }), tone: 'warn' };
    buttonLabel = t('enrolment.joinWaitlist');
  } else {
    consequence = { icon: <IconBolt size={20} aria-hidden />, text: t('enrolment.consequence.direct'), tone: 'info' };
  }

  if (blocked) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
        <Text size="sm">{blocked}</Text>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {consequence ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Box c={consequence.tone === 'warn' ? 'orange.9' : 'lantern.9'} pt={2}>
            {consequence.icon}
          </Box>
          <Text size="sm" fw={600} id={consequenceId}>
            {consequence.text}
          </Text>
        </Group>
      ) : null}
      <Button
        size="md"
        fullWidth
        loading={loading}
        aria-describedby={consequenceId}
        onClick={() => void enrol(run.id)}
      >
        {buttonLabel}
      </Button>
    </Stack>
  );
}

import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';

const RunAttendanceSessionsDocument = graphql(`
  query RunAttendanceSessions($runId: ID!) {
    courseRun(id: $runId) {
      id
      attendanceSessions {
        unmarked
        seatHolders
        session {
          id
          title
          startsAt
          endsAt
          timeZone
          status
        }
      }
    }
  }
`);

/** The run page's sessions, each linking to its attendance sheet (nothing for a run without sessions, e.g. a course). */
export function AttendanceSessions({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { data } = useQuery(RunAttendanceSessionsDocument, { variables: { runId } });
  const sessions = data?.courseRun.attendanceSessions ?? [];
  if (sessions.length === 0) return null;
  return (
    <Stack gap="xs" mb="lg" component="section" aria-labelledby="attendance-sessions">
      <Title order={2} fz="lg" id="attendance-sessions">{t('attendance.sessionsTitle')}</Title>
      {sessions.map(({ session, unmarked }) => (
        <Card key={session.id} withBorder padding="sm" className="lentera-link-card" data-testid="attendance-session">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/mengajar/sesi/${session.id}`} fw={700} className="lentera-stretched-link">
                {session.title ?? t('attendance.open')}
              </Anchor>
              <Text size="sm">{fmt.runSchedule(session.startsAt, session.endsAt, session.timeZone)}</Text>
            </Stack>
            {session.status === 'CANCELLED' ? <Badge color="red" variant="light">{t('attendance.cancelled')}</Badge>
              : unmarked > 0 ? <Badge color="orange" variant="light">{t('attendance.unmarked', { count: unmarked })}</Badge> : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Group, Stack } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';

const AttendanceToTakeDocument = graphql(`
  query AttendanceToTake {
    instructorHome {
      attendanceToTake {
        unmarked
        session {
          id
          courseTitle
          title
          startsAt
          endsAt
          timeZone
        }
      }
    }
  }
`);

/** On the instructor's home: sessions whose attendance is still to take, each linking to its sheet. */
export function AttendanceToTake() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { data } = useQuery(AttendanceToTakeDocument);
  const items = data?.instructorHome.attendanceToTake ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconChecklist aria-hidden />} title={t('attendance.homeTitle')} data-testid="attendance-to-take">
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map(({ session, unmarked }) => (
          <Group key={session.id} component="li" gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/mengajar/sesi/${session.id}`} size="sm" fw={600}>
              {[session.courseTitle, session.title].filter(Boolean).join(' · ')} · {fmt.runSchedule(session.startsAt, session.endsAt, session.timeZone)}
            </Anchor>
            <Badge color="orange" variant="light">{t('attendance.unmarked', { count: unmarked })}</Badge>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

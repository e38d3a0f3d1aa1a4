import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconDeviceLaptop, IconDownload, IconLink, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';

const RunSessionsDocument = graphql(`
  query RunSessions($id: ID!) {
    courseRun(id: $id) {
      id
      sessions {
        id
        title
        startsAt
        endsAt
        timeZone
        room
        address
        hasOnlineUrl
        onlineUrl
        status
        cancelReason
      }
      materials {
        id
        title
        url
        downloadUrl
        fileName
      }
    }
  }
`);

/**
 * A workshop run's sessions (each in the viewer's zone, the venue's named beside it when it differs) and its materials,
 * on the course page. The server gives the online links and files only to seat holders and who runs the workshop.
 */
export default function SessionList({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { data } = useQuery(RunSessionsDocument, { variables: { id: runId } });
  const run = data?.courseRun;
  if (!run) return null;
  return (
    <Stack gap="xs" mt={4}>
      <Title order={4} fz="sm" id={`sessions-${runId}`}>
        {t('workshop.sessionsTitle')}
      </Title>
      {run.sessions.length === 0 ? <Text size="sm" c="dimmed">{t('workshop.noSessions')}</Text> : null}
      <Stack gap={8} component="ol" className="lentera-plain-list" aria-labelledby={`sessions-${runId}`}>
        {run.sessions.map((s) => {
          const cancelled = s.status === 'CANCELLED';
          const place = [s.room, s.address].filter(Boolean).join(', ');
          return (
            <Stack key={s.id} gap={2} component="li" className="lentera-session" data-cancelled={cancelled || undefined}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconCalendarEvent size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                <Stack gap={0}>
                  <Text size="sm" fw={600} td={cancelled ? 'line-through' : undefined}>
                    {fmt.runSchedule(s.startsAt, s.endsAt, s.timeZone)}
                  </Text>
                  {s.title ? <Text size="sm">{s.title}</Text> : null}
                </Stack>
              </Group>
              {cancelled ? (
                <Badge color="red" variant="light" w="fit-content">
                  {s.cancelReason ? t('workshop.cancelledBecause', { reason: s.cancelReason }) : t('workshop.cancelled')}
                </Badge>
              ) : null}
              {place && !cancelled ? (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconMapPin size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                  <Text size="sm">{place}</Text>
                </Group>
              ) : null}
              {s.hasOnlineUrl && !cancelled ? (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconDeviceLaptop size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                  {s.onlineUrl ? (
                    <Anchor href={s.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                      {t('workshop.join')}
                    </Anchor>
                  ) : (
                    <Text size="sm">{t('workshop.onlineAfterSeat')}</Text>
                  )}
                </Group>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
      {run.materials.length > 0 ? (
        <>
          <Title order={4} fz="sm" mt={4} id={`materials-${runId}`}>
            {t('workshop.materialsTitle')}
          </Title>
          <Stack gap={4} component="ul" className="lentera-plain-list" aria-labelledby={`materials-${runId}`}>
            {run.materials.map((m) => (
              <Group key={m.id} gap={6} wrap="nowrap" component="li" align="flex-start">
                {m.url ? <IconLink size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" /> : <IconDownload size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />}
                {m.url ? (
                  <Anchor href={m.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {m.title}
                  </Anchor>
                ) : m.downloadUrl ? (
                  <Anchor href={m.downloadUrl} download size="sm" aria-label={t('workshop.download', { name: m.title })} style={{ overflowWrap: 'anywhere' }}>
                    {m.title}
                  </Anchor>
                ) : (
                  <Text size="sm">
                    {m.title} <Text span c="dimmed" size="xs">({t('workshop.materialLocked')})</Text>
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}

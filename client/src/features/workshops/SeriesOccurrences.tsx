import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCalendarOff, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMore } from '../../ui/LoadMore';
import { useSeriesAdmin } from './SeriesAdmin';

const SeriesOccurrencesDocument = graphql(`
  query SeriesOccurrences($id: ID!, $first: Int!, $after: String) {
    runSeries(id: $id) {
      id
      occurrences(first: $first, after: $after) {
        nodes {
          runId
          code
          status
          startsAt
          endsAt
          timeZone
          capacity
          seatsTaken
          waitlistLength
          room
          cancellationReason
        }
        pageInfo {
          endCursor
          hasNextPage
        }
        totalCount
      }
    }
  }
`);

type Cancelling = { runId: string; code: string; people: number } | null;

/** A series' occurrences in date order: when, registrations and waiting list, state; the roster; cancel one with a reason. */
export function SeriesOccurrences({ seriesId, editable }: { seriesId: string; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const admin = useSeriesAdmin();
  const [cancelling, setCancelling] = useState<Cancelling>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { page, error, refetch, more } = usePagedList(SeriesOccurrencesDocument, { variables: { id: seriesId, first: 12, after: null }, page: (d) => d.runSeries.occurrences });
  // The moment the list was read: an occurrence that has started is no longer cancellable here.
  const [now] = useState(() => Date.now());

  async function confirm() {
    if (!cancelling) return;
    if (!reason.trim()) return setReasonError(t('courseAdmin.form.required'));
    if (await admin.cancel(cancelling.runId, cancelling.code, reason.trim())) setCancelling(null);
  }

  if (error && !page) return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  if (!page) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>{t('series.occurrences', { count: page.totalCount })}</Text>
      <Stack gap="xs" component="ul" className="lentera-plain-list">
        {page.nodes.map((o) => {
          const past = new Date(o.startsAt).getTime() <= now;
          const state = o.status === 'CANCELLED' ? 'cancelled' : past ? 'past' : 'upcoming';
          return (
            <Card key={o.runId} component="li" withBorder p="sm" aria-labelledby={`occurrence-${o.runId}`}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text fw={700} id={`occurrence-${o.runId}`}>{t('run.code', { code: o.code })}</Text>
                  <Badge variant="light" color={state === 'cancelled' ? 'red' : state === 'past' ? 'gray' : 'teal'}>{t(`series.state.${state}`)}</Badge>
                </Group>
                <Text size="sm">{fmt.runSchedule(o.startsAt, o.endsAt, o.timeZone)}</Text>
                {o.room ? <Text size="sm" c="dimmed">{o.room}</Text> : null}
                <Text size="sm">
                  {[
                    o.capacity !== null ? t('teaching.seatsUsed', { taken: fmt.number(o.seatsTaken), capacity: fmt.number(o.capacity) }) : t('teaching.participants', { taken: fmt.number(o.seatsTaken) }),
                    ...(o.waitlistLength > 0 ? [t('teaching.waitlistCount', { waiting: fmt.number(o.waitlistLength) })] : []),
                  ].join(' · ')}
                </Text>
                {o.cancellationReason ? <Text size="sm" c="dimmed">{t('series.cancelledBecause', { reason: o.cancellationReason })}</Text> : null}
                <Group gap="xs" mt={2}>
                  <Button size="xs" variant="default" component={Link} to={`/mengajar/${o.runId}`} leftSection={<IconUsers size={14} aria-hidden />} aria-label={t('runAdmin.rosterAria', { code: o.code })}>
                    {t('courseAdmin.roster')}
                  </Button>
                  {editable && state === 'upcoming' ? (
                    <Button size="xs" variant="default" color="red" leftSection={<IconCalendarOff size={14} aria-hidden />} aria-label={t('series.cancelAria', { code: o.code })}
                      onClick={() => { setReason(''); setReasonError(null); setCancelling({ runId: o.runId, code: o.code, people: o.seatsTaken + o.waitlistLength }); }}>
                      {t('series.cancel')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>
      {page.pageInfo.hasNextPage ? <LoadMore {...more} /> : null}
      <Modal opened={!!cancelling} onClose={() => setCancelling(null)} title={cancelling ? t('series.cancelTitle', { code: cancelling.code }) : ''} centered>
        <Stack>
          <Text size="sm">{t('series.cancelConsequence', { count: cancelling?.people ?? 0 })}</Text>
          <Textarea label={t('series.cancelReason')} required value={reason} onChange={(e) => { setReason(e.currentTarget.value); setReasonError(null); }} error={reasonError} autosize minRows={2} maxLength={500} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>{t('runAdmin.keep')}</Button>
            <Button color="red.8" loading={admin.cancelling} onClick={() => void confirm()}>{t('series.confirmCancel')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

import { Anchor, Button, Card, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import type { ExternalActivityStatus } from '../../gql/__generated__/graphql';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { ExternalActivityStatusBadge } from './ExternalActivityStatusBadge';
import { IssueActivityCertificate } from './IssueActivityCertificate';
import { calendarDay } from './learningFormat';

const QueueDocument = graphql(`
  query ExternalActivityQueue($status: ExternalActivityStatus, $search: String, $first: Int!, $after: String) {
    externalActivityQueue(status: $status, search: $search, first: $first, after: $after) {
      nodes {
        id
        personName
        personNip
        title
        form
        organiser
        startsOn
        endsOn
        jp
        jpIsDefault
        description
        status
        rejectionReason
        evidence {
          fileName
          url
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const DecideDocument = graphql(`
  mutation DecideExternalActivities($input: DecideExternalActivitiesInput!) {
    decideExternalActivities(input: $input) {
      id
      status
    }
  }
`);

/**
 * "Verifikasi kegiatan": the agency admin's queue of external activities, oldest first. Each can be verified (its JP
 * are credited) or rejected with a reason; ticked ones are decided together, all or none.
 */
export default function VerificationQueue() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<ExternalActivityStatus>('PENDING');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { loading, error, refetch, page, more } = usePagedList(QueueDocument, { variables: { status, search: search || null, first: 20, after: null }, page: (d) => d.externalActivityQueue });
  const [decide, decideState] = useMutation(DecideDocument, { refetchQueries: ['ExternalActivityQueue'], awaitRefetchQueries: true });

  async function run(ids: string[], decision: 'VERIFY' | 'REJECT', note?: string): Promise<boolean> {
    try {
      await decide({ variables: { input: { ids, decision, reason: note ?? null } } });
      notifySuccess(t(decision === 'VERIFY' ? 'learning.queue.verified' : 'learning.queue.rejected', { count: ids.length }));
      setPicked((p) => p.filter((id) => !ids.includes(id)));
      return true;
    } catch (err) {
      notifyError(toUiError(err, t).message, t('learning.queue.failed'));
      return false;
    }
  }

  async function confirmReject() {
    if (!reason.trim()) {
      setReasonError(t('learning.queue.reasonRequired'));
      return;
    }
    if (rejecting && (await run(rejecting, 'REJECT', reason.trim()))) {
      setRejecting(null);
      setReason('');
      setReasonError(null);
    }
  }

  const pending = status === 'PENDING';
  return (
    <>
      <PageHeader title={t('learning.queue.title')} description={t('learning.queue.description')} />
      <SegmentedControl
        fullWidth
        mb="sm"
        value={status}
        onChange={(v) => { setStatus(v); setPicked([]); }}
        aria-label={t('learning.queue.filter')}
        data={(['PENDING', 'VERIFIED', 'REJECTED'] as const).map((s) => ({ value: s, label: t(`learning.status.${s}`) }))}
      />
      <form onSubmit={(e) => { e.preventDefault(); setSearch(typed.trim()); }}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput label={t('learning.queue.search')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: '1 1 200px' }} maxLength={100} />
          <Button type="submit" variant="default">{t('common.search')}</Button>
        </Group>
      </form>
      {pending && picked.length > 0 ? (
        <Card withBorder padding="sm" mb="md" bg="lantern.0">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text fw={600}>{t('learning.queue.picked', { count: picked.length })}</Text>
            <Group gap="sm">
              <Button color="teal.8" loading={decideState.loading} onClick={() => void run(picked, 'VERIFY')}>{t('learning.queue.verifyPicked')}</Button>
              <Button variant="default" onClick={() => setRejecting(picked)}>{t('learning.queue.rejectPicked')}</Button>
            </Group>
          </Group>
        </Card>
      ) : null}
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState title={t(pending ? 'learning.queue.empty' : 'learning.queue.emptyDecided')} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">
              {p.nodes.map((a) => (
                <Card key={a.id} withBorder padding="md" component="article" aria-label={t('learning.queue.cardAria', { name: a.personName, title: a.title })}>
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      {pending ? (
                        <Checkbox
                          checked={picked.includes(a.id)}
                          onChange={(e) => { const on = e.currentTarget.checked; setPicked((ids) => (on ? [...ids, a.id] : ids.filter((id) => id !== a.id))); }}
                          label={<Text fw={700} component="span">{a.personName}</Text>}
                          aria-label={t('learning.queue.pick', { name: a.personName, title: a.title })}
                        />
                      ) : <Text fw={700}>{a.personName}</Text>}
                      <ExternalActivityStatusBadge status={a.status} />
                    </Group>
                    {a.personNip ? <Text size="sm" c="dimmed">{t('learning.standing.nip', { nip: a.personNip })}</Text> : null}
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title}</Text>
                    <Text size="sm">{t(`enum.form.${a.form}`)} · {a.organiser}</Text>
                    <Text size="sm" c="dimmed">
                      {calendarDay(a.startsOn, i18n.language)} – {calendarDay(a.endsOn, i18n.language)} · {t('common.jp', { jp: a.jp })}
                      {a.jpIsDefault ? ` (${t('learning.external.defaultJp')})` : ''}
                    </Text>
                    {a.description ? <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{a.description}</Text> : null}
                    {a.rejectionReason ? <Text size="sm" c="red.8">{t('learning.external.reason', { reason: a.rejectionReason })}</Text> : null}
                    <Anchor href={a.evidence.url} size="sm" style={{ overflowWrap: 'anywhere' }}>{t('learning.external.evidence', { name: a.evidence.fileName })}</Anchor>
                    {pending ? (
                      <Group grow gap="sm">
                        <Button color="teal.8" leftSection={<IconCheck size={18} aria-hidden />} loading={decideState.loading} onClick={() => void run([a.id], 'VERIFY')}
                          aria-label={t('learning.queue.verifyAria', { name: a.personName, title: a.title })}>
                          {t('learning.queue.verify')}
                        </Button>
                        <Button variant="default" leftSection={<IconX size={18} aria-hidden />} onClick={() => setRejecting([a.id])}
                          aria-label={t('learning.queue.rejectAria', { name: a.personName, title: a.title })}>
                          {t('learning.queue.reject')}
                        </Button>
                      </Group>
                    ) : a.status === 'VERIFIED' ? (
                      <IssueActivityCertificate activityId={a.id} label={t('learning.queue.issueCertificateAria', { name: a.personName, title: a.title })} />
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('learning.queue.rejectTitle', { count: rejecting?.length ?? 0 })} centered>
        <form noValidate onSubmit={(e) => { e.preventDefault(); void confirmReject(); }}>
          <Stack>
            <Textarea label={t('learning.queue.reason')} description={t('learning.queue.reasonHint')} required autosize minRows={3} maxLength={500}
              value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(null)}>{t('common.cancel')}</Button>
              <Button type="submit" color="red.8" loading={decideState.loading}>{t('learning.queue.reject')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

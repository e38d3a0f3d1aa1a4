import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Progress, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/__generated__';
import { notifyError, notifySuccess } from '../../ui/notify';

const PdfRenderProgressDocument = graphql(`
  query PdfRenderProgress($agencyId: ID!, $runId: ID, $cohortId: ID) {
    certificateRenderProgress(agencyId: $agencyId, runId: $runId, cohortId: $cohortId) {
      total
      pending
      done
      failed
      notQueued
    }
  }
`);

const RerunFailedRendersDocument = graphql(`
  mutation RerunFailedRenders($agencyId: ID!, $runId: ID, $cohortId: ID) {
    rerunFailedCertificateRenders(agencyId: $agencyId, runId: $runId, cohortId: $cohortId)
  }
`);

/** While PDFs are still being rendered the counts are asked for again this often. */
const POLL_MS = 3000;

/**
 * For the admin certificates screen (`/admin/sertifikat`, placed by the certificates screen): how far the PDFs of an
 * agency's certificates — or one course run's or programme cohort's — are rendered by the background job, and a
 * button that queues the failed ones again once their cause (a broken logo or signature image) is fixed.
 */
export default function PdfRenderProgress({ agencyId, runId, cohortId }: { agencyId: string; runId?: string; cohortId?: string }) {
  const { t } = useTranslation();
  const variables = { agencyId, runId: runId ?? null, cohortId: cohortId ?? null };
  const { data, refetch, startPolling, stopPolling } = useQuery(PdfRenderProgressDocument, { variables, fetchPolicy: 'cache-and-network' });
  const [rerun, { loading }] = useMutation(RerunFailedRendersDocument);
  const p = data?.certificateRenderProgress;
  const working = !!p && p.pending > 0;
  // Poll only while the job has work left, so an idle screen asks nothing.
  useEffect(() => {
    if (!working) return undefined;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [working, startPolling, stopPolling]);
  if (!p || p.total === 0) return null;

  const retryable = p.failed + p.notQueued;
  async function onRerun() {
    try {
      const result = await rerun({ variables });
      notifySuccess(t('certificatePdf.requeued', { count: result.data?.rerunFailedCertificateRenders ?? 0 }));
      await refetch();
    } catch {
      notifyError(t('certificatePdf.requeueFailed'));
    }
  }
  const percent = Math.round((p.done / p.total) * 100);
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="pdf-render-progress-title">
      <Group justify="space-between" align="baseline" mb={6}>
        <Text id="pdf-render-progress-title" fw={600}>{t('certificatePdf.title')}</Text>
        <Text size="sm" c="dimmed">{t('certificatePdf.doneOf', { done: p.done, total: p.total })}</Text>
      </Group>
      <Progress.Root size="lg">
        <Progress.Section value={percent} color="teal" aria-label={t('certificatePdf.title')} />
        {p.failed > 0 ? <Progress.Section value={(p.failed / p.total) * 100} color="orange" aria-label={t('certificatePdf.failedSection')} /> : null}
      </Progress.Root>
      <Text size="sm" mt={6}>
        {working ? t('certificatePdf.pending', { count: p.pending }) : t('certificatePdf.allDone')}
      </Text>
      {retryable > 0 ? (
        <Alert color="orange" variant="light" mt="sm" title={t('certificatePdf.failedTitle', { count: retryable })}>
          <Text size="sm" mb="xs">{t('certificatePdf.failedBody')}</Text>
          <Button size="xs" variant="outline" leftSection={<IconRefresh size={16} aria-hidden />} loading={loading} onClick={() => void onRerun()}>
            {t('certificatePdf.rerun')}
          </Button>
        </Alert>
      ) : null}
    </Paper>
  );
}

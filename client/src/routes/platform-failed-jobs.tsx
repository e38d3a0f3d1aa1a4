import { useMutation } from '@apollo/client/react';
import { usePagedList } from '../app/usePagedList';
import { Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../app/errors';
import { useFormatters } from '../app/useFormatters';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ListStates } from '../ui/ListStates';
import { LoadMore } from '../ui/LoadMore';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const FailedJobsDocument = graphql(`
  query FailedJobs($first: Int!, $after: String) {
    failedJobs(first: $first, after: $after) {
      nodes {
        id
        queue
        data
        error
        attempts
        queuedAt
        failedAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const RetryFailedJobDocument = graphql(`
  mutation RetryFailedJob($id: ID!) {
    retryFailedJob(id: $id)
  }
`);

/** Platform admins: background jobs that failed every attempt (a mail the SMTP server kept refusing), to retry once fixed. */
export default function PlatformFailedJobsRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [retrying, setRetrying] = useState<string | null>(null);
  const { loading, error, refetch, page, more } = usePagedList(FailedJobsDocument, {
    variables: { first: 20, after: null },
    page: (d) => d.failedJobs,
  });
  const [retry] = useMutation(RetryFailedJobDocument, { refetchQueries: ['FailedJobs'], awaitRefetchQueries: true });

  async function retryJob(id: string) {
    setRetrying(id);
    try {
      await retry({ variables: { id } });
      notifySuccess(t('failedJobs.retried'));
    } catch (e) {
      notifyError(toUiError(e, t).message);
    } finally {
      setRetrying(null);
    }
  }

  return (
    <>
      <PageHeader title={t('nav.failedJobs')} description={t('failedJobs.description')} />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState icon={<IconCircleCheck aria-hidden />} title={t("failedJobs.empty")} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">
              {p.nodes.map((job) => (
                <Card key={job.id} withBorder padding="md">
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600}>{job.queue}</Text>
                      <Button size="sm" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={retrying === job.id} onClick={() => void retryJob(job.id)}>
                        {t('common.retry')}
                      </Button>
                    </Group>
                    <Text size="sm">{t('failedJobs.when', { failedAt: fmt.dateTime(job.failedAt), attempts: job.attempts })}</Text>
                    {job.error ? <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>{job.error}</Text> : null}
                    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{job.data}</Code>
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

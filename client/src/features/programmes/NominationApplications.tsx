import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';

const CohortApplicationsDocument = graphql(`
  query CohortApplications($first: Int!, $after: String) {
    cohortApplications(first: $first, after: $after) {
      nodes {
        id
        fullName
        agencyName
        programmeTitle
        cohortCode
        startsAt
        requestedAt
        seatsLeft
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);
const ApproveCohortApplicationDocument = graphql(`
  mutation ApproveCohortApplication($id: ID!) {
    approveCohortApplication(id: $id) {
      id
      status
    }
  }
`);
const RejectCohortApplicationDocument = graphql(`
  mutation RejectCohortApplication($id: ID!, $reason: String!) {
    rejectCohortApplication(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const REFETCH = { refetchQueries: ['CohortApplications'], awaitRefetchQueries: true };

/** Programme applications waiting on the viewer, beside the enrolment requests of the approvals screen. Nothing when none. */
export function CohortApplications() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const list = usePagedList(CohortApplicationsDocument, { variables: { first: 20, after: null }, page: (d) => d.cohortApplications });
  const [approve] = useMutation(ApproveCohortApplicationDocument, REFETCH);
  const [reject] = useMutation(RejectCohortApplicationDocument, REFETCH);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const nodes = list.page?.nodes ?? [];
  if (nodes.length === 0) return null;
  const fail = (e: unknown) => setProblem(toUiError(e, t).message);
  return (
    <section aria-labelledby="cohort-applications">
      <Title order={2} fz="lg" mb="sm" id="cohort-applications">{t('nomination.applicationsTitle')}</Title>
      {problem ? <Alert color="red" role="alert" mb="sm" withCloseButton onClose={() => setProblem(null)}>{problem}</Alert> : null}
      <Stack gap="sm" component="ul" className="lentera-plain-list">
        {nodes.map((a) => (
          <Card key={a.id} component="li" withBorder bg="white">
            <Stack gap={6}>
              <Text fw={700}>{a.fullName}</Text>
              <Text size="sm">{a.programmeTitle} · {t('nomination.cohortCode', { code: a.cohortCode })} · {fmt.date(a.startsAt)}</Text>
              <Text size="sm" c="dimmed">{a.agencyName} · {t('nomination.seatsLeft', { count: a.seatsLeft })} · {fmt.relative(a.requestedAt)}</Text>
              <Textarea label={t('nomination.rejectReason')} autosize minRows={1} value={reasons[a.id] ?? ''}
                onChange={(e) => { const v = e.currentTarget.value; setReasons((r) => ({ ...r, [a.id]: v })); }} />
              <Group gap="xs">
                <Button size="sm" disabled={a.seatsLeft < 1} onClick={() => void approve({ variables: { id: a.id } }).then(() => notifySuccess(t('nomination.approved'))).catch(fail)}>
                  {t('nomination.approve')}
                </Button>
                <Button size="sm" variant="default" color="red" disabled={!(reasons[a.id] ?? '').trim()}
                  onClick={() => void reject({ variables: { id: a.id, reason: reasons[a.id] ?? '' } }).then(() => notifySuccess(t('nomination.rejected'))).catch(fail)}>
                  {t('nomination.reject')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      <LoadMore {...list.more} />
    </section>
  );
}

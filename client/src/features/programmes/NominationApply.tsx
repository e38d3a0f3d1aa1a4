import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { notifySuccess } from '../../ui/notify';

const CohortApplyDocument = graphql(`
  query CohortApply($cohortId: ID!) {
    cohortNominations(cohortId: $cohortId) {
      nominationsOpen
      cohort {
        id
        code
        selfApply
        nominationClosesAt
        startsAt
        participants(first: 5) {
          nodes {
            id
            status
            note
          }
        }
      }
    }
  }
`);
const ApplyToCohortDocument = graphql(`
  mutation ApplyToCohort($cohortId: ID!) {
    applyToCohort(cohortId: $cohortId) {
      id
      status
    }
  }
`);
const WithdrawMyCohortPlaceDocument = graphql(`
  mutation WithdrawMyCohortPlace($id: ID!) {
    withdrawCohortParticipant(id: $id) {
      id
      status
    }
  }
`);

const CURRENT = new Set(['REQUESTED', 'NOMINATED', 'COMPLETED']);

/**
 * A learner's place in one cohort: apply (their supervisor decides, within their agency's quota), see where the
 * application or nomination stands, or withdraw. Placed on the learner's programme page (path area) at integration.
 */
export function CohortApply({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useQuery(CohortApplyDocument, { variables: { cohortId } });
  const refetch = { refetchQueries: ['CohortApply'], awaitRefetchQueries: true };
  const [apply, a] = useMutation(ApplyToCohortDocument, refetch);
  const [withdraw, w] = useMutation(WithdrawMyCohortPlaceDocument, refetch);
  if (!data) return null;
  const { cohort, nominationsOpen } = data.cohortNominations;
  // A learner sees only their own rows; the current one (if any) is what counts.
  const mine = cohort.participants.nodes.find((p) => CURRENT.has(p.status)) ?? cohort.participants.nodes[0] ?? null;
  const current = mine && CURRENT.has(mine.status) ? mine : null;
  const fail = (e: unknown) => setProblem(toUiError(e, t).message);
  return (
    <Paper withBorder p="md" bg="white" component="section" aria-label={t('cohortApply.title', { code: cohort.code })}>
      <Stack gap="xs">
        {current ? <Text fw={600} aria-live="polite">{t(`cohortApply.mine.${current.status}`)}</Text> : null}
        {!current && mine?.status === 'REJECTED' ? <Text>{t('cohortApply.mine.REJECTED', { note: mine.note ?? '' })}</Text> : null}
        {!current && cohort.selfApply && nominationsOpen ? (
          <>
            <Text size="sm" c="dimmed">{t('cohortApply.help', { date: fmt.date(cohort.nominationClosesAt ?? cohort.startsAt) })}</Text>
            <Button loading={a.loading} onClick={() => void apply({ variables: { cohortId } }).then(() => notifySuccess(t('cohortApply.applied'))).catch(fail)}>
              {t('cohortApply.apply')}
            </Button>
          </>
        ) : null}
        {!current && !(cohort.selfApply && nominationsOpen) ? <Text size="sm" c="dimmed">{t('cohortApply.closed')}</Text> : null}
        {current && current.status !== 'COMPLETED' ? (
          <Button variant="subtle" color="red" loading={w.loading} onClick={() => void withdraw({ variables: { id: current.id } }).then(() => notifySuccess(t('cohortApply.left'))).catch(fail)}>
            {current.status === 'REQUESTED' ? t('cohortApply.cancel') : t('cohortApply.leave')}
          </Button>
        ) : null}
        {problem ? <Alert color="red" role="alert">{problem}</Alert> : null}
      </Stack>
    </Paper>
  );
}

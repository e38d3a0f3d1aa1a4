import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { StandingRow } from './StandingRow';
import { ExportHistoryButton } from './ExportHistoryButton';

const TeamLearningHoursDocument = graphql(`
  query TeamLearningHours($first: Int!, $after: String) {
    myTeamLearningHours(first: $first, after: $after) {
      nodes {
        personId
        fullName
        nip
        orgUnitName
        jp
        targetJp
        remainingJp
        progress
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/** "JP tim": the supervisor's direct reports with this year's JP and the gap to the target. */
export default function TeamLearningHours() {
  const { t } = useTranslation();
  const { loading, error, refetch, page, more } = usePagedList(TeamLearningHoursDocument, { variables: { first: 20, after: null }, page: (d) => d.myTeamLearningHours });
  return (
    <>
      <PageHeader title={t('learning.team.title')} description={t('learning.team.description')} actions={<ExportHistoryButton target={{ team: true }} />} />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState title={t('learning.team.empty')} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">{p.nodes.map((s) => <StandingRow key={s.personId} s={s} />)}</Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

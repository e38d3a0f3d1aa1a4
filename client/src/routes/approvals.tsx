import { Box, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { hasRole, useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { ApprovalCard } from '../features/approvals/ApprovalCard';
import { CohortApplications } from '../features/programmes/NominationApplications';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const ApprovalsInboxDocument = graphql(`
  query ApprovalsInbox($agencyWide: Boolean!, $first: Int!, $after: String) {
    approvalsInbox(agencyWide: $agencyWide, first: $first, after: $after) {
      nodes {
        id
        ...ApprovalCard_request
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

export default function ApprovalsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const isAdmin = hasRole(me, 'AGENCY_ADMIN');
  const isSupervisor = hasRole(me, 'SUPERVISOR');
  const agencyWide = isAdmin && (!isSupervisor || params.get('lingkup') === 'instansi');
  const { loading, error, refetch, page, more } = usePagedList(ApprovalsInboxDocument, { variables: { agencyWide, first: 20, after: null }, page: (d) => d.approvalsInbox });


  return (
    <>
      <PageHeader title={t('approvals.title')} description={agencyWide ? t('approvals.descriptionAgency') : t('approvals.description')} />
      {isAdmin && isSupervisor ? (
        <SegmentedControl
          mb="md"
          value={agencyWide ? 'instansi' : 'tim'}
          onChange={(v) => setParams(v === 'instansi' ? { lingkup: 'instansi' } : {}, { replace: true })}
          aria-label={t('approvals.scopeLabel')}
          data={[
            { value: 'tim', label: t('approvals.mine') },
            { value: 'instansi', label: t('approvals.agencyWide') },
          ]}
        />
      ) : null}
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={
          <CardListSkeleton count={3} height={260} />
        }
        empty={
          <EmptyState icon={<IconChecklist aria-hidden />} title={t('approvals.emptyTitle')}>
            {t('approvals.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
              {t('approvals.count', { total: fmt.number(page.totalCount) })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {page.nodes.map((r) => (
                <ApprovalCard key={r.id} request={r} showApprover={agencyWide} />
              ))}
            </SimpleGrid>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      {/* Programme applications (nomination area): shown only when some wait on the viewer. */}
      <Box mt="xl">
        <CohortApplications />
      </Box>
    </>
  );
}

import { Button, Box, SegmentedControl, Stack } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { EnrolmentCard } from '../features/enrolment/EnrolmentCard';
import { WithdrawButton } from '../features/enrolment/WithdrawButton';
import { graphql } from '../gql/__generated__';
import type { EnrolmentStatus } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const MyEnrolmentsDocument = graphql(`
  query MyEnrolments($status: [EnrolmentStatus!], $first: Int!, $after: String) {
    myEnrolments(status: $status, first: $first, after: $after) {
      nodes {
        id
        ...EnrolmentCard_enrolment
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const TABS: Record<string, EnrolmentStatus[] | null> = {
  semua: null,
  berjalan: ['ACTIVE'],
  menunggu: ['REQUESTED', 'WAITLISTED'],
  selesai: ['COMPLETED', 'FAILED'],
  lainnya: ['REJECTED', 'WITHDRAWN'],
};
const ACTIVE_STATES = ['REQUESTED', 'ACTIVE', 'WAITLISTED'];

export default function MyEnrolmentsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('status') && params.get('status')! in TABS ? params.get('status')! : 'semua';
  const { loading, error, refetch, page, more } = usePagedList(MyEnrolmentsDocument, { variables: { status: TABS[tab], first: 20, after: null }, page: (d) => d.myEnrolments });


  return (
    <>
      <PageHeader title={t('myEnrolments.title')} description={t('myEnrolments.description')} />
      <Box mb="md">
        <SegmentedControl
          value={tab}
          onChange={(v) => setParams(v === 'semua' ? {} : { status: v }, { replace: true })}
          aria-label={t('myEnrolments.filterLabel')}
          data={Object.keys(TABS).map((k) => ({ value: k, label: t(`myEnrolments.tab.${k}`) }))}
        />
      </Box>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={
          <CardListSkeleton count={3} />
        }
        empty={
          <EmptyState icon={<IconClipboardList aria-hidden />} title={t('myEnrolments.emptyTitle')} action={<Button component={Link} to="/katalog">{t('home.openCatalogue')}</Button>}>
            {t('myEnrolments.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <Stack gap="sm">
              {page.nodes.map((e) => (
                <EnrolmentCard
                  key={e.id}
                  enrolment={e}
                  actions={ACTIVE_STATES.includes(e.status) ? <WithdrawButton enrolmentId={e.id} status={e.status} title={e.course.title} /> : undefined}
                />
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

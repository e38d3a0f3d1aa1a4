import { Box, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { IconChalkboardTeacher } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { TeachingRunCard } from '../features/teaching/TeachingRunCard';
import { graphql } from '../gql/__generated__';
import type { CourseRunStatus } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const TeachingRunsDocument = graphql(`
  query TeachingRuns($status: CourseRunStatus, $includeEnded: Boolean!, $first: Int!, $after: String) {
    teachingRuns(status: $status, includeEnded: $includeEnded, first: $first, after: $after) {
      nodes {
        id
        ...TeachingRunCard_run
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/** `semua`: every run, ended ones too (outcomes are recorded after the end); `berjalan`: not ended; `batal`: cancelled. */
const TABS: Record<string, { status: CourseRunStatus | null; includeEnded: boolean }> = {
  semua: { status: null, includeEnded: true },
  berjalan: { status: 'SCHEDULED', includeEnded: false },
  batal: { status: 'CANCELLED', includeEnded: true },
};

/** The runs (angkatan) the viewer teaches, latest start first; each opens its participant list. */
export default function TeachingRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const tab = params.get('status') && params.get('status')! in TABS ? params.get('status')! : 'semua';
  const { loading, error, refetch, page, more } = usePagedList(TeachingRunsDocument, { variables: { ...TABS[tab], first: 24, after: null }, page: (d) => d.teachingRuns });


  return (
    <>
      <PageHeader title={t('teaching.title')} description={t('teaching.description')} />
      <Box mb="md">
        <SegmentedControl
          value={tab}
          onChange={(v) => setParams(v === 'semua' ? {} : { status: v }, { replace: true })}
          aria-label={t('teaching.statusLabel')}
          data={Object.keys(TABS).map((k) => ({ value: k, label: t(`teaching.runTab.${k}`) }))}
        />
      </Box>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={
          <CardListSkeleton count={4} height={160} />
        }
        empty={
          <EmptyState icon={<IconChalkboardTeacher aria-hidden />} title={tab === 'semua' ? t('teaching.noCoursesTitle') : t('teaching.noCoursesInStatusTitle')}>
            {t('teaching.noCourses')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
              {t('teaching.runCount', { total: fmt.number(page.totalCount) })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="lentera-plain-list">
              {page.nodes.map((r) => (
                <li key={r.id}>
                  <TeachingRunCard run={r} />
                </li>
              ))}
            </SimpleGrid>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

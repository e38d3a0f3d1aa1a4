import { Box, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { IconChalkboardTeacher } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { TeachingCourseCard } from '../features/teaching/TeachingCourseCard';
import { graphql } from '../gql/__generated__';
import type { CourseStatus } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const TeachingCoursesDocument = graphql(`
  query TeachingCourses($status: CourseStatus, $first: Int!, $after: String) {
    teachingCourses(status: $status, first: $first, after: $after) {
      nodes {
        id
        ...TeachingCourseCard_course
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/** `semua` is every course except drafts (the server's default); drafts have their own tab. */
const TABS: Record<string, CourseStatus | null> = { semua: null, terbit: 'PUBLISHED', arsip: 'ARCHIVED', draf: 'DRAFT' };

/** The courses the viewer teaches, newest start first; each opens its participant list. */
export default function TeachingRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const tab = params.get('status') && params.get('status')! in TABS ? params.get('status')! : 'semua';
  const { loading, error, refetch, page, more } = usePagedList(TeachingCoursesDocument, { variables: { status: TABS[tab], first: 24, after: null }, page: (d) => d.teachingCourses });


  return (
    <>
      <PageHeader title={t('teaching.title')} description={t('teaching.description')} />
      <Box mb="md">
        <SegmentedControl
          value={tab}
          onChange={(v) => setParams(v === 'semua' ? {} : { status: v }, { replace: true })}
          aria-label={t('teaching.statusLabel')}
          data={Object.keys(TABS).map((k) => ({ value: k, label: k === 'semua' ? t('teaching.allCourses') : t(`enum.courseStatus.${TABS[k]}`) }))}
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
              {t('teaching.courseCount', { total: fmt.number(page.totalCount) })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="lentera-plain-list">
              {page.nodes.map((c) => (
                <li key={c.id}>
                  <TeachingCourseCard course={c} />
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

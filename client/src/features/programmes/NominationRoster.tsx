import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorCode, toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';

const CohortRosterDocument = graphql(`
  query CohortRoster($cohortId: ID!, $first: Int!, $after: String) {
    cohortNominations(cohortId: $cohortId) {
      programme {
        id
        title
      }
      cohort {
        id
        code
        startsAt
        endsAt
        participants(first: $first, after: $after) {
          nodes {
            id
            status
            fullName
            agencyId
            agencyName
            nip
          }
          pageInfo {
            endCursor
            hasNextPage
          }
          totalCount
        }
      }
    }
  }
`);

/** Who is learning (or completed): withdrawn, replaced and rejected rows are the admins' history, not the class. */
const IN_CLASS = new Set(['NOMINATED', 'COMPLETED']);

/** /mengajar/angkatan/:cohortId — the instructor's cohort roster, grouped by agency (the server pages it in that order). */
export function NominationRoster({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const list = usePagedList(CohortRosterDocument, { variables: { cohortId, first: 50, after: null }, page: (d) => d.cohortNominations.cohort.participants });
  if (list.loading && !list.data) return <PageSkeleton cards={2} />;
  if (list.error && !list.data) {
    const code = errorCode(list.error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <EmptyState title={t('nomination.notFoundTitle')}>{t('nomination.notFoundBody')}</EmptyState>;
    return <ErrorState message={toUiError(list.error, t).message} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) return null;
  const { cohort, programme } = list.data.cohortNominations;
  const groups = new Map<string, { name: string; people: typeof cohort.participants.nodes }>();
  for (const p of cohort.participants.nodes.filter((n) => IN_CLASS.has(n.status))) {
    const g = groups.get(p.agencyId) ?? { name: p.agencyName, people: [] };
    g.people.push(p);
    groups.set(p.agencyId, g);
  }
  return (
    <>
      <PageHeader title={t('nomination.rosterTitle', { code: cohort.code })} description={`${programme.title} · ${fmt.schedule(cohort.startsAt, cohort.endsAt)}`} />
      {groups.size === 0 ? (
        <EmptyState icon={<IconUsers aria-hidden />} title={t('nomination.noneTitle')}>{t('nomination.rosterEmpty')}</EmptyState>
      ) : (
        <Stack gap="md">
          {[...groups.entries()].map(([agencyId, g]) => (
            <Paper key={agencyId} withBorder p="md" bg="white" component="section" aria-labelledby={`roster-${agencyId}`}>
              <Title order={2} fz="md" mb="xs" id={`roster-${agencyId}`}>
                {g.name} <Text span c="dimmed" fz="sm">({t('nomination.people', { count: g.people.length })})</Text>
              </Title>
              <Stack gap={4} component="ol" className="lentera-plain-list">
                {g.people.map((p) => (
                  <li key={p.id}>
                    <Text>{p.fullName}{p.nip ? <Text span c="dimmed" fz="sm"> · {p.nip}</Text> : null}{p.status === 'COMPLETED' ? <Text span fz="sm" c="teal.8"> · {t('nomination.statuses.COMPLETED')}</Text> : null}</Text>
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <LoadMore {...list.more} />
    </>
  );
}

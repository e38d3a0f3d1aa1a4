import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { activeFilterCount, type CatalogueFilters } from '../catalogue/filters';

const ProgrammeCatalogueDocument = graphql(`
  query ProgrammeCatalogue($search: String, $first: Int!, $after: String) {
    programmeCatalogue(search: $search, first: $first, after: $after) {
      nodes {
        id
        title
        audience
        owner {
          id
          name
        }
        items {
          id
          required
        }
        cohorts {
          id
          code
          startsAt
          endsAt
          status
          costPerParticipant
          viewerAgencyTakesPart
        }
        viewerParticipation {
          id
          status
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/**
 * Programmes in the catalogue, in a chunk of their own (the catalogue's first visit stays within its budget). The kind
 * "Program" alone: the whole paged list (the courses are hidden). No kind and no course filter: a short strip above
 * the courses, which says nothing when the viewer has no programme to join. Any course filter: nothing.
 */
export default function PathCatalogue({ filters, apply }: { filters: CatalogueFilters; apply: (next: CatalogueFilters) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const full = filters.programmes && !filters.kinds.length;
  const shown = filters.programmes || activeFilterCount(filters) === 0;
  const variables = { search: filters.search.trim() || null, first: full ? 12 : 2, after: null };
  const { loading, error, refetch, page, more } = usePagedList(ProgrammeCatalogueDocument, { variables, page: (d) => d.programmeCatalogue, skip: !shown });
  const onShowAll = () => apply({ ...filters, kinds: [], programmes: true });
  if (!shown || (!full && (!page || page.nodes.length === 0))) return null;
  return (
    <Stack component="section" aria-labelledby="catalogue-programmes" gap="sm" mb="lg">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="lg" id="catalogue-programmes">{t('path.catalogue.title')}</Title>
        {!full && page?.pageInfo.hasNextPage ? <Button variant="subtle" size="compact-sm" onClick={onShowAll}>{t('path.catalogue.showAll', { count: page.totalCount })}</Button> : null}
      </Group>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={2} height={140} />}
        empty={<EmptyState icon={<IconRoute aria-hidden />} title={t('path.catalogue.emptyTitle')}>{t('path.catalogue.empty')}</EmptyState>}
      >
        {(p) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {p.nodes.map((programme) => {
                const open = programme.cohorts.filter((c) => c.status === 'SCHEDULED' && c.viewerAgencyTakesPart && new Date(c.endsAt) > new Date());
                const cohort = open[open.length - 1];
                return (
                  <Card key={programme.id} component={Link} to={`/program/${programme.id}`} bg="white" data-testid="programme-card">
                    <Stack gap={6}>
                      <Group gap={6}>
                        <Badge color="lantern" variant="filled">{t('path.catalogue.badge')}</Badge>
                        {programme.viewerParticipation ? <Badge variant="light">{t(`path.participant.${programme.viewerParticipation.status}`)}</Badge> : null}
                      </Group>
                      <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>{programme.title}</Title>
                      <Text size="sm" c="dimmed">{programme.owner.name}</Text>
                      <Text size="sm">{t('path.catalogue.steps', { count: programme.items.length, required: programme.items.filter((i) => i.required).length })}</Text>
                      {cohort ? (
                        <Text size="sm">
                          {t('path.cohort', { code: cohort.code })}: {fmt.schedule(cohort.startsAt, cohort.endsAt)} · {fmt.rupiah(cohort.costPerParticipant)}
                        </Text>
                      ) : null}
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
            {full ? <LoadMore {...more} /> : null}
          </>
        )}
      </ListStates>
    </Stack>
  );
}

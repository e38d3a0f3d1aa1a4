import { useQuery } from '@apollo/client/react';
import { Badge, Box, Button, Drawer, Grid, Group, NativeSelect, Paper, Pill, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconBooks, IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { staffScreen } from '../app/staff-screen';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { CatalogueFacetsDocument, CatalogueFilters } from '../features/catalogue/CatalogueFilters';
import { CourseCard } from '../features/catalogue/CourseCard';
import {
  activeFilterCount,
  parseFilters,
  SORTS,
  toGraphqlFilter,
  toSearchParams,
  withoutFilters,
  type CatalogueFilters as Filters,
} from '../features/catalogue/filters';
import type { CatalogueSort } from '../gql/__generated__/graphql';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { useEditableCopy } from '../ui/useEditableCopy';
import { SkipLink } from '../ui/SkipLink';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const PAGE_SIZE = 12;

// Programmes (path area) come in their own chunk, after the catalogue's first paint: the catalogue's budget holds.
// Its texts come with it (staffScreen: the `path` section ships apart from the signed-in app's texts).
const PathCatalogue = lazy(staffScreen(() => import('../features/programmes/PathCatalogue')));

const CatalogueDocument = graphql(`
  query Catalogue($filter: CatalogueFilter, $sort: CatalogueSort, $first: Int!, $after: String) {
    catalogue(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        id
        ...CourseCard_course
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

export default function CatalogueRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const [search, setSearch] = useEditableCopy(filters.search);
  const [drawerOpen, drawer] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 62em)', true);

  // The URL is the state: a filtered catalogue is a link a colleague can open.
  const apply = (next: Filters) => setParams(toSearchParams(next), { replace: true });
  const applySearch = useDebouncedCallback((q: string) => apply({ ...filters, search: q }), 350);

  const variables = { filter: toGraphqlFilter(filters), sort: filters.sort, first: PAGE_SIZE, after: null };
  // "Paling cocok" only means something with search words; without them the server orders by SOONEST.
  const searching = filters.search.trim() !== '';
  const sortShown: CatalogueSort = filters.sort ?? (searching ? 'RELEVANCE' : 'SOONEST');
  // "Program" alone shows programmes only (PathCatalogue decides when else to show a strip of them).
  const programmesOnly = filters.programmes && !filters.kinds.length;
  const { loading, error, refetch, page, more } = usePagedList(CatalogueDocument, { variables, page: (d) => d.catalogue, skip: programmesOnly });
  const { data: facets } = useQuery(CatalogueFacetsDocument, { fetchPolicy: 'cache-first' });

  const count = activeFilterCount(filters);
  const anyFilter = count > 0 || filters.search.trim() !== '';


  const pills = activePills(filters, facets, t);

  const filterPanel = <CatalogueFilters value={filters} onChange={apply} facets={facets} />;

  return (
    <>
      <PageHeader title={t('catalogue.title')} description={t('catalogue.description')} />
      <Stack gap="sm" mb="md">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            applySearch.cancel?.();
            apply({ ...filters, search });
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              type="search"
              flex={1}
              size="md"
              label={t('catalogue.searchLabel')}
              placeholder={t('catalogue.searchPlaceholder')}
              leftSection={<IconSearch size={18} aria-hidden />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                applySearch(e.currentTarget.value);
              }}
              enterKeyHint="search"
            />
            {!wide ? (
              <Button
                variant={count ? 'filled' : 'default'}
                size="md"
                px="sm"
                onClick={drawer.open}
                leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
                aria-haspopup="dialog"
              >
                {count ? t('catalogue.filtersWithCount', { count }) : t('catalogue.filters')}
              </Button>
            ) : null}
          </Group>
        </form>
        <SkipLink target="catalogue-results">{t('catalogue.skipToResults')}</SkipLink>
        {pills.length > 0 ? (
          <Group gap={6}>
            {pills.map((p) => (
              <Pill key={p.key} size="md" withRemoveButton onRemove={() => apply(p.remove())} removeButtonProps={{ 'aria-label': t('catalogue.filter.removeAria', { label: p.label }) }}>
                {p.label}
              </Pill>
            ))}
            <Button variant="subtle" size="compact-sm" onClick={() => apply(withoutFilters(filters))}>
              {t('catalogue.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <Grid gap="lg">
        {wide ? (
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <Paper withBorder p="md" bg="white" component="aside" aria-label={t('catalogue.filters')}>
              <Title order={2} fz="md" mb="md">
                {t('catalogue.filters')}
              </Title>
              {filterPanel}
            </Paper>
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, md: wide ? 8 : 12, lg: wide ? 9 : 12 }}>
          <Suspense fallback={null}>
            <PathCatalogue filters={filters} apply={apply} />
          </Suspense>
          <Box component="section" aria-label={t('catalogue.results')} id="catalogue-results" tabIndex={-1} hidden={programmesOnly}>
            <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
              <Text size="sm" c="dimmed" aria-live="polite" aria-atomic="true">
                {page ? t('catalogue.resultCount', { total: fmt.number(page.totalCount) }) : '\u00a0'}
              </Text>
              <NativeSelect
                size="sm"
                label={t('catalogue.sort.label')}
                value={sortShown}
                onChange={(e) => apply({ ...filters, sort: e.currentTarget.value as CatalogueSort })}
                data={SORTS.filter((s) => s !== 'RELEVANCE' || searching).map((s) => ({ value: s, label: t(`catalogue.sort.${s}`) }))}
              />
            </Group>
            <ListStates
              errorMessage={error ? toUiError(error, t).message : null}
              loading={loading}
              data={page}
              isEmpty={(p) => p.nodes.length === 0}
              onRetry={() => void refetch()}
              skeleton={
                <CardListSkeleton count={4} height={188} />
              }
              empty={
                <EmptyState icon={<IconBooks aria-hidden />} title={t('catalogue.emptyTitle')} action={anyFilter ? <Button variant="default" onClick={() => apply(withoutFilters(filters))}>{t('catalogue.clearFilters')}</Button> : undefined}>
                  {anyFilter ? t('catalogue.emptyBody') : t('catalogue.emptyAll')}
                </EmptyState>
              }
            >
              {(page) => (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: wide ? 2 : 3, xl: 3 }} spacing="md">
                    {page.nodes.map((c) => (
                      <CourseCard key={c.id} course={c} />
                    ))}
                  </SimpleGrid>
                  <LoadMore {...more} />
                </>
              )}
            </ListStates>
          </Box>
        </Grid.Col>
      </Grid>

      <Drawer
        opened={drawerOpen && !wide}
        onClose={drawer.close}
        position="bottom"
        size="90%"
        radius="lg"
        title={
          <Group gap="xs">
            <Text fw={700}>{t('catalogue.filters')}</Text>
            {count ? <Badge color="lantern" variant="filled">{count}</Badge> : null}
          </Group>
        }
      >
        <Stack gap="lg" pb="md">
          {filterPanel}
          <Group grow>
            <Button variant="default" onClick={() => apply(withoutFilters(filters))}>
              {t('catalogue.clearFilters')}
            </Button>
            <Button onClick={drawer.close}>{page ? `${t('catalogue.showResults')} (${fmt.number(page.totalCount)})` : t('catalogue.showResults')}</Button>
          </Group>
        </Stack>
      </Drawer>
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** The filters that are on, as removable pills ("Tatap muka ×"). */
function activePills(f: Filters, facets: { catalogueOwners: { id: string; name: string }[] } | undefined, t: T) {
  const pills: { key: string; label: string; remove: () => Filters }[] = [];
  for (const g of f.groups) pills.push({ key: `g-${g}`, label: t(`enum.formGroup.${g}`), remove: () => ({ ...f, groups: f.groups.filter((x) => x !== g) }) });
  if (f.form) pills.push({ key: 'form', label: t(`enum.form.${f.form}`, { defaultValue: f.form }), remove: () => ({ ...f, form: null }) });
  for (const d of f.deliveries) pills.push({ key: `d-${d}`, label: t(`enum.delivery.${d}`), remove: () => ({ ...f, deliveries: f.deliveries.filter((x) => x !== d) }) });
  if (f.jp) pills.push({ key: 'jp', label: t(`catalogue.jpRange.${f.jp}`), remove: () => ({ ...f, jp: null }) });
  if (f.competency) pills.push({ key: 'comp', label: f.competency, remove: () => ({ ...f, competency: null }) });
  if (f.owner) {
    const name = facets?.catalogueOwners.find((o) => o.id === f.owner!.id)?.name ?? t('catalogue.filter.owner');
    pills.push({ key: 'owner', label: name, remove: () => ({ ...f, owner: null }) });
  }
  if (f.openOnly) pills.push({ key: 'open', label: t('catalogue.filter.openOnly'), remove: () => ({ ...f, openOnly: false }) });
  if (f.includeEnded) pills.push({ key: 'ended', label: t('catalogue.filter.includeEnded'), remove: () => ({ ...f, includeEnded: false }) });
  return pills;
}


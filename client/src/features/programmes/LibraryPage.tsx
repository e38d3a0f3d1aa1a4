import { Anchor, Badge, Card, Chip, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBooks, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import type { DevelopmentForm, LibraryFilter, LibrarySort } from '../../gql/__generated__/graphql';
import { EmptyState } from '../../ui/EmptyState';
import { formatNumber } from '../../ui/format';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { CohortBars, Meter } from './LibraryCharts';
import { DEVELOPMENT_FORMS, formatLanguage, LIBRARY_SORTS, percent } from './libraryFormat';

const SharedProgrammesDocument = graphql(`
  query SharedProgrammes($filter: LibraryFilter, $sort: LibrarySort, $first: Int!, $after: String) {
    sharedProgrammes(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        id
        title
        description
        competencyTags
        adoptionCount
        owner {
          id
          name
          kind
        }
        evidence {
          cohortsRun
          participants
          completionRate
          averageRating
          ratings
          cohorts {
            id
            code
            completionRate
          }
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

/** The evidence thresholds offered as chips (the API takes any). */
const COMPLETION_CHIPS = [80, 60] as const;
const PARTICIPANT_CHIPS = [10, 30] as const;
const RATING_CHIPS = [4] as const;

/** Filters live in the address, so a filtered library can be shared as a link. */
const LibraryPartnersDocument = graphql(`
  query LibraryPartners($search: String) {
    partnerInstitutions(search: $search, first: 20) {
      nodes {
        id
        name
      }
    }
  }
`);

/**
 * The partner filter: programmes a partner owns or whose item runs its staff teach. Partners are searched by name;
 * the chosen one is kept in the address (`mitra`) and stays among the choices whatever the search.
 */
function PartnerFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, previousData } = useQuery(LibraryPartnersDocument, { variables: { search: debounced || null } });
  const nodes = (data ?? previousData)?.partnerInstitutions.nodes ?? [];
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const choices = chosen && chosen.id === value && !nodes.some((n) => n.id === chosen.id) ? [chosen, ...nodes] : nodes;
  return (
    <Select
      size="sm"
      label={t('library.partner')}
      placeholder={t('library.anyPartner')}
      clearable
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={value}
      onChange={(id) => {
        setChosen(choices.find((c) => c.id === id) ?? null);
        onChange(id);
      }}
      data={choices.map((p) => ({ value: p.id, label: p.name }))}
      nothingFoundMessage={t('library.noPartner')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function filterFrom(params: URLSearchParams): LibraryFilter {
  const int = (name: string) => {
    const v = Number(params.get(name));
    return Number.isFinite(v) && v > 0 ? v : null;
  };
  const owner = params.get('pemilik');
  const form = params.get('bentuk');
  return {
    search: params.get('q') || null,
    minCompletionPercent: int('tuntas'),
    minParticipants: int('peserta'),
    minAverageRating: int('nilai'),
    ownerKind: owner === 'AGENCY' || owner === 'PARTNER' ? owner : null,
    form: form && (DEVELOPMENT_FORMS as readonly string[]).includes(form) ? (form as DevelopmentForm) : null,
    competency: params.get('kompetensi') || null,
    partnerId: params.get('mitra') || null,
  };
}

/** The shared-programme library: programmes other agencies share, found by what they achieved. */
export default function LibraryPage() {
  const { t, i18n } = useTranslation();
  const lang = formatLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const sortParam = params.get('urut');
  const sort: LibrarySort = sortParam && (LIBRARY_SORTS as readonly string[]).includes(sortParam) ? (sortParam as LibrarySort) : 'COMPLETION_RATE';

  const update = (patch: Record<string, string | number | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value == null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  const toggle = (key: string, value: number | string) => update({ [key]: params.get(key) === String(value) ? null : value });

  const { loading, error, refetch, page, more } = usePagedList(SharedProgrammesDocument, {
    variables: { filter, sort, first: 12, after: null },
    page: (d) => d.sharedProgrammes,
  });

  return (
    <>
      <PageHeader title={t('library.title')} description={t('library.description')} />
      <Stack gap="sm" mb="md">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            const words = new FormData(e.currentTarget).get('q');
            update({ q: typeof words === 'string' ? words.trim() || null : null });
          }}
        >
          {/* Uncontrolled, keyed by the address: going back to another search shows its words. */}
          <TextInput
            key={filter.search ?? ''}
            name="q"
            type="search"
            defaultValue={filter.search ?? ''}
            onBlur={(e) => update({ q: e.currentTarget.value.trim() || null })}
            leftSection={<IconSearch size={18} aria-hidden />}
            aria-label={t('library.search')}
            placeholder={t('library.searchPlaceholder')}
          />
        </form>
        <Group gap={8} aria-label={t('library.evidenceFilters')} role="group">
          {COMPLETION_CHIPS.map((v) => (
            <Chip key={`c${v}`} size="sm" variant="outline" checked={filter.minCompletionPercent === v} onChange={() => toggle('tuntas', v)}>
              {t('library.chip.completion', { value: v })}
            </Chip>
          ))}
          {PARTICIPANT_CHIPS.map((v) => (
            <Chip key={`p${v}`} size="sm" variant="outline" checked={filter.minParticipants === v} onChange={() => toggle('peserta', v)}>
              {t('library.chip.participants', { value: v })}
            </Chip>
          ))}
          {RATING_CHIPS.map((v) => (
            <Chip key={`r${v}`} size="sm" variant="outline" checked={filter.minAverageRating === v} onChange={() => toggle('nilai', v)}>
              {t('library.chip.rating', { value: v })}
            </Chip>
          ))}
          {(['AGENCY', 'PARTNER'] as const).map((k) => (
            <Chip key={k} size="sm" variant="outline" checked={filter.ownerKind === k} onChange={() => toggle('pemilik', k)}>
              {t(`library.chip.owner.${k}`)}
            </Chip>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            size="sm"
            label={t('library.form')}
            placeholder={t('library.anyForm')}
            clearable
            searchable
            value={filter.form ?? null}
            onChange={(v) => update({ bentuk: v })}
            data={DEVELOPMENT_FORMS.map((f) => ({ value: f, label: t(`enum.form.${f}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            size="sm"
            label={t('library.competency')}
            defaultValue={filter.competency ?? ''}
            key={filter.competency ?? ''}
            onBlur={(e) => update({ kompetensi: e.currentTarget.value.trim() || null })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ kompetensi: e.currentTarget.value.trim() || null });
            }}
          />
          <PartnerFilter value={params.get('mitra') || null} onChange={(id) => update({ mitra: id })} />
          <Select
            size="sm"
            label={t('library.sort')}
            value={sort}
            allowDeselect={false}
            onChange={(v) => update({ urut: v === 'COMPLETION_RATE' ? null : v })}
            data={LIBRARY_SORTS.map((s) => ({ value: s, label: t(`library.sortBy.${s}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Stack>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={
          <EmptyState icon={<IconBooks aria-hidden />} title={t('library.empty')}>
            {t('library.emptyHint')}
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {t('library.found', { count: p.totalCount })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {p.nodes.map((programme) => {
                const e = programme.evidence;
                return (
                  <Card key={programme.id} withBorder padding="md" component="article" aria-labelledby={`lib-${programme.id}`}>
                    <Stack gap={8}>
                      <Anchor id={`lib-${programme.id}`} component={Link} to={`/pustaka-program/${programme.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
                        {programme.title}
                      </Anchor>
                      <Group gap={6}>
                        <Text size="sm" c="dimmed">
                          {programme.owner.name}
                        </Text>
                        <Badge variant="light" color="gray" size="sm">
                          {t(`enum.ownerKind.${programme.owner.kind}`)}
                        </Badge>
                      </Group>
                      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
                        <Stack gap={4} style={{ minWidth: 0 }}>
                          <Text size="sm">
                            <Text span fw={700} size="lg">
                              {percent(e.completionRate, lang)}
                            </Text>{' '}
                            {t('library.completion')}
                          </Text>
                          <Meter value={e.completionRate} max={1} label={t('library.completionOf', { value: percent(e.completionRate, lang) })} />
                        </Stack>
                        {e.cohorts.length > 0 ? (
                          <CohortBars
                            values={e.cohorts.map((c) => c.completionRate ?? null)}
                            label={t('library.cohortBars', { list: e.cohorts.map((c) => `${c.code} ${percent(c.completionRate, lang)}`).join(', ') })}
                            width={88}
                            height={32}
                          />
                        ) : null}
                      </Group>
                      <Text size="sm">
                        {e.averageRating == null
                          ? t('library.noRating')
                          : t('library.rating', { value: formatNumber(e.averageRating, lang, 1), count: e.ratings })}
                        {' · '}
                        {t('library.participants', { count: e.participants })}
                        {' · '}
                        {t('library.adoptions', { count: programme.adoptionCount })}
                      </Text>
                      {programme.competencyTags.length > 0 ? (
                        <Group gap={4}>
                          {programme.competencyTags.map((tag) => (
                            <Badge key={tag} variant="light" size="sm" color="gray">
                              {tag}
                            </Badge>
                          ))}
                        </Group>
                      ) : null}
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBuildingBank, IconPencil, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { PartnerForm } from '../features/partners/PartnerForm';
import { graphql } from '../gql/__generated__';
import type { PlatformPartnersQuery } from '../gql/__generated__/graphql';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ListStates } from '../ui/ListStates';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const PlatformPartnersDocument = graphql(`
  query PlatformPartners($search: String, $first: Int!, $after: String) {
    partnerInstitutions(search: $search, first: $first, after: $after) {
      nodes {
        id
        code
        name
        kind
        city
        website
        contactEmail
        contactPhone
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

type Row = PlatformPartnersQuery['partnerInstitutions']['nodes'][number];

/** Platform admins: the partner institutions, registered and edited here; their staff and admins one click away. */
export default function PlatformPartnersRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const applySearch = useDebouncedCallback((v: string) => {
    const next = new URLSearchParams(params);
    if (v.trim()) next.set('q', v.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  }, 350);
  const { loading, error, refetch, page, more } = usePagedList(PlatformPartnersDocument, {
    variables: { search: q || null, first: 25, after: null },
    page: (d) => d.partnerInstitutions,
  });

  const actions = (p: Row) => (
    <Group gap={4} wrap="wrap" justify="flex-end">
      <Button size="xs" variant="default" component={Link} to={`/platform/mitra/${p.id}`} leftSection={<IconUsers size={14} aria-hidden />}>
        {t('partners.manage')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setEditing(p)} leftSection={<IconPencil size={14} aria-hidden />} aria-label={t('partners.editTitle', { name: p.name })}>
        {t('common.edit')}
      </Button>
    </Group>
  );
  const name = (p: Row) => (
    <Stack gap={0} miw={0}>
      <Text fw={700} style={{ overflowWrap: 'anywhere' }}>{p.name}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {p.code}
      </Text>
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('partners.add')}
          </Button>
        }
      />
      <TextInput
        type="search"
        mb="md"
        maw={480}
        label={t('partners.search')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
      />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={5} height={64} />}
        empty={
          <EmptyState icon={<IconBuildingBank aria-hidden />} title={t('partners.emptyTitle')}>
            {t('partners.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <DataTable
              caption={t('partners.caption', { total: fmt.number(page.totalCount) })}
              rows={page.nodes}
              rowKey={(p) => p.id}
              columns={[
                { key: 'name', header: t('partners.form.name'), render: name },
                { key: 'kind', header: t('partners.form.kind'), render: (p) => <Text size="sm">{t(`enum.partnerKind.${p.kind}`)}</Text> },
                { key: 'city', header: t('partners.form.city'), minWidth: 'md', render: (p) => <Text size="sm">{p.city ?? '—'}</Text> },
                { key: 'contact', header: t('partners.form.contactEmail'), minWidth: 'lg', render: (p) => <Text size="sm">{p.contactEmail ?? '—'}</Text> },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(p) => (
                <Stack gap={6}>
                  {name(p)}
                  <Text size="sm">{[t(`enum.partnerKind.${p.kind}`), p.city].filter(Boolean).join(' · ')}</Text>
                  {actions(p)}
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('partners.add') : t('partners.editTitle', { name: editing?.name ?? '' })} centered>
        {editing !== null ? <PartnerForm key={editing === 'new' ? 'new' : editing.id} partner={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}

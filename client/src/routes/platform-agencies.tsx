import { useMutation } from '@apollo/client/react';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBuildingCommunity, IconDots, IconKey, IconPencil, IconPlus, IconPower, IconSearch, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UiError } from '../app/errors';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { AgencyForm } from '../features/agencies/AgencyForm';
import { PersonSearchSelect } from '../features/people/PersonSearchSelect';
import { useGrantRole } from '../features/roles/useGrantRole';
import { graphql } from '../gql/__generated__';
import type { PlatformAgenciesQuery } from '../gql/__generated__/graphql';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { useEditableCopy } from '../ui/useEditableCopy';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { timeZoneLabel } from '../ui/format';
import { ListStates } from '../ui/ListStates';

const PlatformAgenciesDocument = graphql(`
  query PlatformAgencies($search: String, $active: Boolean, $first: Int!, $after: String) {
    agencies(search: $search, active: $active, first: $first, after: $after) {
      nodes {
        id
        code
        name
        kind
        timeZone
        active
        personCount
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const SetAgencyActiveDocument = graphql(`
  mutation SetAgencyActive($id: ID!, $active: Boolean!) {
    setAgencyActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

type Row = PlatformAgenciesQuery['agencies']['nodes'][number];

export default function PlatformAgenciesRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? 'semua';
  const [search, setSearch] = useEditableCopy(q);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [granting, setGranting] = useState<Row | null>(null);
  const [setActive] = useMutation(SetAgencyActiveDocument, { refetchQueries: ['PlatformAgencies'] });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const applySearch = useDebouncedCallback((v: string) => setParam('q', v.trim() || null), 350);
  const { loading, error, refetch, page, more } = usePagedList(PlatformAgenciesDocument, {
    variables: { search: q || null, active: status === 'semua' ? null : status === 'aktif', first: 25, after: null },
    page: (d) => d.agencies,
  });


  async function toggle(a: Row) {
    try {
      await setActive({ variables: { id: a.id, active: !a.active } });
      notifySuccess(a.active ? t('agencies.deactivated', { name: a.name }) : t('agencies.activated', { name: a.name }));
    } catch (e) {
      notifyError(toUiError(e, t).message);
    }
  }

  const actions = (a: Row) => (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" component={Link} to={`/admin/pegawai?instansi=${a.id}`} leftSection={<IconSettings size={14} aria-hidden />}>
        {t('agencies.manage')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size={30} aria-label={t('agencies.moreActions', { name: a.name })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setGranting(a)}>
            {t('agencies.grantAdmin')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(a)}>
            {t('common.edit')}
          </Menu.Item>
          <Menu.Item color={a.active ? 'red.9' : undefined} leftSection={<IconPower size={16} aria-hidden />} onClick={() => void toggle(a)}>
            {a.active ? t('agencies.deactivate') : t('agencies.activate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  const statusBadge = (a: Row) => (
    <Badge color={a.active ? 'teal' : 'gray'} variant="light">
      {a.active ? t('people.active') : t('people.inactive')}
    </Badge>
  );

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('agencies.add')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md">
        <TextInput
          type="search"
          label={t('agencies.search')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="agency-status">
            {t('people.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="agency-status"
            value={status}
            onChange={(v) => setParam('status', v === 'semua' ? null : v)}
            data={[
              { value: 'semua', label: t('common.all') },
              { value: 'aktif', label: t('people.active') },
              { value: 'nonaktif', label: t('people.inactive') },
            ]}
          />
        </Stack>
      </SimpleGrid>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={
          <CardListSkeleton count={5} height={64} />
        }
        empty={
          <EmptyState icon={<IconBuildingCommunity aria-hidden />} title={t('agencies.emptyTitle')}>
            {t('agencies.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <DataTable
              caption={t('agencies.caption', { total: fmt.number(page.totalCount) })}
              rows={page.nodes}
              rowKey={(a) => a.id}
              columns={[
                {
                  key: 'name',
                  header: t('agencies.col.name'),
                  render: (a) => (
                    <Stack gap={0}>
                      <Text fw={700}>{a.name}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {a.code}
                      </Text>
                    </Stack>
                  ),
                },
                { key: 'kind', header: t('agencies.form.kind'), render: (a) => <Text size="sm">{t(`enum.agencyKind.${a.kind}`)}</Text> },
                { key: 'zone', header: t('agencies.col.zone'), minWidth: 'md', render: (a) => <Text size="sm">{timeZoneLabel(a.timeZone)}</Text> },
                { key: 'people', header: t('agencies.col.people'), align: 'right', minWidth: 'md', render: (a) => <Text size="sm">{a.personCount === null || a.personCount === undefined ? '—' : fmt.number(a.personCount)}</Text> },
                { key: 'status', header: t('people.status'), render: statusBadge },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(a) => (
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0} miw={0}>
                      <Text fw={700}>{a.name}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {a.code}
                      </Text>
                    </Stack>
                    {statusBadge(a)}
                  </Group>
                  <Text size="sm">
                    {[t(`enum.agencyKind.${a.kind}`), timeZoneLabel(a.timeZone), a.personCount != null ? t('agencies.peopleCount', { count: fmt.number(a.personCount) }) : null].filter(Boolean).join(' · ')}
                  </Text>
                  {actions(a)}
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('agencies.add') : t('agencies.editTitle', { name: editing?.name ?? '' })} centered>
        {editing !== null ? <AgencyForm key={editing === 'new' ? 'new' : editing.id} agency={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <GrantAdminModal agency={granting} onClose={() => setGranting(null)} />
    </>
  );
}

function GrantAdminModal({ agency, onClose }: { agency: Row | null; onClose: () => void }) {
  const { t } = useTranslation();
  const grants = useGrantRole();
  const [person, setPerson] = useState<string | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const close = () => {
    setPerson(null);
    setProblem(null);
    onClose();
  };
  async function grantAdmin(agencyId: string) {
    if (!person) return setProblem({ code: 'LOCAL', message: t('roles.choosePerson'), fields: { personId: t('roles.choosePerson') } });
    const result = await grants.grant({ personId: person, role: 'AGENCY_ADMIN', agencyId }, '');
    if (result) setProblem(result);
    else close();
  }
  return (
    <Modal opened={!!agency} onClose={close} title={t('agencies.grantAdminTitle', { name: agency?.name ?? '' })} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (agency) void grantAdmin(agency.id);
        }}
      >
        <Stack>
          <Text size="sm">{t('agencies.grantAdminBody')}</Text>
          {problem && !problem.fields.personId ? (
            <Alert color="red" variant="light" role="alert">
              {problem.message}
            </Alert>
          ) : null}
          {agency ? <PersonSearchSelect label={t('roles.person')} agencyId={agency.id} value={person} onChange={setPerson} error={problem?.fields.personId} required data-autofocus /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={grants.busy} leftSection={<IconKey size={18} aria-hidden />}>
              {t('agencies.grantAdmin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

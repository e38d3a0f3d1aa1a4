import { useQuery } from '@apollo/client/react';
import { ActionIcon, Badge, Button, Drawer, Group, Menu, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconDots, IconKey, IconPencil, IconPlus, IconSearch, IconUserCheck, IconUserOff, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { AdminAgencySwitch } from '../features/admin/AdminAgencySwitch';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { OrgUnitChoicesDocument, PersonForm } from '../features/people/PersonForm';
import { ResetPasswordModal } from '../features/people/ResetPasswordModal';
import { usePersonMutations } from '../features/people/usePersonMutations';
import { graphql } from '../gql/__generated__';
import type { AdminPeopleQuery, Role } from '../gql/__generated__/graphql';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { useEditableCopy } from '../ui/useEditableCopy';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const AdminPeopleDocument = graphql(`
  query AdminPeople($agencyId: ID!, $search: String, $orgUnitId: ID, $role: Role, $active: Boolean, $first: Int!, $after: String) {
    people(agencyId: $agencyId, search: $search, orgUnitId: $orgUnitId, role: $role, active: $active, first: $first, after: $after) {
      nodes {
        id
        ...PersonForm_person
        subordinateCount
        roles {
          id
          role
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

type Row = AdminPeopleQuery['people']['nodes'][number];
const ROLE_FILTERS: Role[] = ['SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR'];

export default function AdminPeopleRoute() {
  const { agencyId } = useAdminAgency();
  const { t } = useTranslation();
  if (!agencyId) {
    return (
      <>
        <PageHeader title={t('people.title')} />
        <Stack>
          <AdminAgencySwitch />
          <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>
        </Stack>
      </>
    );
  }
  return <PeopleOfAgency agencyId={agencyId} />;
}

function PeopleOfAgency({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unit = params.get('unit');
  const role = (params.get('peran') as Role | null) ?? null;
  const status = params.get('status') ?? 'aktif';
  const [search, setSearch] = useEditableCopy(q);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [resetting, setResetting] = useState<Row | null>(null);
  const { setActive } = usePersonMutations();

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const applySearch = useDebouncedCallback((v: string) => setParam('q', v.trim() || null), 350);

  const { data: units } = useQuery(OrgUnitChoicesDocument, { variables: { agencyId }, fetchPolicy: 'cache-first' });
  const { loading, error, refetch, page, more } = usePagedList(AdminPeopleDocument, {
    variables: {
      agencyId,
      search: q || null,
      orgUnitId: unit,
      role: role && ROLE_FILTERS.includes(role) ? role : null,
      active: status === 'semua' ? null : status === 'aktif',
      first: 25,
      after: null,
    },
    page: (d) => d.people,
  });


  const actions = (p: Row) => (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(p)}>
        {t('common.edit')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size={30} aria-label={t('people.moreActions', { name: p.fullName })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(p)}>
            {t('people.reset.action')}
          </Menu.Item>
          {p.active ? (
            <Menu.Item color="red.9" leftSection={<IconUserOff size={16} aria-hidden />} disabled={p.id === me.id} onClick={() => void setActive(p.id, false, p.fullName)}>
              {t('people.deactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => void setActive(p.id, true, p.fullName)}>
              {t('people.activate')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  const roleBadges = (p: Row) => (
    <Group gap={4}>
      {!p.active ? (
        <Badge color="gray" variant="light">
          {t('people.inactive')}
        </Badge>
      ) : null}
      {p.subordinateCount > 0 ? (
        <Badge color="ink" variant="light">
          {t('enum.role.SUPERVISOR')}
        </Badge>
      ) : null}
      {(p.roles ?? []).map((r) => (
        <Badge key={r.id} color={r.role === 'AGENCY_ADMIN' ? 'lantern' : 'blue'} variant="light">
          {t(`enum.role.${r.role}`)}
        </Badge>
      ))}
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('people.form.create')}
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            type="search"
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
          />
          <Select
            label={t('people.form.orgUnit')}
            placeholder={t('people.allUnits')}
            clearable
            searchable
            value={unit}
            onChange={(v) => setParam('unit', v)}
            data={(units?.orgUnits ?? []).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('people.role')}
            placeholder={t('people.allRoles')}
            clearable
            value={role}
            onChange={(v) => setParam('peran', v)}
            data={ROLE_FILTERS.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="people-status">
              {t('people.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="people-status"
              value={status}
              onChange={(v) => setParam('status', v === 'aktif' ? null : v)}
              data={[
                { value: 'aktif', label: t('people.active') },
                { value: 'nonaktif', label: t('people.inactive') },
                { value: 'semua', label: t('common.all') },
              ]}
            />
          </Stack>
        </SimpleGrid>
      </Stack>

      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={
          <CardListSkeleton count={5} height={72} />
        }
        empty={
          <EmptyState icon={<IconUsers aria-hidden />} title={t('people.emptyTitle')}>
            {t('people.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <DataTable
              caption={t('people.caption', { total: fmt.number(page.totalCount) })}
              rows={page.nodes}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'name',
                  header: t('people.col.name'),
                  render: (p) => (
                    <Stack gap={0}>
                      <Text fw={700}>{p.fullName}</Text>
                      <Text size="sm" c="dimmed" ff="monospace">
                        {p.nip ?? p.email}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  key: 'position',
                  header: t('people.col.position'),
                  minWidth: 'md',
                  render: (p) => (
                    <Stack gap={0}>
                      <Text size="sm">{p.positionTitle ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {[p.employmentType, p.rank].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                  ),
                },
                { key: 'unit', header: t('people.col.unit'), render: (p) => <Text size="sm">{p.orgUnit?.name ?? '—'}</Text> },
                { key: 'supervisor', header: t('people.col.supervisor'), minWidth: 'lg', render: (p) => <Text size="sm">{p.supervisor?.fullName ?? '—'}</Text> },
                { key: 'roles', header: t('people.col.roles'), render: roleBadges },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(p) => (
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0}>
                      <Text fw={700}>{p.fullName}</Text>
                      <Text size="sm" c="dimmed" ff="monospace">
                        {p.nip ?? p.email}
                      </Text>
                    </Stack>
                    {actions(p)}
                  </Group>
                  <Text size="sm">{[p.positionTitle, p.orgUnit?.name].filter(Boolean).join(' · ') || '—'}</Text>
                  {p.supervisor ? (
                    <Text size="sm" c="dimmed">
                      {t('profile.supervisor', { name: p.supervisor.fullName })}
                    </Text>
                  ) : null}
                  {roleBadges(p)}
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>

      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position={wide ? 'right' : 'bottom'}
        size={wide ? 'md' : '100%'}
        title={editing === 'new' ? t('people.form.create') : t('people.editTitle', { name: editing?.fullName ?? '' })}
      >
        {editing !== null ? <PersonForm key={editing === 'new' ? 'new' : editing.id} agencyId={agencyId} person={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Drawer>
      <ResetPasswordModal person={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

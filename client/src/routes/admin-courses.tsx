import { Anchor, Button, Group, Menu, ActionIcon, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconArchive, IconDots, IconPencil, IconPlus, IconSchool, IconSearch, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { AdminAgencySwitch } from '../features/admin/AdminAgencySwitch';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { CourseStatusBadge } from '../features/course-admin/CourseStatusBadge';
import { useCourseStatus } from '../features/course-admin/useCourseStatus';
import { seatsText } from '../features/course/seats';
import { graphql } from '../gql/__generated__';
import type { AdminCoursesQuery, CourseStatus } from '../gql/__generated__/graphql';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { useEditableCopy } from '../ui/useEditableCopy';
import { CardListSkeleton } from '../ui/PageSkeleton';
import { ListStates } from '../ui/ListStates';

const AdminCoursesDocument = graphql(`
  query AdminCourses($agencyId: ID, $status: CourseStatus, $search: String, $first: Int!, $after: String) {
    manageableCourses(agencyId: $agencyId, status: $status, search: $search, first: $first, after: $after) {
      nodes {
        id
        code
        title
        form
        jp
        status
        nextRun {
          id
          code
          startsAt
          capacity
          seatsLeft
          waitlistLength
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

type Row = AdminCoursesQuery['manageableCourses']['nodes'][number];
const STATUSES: Record<string, CourseStatus | null> = { semua: null, draf: 'DRAFT', terbit: 'PUBLISHED', arsip: 'ARCHIVED' };

export default function AdminCoursesRoute() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { agencyId } = useAdminAgency();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusKey = params.get('status') && params.get('status')! in STATUSES ? params.get('status')! : 'semua';
  const [search, setSearch] = useEditableCopy(q);
  const admin = useCourseStatus();
  // The list shows each course's next run (angkatan); all its runs are on the course's admin page.
  const nextRunText = (c: Row) =>
    c.nextRun ? `${t('run.code', { code: c.nextRun.code })} · ${c.nextRun.startsAt ? fmt.shortDate(c.nextRun.startsAt) : t('course.anytime')}` : t('run.noneOpen');
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const applySearch = useDebouncedCallback((v: string) => setParam('q', v.trim() || null), 350);
  const { loading, error, refetch, page, more } = usePagedList(AdminCoursesDocument, {
    variables: { agencyId, status: STATUSES[statusKey], search: q || null, first: 25, after: null },
    page: (d) => d.manageableCourses,
  });
  const suffix = params.get('instansi') ? `?instansi=${params.get('instansi')}` : '';


  const actions = (c: Row) => (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" component={Link} to={`/admin/kursus/${c.id}${suffix}`} leftSection={<IconPencil size={14} aria-hidden />}>
        {t('common.edit')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size={30} aria-label={t('courseAdmin.moreActions', { title: c.title })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {/* The roster is per run: the next run's here, every run's on the course's admin page. */}
          {c.nextRun ? (
            <Menu.Item component={Link} to={`/mengajar/${c.nextRun.id}`} leftSection={<IconUsers size={16} aria-hidden />}>
              {t('courseAdmin.roster')} · {t('run.code', { code: c.nextRun.code })}
            </Menu.Item>
          ) : null}
          {c.status === 'DRAFT' ? (
            <Menu.Item leftSection={<IconWorld size={16} aria-hidden />} onClick={() => void admin.publish(c.id, c.title)}>
              {t('courseAdmin.publish')}
            </Menu.Item>
          ) : null}
          {c.status === 'PUBLISHED' ? (
            <Menu.Item color="red.9" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => void admin.archive(c.id, c.title)}>
              {t('courseAdmin.archive')}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('courseAdmin.title')}
        description={t('courseAdmin.description')}
        actions={
          <Button component={Link} to={`/admin/kursus/baru${suffix}`} leftSection={<IconPlus size={18} aria-hidden />}>
            {t('courseAdmin.new')}
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="search"
            label={t('courseAdmin.search')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="course-status-filter">
              {t('courseAdmin.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="course-status-filter"
              value={statusKey}
              onChange={(v) => setParam('status', v === 'semua' ? null : v)}
              data={Object.keys(STATUSES).map((k) => ({ value: k, label: k === 'semua' ? t('common.all') : t(`enum.courseStatus.${STATUSES[k]}`) }))}
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
          <EmptyState icon={<IconSchool aria-hidden />} title={t('courseAdmin.emptyTitle')} action={<Button component={Link} to={`/admin/kursus/baru${suffix}`}>{t('courseAdmin.new')}</Button>}>
            {t('courseAdmin.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <DataTable
              caption={t('courseAdmin.caption', { total: fmt.number(page.totalCount) })}
              rows={page.nodes}
              rowKey={(c) => c.id}
              columns={[
                {
                  key: 'title',
                  header: t('courseAdmin.col.title'),
                  render: (c) => (
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/kursus/${c.id}`} fw={700} c="var(--mantine-color-text)" underline="hover">
                        {c.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {c.code}
                      </Text>
                    </Stack>
                  ),
                },
                { key: 'form', header: t('catalogue.filter.form'), minWidth: 'lg', render: (c) => <Text size="sm">{t(`enum.form.${c.form}`)}</Text> },
                { key: 'jp', header: t('common.jpUnit'), align: 'right', render: (c) => <Text fw={700}>{fmt.number(c.jp)}</Text> },
                { key: 'start', header: t('run.nextHeader'), minWidth: 'md', render: (c) => <Text size="sm">{nextRunText(c)}</Text> },
                { key: 'seats', header: t('course.facts.seats'), minWidth: 'md', render: (c) => <Text size="sm">{c.nextRun ? seatsText(c.nextRun, t) : '–'}</Text> },
                { key: 'status', header: t('courseAdmin.status'), render: (c) => <CourseStatusBadge status={c.status} /> },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(c) => (
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <CourseStatusBadge status={c.status} />
                    {actions(c)}
                  </Group>
                  <Anchor component={Link} to={`/kursus/${c.id}`} fw={700} c="var(--mantine-color-text)" underline="hover">
                    {c.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {[c.code, t('common.jp', { jp: c.jp }), nextRunText(c), ...(c.nextRun ? [seatsText(c.nextRun, t)] : [])].join(' · ')}
                  </Text>
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconRoute, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { ManagedProgrammesQuery, ProgrammeCompletionRule, ProgrammeStatus } from '../../gql/__generated__/graphql';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { useEditableCopy } from '../../ui/useEditableCopy';
import { ProgrammeStatusBadge } from './BuildStatus';

const ManagedProgrammesDocument = graphql(`
  query ManagedProgrammes($status: ProgrammeStatus, $search: String, $first: Int!, $after: String) {
    managedProgrammes(status: $status, search: $search, first: $first, after: $after) {
      nodes {
        id
        code
        title
        status
        completionRule
        owner {
          id
          name
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

const CreateProgrammeDocument = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      id
    }
  }
`);

type Row = ManagedProgrammesQuery['managedProgrammes']['nodes'][number];
const STATUSES: Record<string, ProgrammeStatus | null> = { semua: null, draf: 'DRAFT', terbit: 'PUBLISHED', arsip: 'ARCHIVED' };
const RULES: ProgrammeCompletionRule[] = ['ALL_REQUIRED', 'IN_ORDER'];

/** /admin/program: the programmes the admin manages, and a new one. */
export default function BuildProgrammesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusKey = params.get('status') && params.get('status')! in STATUSES ? params.get('status')! : 'semua';
  const [search, setSearch] = useEditableCopy(q);
  const [creating, setCreating] = useState(false);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const applySearch = useDebouncedCallback((v: string) => setParam('q', v.trim() || null), 350);
  const { loading, error, refetch, page, more } = usePagedList(ManagedProgrammesDocument, {
    variables: { status: STATUSES[statusKey], search: q || null, first: 25, after: null },
    page: (d) => d.managedProgrammes,
  });
  const newButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('programmeBuild.new')}
    </Button>
  );
  const title = (p: Row) => (
    <Stack gap={0}>
      <Anchor component={Link} to={`/admin/program/${p.id}`} fw={700} c="var(--mantine-color-text)" underline="hover">
        {p.title}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        {p.code}
      </Text>
    </Stack>
  );

  return (
    <>
      <PageHeader title={t('programmeBuild.title')} description={t('programmeBuild.description')} actions={newButton} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md">
        <TextInput
          type="search"
          label={t('programmeBuild.search')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="programme-status-filter">
            {t('programmeBuild.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="programme-status-filter"
            value={statusKey}
            onChange={(v) => setParam('status', v === 'semua' ? null : v)}
            data={Object.keys(STATUSES).map((k) => ({ value: k, label: k === 'semua' ? t('common.all') : t(`programmeBuild.status_.${STATUSES[k]}`) }))}
          />
        </Stack>
      </SimpleGrid>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={4} height={72} />}
        empty={
          <EmptyState icon={<IconRoute aria-hidden />} title={t('programmeBuild.emptyTitle')} action={newButton}>
            {t('programmeBuild.empty')}
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <DataTable
              caption={t('programmeBuild.caption', { total: fmt.number(page.totalCount) })}
              rows={page.nodes}
              rowKey={(p) => p.id}
              columns={[
                { key: 'title', header: t('programmeBuild.col.title'), render: title },
                { key: 'owner', header: t('programmeBuild.col.owner'), minWidth: 'md', render: (p) => <Text size="sm">{p.owner.name}</Text> },
                { key: 'rule', header: t('programmeBuild.col.rule'), minWidth: 'lg', render: (p) => <Text size="sm">{t(`programmeBuild.rule.${p.completionRule}`)}</Text> },
                { key: 'status', header: t('programmeBuild.status'), render: (p) => <ProgrammeStatusBadge status={p.status} /> },
              ]}
              card={(p) => (
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    {title(p)}
                    <ProgrammeStatusBadge status={p.status} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[p.owner.name, t(`programmeBuild.rule.${p.completionRule}`)].join(' · ')}
                  </Text>
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('programmeBuild.new')} size="lg">
        {creating ? <CreateProgrammeForm onDone={() => setCreating(false)} /> : null}
      </Modal>
    </>
  );
}

function CreateProgrammeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [create, { loading, error }] = useMutation(CreateProgrammeDocument);
  const form = useForm({
    initialValues: { code: '', title: '', description: '', audience: '', competencyTags: [] as string[], completionRule: 'ALL_REQUIRED' as ProgrammeCompletionRule },
    validate: {
      code: (v) => (v.trim() ? null : t('programmeBuild.required')),
      title: (v) => (v.trim() ? null : t('programmeBuild.required')),
    },
  });
  const uiError = error ? toUiError(error, t) : null;
  const err = (field: string) => form.errors[field] ?? uiError?.fields[field];
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        const { data } = await create({ variables: { input: values } }).catch(() => ({ data: undefined }));
        if (!data) return;
        notifySuccess(t('programmeBuild.created'));
        onDone();
        void navigate(`/admin/program/${data.createProgramme.id}`);
      })}
    >
      <Stack gap="sm">
        {uiError && Object.keys(uiError.fields).length === 0 ? (
          <Text c="red.8" role="alert">
            {uiError.message}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput required label={t('programmeBuild.form.code')} description={t('programmeBuild.form.codeHint')} {...form.getInputProps('code')} error={err('code')} />
          <Select
            label={t('programmeBuild.form.rule')}
            data={RULES.map((r) => ({ value: r, label: t(`programmeBuild.rule.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('completionRule')}
          />
        </SimpleGrid>
        <TextInput required label={t('programmeBuild.form.title')} {...form.getInputProps('title')} error={err('title')} />
        <Textarea autosize minRows={2} label={t('programmeBuild.form.description')} {...form.getInputProps('description')} />
        <TextInput label={t('programmeBuild.form.audience')} description={t('programmeBuild.form.audienceHint')} {...form.getInputProps('audience')} />
        <TagsInput label={t('programmeBuild.form.tags')} description={t('programmeBuild.form.tagsHint')} {...form.getInputProps('competencyTags')} error={err('competencyTags')} />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('programmeBuild.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

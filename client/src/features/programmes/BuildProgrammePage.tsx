import { useMutation, useQuery } from '@apollo/client/react';
import {
  ActionIcon, Anchor, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconArrowDown, IconArrowLeft, IconArrowUp, IconPlus, IconTrash, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { BuildProgrammeQuery, ProgrammeCompletionRule } from '../../gql/__generated__/graphql';
import { ErrorState } from '../../ui/ErrorState';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { ProgrammeStatusBadge } from './BuildStatus';
import { ProgrammeLineage } from './LibraryLineage';
import { ProgrammeSharing } from './LibrarySharing';

const BuildProgrammeDocument = graphql(`
  query BuildProgramme($id: ID!) {
    programme(id: $id) {
      id
      code
      title
      description
      audience
      competencyTags
      completionRule
      status
      canManage
      owner {
        id
        name
      }
      adoptedFrom {
        id
        title
        owner {
          id
          name
        }
      }
      origin {
        id
        title
        owner {
          id
          name
        }
      }
      items {
        id
        position
        required
        groupId
        course {
          id
          code
          title
          kind
          jp
        }
      }
      groups {
        id
        title
        minCompleted
      }
      cohorts {
        id
        code
        status
        startsAt
        endsAt
        capacity
        quotas {
          id
          seats
        }
      }
    }
  }
`);

const UpdateProgrammeDocument = graphql(`
  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {
    updateProgramme(id: $id, input: $input) {
      id
      title
      description
      audience
      competencyTags
    }
  }
`);

const SetProgrammePathDocument = graphql(`
  mutation SetProgrammePath($id: ID!, $input: SetProgrammePathInput!) {
    setProgrammePath(id: $id, input: $input) {
      id
      completionRule
      items {
        id
        position
        required
        groupId
        course {
          id
          code
          title
          kind
          jp
        }
      }
      groups {
        id
        title
        minCompleted
      }
    }
  }
`);

const PublishProgrammeDocument = graphql(`
  mutation PublishProgramme($id: ID!) {
    publishProgramme(id: $id) {
      id
      status
    }
  }
`);

const ArchiveProgrammeDocument = graphql(`
  mutation ArchiveProgramme($id: ID!) {
    archiveProgramme(id: $id) {
      id
      status
    }
  }
`);

const ProgrammeCourseChoicesDocument = graphql(`
  query ProgrammeCourseChoices($programmeId: ID!, $search: String) {
    programmeCourseChoices(programmeId: $programmeId, search: $search, first: 20) {
      id
      code
      title
      kind
      jp
      ownerName
    }
  }
`);

type Programme = NonNullable<BuildProgrammeQuery['programme']>;

/** /admin/program/:programmeId: details, the path builder, publish/archive, and the cohorts. */
export default function BuildProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(BuildProgrammeDocument, { variables: { id: programmeId } });
  if (loading && !data) return <PageSkeleton />;
  if (error || !data?.programme) return <ErrorState message={error ? toUiError(error, t).message : t('errors.NOT_FOUND')} onRetry={() => void refetch()} />;
  const programme = data.programme;
  return (
    <>
      <Anchor component={Link} to="/admin/program" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden /> {t('programmeBuild.back')}
      </Anchor>
      <PageHeader
        title={programme.title}
        eyebrow={<Group gap="xs" component="span">{programme.code} · {programme.owner.name}</Group>}
        actions={<StatusActions programme={programme} />}
      />
      <Stack gap="lg">
        <ProgrammeLineage programme={programme} />
        <DetailsForm programme={programme} />
        <PathBuilder key={programme.items.map((i) => i.id).join() + programme.completionRule} programme={programme} />
        <Cohorts programme={programme} />
        {/* Sharing in the library and who adopted it (library area). */}
        {programme.canManage ? <ProgrammeSharing programmeId={programme.id} /> : null}
      </Stack>
    </>
  );
}

function StatusActions({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [publish, { loading: publishing }] = useMutation(PublishProgrammeDocument);
  const [archive, { loading: archiving }] = useMutation(ArchiveProgrammeDocument);
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notifySuccess(done);
    } catch (e) {
      notifyError(toUiError(e, t).message);
    }
  };
  return (
    <Group gap="sm">
      <ProgrammeStatusBadge status={programme.status} />
      {programme.canManage && programme.status === 'DRAFT' ? (
        <Button leftSection={<IconWorld size={18} aria-hidden />} loading={publishing} onClick={() => void run(() => publish({ variables: { id: programme.id } }), t('programmeBuild.published'))}>
          {t('programmeBuild.publish')}
        </Button>
      ) : null}
      {programme.canManage && programme.status !== 'ARCHIVED' ? (
        <Button
          variant="default"
          leftSection={<IconArchive size={18} aria-hidden />}
          loading={archiving}
          onClick={() => {
            if (window.confirm(t('programmeBuild.archiveConfirm'))) void run(() => archive({ variables: { id: programme.id } }), t('programmeBuild.archived'));
          }}
        >
          {t('programmeBuild.archive')}
        </Button>
      ) : null}
    </Group>
  );
}

function DetailsForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [update, { loading, error }] = useMutation(UpdateProgrammeDocument);
  const form = useForm({
    initialValues: { title: programme.title, description: programme.description, audience: programme.audience, competencyTags: programme.competencyTags },
    validate: { title: (v) => (v.trim() ? null : t('programmeBuild.required')) },
  });
  const uiError = error ? toUiError(error, t) : null;
  const locked = !programme.canManage || programme.status === 'ARCHIVED';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="programme-details">
      <Title order={2} size="h3" id="programme-details" mb="sm">
        {t('programmeBuild.details')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const res = await update({ variables: { id: programme.id, input: values } }).catch(() => null);
          if (res?.data) notifySuccess(t('programmeBuild.saved'));
        })}
      >
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            {uiError ? (
              <Text c="red.8" role="alert">
                {uiError.message}
              </Text>
            ) : null}
            <TextInput required label={t('programmeBuild.form.title')} {...form.getInputProps('title')} />
            <Textarea autosize minRows={2} label={t('programmeBuild.form.description')} {...form.getInputProps('description')} />
            <TextInput label={t('programmeBuild.form.audience')} description={t('programmeBuild.form.audienceHint')} {...form.getInputProps('audience')} />
            <TagsInput label={t('programmeBuild.form.tags')} description={t('programmeBuild.form.tagsHint')} {...form.getInputProps('competencyTags')} />
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={loading}>
                {t('programmeBuild.form.save')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}

interface DraftItem {
  courseId: string;
  title: string;
  code: string;
  kind: string;
  jp: number;
  required: boolean;
  groupKey: string | null;
}
interface DraftGroup {
  key: string;
  title: string;
  minCompleted: number;
}

const RULES: ProgrammeCompletionRule[] = ['ALL_REQUIRED', 'IN_ORDER', 'GROUPS'];

/** The path as the admin edits it, saved whole (setProgrammePath): items in order, groups of electives, the rule. */
function PathBuilder({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [rule, setRule] = useState<ProgrammeCompletionRule>(programme.completionRule);
  const [groups, setGroups] = useState<DraftGroup[]>(() => programme.groups.map((g) => ({ key: g.id, title: g.title, minCompleted: g.minCompleted })));
  const [items, setItems] = useState<DraftItem[]>(() => programme.items.map((i) => ({
    courseId: i.course.id, title: i.course.title, code: i.course.code, kind: i.course.kind, jp: i.course.jp, required: i.required, groupKey: i.groupId,
  })));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data: choices } = useQuery(ProgrammeCourseChoicesDocument, { variables: { programmeId: programme.id, search: debounced || null }, skip: !programme.canManage });
  const [save, { loading, error }] = useMutation(SetProgrammePathDocument);
  const locked = !programme.canManage || programme.status === 'ARCHIVED';
  const offered = (choices?.programmeCourseChoices ?? []).filter((c) => !items.some((i) => i.courseId === c.id));
  const move = (index: number, by: number) => setItems((list) => {
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    return next;
  });
  const patch = (index: number, change: Partial<DraftItem>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const kindLabel = (kind: string) => (kind === 'WORKSHOP' ? t('programmeBuild.path.workshop') : t('programmeBuild.path.course'));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="programme-path">
      <Title order={2} size="h3" id="programme-path">
        {t('programmeBuild.path.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('programmeBuild.path.hint')}
      </Text>
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <Select
            label={t('programmeBuild.form.rule')}
            data={RULES.map((r) => ({ value: r, label: t(`programmeBuild.rule.${r}`) }))}
            value={rule}
            allowDeselect={false}
            onChange={(v) => v && setRule(v)}
          />
          <Select
            label={t('programmeBuild.path.add')}
            placeholder={t('programmeBuild.path.addHint')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            value={null}
            filter={({ options }) => options}
            nothingFoundMessage={t('programmeBuild.path.noChoice')}
            data={offered.map((c) => ({ value: c.id, label: `${c.title} · ${kindLabel(c.kind)} · ${c.ownerName}` }))}
            onChange={(id) => {
              const c = offered.find((o) => o.id === id);
              if (!c) return;
              setItems((list) => [...list, { courseId: c.id, title: c.title, code: c.code, kind: c.kind, jp: c.jp, required: true, groupKey: null }]);
              setSearch('');
            }}
            comboboxProps={{ withinPortal: true }}
          />
          {items.length === 0 ? <Text c="dimmed">{t('programmeBuild.path.empty')}</Text> : null}
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('programmeBuild.path.title')}>
            {items.map((item, index) => (
              <Paper key={item.courseId} withBorder p="sm" radius="sm" component="li">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="xs" c="dimmed">
                      {t('programmeBuild.path.position', { n: index + 1 })} · {kindLabel(item.kind)} · {t('common.jp', { jp: fmt.number(item.jp) })}
                    </Text>
                    <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" size={36} aria-label={t('programmeBuild.path.up', { title: item.title })} disabled={index === 0} onClick={() => move(index, -1)}>
                      <IconArrowUp size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" size={36} aria-label={t('programmeBuild.path.down', { title: item.title })} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                      <IconArrowDown size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" color="red.8" size={36} aria-label={t('programmeBuild.path.remove', { title: item.title })} onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <Group gap="md" mt="xs" wrap="wrap">
                  <Checkbox
                    label={t('programmeBuild.path.required')}
                    checked={item.required && !item.groupKey}
                    disabled={!!item.groupKey}
                    onChange={(e) => patch(index, { required: e.currentTarget.checked })}
                  />
                  {rule === 'GROUPS' ? (
                    <Select
                      size="xs"
                      aria-label={`${t('programmeBuild.path.group')}: ${item.title}`}
                      data={[{ value: '', label: t('programmeBuild.path.noGroup') }, ...groups.map((g) => ({ value: g.key, label: g.title }))]}
                      value={item.groupKey ?? ''}
                      allowDeselect={false}
                      onChange={(v) => patch(index, { groupKey: v || null })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
          {rule === 'GROUPS' ? (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('programmeBuild.path.groups')}
              </Title>
              {groups.map((g, index) => (
                <Group key={g.key} gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('programmeBuild.path.groupTitle')}
                    value={g.title}
                    style={{ flex: '1 1 180px' }}
                    onChange={(e) => {
                      const title = e.currentTarget.value;
                      setGroups((list) => list.map((x, i) => (i === index ? { ...x, title } : x)));
                    }}
                  />
                  <NumberInput
                    label={t('programmeBuild.path.groupMin')}
                    min={1}
                    w={140}
                    value={g.minCompleted}
                    onChange={(v) => setGroups((list) => list.map((x, i) => (i === index ? { ...x, minCompleted: Number(v) || 1 } : x)))}
                  />
                  <ActionIcon
                    variant="default"
                    size={36}
                    aria-label={t('programmeBuild.path.removeGroup', { title: g.title })}
                    onClick={() => {
                      setGroups((list) => list.filter((_, i) => i !== index));
                      setItems((list) => list.map((item) => (item.groupKey === g.key ? { ...item, groupKey: null } : item)));
                    }}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setGroups((list) => [...list, { key: `baru-${Date.now()}`, title: t('programmeBuild.path.groupDefault', { n: list.length + 1 }), minCompleted: 1 }])}
                >
                  {t('programmeBuild.path.addGroup')}
                </Button>
              </Group>
            </Stack>
          ) : null}
          {error ? (
            <Text c="red.8" role="alert">
              {toUiError(error, t).message}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button
              loading={loading}
              onClick={() => void (async () => {
                const input = {
                  completionRule: rule,
                  groups: rule === 'GROUPS' ? groups.map((g) => ({ key: g.key, title: g.title, minCompleted: g.minCompleted })) : [],
                  items: items.map((i) => ({ courseId: i.courseId, required: i.required, groupKey: rule === 'GROUPS' ? i.groupKey : null })),
                };
                const res = await save({ variables: { id: programme.id, input } }).catch(() => null);
                if (res?.data) notifySuccess(t('programmeBuild.path.saved'));
              })()}
            >
              {t('programmeBuild.path.save')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </Paper>
  );
}

function Cohorts({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="programme-cohorts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="programme-cohorts">
          {t('programmeBuild.cohorts.title')}
        </Title>
        {programme.canManage && programme.status !== 'ARCHIVED' && programme.items.length > 0 ? (
          <Button component={Link} to={`/admin/program/${programme.id}/angkatan/baru`} variant="default" leftSection={<IconPlus size={18} aria-hidden />}>
            {t('programmeBuild.cohorts.new')}
          </Button>
        ) : null}
      </Group>
      {programme.cohorts.length === 0 ? <Text c="dimmed">{t('programmeBuild.cohorts.empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {programme.cohorts.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="sm">
            <Anchor component={Link} to={`/admin/program/${programme.id}/angkatan/${c.id}`} fw={700}>
              {t('programmeBuild.cohort.title', { code: c.code })}
            </Anchor>
            <Text size="sm">{fmt.schedule(c.startsAt, c.endsAt)}</Text>
            <Text size="sm" c="dimmed">
              {t(`programmeBuild.cohorts.status.${c.status}`)} ·{' '}
              {t('programmeBuild.cohorts.seats', { taken: fmt.number(c.quotas.reduce((sum, q) => sum + q.seats, 0)), capacity: fmt.number(c.capacity) })}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

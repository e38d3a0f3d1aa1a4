import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Box, Button, Group, Menu, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsMove, IconDots, IconPencil, IconPlus, IconSitemap, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../app/errors';
import { toUiError } from '../app/errors';
import { useFormatters } from '../app/useFormatters';
import { AdminAgencySwitch } from '../features/admin/AdminAgencySwitch';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { useOrgUnitMutations } from '../features/org-units/useOrgUnitMutations';
import { graphql } from '../gql/__generated__';
import type { AdminOrgUnitsQuery } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const AdminOrgUnitsDocument = graphql(`
  query AdminOrgUnits($agencyId: ID!) {
    orgUnits(agencyId: $agencyId) {
      id
      name
      parentId
      depth
      path
      childCount
      personCount
      subtreePersonCount
    }
  }
`);

type Unit = AdminOrgUnitsQuery['orgUnits'][number];
type Dialog =
  | { kind: 'create'; parent: Unit | null }
  | { kind: 'rename'; unit: Unit }
  | { kind: 'move'; unit: Unit }
  | { kind: 'delete'; unit: Unit };

export default function AdminOrgUnitsRoute() {
  const { t } = useTranslation();
  const { agencyId } = useAdminAgency();
  if (!agencyId) {
    return (
      <>
        <PageHeader title={t('units.title')} />
        <Stack>
          <AdminAgencySwitch />
          <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>
        </Stack>
      </>
    );
  }
  return <UnitTree agencyId={agencyId} />;
}

function UnitTree({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { data, loading, error, refetch } = useQuery(AdminOrgUnitsDocument, { variables: { agencyId } });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const units = data?.orgUnits ?? [];

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create', parent: null })}>
            {t('units.addTop')}
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
      </Stack>
      {error && !data ? (
        <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <CardListSkeleton count={6} height={56} />
      ) : units.length === 0 ? (
        <EmptyState icon={<IconSitemap aria-hidden />} title={t('units.emptyTitle')} action={<Button onClick={() => setDialog({ kind: 'create', parent: null })}>{t('units.addTop')}</Button>}>
          {t('units.empty')}
        </EmptyState>
      ) : (
        <Paper withBorder bg="white" p={0}>
          <Box component="ul" className="lentera-plain-list" aria-label={t('units.treeLabel')}>
            {units.map((u, i) => (
              <Box component="li" key={u.id} className="lentera-tree-row" data-first={i === 0 || undefined}>
                <Group justify="space-between" wrap="nowrap" gap="xs" px="md" py={10} pl={`calc(var(--mantine-spacing-md) + ${Math.min(u.depth, 6)} * 18px)`}>
                  <Group gap="xs" wrap="nowrap" miw={0}>
                    {u.depth > 0 ? <Box className="lentera-tree-branch" aria-hidden /> : null}
                    <Stack gap={0} miw={0}>
                      <Text fw={u.depth === 0 ? 700 : 600}>
                        <span className="lentera-visually-hidden">{t('units.level', { level: u.depth + 1 })} </span>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.childCount > 0
                          ? t('units.countsWithChildren', { people: fmt.number(u.personCount), all: fmt.number(u.subtreePersonCount), children: fmt.number(u.childCount) })
                          : t('units.counts', { people: fmt.number(u.personCount) })}
                      </Text>
                    </Stack>
                  </Group>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="ink" size={36} aria-label={t('units.actionsFor', { name: u.name })}>
                        <IconDots size={18} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create', parent: u })}>
                        {t('units.addChild')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog({ kind: 'rename', unit: u })}>
                        {t('units.rename')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={() => setDialog({ kind: 'move', unit: u })}>
                        {t('units.move')}
                      </Menu.Item>
                      <Menu.Item color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog({ kind: 'delete', unit: u })}>
                        {t('common.delete')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Box>
            ))}
          </Box>
        </Paper>
      )}
      <UnitDialog dialog={dialog} units={units} agencyId={agencyId} onClose={() => setDialog(null)} />
    </>
  );
}

function UnitDialog({ dialog, units, agencyId, onClose }: { dialog: Dialog | null; units: Unit[]; agencyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const m = useOrgUnitMutations();
  const [name, setName] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const [shownFor, setShownFor] = useState<Dialog | null>(null);
  // Reset the inputs whenever a different dialog opens.
  if (dialog !== shownFor) {
    setShownFor(dialog);
    setProblem(null);
    setName(dialog?.kind === 'rename' ? dialog.unit.name : '');
    setParent(dialog?.kind === 'move' ? dialog.unit.parentId ?? null : null);
  }
  if (!dialog) return <Modal opened={false} onClose={onClose} title="" />;

  const title =
    dialog.kind === 'create'
      ? dialog.parent
        ? t('units.addChildTo', { name: dialog.parent.name })
        : t('units.addTop')
      : dialog.kind === 'rename'
        ? t('units.renameTitle', { name: dialog.unit.name })
        : dialog.kind === 'move'
          ? t('units.moveTitle', { name: dialog.unit.name })
          : t('units.deleteTitle', { name: dialog.unit.name });

  async function submit() {
    let result: UiError | null = null;
    if (dialog!.kind === 'create' || dialog!.kind === 'rename') {
      if (!name.trim()) return setProblem({ code: 'LOCAL', message: t('units.nameRequired'), fields: { name: t('units.nameRequired') } });
    }
    if (dialog!.kind === 'create') result = await m.create(agencyId, name.trim(), dialog!.parent?.id ?? null);
    else if (dialog!.kind === 'rename') result = await m.rename(dialog!.unit.id, name.trim());
    else if (dialog!.kind === 'move') result = await m.move(dialog!.unit.id, parent, dialog!.unit.name);
    else result = await m.remove(dialog!.unit.id, dialog!.unit.name);
    if (result) setProblem(result);
    else onClose();
  }

  // A unit cannot move under itself or its own sub-units.
  const moveTargets =
    dialog.kind === 'move'
      ? units.filter((u) => u.id !== dialog.unit.id && !u.path.startsWith(`${dialog.unit.path}/`))
      : [];
  const nameError = problem?.fields.name ?? null;
  const generalError = problem && !nameError ? problem.message : null;

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {generalError ? (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          ) : null}
          {dialog.kind === 'create' || dialog.kind === 'rename' ? (
            <TextInput label={t('units.name')} description={t('units.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus />
          ) : null}
          {dialog.kind === 'move' ? (
            <Select
              label={t('units.newParent')}
              placeholder={t('units.topLevel')}
              clearable
              searchable
              value={parent}
              onChange={setParent}
              data={moveTargets.map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
              description={t('units.moveHint')}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          {dialog.kind === 'delete' ? (
            <Text>
              {dialog.unit.childCount > 0 || dialog.unit.personCount > 0
                ? t('units.deleteNotEmpty', { children: dialog.unit.childCount, people: dialog.unit.personCount })
                : t('units.deleteBody', { name: dialog.unit.name })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={dialog.kind === 'delete' ? 'red.8' : undefined} loading={m.busy}>
              {dialog.kind === 'delete' ? t('common.delete') : dialog.kind === 'move' ? t('units.moveSubmit') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { BuildCohortQuery, BuildCohortProgrammeQuery } from '../../gql/__generated__/graphql';
import { ErrorState } from '../../ui/ErrorState';
import { isoToLocalInput, localInputToIso } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { InstructorPicker } from '../course-admin/InstructorPicker';

const BuildCohortProgrammeDocument = graphql(`
  query BuildCohortProgramme($id: ID!) {
    programme(id: $id) {
      id
      title
      canManage
      status
      items {
        id
        position
        course {
          id
          title
        }
      }
    }
  }
`);

const BuildCohortDocument = graphql(`
  query BuildCohort($id: ID!) {
    cohort(id: $id) {
      id
      code
      status
      startsAt
      endsAt
      nominationClosesAt
      releaseDeadline
      capacity
      costPerParticipant
      selfApply
      offersSeats
      cancellationReason
      quotas {
        id
        agencyId
        agencyName
        seats
        seatsTaken
      }
      itemRuns {
        id
        item {
          id
          position
        }
        run {
          id
          code
          startsAt
          endsAt
          status
          instructors {
            id
            fullName
            partnerName
          }
          course {
            id
            title
          }
        }
      }
    }
  }
`);

const CreateProgrammeCohortDocument = graphql(`
  mutation CreateProgrammeCohort($input: CreateProgrammeCohortInput!) {
    createProgrammeCohort(input: $input) {
      id
    }
  }
`);

const UpdateProgrammeCohortDocument = graphql(`
  mutation UpdateProgrammeCohort($id: ID!, $input: UpdateProgrammeCohortInput!) {
    updateProgrammeCohort(id: $id, input: $input) {
      id
      code
      startsAt
      endsAt
      nominationClosesAt
      releaseDeadline
      capacity
      costPerParticipant
      selfApply
      offersSeats
      itemRuns {
        id
        run {
          id
          startsAt
          endsAt
          instructors {
            id
            fullName
            partnerName
          }
        }
      }
    }
  }
`);

const CancelProgrammeCohortDocument = graphql(`
  mutation CancelProgrammeCohort($id: ID!, $reason: String!) {
    cancelProgrammeCohort(id: $id, reason: $reason) {
      id
      status
      cancellationReason
      itemRuns {
        id
        run {
          id
          status
        }
      }
      quotas {
        id
        seats
        seatsTaken
      }
    }
  }
`);

const SetCohortQuotaDocument = graphql(`
  mutation SetCohortQuota($cohortId: ID!, $agencyId: ID!, $seats: Int!) {
    setCohortQuota(cohortId: $cohortId, agencyId: $agencyId, seats: $seats) {
      id
      quotas {
        id
        agencyId
        agencyName
        seats
        seatsTaken
      }
    }
  }
`);

const CohortAgencySearchDocument = graphql(`
  query CohortAgencySearch($search: String) {
    agencies(search: $search, first: 30) {
      nodes {
        id
        name
        code
      }
    }
  }
`);

type Programme = NonNullable<BuildCohortProgrammeQuery['programme']>;
type Cohort = NonNullable<BuildCohortQuery['cohort']>;

/** /admin/program/:programmeId/angkatan/:cohortId ("baru": a new one): the cohort's form, its item runs and its quotas. */
export default function BuildCohortPage() {
  const { t } = useTranslation();
  const { programmeId = '', cohortId = '' } = useParams();
  const isNew = cohortId === 'baru';
  const programmeQuery = useQuery(BuildCohortProgrammeDocument, { variables: { id: programmeId } });
  const cohortQuery = useQuery(BuildCohortDocument, { variables: { id: cohortId }, skip: isNew });
  const error = programmeQuery.error ?? cohortQuery.error;
  if (error) return <ErrorState message={toUiError(error, t).message} onRetry={() => void (programmeQuery.refetch(), cohortQuery.refetch())} />;
  const programme = programmeQuery.data?.programme;
  const cohort = cohortQuery.data?.cohort;
  if (!programme || (!isNew && !cohort)) return <PageSkeleton />;
  return (
    <>
      <Anchor component={Link} to={`/admin/program/${programme.id}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden /> {t('programmeBuild.cohort.back')}
      </Anchor>
      <PageHeader
        eyebrow={programme.title}
        title={cohort ? t('programmeBuild.cohort.title', { code: cohort.code }) : t('programmeBuild.cohort.newTitle')}
        description={cohort?.status === 'CANCELLED' ? t('programmeBuild.cohort.cancelledNote', { reason: cohort.cancellationReason ?? '' }) : undefined}
        actions={cohort && programme.canManage && cohort.status === 'SCHEDULED' ? <CancelCohort cohort={cohort} /> : null}
      />
      {cohort ? (
        <Anchor component={Link} to={`/admin/program/angkatan/${cohort.id}/peserta`} fw={600} mb="md" display="inline-block">
          {t('programmeBuild.cohort.participantsLink')}
        </Anchor>
      ) : null}
      <Stack gap="lg">
        <CohortForm programme={programme} cohort={cohort ?? null} />
        {cohort ? <ItemRuns programme={programme} cohort={cohort} /> : null}
        {cohort ? <Quotas cohort={cohort} canManage={programme.canManage && cohort.status === 'SCHEDULED'} /> : null}
      </Stack>
    </>
  );
}

const DAY = 86_400_000;
const localIn = (days: number) => isoToLocalInput(new Date(Date.now() + days * DAY).toISOString());

function CohortForm({ programme, cohort }: { programme: Programme; cohort: Cohort | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [create, created] = useMutation(CreateProgrammeCohortDocument);
  const [update, updated] = useMutation(UpdateProgrammeCohortDocument);
  const form = useForm({
    initialValues: {
      code: cohort?.code ?? '',
      startsAt: cohort ? isoToLocalInput(cohort.startsAt) : localIn(30),
      endsAt: cohort ? isoToLocalInput(cohort.endsAt) : localIn(60),
      nominationClosesAt: cohort ? isoToLocalInput(cohort.nominationClosesAt) : '',
      releaseDeadline: cohort ? isoToLocalInput(cohort.releaseDeadline) : '',
      capacity: cohort?.capacity ?? 30,
      costPerParticipant: cohort?.costPerParticipant ?? 0,
      selfApply: cohort?.selfApply ?? false,
      offersSeats: cohort?.offersSeats ?? false,
    },
    validate: {
      code: (v) => (v.trim() ? null : t('programmeBuild.required')),
      startsAt: (v) => (v ? null : t('programmeBuild.required')),
      endsAt: (v) => (v ? null : t('programmeBuild.required')),
    },
  });
  const error = created.error ?? updated.error;
  const uiError = error ? toUiError(error, t) : null;
  const err = (field: string) => form.errors[field] ?? uiError?.fields[field];
  const locked = !programme.canManage || cohort?.status === 'CANCELLED';
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          const input = {
            code: v.code, startsAt: localInputToIso(v.startsAt) ?? '', endsAt: localInputToIso(v.endsAt) ?? '', nominationClosesAt: localInputToIso(v.nominationClosesAt),
            releaseDeadline: localInputToIso(v.releaseDeadline), capacity: Number(v.capacity), costPerParticipant: Number(v.costPerParticipant),
            selfApply: v.selfApply, offersSeats: v.offersSeats,
          };
          if (cohort) {
            const res = await update({ variables: { id: cohort.id, input } }).catch(() => null);
            if (res?.data) notifySuccess(t('programmeBuild.cohort.saved'));
            return;
          }
          const res = await create({ variables: { input: { ...input, programmeId: programme.id } } }).catch(() => null);
          if (!res?.data) return;
          notifySuccess(t('programmeBuild.cohort.created'));
          void navigate(`/admin/program/${programme.id}/angkatan/${res.data.createProgrammeCohort.id}`, { replace: true });
        })}
      >
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            {uiError && Object.keys(uiError.fields).length === 0 ? (
              <Text c="red.8" role="alert">
                {uiError.message}
              </Text>
            ) : null}
            <TextInput required label={t('programmeBuild.cohort.code')} description={t('programmeBuild.cohort.codeHint')} {...form.getInputProps('code')} error={err('code')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput required type="datetime-local" label={t('programmeBuild.cohort.startsAt')} {...form.getInputProps('startsAt')} error={err('startsAt')} />
              <TextInput required type="datetime-local" label={t('programmeBuild.cohort.endsAt')} {...form.getInputProps('endsAt')} error={err('endsAt')} />
              <TextInput
                type="datetime-local"
                label={t('programmeBuild.cohort.nominationClosesAt')}
                description={t('programmeBuild.cohort.nominationHint')}
                {...form.getInputProps('nominationClosesAt')}
                error={err('nominationClosesAt')}
              />
              <TextInput
                type="datetime-local"
                label={t('programmeBuild.cohort.releaseDeadline')}
                description={t('programmeBuild.cohort.releaseHint')}
                {...form.getInputProps('releaseDeadline')}
                error={err('releaseDeadline')}
              />
              <NumberInput required min={1} label={t('programmeBuild.cohort.capacity')} {...form.getInputProps('capacity')} error={err('capacity')} />
              <NumberInput min={0} thousandSeparator="." decimalSeparator="," label={t('programmeBuild.cohort.cost')} {...form.getInputProps('costPerParticipant')} error={err('costPerParticipant')} />
            </SimpleGrid>
            <Checkbox label={t('programmeBuild.cohort.selfApply')} {...form.getInputProps('selfApply', { type: 'checkbox' })} />
            <Checkbox label={t('programmeBuild.cohort.offersSeats')} {...form.getInputProps('offersSeats', { type: 'checkbox' })} />
            {uiError && err('items') ? (
              <Text c="red.8" role="alert">
                {err('items')}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={created.loading || updated.loading}>
                {cohort ? t('programmeBuild.cohort.save') : t('programmeBuild.cohort.create')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}

/** Each item's run for the cohort, with its instructors through the run form's agreement-aware picker. */
function ItemRuns({ programme, cohort }: { programme: Programme; cohort: Cohort }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cohort-item-runs">
      <Title order={2} size="h3" id="cohort-item-runs">
        {t('programmeBuild.cohort.items')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('programmeBuild.cohort.itemsHint')}
      </Text>
      <Stack gap="sm">
        {cohort.itemRuns.map((ir) => (
          <Paper key={ir.id} withBorder p="sm" radius="sm">
            <Text fw={700}>{ir.run.course.title}</Text>
            <Text size="sm" c="dimmed" mb="xs">
              {t('programmeBuild.cohort.runDates', { code: ir.run.code, dates: ir.run.startsAt ? fmt.schedule(ir.run.startsAt, ir.run.endsAt) : '–' })}
            </Text>
            <RunInstructors cohortId={cohort.id} itemId={ir.item.id} run={ir.run} locked={!programme.canManage || cohort.status === 'CANCELLED'} />
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function RunInstructors({ cohortId, itemId, run, locked }: { cohortId: string; itemId: string; run: Cohort['itemRuns'][number]['run']; locked: boolean }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState(() => run.instructors.map((i) => i.id));
  const [update, { loading, error }] = useMutation(UpdateProgrammeCohortDocument);
  return (
    <Stack gap="xs">
      <InstructorPicker
        courseId={run.course.id}
        startsAt={run.startsAt ?? null}
        endsAt={run.endsAt ?? null}
        known={run.instructors}
        label={t('programmeBuild.cohort.instructors')}
        description={t('programmeBuild.cohort.instructorsHint')}
        value={ids}
        onChange={setIds}
        error={error ? toUiError(error, t).message : undefined}
      />
      {locked ? null : (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            loading={loading}
            onClick={() => void (async () => {
              const res = await update({ variables: { id: cohortId, input: { items: [{ itemId, instructorIds: ids }] } } }).catch(() => null);
              if (res?.data) notifySuccess(t('programmeBuild.cohort.saved'));
            })()}
          >
            {t('programmeBuild.cohort.saveInstructors')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The participating agencies and their seats; a new agency from a search. */
function Quotas({ cohort, canManage }: { cohort: Cohort; canManage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [setQuota, { loading }] = useMutation(SetCohortQuotaDocument);
  const [seats, setSeats] = useState<Record<string, number>>({});
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data: agencies } = useQuery(CohortAgencySearchDocument, { variables: { search: debounced || null }, skip: !canManage });
  const [newAgency, setNewAgency] = useState<string | null>(null);
  const [newSeats, setNewSeats] = useState<number>(1);
  const given = cohort.quotas.reduce((sum, q) => sum + q.seats, 0);
  const save = async (agencyId: string, value: number) => {
    try {
      await setQuota({ variables: { cohortId: cohort.id, agencyId, seats: value } });
      notifySuccess(t('programmeBuild.quota.saved'));
      return true;
    } catch (e) {
      notifyError(toUiError(e, t).message);
      return false;
    }
  };
  const choices = (agencies?.agencies.nodes ?? []).filter((a) => !cohort.quotas.some((q) => q.agencyId === a.id));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cohort-quotas">
      <Title order={2} size="h3" id="cohort-quotas">
        {t('programmeBuild.quota.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('programmeBuild.quota.hint')}
      </Text>
      <Text fw={600} my="xs">
        {t('programmeBuild.quota.summary', { given: fmt.number(given), capacity: fmt.number(cohort.capacity) })}
      </Text>
      {cohort.quotas.length === 0 ? <Text c="dimmed">{t('programmeBuild.quota.empty')}</Text> : (
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmeBuild.quota.agency')}</Table.Th>
                <Table.Th>{t('programmeBuild.quota.seats')}</Table.Th>
                <Table.Th ta="right">{t('programmeBuild.quota.taken')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cohort.quotas.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{q.agencyName}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <NumberInput
                        aria-label={t('programmeBuild.quota.seatsFor', { agency: q.agencyName })}
                        min={0}
                        w={80}
                        disabled={!canManage}
                        value={seats[q.agencyId] ?? q.seats}
                        onChange={(v) => setSeats((s) => ({ ...s, [q.agencyId]: Number(v) || 0 }))}
                      />
                      {canManage ? (
                        <Button size="xs" variant="default" loading={loading} aria-label={t('programmeBuild.quota.saveFor', { agency: q.agencyName })} onClick={() => void save(q.agencyId, seats[q.agencyId] ?? q.seats)}>
                          {t('programmeBuild.quota.save')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(q.seatsTaken)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage ? (
        <Group gap="xs" align="flex-end" mt="sm" wrap="wrap">
          <Select
            label={t('programmeBuild.quota.addAgency')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={choices.map((a) => ({ value: a.id, label: a.name }))}
            value={newAgency}
            onChange={setNewAgency}
            nothingFoundMessage={t('admin.noAgencyFound')}
            style={{ flex: '1 1 220px' }}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput label={t('programmeBuild.quota.seats')} min={1} w={100} value={newSeats} onChange={(v) => setNewSeats(Number(v) || 1)} />
          <Button
            disabled={!newAgency}
            loading={loading}
            onClick={() => void (async () => {
              if (newAgency && (await save(newAgency, newSeats))) {
                setNewAgency(null);
                setSearch('');
              }
            })()}
          >
            {t('programmeBuild.quota.add')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

function CancelCohort({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [cancel, { loading, error }] = useMutation(CancelProgrammeCohortDocument);
  return (
    <>
      <Button color="red" variant="default" leftSection={<IconBan size={18} aria-hidden />} onClick={() => setOpen(true)}>
        {t('programmeBuild.cohort.cancel')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('programmeBuild.cohort.cancel')}>
        <Stack gap="sm">
          <Textarea
            required
            label={t('programmeBuild.cohort.cancelReason')}
            description={t('programmeBuild.cohort.cancelReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error ? toUiError(error, t).message : undefined}
          />
          <Group justify="flex-end">
            <Button
              color="red.8"
              loading={loading}
              disabled={!reason.trim()}
              onClick={() => void (async () => {
                const res = await cancel({ variables: { id: cohort.id, reason } }).catch(() => null);
                if (!res?.data) return;
                notifySuccess(t('programmeBuild.cohort.cancelled'));
                setOpen(false);
              })()}
            >
              {t('programmeBuild.cohort.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCalendarEvent, IconCalendarOff, IconDeviceLaptop, IconMapPin, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { SessionManager_SessionFragment } from '../../gql/__generated__/graphql';
import { isoToLocalInput, localInputToIso, timeZoneLabel } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useHasPassed } from '../../ui/useHasPassed';

graphql(`
  fragment SessionManager_session on RunSession {
    id
    title
    startsAt
    endsAt
    timeZone
    room
    address
    onlineUrl
    hasOnlineUrl
    status
    cancelReason
  }
`);

const AddRunSessionDocument = graphql(`
  mutation AddRunSession($input: AddRunSessionInput!) {
    addRunSession(input: $input) {
      id
    }
  }
`);
const UpdateRunSessionDocument = graphql(`
  mutation UpdateRunSession($id: ID!, $input: UpdateRunSessionInput!) {
    updateRunSession(id: $id, input: $input) {
      id
    }
  }
`);
const CancelRunSessionDocument = graphql(`
  mutation CancelRunSession($id: ID!, $reason: String!) {
    cancelRunSession(id: $id, reason: $reason) {
      id
    }
  }
`);

const VENUE_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const REFETCH = { refetchQueries: ['AdminWorkshopRun'], awaitRefetchQueries: true };

type Session = SessionManager_SessionFragment;
type Values = { title: string; startsAt: string; endsAt: string; timeZone: string; room: string; address: string; onlineUrl: string };
type SessionInput = { title: string | null; startsAt: string; endsAt: string; timeZone: string; room: string | null; address: string | null; onlineUrl: string | null };

/** Adding or changing one session; times typed on the venue's clock (a WITA session at 13.00 is typed 13.00). */
function SessionForm({ session, runZone, saving, problem, onSubmit, onCancel }: {
  session: Session | null;
  runZone: string;
  saving: boolean;
  problem: UiError | null;
  onSubmit: (v: SessionInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const zone = session?.timeZone ?? runZone;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: session?.title ?? '',
      startsAt: isoToLocalInput(session?.startsAt, zone),
      endsAt: isoToLocalInput(session?.endsAt, zone),
      timeZone: zone,
      room: session?.room ?? '',
      address: session?.address ?? '',
      onlineUrl: session?.onlineUrl ?? '',
    },
    validate: {
      startsAt: (v) => (v ? null : t('workshopAdmin.form.required')),
      endsAt: (v, all) => (!v ? t('workshopAdmin.form.required') : all.startsAt && v <= all.startsAt ? t('workshopAdmin.form.endsBeforeStart') : null),
      onlineUrl: (v) => (!v.trim() || /^https:\/\/\S+$/i.test(v.trim()) ? null : t('workshopAdmin.form.httpsOnly')),
    },
  });
  const err = (name: keyof Values) => form.errors[name] ?? problem?.fields[name];
  const venue = timeZoneLabel(form.values.timeZone);
  const general = problem && Object.keys(problem.fields).length === 0 ? problem.message : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => onSubmit({
        title: v.title.trim() || null,
        startsAt: localInputToIso(v.startsAt, v.timeZone)!,
        endsAt: localInputToIso(v.endsAt, v.timeZone)!,
        timeZone: v.timeZone,
        room: v.room.trim() || null,
        address: v.address.trim() || null,
        onlineUrl: v.onlineUrl.trim() || null,
      }))}
    >
      <Stack gap="sm">
        {general ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {general}
          </Alert>
        ) : null}
        <TextInput label={t('workshopAdmin.form.title')} {...form.getInputProps('title')} error={err('title')} />
        <NativeSelect
          label={t('workshopAdmin.form.timeZone')}
          data={VENUE_ZONES.map((z) => ({ value: z, label: t(`account.zone.${timeZoneLabel(z)}`) }))}
          {...form.getInputProps('timeZone')}
          error={err('timeZone')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="datetime-local" required label={t('workshopAdmin.form.startsAt', { zone: venue })} {...form.getInputProps('startsAt')} error={err('startsAt')} />
          <TextInput type="datetime-local" required label={t('workshopAdmin.form.endsAt', { zone: venue })} {...form.getInputProps('endsAt')} error={err('endsAt')} />
        </SimpleGrid>
        <TextInput label={t('workshopAdmin.form.room')} {...form.getInputProps('room')} error={err('room')} />
        <TextInput label={t('workshopAdmin.form.address')} {...form.getInputProps('address')} error={err('address')} />
        <TextInput type="url" label={t('workshopAdmin.form.onlineUrl')} {...form.getInputProps('onlineUrl')} error={err('onlineUrl')} />
        {session ? <Text size="sm" c="dimmed">{t('workshopAdmin.form.movedNote')}</Text> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {session ? t('common.save') : t('workshopAdmin.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A session that has not ended may be cancelled (the button goes when it ends, while the page is open). */
function CancelSessionButton({ endsAt, label, onClick }: { endsAt: string; label: string; onClick: () => void }) {
  const { t } = useTranslation();
  if (useHasPassed(endsAt)) return null;
  return (
    <Button size="xs" variant="default" color="red" leftSection={<IconCalendarOff size={14} aria-hidden />} aria-label={label} onClick={onClick}>
      {t('workshopAdmin.cancel')}
    </Button>
  );
}

/** A workshop run's sessions for its managers: each with its time (viewer's zone, venue's named), place and state; add, change (move), cancel with a reason. */
export function SessionManager({ runId, runZone, sessions }: { runId: string; runZone: string; sessions: Session[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [editing, setEditing] = useState<{ session: Session | null } | null>(null);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<UiError | null>(null);
  const [add, a] = useMutation(AddRunSessionDocument, REFETCH);
  const [update, u] = useMutation(UpdateRunSessionDocument, REFETCH);
  const [cancel, c] = useMutation(CancelRunSessionDocument, REFETCH);
  const titleOf = (s: Session, i: number) => s.title ?? t('workshopAdmin.untitled', { n: i + 1 });

  async function save(v: SessionInput) {
    setProblem(null);
    try {
      if (editing?.session) {
        await update({ variables: { id: editing.session.id, input: v } });
        notifySuccess(t('workshopAdmin.saved'));
      } else {
        await add({ variables: { input: { ...v, runId } } });
        notifySuccess(t('workshopAdmin.added'));
      }
      setEditing(null);
    } catch (e) {
      setProblem(toUiError(e, t));
    }
  }

  async function confirmCancel() {
    if (!cancelling || !reason.trim()) return;
    setProblem(null);
    try {
      await cancel({ variables: { id: cancelling.id, reason: reason.trim() } });
      notifySuccess(t('workshopAdmin.cancelledDone'));
      setCancelling(null);
    } catch (e) {
      setProblem(toUiError(e, t));
    }
  }

  return (
    <Paper withBorder p="md" bg="white" component="section" aria-labelledby="workshop-sessions">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} fz="md" id="workshop-sessions">
          {t('workshopAdmin.sessions')}
        </Title>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => { setProblem(null); setEditing({ session: null }); }}>
          {t('workshopAdmin.add')}
        </Button>
      </Group>
      {sessions.length === 0 ? <Text c="dimmed">{t('workshopAdmin.none')}</Text> : null}
      <Stack gap="sm" component="ol" className="lentera-plain-list">
        {sessions.map((s, i) => {
          const cancelled = s.status === 'CANCELLED';
          const place = [s.room, s.address].filter(Boolean).join(', ');
          return (
            <Card key={s.id} component="li" withBorder bg="white" aria-labelledby={`session-${s.id}`}>
              <Stack gap={6}>
                <Text fw={700} id={`session-${s.id}`} td={cancelled ? 'line-through' : undefined}>
                  {titleOf(s, i)}
                </Text>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconCalendarEvent size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                  <Text size="sm">{fmt.runSchedule(s.startsAt, s.endsAt, s.timeZone)}</Text>
                </Group>
                {place ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconMapPin size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                    <Text size="sm">{place}</Text>
                  </Group>
                ) : null}
                {s.onlineUrl ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconDeviceLaptop size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{s.onlineUrl}</Text>
                  </Group>
                ) : null}
                {cancelled ? (
                  <Text size="sm" c="red.8" fw={600}>
                    {s.cancelReason ? t('workshop.cancelledBecause', { reason: s.cancelReason }) : t('workshop.cancelled')}
                  </Text>
                ) : (
                  <Group gap="xs" mt={4}>
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} aria-label={t('workshopAdmin.editAria', { title: titleOf(s, i) })} onClick={() => { setProblem(null); setEditing({ session: s }); }}>
                      {t('common.edit')}
                    </Button>
                    <CancelSessionButton endsAt={s.endsAt} label={t('workshopAdmin.cancelAria', { title: titleOf(s, i) })} onClick={() => { setProblem(null); setReason(''); setCancelling(s); }} />
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>

      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing?.session ? t('workshopAdmin.editTitle') : t('workshopAdmin.addTitle')} size="lg">
        {editing ? <SessionForm key={editing.session?.id ?? 'new'} session={editing.session} runZone={runZone} saving={a.loading || u.loading} problem={problem} onCancel={() => setEditing(null)} onSubmit={(v) => void save(v)} /> : null}
      </Modal>
      <Modal opened={!!cancelling} onClose={() => setCancelling(null)} title={t('workshopAdmin.cancelTitle')} centered>
        <Stack>
          {problem ? <Alert color="red" variant="light" role="alert">{problem.message}</Alert> : null}
          <Textarea label={t('workshopAdmin.cancelReason')} description={t('workshopAdmin.cancelReasonHint')} required maxLength={500} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              {t('workshopAdmin.keep')}
            </Button>
            <Button color="red.8" loading={c.loading} disabled={!reason.trim()} onClick={() => void confirmCancel()}>
              {t('workshopAdmin.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

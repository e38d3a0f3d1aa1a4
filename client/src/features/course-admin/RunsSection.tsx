import { Button, Card, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarOff, IconDeviceLaptop, IconMapPin, IconPencil, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UiError } from '../../app/errors';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { RunForm_RunFragment } from '../../gql/__generated__/graphql';
import { ErrorState } from '../../ui/ErrorState';
import { RunStateBadge } from '../course/RunStateBadge';
import { LoadMore } from '../../ui/LoadMore';
import { changedRunFields, RunForm, type RunFormOutput } from './RunForm';
import { useRunAdmin } from './useRunAdmin';

const AdminCourseRunsDocument = graphql(`
  query AdminCourseRuns($courseId: ID!, $first: Int!, $after: String) {
    course(id: $courseId) {
      id
      runs(first: $first, after: $after, includeEnded: true) {
        nodes {
          id
          ...RunForm_run
        }
        pageInfo {
          endCursor
          hasNextPage
        }
        totalCount
      }
    }
  }
`);

type Editing = { run: RunForm_RunFragment | null } | null;

/** A course's runs (angkatan) on its admin page: each with its dates, place, seats and state; add, change, cancel. */
export function RunsSection({ courseId, editable, workshop = false }: { courseId: string; editable: boolean; workshop?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const admin = useRunAdmin();
  const [editing, setEditing] = useState<Editing>(null);
  const [cancelling, setCancelling] = useState<RunForm_RunFragment | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const { page, error, refetch, more } = usePagedList(AdminCourseRunsDocument, { variables: { courseId, first: 20, after: null }, page: (d) => d.course.runs });
  const ended = (r: RunForm_RunFragment) => r.enrolmentClosedReason === 'COURSE_ENDED';

  async function save(v: RunFormOutput) {
    setProblem(null);
    const run = editing?.run;
    let e: UiError | null;
    if (run) {
      const input = changedRunFields(run, v);
      if (Object.keys(input).length === 0) return setEditing(null);
      e = await admin.update(run.id, v.code, input);
    } else {
      e = await admin.create({ ...v, courseId });
    }
    if (e) setProblem(e);
    else setEditing(null);
  }

  return (
    <Paper withBorder p="md" bg="white" component="section" aria-labelledby="course-runs">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="md" id="course-runs">
            {t('runAdmin.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('runAdmin.description')}
          </Text>
        </Stack>
        {editable ? (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => { setProblem(null); setEditing({ run: null }); }}>
            {t('runAdmin.add')}
          </Button>
        ) : null}
      </Group>
      {error && !page ? <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} /> : null}
      {page && page.nodes.length === 0 ? <Text c="dimmed">{t('runAdmin.none')}</Text> : null}
      {page ? (
        <Stack gap="sm" component="ul" className="lentera-plain-list">
          {page.nodes.map((r) => (
            <Card key={r.id} component="li" withBorder bg="white" aria-labelledby={`run-admin-${r.id}`}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Text fw={700} id={`run-admin-${r.id}`}>
                    {t('run.code', { code: r.code })}
                  </Text>
                  <RunStateBadge status={r.status} closedReason={r.enrolmentClosedReason} />
                </Group>
                <Group gap={6} wrap="nowrap">
                  <IconCalendarEvent size={16} aria-hidden />
                  <Text size="sm">{r.startsAt ? fmt.schedule(r.startsAt, r.endsAt) : t('course.anytime')}</Text>
                </Group>
                {r.location ? (
                  <Group gap={6} wrap="nowrap">
                    <IconMapPin size={16} aria-hidden />
                    <Text size="sm">{r.location}</Text>
                  </Group>
                ) : null}
                {r.onlineUrl ? (
                  <Group gap={6} wrap="nowrap">
                    <IconDeviceLaptop size={16} aria-hidden />
                    <Text size="sm" className="lentera-break">{r.onlineUrl}</Text>
                  </Group>
                ) : null}
                <Text size="sm">
                  {[
                    r.capacity !== null ? t('teaching.seatsUsed', { taken: fmt.number(r.seatsTaken), capacity: fmt.number(r.capacity) }) : t('teaching.participants', { taken: fmt.number(r.seatsTaken) }),
                    ...(r.waitlistLength > 0 ? [t('teaching.waitlistCount', { waiting: fmt.number(r.waitlistLength) })] : []),
                    t(`enum.policy.${r.enrolmentPolicy}`),
                  ].join(' · ')}
                </Text>
                {r.enrolmentClosesAt ? <Text size="sm" c="dimmed">{t('enrolment.deadline', { date: fmt.dateTime(r.enrolmentClosesAt) })}</Text> : null}
                {r.instructors.length > 0 ? <Text size="sm" c="dimmed">{t('run.instructors', { names: r.instructors.map((i) => i.fullName).join(', ') })}</Text> : null}
                <Group gap="xs" mt={4}>
                  <Button size="xs" variant="default" component={Link} to={`/mengajar/${r.id}`} leftSection={<IconUsers size={14} aria-hidden />} aria-label={t('runAdmin.rosterAria', { code: r.code })}>
                    {t('courseAdmin.roster')}
                  </Button>
                  {workshop && r.status !== 'CANCELLED' ? (
                    <Button size="xs" variant="default" component={Link} to={`/admin/angkatan/${r.id}`} leftSection={<IconCalendarEvent size={14} aria-hidden />} aria-label={t('runAdmin.sessionsAria', { code: r.code })}>
                      {t('runAdmin.sessions')}
                    </Button>
                  ) : null}
                  {editable && r.status !== 'CANCELLED' && !ended(r) ? (
                    <>
                      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => { setProblem(null); setEditing({ run: r }); }} aria-label={t('runAdmin.editAria', { code: r.code })}>
                        {t('common.edit')}
                      </Button>
                      <Button size="xs" variant="default" color="red" leftSection={<IconCalendarOff size={14} aria-hidden />} onClick={() => setCancelling(r)} aria-label={t('runAdmin.cancelAria', { code: r.code })}>
                        {t('runAdmin.cancel')}
                      </Button>
                    </>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : null}
      {page && page.pageInfo.hasNextPage ? <LoadMore {...more} /> : null}

      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing?.run ? t('runAdmin.editTitle', { code: editing.run.code }) : t('runAdmin.addTitle')} size="lg">
        {editing ? <RunForm key={editing.run?.id ?? 'new'} courseId={courseId} run={editing.run} saving={admin.saving} problem={problem} onCancel={() => setEditing(null)} onSubmit={(v) => void save(v)} /> : null}
      </Modal>
      <Modal opened={!!cancelling} onClose={() => setCancelling(null)} title={cancelling ? t('runAdmin.cancelTitle', { code: cancelling.code }) : ''} centered>
        <Stack>
          <Text size="sm">{t('runAdmin.cancelConsequence', { count: (cancelling?.seatsTaken ?? 0) + (cancelling?.waitlistLength ?? 0) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              {t('runAdmin.keep')}
            </Button>
            <Button color="red.8" loading={admin.cancelling} onClick={() => void (cancelling && admin.cancel(cancelling.id, cancelling.code).then((ok) => ok && setCancelling(null)))}>
              {t('runAdmin.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

import { Alert, Anchor, Button, Card, Checkbox, Group, Modal, Box, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconUsers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { UiError } from '../app/errors';
import { errorCode, toUiError } from '../app/errors';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { EnrolmentStatusBadge } from '../features/enrolment/EnrolmentStatusBadge';
import { AttendanceSessions } from '../features/workshops/AttendanceSessions';
import { useFinishEnrolment } from '../features/teaching/useFinishEnrolment';
import { graphql } from '../gql/__generated__';
import type { EnrolmentStatus, TeachingRosterQuery } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';
import { useHasPassed } from '../ui/useHasPassed';

const TeachingRosterDocument = graphql(`
  query TeachingRoster($runId: ID!, $status: [EnrolmentStatus!], $first: Int!, $after: String) {
    courseRun(id: $runId) {
      id
      code
      status
      startsAt
      endsAt
      location
      timeZone
      viewerMayRecordOutcomes
      capacity
      seatsTaken
      waitlistLength
      course {
        id
        code
        title
        jp
        delivery
        owner {
          id
          name
        }
      }
    }
    courseRoster(runId: $runId, status: $status, first: $first, after: $after) {
      nodes {
        id
        status
        requestedAt
        finishedAt
        decisionNote
        waitlistPosition
        learner {
          id
          fullName
          nip
          agencyName
          orgUnitName
          positionTitle
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

type Row = TeachingRosterQuery['courseRoster']['nodes'][number];
const TABS: Record<string, EnrolmentStatus[] | null> = {
  aktif: ['ACTIVE'],
  menunggu: ['REQUESTED', 'WAITLISTED'],
  selesai: ['COMPLETED', 'FAILED'],
  semua: null,
};

export default function TeachingCourseRoute() {
  const { runId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const tab = params.get('status') && params.get('status')! in TABS ? params.get('status')! : 'aktif';
  const [deciding, setDeciding] = useState<{ kind: 'complete' | 'fail'; row: Row } | null>(null);
  const { data, loading, error, refetch, more } = usePagedList(TeachingRosterDocument, { variables: { runId, status: TABS[tab], first: 50, after: null }, page: (d) => d.courseRoster });
  const started = useHasPassed(data?.courseRun.startsAt);
  const ended = useHasPassed(data?.courseRun.endsAt);

  if (loading && !data) return <PageSkeleton cards={4} />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'FORBIDDEN') {
      return <EmptyState title={t('course.notFoundTitle')}>{t('teaching.notYours')}</EmptyState>;
    }
    return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  // The roster is one run's (angkatan): its dates decide when outcomes may be recorded; the course gives JP and title.
  const run = data.courseRun;
  const c = run.course;
  const page = data.courseRoster;
  // The server decides (COURSE_NOT_STARTED / COURSE_NOT_ENDED); the roster says so before anyone presses.
  const notStarted = !!run.startsAt && !started;
  // Self-paced courses are finished at each learner's own pace: their end date only closes the offer.
  const beforeEnd = !notStarted && !!run.endsAt && !ended && c.delivery !== 'ONLINE_SELF_PACED';


  return (
    <>
      <Anchor component={Link} to={`/kursus/${c.id}`} size="sm" fw={600} underline="hover" mb="xs" display="inline-flex" className="lentera-inline-icon">
        <IconArrowLeft size={16} aria-hidden /> {t('teaching.backToCourse')}
      </Anchor>
      <PageHeader
        eyebrow={`${c.code} · ${c.owner.name}`}
        title={c.title}
        description={[
          t('run.code', { code: run.code }),
          t('common.jp', { jp: fmt.number(c.jp) }),
          run.startsAt ? fmt.runSchedule(run.startsAt, run.endsAt, run.timeZone) : t('course.anytime'),
          run.capacity !== null ? t('teaching.seatsUsed', { taken: run.seatsTaken, capacity: run.capacity }) : t('teaching.participants', { taken: run.seatsTaken }),
          ...(run.status === 'CANCELLED' ? [t('enum.runStatus.CANCELLED')] : []),
        ].join(' · ')}
      />
      <AttendanceSessions runId={run.id} />
      <Box mb="md">
        <SegmentedControl
          value={tab}
          onChange={(v) => setParams(v === 'aktif' ? {} : { status: v }, { replace: true })}
          aria-label={t('teaching.filterLabel')}
          data={Object.keys(TABS).map((k) => ({ value: k, label: t(`teaching.tab.${k}`) }))}
        />
      </Box>
      {!run.viewerMayRecordOutcomes ? (
        <Text size="sm" c="dimmed" mb="sm" id="outcome-note">
          {t('teaching.outcomesByOthers')}
        </Text>
      ) : notStarted ? (
        <Alert variant="light" mb="sm" id="outcome-note" title={t('teaching.notStartedTitle')}>
          {t('teaching.notStartedNote', { date: fmt.dateTime(run.startsAt!) })}
        </Alert>
      ) : null}
      {page.nodes.length === 0 ? (
        <EmptyState icon={<IconUsers aria-hidden />} title={t('teaching.emptyTitle')}>
          {t('teaching.empty')}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
            {t('teaching.count', { total: fmt.number(page.totalCount) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" component="ul" className="lentera-plain-list">
            {page.nodes.map((r) => (
              <Card key={r.id} bg="white" component="li" aria-labelledby={`learner-${r.id}`}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0} miw={0}>
                      <Text fw={700} id={`learner-${r.id}`}>
                        {r.learner.fullName}
                      </Text>
                      {r.learner.nip ? (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.learner.nip}
                        </Text>
                      ) : null}
                    </Stack>
                    <EnrolmentStatusBadge status={r.status} size="sm" />
                  </Group>
                  <Text size="sm">{[r.learner.positionTitle, r.learner.orgUnitName, r.learner.agencyName].filter(Boolean).join(' · ')}</Text>
                  {r.status === 'WAITLISTED' && r.waitlistPosition ? <Text size="sm">{t('teaching.waitlistNo', { position: r.waitlistPosition })}</Text> : null}
                  {r.finishedAt ? (
                    <Text size="sm" c="dimmed">
                      {t('teaching.finishedOn', { date: fmt.date(r.finishedAt) })}
                      {r.decisionNote ? ` · “${r.decisionNote}”` : ''}
                    </Text>
                  ) : null}
                  {r.status === 'ACTIVE' && run.viewerMayRecordOutcomes ? (
                    <Group grow gap="sm" mt={4}>
                      <Button color="teal.8" size="md" leftSection={<IconCheck size={18} aria-hidden />} disabled={notStarted} aria-describedby={notStarted ? 'outcome-note' : undefined} onClick={() => setDeciding({ kind: 'complete', row: r })} aria-label={t('teaching.completeAria', { name: r.learner.fullName })}>
                        {t('teaching.complete')}
                      </Button>
                      <Button variant="default" size="md" leftSection={<IconX size={18} aria-hidden />} disabled={notStarted} aria-describedby={notStarted ? 'outcome-note' : undefined} onClick={() => setDeciding({ kind: 'fail', row: r })} aria-label={t('teaching.failAria', { name: r.learner.fullName })}>
                        {t('teaching.fail')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <LoadMore {...more} />
        </>
      )}
      <FinishModal deciding={deciding} jp={c.jp} earlyUntil={beforeEnd ? run.endsAt! : null} onClose={() => setDeciding(null)} />
    </>
  );
}

/** `earlyUntil`: the course runs until then, so the outcome is recorded early and must be confirmed. */
function FinishModal({ deciding, jp, earlyUntil, onClose }: { deciding: { kind: 'complete' | 'fail'; row: Row } | null; jp: number; earlyUntil: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { finish, busy } = useFinishEnrolment();
  const [note, setNote] = useState('');
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const [earlyMissing, setEarlyMissing] = useState(false);
  const [problem, setProblem] = useState<UiError | null>(null);
  const name = deciding?.row.learner.fullName ?? '';
  const complete = deciding?.kind === 'complete';
  const reset = () => {
    setNote('');
    setProblem(null);
    setEarlyConfirmed(false);
    setEarlyMissing(false);
  };
  async function decide({ kind, row }: { kind: 'complete' | 'fail'; row: Row }) {
    if (earlyUntil && !earlyConfirmed) {
      setEarlyMissing(true);
      return;
    }
    const result = await finish(kind, row.id, note, name, jp, !!earlyUntil);
    if (result) setProblem(result);
    else {
      reset();
      onClose();
    }
  }
  return (
    <Modal
      opened={!!deciding}
      onClose={() => {
        reset();
        onClose();
      }}
      title={complete ? t('teaching.completeTitle', { name }) : t('teaching.failTitle', { name })}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (deciding) void decide(deciding);
        }}
      >
        <Stack>
          <Text size="sm">{complete ? t('teaching.completeBody', { name, jp }) : t('teaching.failBody', { name })}</Text>
          {earlyUntil ? (
            <Alert color="orange" variant="light" title={t('teaching.earlyTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('teaching.earlyBody', { date: fmt.dateTime(earlyUntil) })}</Text>
                <Checkbox
                  label={t('teaching.earlyConfirm')}
                  checked={earlyConfirmed}
                  onChange={(e) => {
                    setEarlyConfirmed(e.currentTarget.checked);
                    setEarlyMissing(false);
                  }}
                  error={earlyMissing ? t('teaching.earlyRequired') : undefined}
                />
              </Stack>
            </Alert>
          ) : null}
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem.message}
            </Alert>
          ) : null}
          <Textarea label={t('teaching.note')} description={t('common.optional')} autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problem?.fields.note} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={complete ? 'teal.8' : 'red.8'} loading={busy}>
              {complete ? t('teaching.confirmComplete') : t('teaching.confirmFail')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

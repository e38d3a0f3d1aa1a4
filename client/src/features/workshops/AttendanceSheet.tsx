import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { AttendanceStatus, AttendanceSheetQuery } from '../../gql/__generated__/graphql';
import { ErrorState } from '../../ui/ErrorState';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';

const AttendanceSheetDocument = graphql(`
  query AttendanceSheet($sessionId: ID!, $first: Int!, $after: String) {
    sessionAttendance(sessionId: $sessionId, first: $first, after: $after) {
      open
      session {
        id
        runId
        runCode
        courseTitle
        title
        room
        startsAt
        endsAt
        timeZone
        status
      }
      counts {
        present
        late
        absent
        excused
        unmarked
        total
      }
      lines {
        nodes {
          enrolmentId
          fullName
          agencyName
          status
          lateMinutes
          method
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

const RecordAttendanceDocument = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      counts {
        total
      }
    }
  }
`);

const MarkAllPresentDocument = graphql(`
  mutation MarkAllPresent($sessionId: ID!) {
    markAllPresent(sessionId: $sessionId) {
      lines {
        enrolmentId
      }
    }
  }
`);

type Line = AttendanceSheetQuery['sessionAttendance']['lines']['nodes'][number];
/** Colours with at least 4.5:1 contrast for their text, chosen or not (amber takes dark text: white on it is too faint). */
const MARKS: { status: AttendanceStatus; key: string; fg: string; border: string; chosenBg: string; chosenFg: string }[] = [
  { status: 'PRESENT', key: 'attendance.present', fg: 'var(--mantine-color-teal-9)', border: 'var(--mantine-color-teal-7)', chosenBg: 'var(--mantine-color-teal-9)', chosenFg: '#fff' },
  { status: 'LATE', key: 'attendance.late', fg: 'var(--mantine-color-dark-7)', border: 'var(--mantine-color-yellow-6)', chosenBg: 'var(--mantine-color-yellow-4)', chosenFg: 'var(--mantine-color-dark-9)' },
  { status: 'ABSENT', key: 'attendance.absent', fg: 'var(--mantine-color-red-9)', border: 'var(--mantine-color-red-7)', chosenBg: 'var(--mantine-color-red-9)', chosenFg: '#fff' },
  { status: 'EXCUSED', key: 'attendance.excused', fg: 'var(--mantine-color-blue-9)', border: 'var(--mantine-color-blue-7)', chosenBg: 'var(--mantine-color-blue-9)', chosenFg: '#fff' },
];

/** One seat holder: four large targets (at least 48 px, two by two at 360 px) and, for "late", the minutes. */
function LineCard({ line, disabled, onMark }: { line: Line; disabled: boolean; onMark: (status: AttendanceStatus, lateMinutes?: number) => Promise<void> }) {
  const { t } = useTranslation();
  const [askLate, setAskLate] = useState(false);
  const [minutes, setMinutes] = useState<number | string>(line.lateMinutes ?? 15);
  const [busy, setBusy] = useState(false);
  const mark = async (status: AttendanceStatus, late?: number) => {
    setBusy(true);
    try {
      await onMark(status, late);
      setAskLate(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="attendance-line" data-status={line.status ?? 'NONE'}>
      <Stack gap="xs">
        <div>
          <Text fw={700}>{line.fullName}</Text>
          <Text size="sm" c="dimmed">
            {[line.agencyName, line.status === 'LATE' ? t('attendance.lateShown', { minutes: line.lateMinutes }) : null,
              line.method === 'QR' || line.method === 'CODE' ? t('attendance.byCheckIn') : null].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={8}>
          {MARKS.map((m) => {
            const chosen = line.status === m.status;
            return (
              <UnstyledButton
                key={m.status}
                disabled={disabled || busy}
                aria-pressed={chosen}
                aria-label={`${t(m.key)}: ${line.fullName}`}
                onClick={() => (m.status === 'LATE' ? setAskLate(true) : void mark(m.status))}
                style={{
                  minHeight: 52, borderRadius: 10, fontWeight: 700, textAlign: 'center', padding: '8px 6px',
                  border: `2px solid ${chosen ? m.chosenBg : m.border}`,
                  background: chosen ? m.chosenBg : '#fff',
                  color: chosen ? m.chosenFg : m.fg,
                  opacity: disabled ? 0.5 : 1,
                }}
              >
                {chosen ? <IconCheck size={16} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} /> : null}
                {t(m.key)}
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
        {askLate ? (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <NumberInput
              label={t('attendance.lateMinutes')}
              min={1}
              max={1440}
              value={minutes}
              onChange={setMinutes}
              inputMode="numeric"
              size="md"
              style={{ flex: 1 }}
              data-autofocus
            />
            <Button size="md" loading={busy} onClick={() => void mark('LATE', Number(minutes) || 1)}>
              {t('attendance.saveLate')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * The instructor's attendance sheet for one session, made for one thumb on a phone: the counts, "Semua hadir", the
 * QR page, and a card per seat holder with four large marks. Every tap is saved at once (recordAttendance).
 */
export function AttendanceSheet({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(AttendanceSheetDocument, { variables: { sessionId, first: 100 } });
  const refetchQueries = [{ query: AttendanceSheetDocument, variables: { sessionId, first: 100 } }];
  const [record] = useMutation(RecordAttendanceDocument, { refetchQueries, awaitRefetchQueries: true });
  const [allPresent, allPresentState] = useMutation(MarkAllPresentDocument, { refetchQueries, awaitRefetchQueries: true });
  const sheet = query.data?.sessionAttendance;
  if (query.error && !sheet) return <ErrorState message={toUiError(query.error, t).message} onRetry={() => void query.refetch()} />;
  if (!sheet) return <PageSkeleton />;
  const { session, counts } = sheet;
  const cancelled = session.status === 'CANCELLED';
  const disabled = !sheet.open;
  const onMark = async (enrolmentId: string, status: AttendanceStatus, lateMinutes?: number) => {
    setError(null);
    try {
      await record({ variables: { input: { sessionId, marks: [{ enrolmentId, status, lateMinutes: status === 'LATE' ? lateMinutes : null }] } } });
    } catch (e) {
      setError(toUiError(e, t).message);
    }
  };
  const markAll = async () => {
    setError(null);
    try {
      const res = await allPresent({ variables: { sessionId } });
      setNotice(t('attendance.allPresentDone', { count: res.data?.markAllPresent.lines.length ?? 0 }));
    } catch (e) {
      setError(toUiError(e, t).message);
    }
  };
  const loadMore = () => void query.fetchMore({
    variables: { after: sheet.lines.pageInfo.endCursor },
    updateQuery: (prev, { fetchMoreResult }) => ({
      sessionAttendance: {
        ...fetchMoreResult.sessionAttendance,
        lines: { ...fetchMoreResult.sessionAttendance.lines, nodes: [...prev.sessionAttendance.lines.nodes, ...fetchMoreResult.sessionAttendance.lines.nodes] },
      },
    }),
  });
  return (
    <Stack gap="md" maw={720} mx="auto">
      <PageHeader
        eyebrow={<Link to={`/mengajar/${session.runId}`}>{session.courseTitle} · {t('run.code', { code: session.runCode })}</Link>}
        title={session.title ?? t('attendance.title')}
        description={`${fmt.runSchedule(session.startsAt, session.endsAt, session.timeZone)}${session.room ? ` · ${session.room}` : ''}`}
      />
      <Text fw={600} data-testid="attendance-counts" aria-live="polite">
        {t('attendance.counts', counts)}
      </Text>
      {cancelled ? <Alert color="red">{t('attendance.sessionCancelled')}</Alert> : !sheet.open ? <Alert color="gray">{t('attendance.notOpen')}</Alert> : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      {notice ? <Alert color="teal" onClose={() => setNotice(null)} withCloseButton>{notice}</Alert> : null}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Button size="lg" color="teal" leftSection={<IconCheck aria-hidden />} disabled={disabled || counts.unmarked === 0} loading={allPresentState.loading} onClick={() => void markAll()}>
          {t('attendance.allPresent')}
        </Button>
        {!cancelled ? (
          <Button size="lg" variant="light" component={Link} to={`/mengajar/sesi/${session.id}/qr`} leftSection={<IconQrcode aria-hidden />}>
            {t('attendance.showQr')}
          </Button>
        ) : null}
      </SimpleGrid>
      {counts.total === 0 ? <Text c="dimmed">{t('attendance.empty')}</Text> : null}
      <Stack gap="sm">
        {sheet.lines.nodes.map((line) => (
          <LineCard key={line.enrolmentId} line={line} disabled={disabled} onMark={(status, late) => onMark(line.enrolmentId, status, late)} />
        ))}
      </Stack>
      {sheet.lines.pageInfo.hasNextPage ? (
        <Button variant="default" onClick={loadMore} loading={query.loading}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      <Badge variant="light" color="gray" style={{ alignSelf: 'flex-start' }}>{t('attendance.unmarked', { count: counts.unmarked })}</Badge>
    </Stack>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Checkbox, FileButton, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileUpload, IconSearch, IconUserMinus, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { NominationCsvReportFieldsFragment } from '../../gql/__generated__/graphql';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { StateBadge } from '../../ui/StateBadge';

const NominationCohortDocument = graphql(`
  query NominationCohort($cohortId: ID!, $search: String, $first: Int!, $after: String) {
    cohortNominations(cohortId: $cohortId) {
      nominationsOpen
      releaseOpen
      seesAll
      programme {
        id
        title
      }
      viewerQuotas {
        id
        agencyId
        agencyName
        seats
        seatsTaken
      }
      cohort {
        id
        code
        startsAt
        nominationClosesAt
        releaseDeadline
        quotas {
          id
          agencyId
          agencyName
          seats
          seatsTaken
        }
        participants(search: $search, first: $first, after: $after) {
          nodes {
            id
            status
            personId
            fullName
            agencyId
            agencyName
            nip
          }
          pageInfo {
            endCursor
            hasNextPage
          }
          totalCount
        }
      }
    }
  }
`);

const NominationCandidatesDocument = graphql(`
  query NominationCandidates($agencyId: ID!, $search: String) {
    people(agencyId: $agencyId, search: $search, active: true, role: LEARNER, first: 10) {
      nodes {
        id
        fullName
        nip
        positionTitle
      }
    }
  }
`);

graphql(`
  fragment NominationCsvReportFields on NominationCsvReport {
    okCount
    badCount
    nominated
    rows {
      rowNumber
      nip
      fullName
      outcome
    }
  }
`);

const NominateParticipantsDocument = graphql(`
  mutation NominateParticipants($cohortId: ID!, $personIds: [ID!]!) {
    nominateParticipants(cohortId: $cohortId, personIds: $personIds) {
      id
    }
  }
`);
const PreviewNominationCsvDocument = graphql(`
  mutation PreviewNominationCsv($cohortId: ID!, $csv: String!) {
    previewNominationCsv(cohortId: $cohortId, csv: $csv) {
      ...NominationCsvReportFields
    }
  }
`);
const NominateByCsvDocument = graphql(`
  mutation NominateByCsv($cohortId: ID!, $csv: String!) {
    nominateByCsv(cohortId: $cohortId, csv: $csv) {
      ...NominationCsvReportFields
    }
  }
`);
const ReleaseCohortSeatsDocument = graphql(`
  mutation ReleaseCohortSeats($cohortId: ID!, $agencyId: ID!, $seats: Int!) {
    releaseCohortSeats(cohortId: $cohortId, agencyId: $agencyId, seats: $seats) {
      id
      seats
      seatsTaken
    }
  }
`);
const ReplaceParticipantDocument = graphql(`
  mutation ReplaceParticipant($participantId: ID!, $personId: ID!) {
    replaceParticipant(participantId: $participantId, personId: $personId) {
      id
    }
  }
`);
const WithdrawCohortParticipantDocument = graphql(`
  mutation WithdrawCohortParticipant($id: ID!, $reason: String) {
    withdrawCohortParticipant(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const REFETCH = { refetchQueries: ['NominationCohort'], awaitRefetchQueries: true };

/** The people of one agency an admin may nominate (active ASN), searchable by name or NIP; ticks a set. */
function CandidatePicker({ agencyId, chosen, onToggle, single = false }: { agencyId: string; chosen: string[]; onToggle: (id: string) => void; single?: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, loading } = useQuery(NominationCandidatesDocument, { variables: { agencyId, search: debounced || null } });
  return (
    <Stack gap="xs">
      <TextInput
        label={t('nomination.searchPeople')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        placeholder={t('nomination.searchPlaceholder')}
      />
      {loading && !data ? <Text size="sm" c="dimmed">{t('common.loading')}</Text> : null}
      <Stack gap={4} component="ul" className="lentera-plain-list" aria-label={t('nomination.candidates')}>
        {(data?.people.nodes ?? []).map((p) => (
          <li key={p.id}>
            <Checkbox
              checked={chosen.includes(p.id)}
              onChange={() => onToggle(p.id)}
              label={`${p.fullName}${p.nip ? ` · ${p.nip}` : ''}`}
              description={p.positionTitle ?? undefined}
              radius={single ? 'xl' : undefined}
            />
          </li>
        ))}
      </Stack>
      {data && data.people.nodes.length === 0 ? <Text size="sm" c="dimmed">{t('nomination.noCandidates')}</Text> : null}
    </Stack>
  );
}

/** The per-row report of a CSV: bad rows marked (icon, colour and words), all shown. */
function CsvReport({ report }: { report: NominationCsvReportFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" aria-live="polite">{t('nomination.csvSummary', { ok: report.okCount, bad: report.badCount })}</Text>
      {/* A focusable region: on a phone the report may scroll sideways, and a keyboard must be able to scroll it too
          (axe scrollable-region-focusable); a named region is where the focus lands. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div role="region" aria-label={t('nomination.csvReport')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="xs" withTableBorder bg="white" miw={320}>
          <Table.Caption className="lentera-visually-hidden">{t('nomination.csvReport')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('nomination.row')}</Table.Th>
              <Table.Th>NIP</Table.Th>
              <Table.Th>{t('nomination.name')}</Table.Th>
              <Table.Th>{t('nomination.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.rowNumber} data-outcome={r.outcome} bg={r.outcome === 'OK' ? undefined : 'red.0'}>
                <Table.Td>{r.rowNumber}</Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums', wordBreak: 'break-all' }}>{r.nip}</Table.Td>
                <Table.Td>{r.fullName ?? '—'}</Table.Td>
                <Table.Td>
                  <StateBadge color={r.outcome === 'OK' ? 'teal' : 'red'} size="sm">{t(`nomination.outcomes.${r.outcome}`)}</StateBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

/**
 * /admin/program/angkatan/:cohortId/peserta — an agency admin's nominations into their quota (search + tick, or a
 * CSV of NIPs with a preview first), releasing unused seats, replacing and withdrawing nominees; the programme's
 * managers see every agency's participants here too.
 */
export function NominationScreen({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const list = usePagedList(NominationCohortDocument, {
    variables: { cohortId, search: debounced || null, first: 25, after: null },
    page: (d) => d.cohortNominations.cohort.participants,
  });
  const [agencyChoice, setAgencyChoice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<NominationCsvReportFieldsFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [releaseSeats, setReleaseSeats] = useState<number | string>(1);
  const [replacing, setReplacing] = useState<{ id: string; agencyId: string; fullName: string } | null>(null);
  const [replacement, setReplacement] = useState<string[]>([]);
  const [nominate, n] = useMutation(NominateParticipantsDocument, REFETCH);
  const [preview, p] = useMutation(PreviewNominationCsvDocument);
  const [byCsv, c] = useMutation(NominateByCsvDocument, REFETCH);
  const [release, r] = useMutation(ReleaseCohortSeatsDocument, REFETCH);
  const [replace, rp] = useMutation(ReplaceParticipantDocument, REFETCH);
  const [withdraw] = useMutation(WithdrawCohortParticipantDocument, REFETCH);

  if (list.loading && !list.data) return <PageSkeleton cards={3} />;
  if (list.error && !list.data) {
    const code = errorCode(list.error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <EmptyState title={t('nomination.notFoundTitle')}>{t('nomination.notFoundBody')}</EmptyState>;
    return <ErrorState message={toUiError(list.error, t).message} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) return null;
  const view = list.data.cohortNominations;
  const { cohort } = view;
  const quotas = view.seesAll ? cohort.quotas : view.viewerQuotas;
  const agencyId = agencyChoice ?? view.viewerQuotas[0]?.agencyId ?? null;
  const myQuota = view.viewerQuotas.find((q) => q.agencyId === agencyId);
  const canNominate = view.nominationsOpen && !!myQuota;
  const fail = (e: unknown) => setProblem(toUiError(e, t).message);

  async function onNominate() {
    setProblem(null);
    try {
      await nominate({ variables: { cohortId, personIds: chosen } });
      notifySuccess(t('nomination.nominated', { count: chosen.length }));
      setChosen([]);
    } catch (e) {
      fail(e);
    }
  }

  async function onPreview() {
    setProblem(null);
    try {
      const res = await preview({ variables: { cohortId, csv } });
      setReport(res.data?.previewNominationCsv ?? null);
    } catch (e) {
      setReport(null);
      fail(e);
    }
  }

  async function onConfirmCsv() {
    setProblem(null);
    try {
      const res = await byCsv({ variables: { cohortId, csv } });
      const out = res.data?.nominateByCsv ?? null;
      setReport(out);
      if (out?.nominated) {
        notifySuccess(t('nomination.nominated', { count: out.okCount }));
        setCsv('');
        setReport(null);
      }
    } catch (e) {
      fail(e);
    }
  }

  function actions(row: { id: string; status: string; agencyId: string; fullName: string }) {
    if (row.status !== 'NOMINATED' && row.status !== 'REQUESTED') return null;
    const mine = view.viewerQuotas.some((q) => q.agencyId === row.agencyId);
    return (
      <Group gap="xs" wrap="wrap">
        {mine && row.status === 'NOMINATED' && view.nominationsOpen ? (
          <Button size="xs" variant="default" onClick={() => setReplacing({ id: row.id, agencyId: row.agencyId, fullName: row.fullName })}>{t('nomination.replace')}</Button>
        ) : null}
        <Button size="xs" variant="subtle" color="red" leftSection={<IconUserMinus size={14} aria-hidden />}
          aria-label={t('nomination.withdrawWho', { name: row.fullName })}
          onClick={() => void withdraw({ variables: { id: row.id } }).then(() => notifySuccess(t('nomination.withdrawn'))).catch(fail)}>
          {t('nomination.withdraw')}
        </Button>
      </Group>
    );
  }

  return (
    <>
      <PageHeader title={t('nomination.title', { code: cohort.code })} description={t('nomination.description', { programme: view.programme.title })} />
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('nomination.deadlines', {
            starts: fmt.date(cohort.startsAt),
            closes: fmt.date(cohort.nominationClosesAt ?? cohort.startsAt),
          })}
        </Text>
        {problem ? <Alert color="red" role="alert" onClose={() => setProblem(null)} withCloseButton>{problem}</Alert> : null}

        <Paper withBorder p="md" bg="white" component="section" aria-labelledby="nomination-quotas">
          <Title order={2} fz="md" mb="sm" id="nomination-quotas">{t('nomination.quotas')}</Title>
          <Stack gap={4} component="ul" className="lentera-plain-list">
            {quotas.map((q) => (
              <Group key={q.id} component="li" justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{q.agencyName}</Text>
                <Text size="sm">{t('nomination.quotaUse', { taken: q.seatsTaken, seats: q.seats, left: q.seats - q.seatsTaken })}</Text>
              </Group>
            ))}
          </Stack>
          {view.viewerQuotas.length > 1 ? (
            <Select mt="sm" label={t('nomination.forAgency')} value={agencyId} onChange={setAgencyChoice} allowDeselect={false}
              data={view.viewerQuotas.map((q) => ({ value: q.agencyId, label: q.agencyName }))} />
          ) : null}
          {myQuota && view.releaseOpen ? (
            <Group mt="sm" align="end" wrap="wrap">
              <NumberInput label={t('nomination.releaseSeats')} min={1} max={Math.max(1, myQuota.seats - myQuota.seatsTaken)} value={releaseSeats} onChange={setReleaseSeats} w={160} />
              <Button variant="default" loading={r.loading} disabled={myQuota.seats - myQuota.seatsTaken < 1}
                onClick={() => void release({ variables: { cohortId, agencyId: myQuota.agencyId, seats: Number(releaseSeats) } })
                  .then(() => notifySuccess(t('nomination.released'))).catch(fail)}>
                {t('nomination.release')}
              </Button>
            </Group>
          ) : null}
        </Paper>

        {canNominate && agencyId ? (
          <Paper withBorder p="md" bg="white" component="section" aria-labelledby="nomination-pick">
            <Title order={2} fz="md" mb="sm" id="nomination-pick">{t('nomination.pickTitle')}</Title>
            <CandidatePicker agencyId={agencyId} chosen={chosen} onToggle={(id) => setChosen((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]))} />
            <Button mt="sm" leftSection={<IconUserPlus size={16} aria-hidden />} disabled={chosen.length === 0} loading={n.loading} onClick={() => void onNominate()}>
              {t('nomination.nominate', { count: chosen.length })}
            </Button>
          </Paper>
        ) : null}

        {canNominate ? (
          <Paper withBorder p="md" bg="white" component="section" aria-labelledby="nomination-csv">
            <Title order={2} fz="md" mb="xs" id="nomination-csv">{t('nomination.csvTitle')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{t('nomination.csvHelp')}</Text>
            <Stack gap="sm">
              <FileButton accept=".csv,text/csv,text/plain" onChange={(file) => {
                setReport(null);
                if (file) void file.text().then(setCsv);
              }}>
                {(props) => <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden />}>{t('nomination.csvFile')}</Button>}
              </FileButton>
              <Textarea label={t('nomination.csvText')} autosize minRows={3} maxRows={10} value={csv}
                onChange={(e) => { setCsv(e.currentTarget.value); setReport(null); }} styles={{ input: { fontFamily: 'monospace' } }} />
              <Group>
                <Button variant="default" disabled={!csv.trim()} loading={p.loading} onClick={() => void onPreview()}>{t('nomination.preview')}</Button>
                <Button disabled={!report || report.badCount > 0 || report.okCount === 0} loading={c.loading} onClick={() => void onConfirmCsv()}>
                  {t('nomination.confirmCsv', { count: report?.okCount ?? 0 })}
                </Button>
              </Group>
              {report ? <CsvReport report={report} /> : null}
              {report && report.badCount > 0 ? <Alert color="yellow">{t('nomination.csvFix')}</Alert> : null}
            </Stack>
          </Paper>
        ) : null}
        {!view.nominationsOpen ? <Alert color="gray">{t('nomination.closed')}</Alert> : null}

        <section aria-labelledby="nomination-participants">
          <Title order={2} fz="md" mb="sm" id="nomination-participants">{t('nomination.participants')}</Title>
          <TextInput mb="sm" label={t('nomination.searchParticipants')} leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          {list.page && list.page.nodes.length === 0 ? (
            <EmptyState icon={<IconUsers aria-hidden />} title={t('nomination.noneTitle')}>{t('nomination.none')}</EmptyState>
          ) : (
            <DataTable
              rows={list.page?.nodes ?? []}
              rowKey={(row) => row.id}
              caption={t('nomination.participants')}
              columns={[
                { key: 'name', header: t('nomination.name'), render: (row) => row.fullName },
                { key: 'nip', header: 'NIP', render: (row) => row.nip ?? '—', minWidth: 'md' },
                { key: 'agency', header: t('nomination.agency'), render: (row) => row.agencyName },
                { key: 'status', header: t('nomination.status'), render: (row) => t(`nomination.statuses.${row.status}`) },
                { key: 'actions', header: t('nomination.actions'), render: (row) => {actions(row)} },
              ]}
              card={(row) => (
                <Stack gap={4}>
                  <Text fw={700}>{row.fullName}</Text>
                  <Text size="sm">{row.agencyName}{row.nip ? ` · ${row.nip}` : ''}</Text>
                  <Text size="sm">{t(`nomination.statuses.${row.status}`)}</Text>
                  {actions(row)}
                </Stack>
              )}
            />
          )}
          <LoadMore {...list.more} />
        </section>
      </Stack>

      <Modal opened={!!replacing} onClose={() => { setReplacing(null); setReplacement([]); }} title={t('nomination.replaceTitle', { name: replacing?.fullName ?? '' })}>
        {replacing ? (
          <Stack>
            <CandidatePicker agencyId={replacing.agencyId} chosen={replacement} single onToggle={(id) => setReplacement([id])} />
            <Button disabled={replacement.length !== 1} loading={rp.loading} onClick={() => void replace({ variables: { participantId: replacing.id, personId: replacement[0] } })
              .then(() => { notifySuccess(t('nomination.replaced')); setReplacing(null); setReplacement([]); })
              .catch((e: unknown) => { setReplacing(null); fail(e); })}>
              {t('nomination.replace')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

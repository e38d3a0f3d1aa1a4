import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Box, Button, Card, Group, List, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { DataTable } from '../../ui/DataTable';
import { ErrorState } from '../../ui/ErrorState';
import { formatNumber, formatRupiah, formatShortDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { CohortBars, Meter } from './LibraryCharts';
import { formatLanguage, percent } from './libraryFormat';
import { ProgrammeSharing } from './LibrarySharing';
import { ProgrammeLineage } from './LibraryLineage';

const LibraryProgrammeDocument = graphql(`
  query LibraryProgramme($id: ID!) {
    programme(id: $id) {
      id
      code
      title
      description
      audience
      competencyTags
      sharedAt
      shareNote
      adoptionCount
      canShare
      owner {
        id
        name
        kind
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
        course {
          id
          title
          jp
          form
        }
      }
      cohorts {
        id
        code
        startsAt
        endsAt
        status
        offersSeats
        freeSeats
      }
      evidence {
        cohortsRun
        participants
        completed
        agencies
        completionRate
        averageRating
        ratings
        jpDelivered
        totalCost
        costPerParticipant
        costPerJp
        cohorts {
          id
          code
          startsAt
          endsAt
          participants
          completed
          completionRate
          agencies
          averageRating
          ratings
          jpDelivered
          costPerParticipant
        }
        explanations {
          figure
          sentence
        }
      }
    }
  }
`);

const AdoptProgrammeDocument = graphql(`
  mutation AdoptProgramme($programmeId: ID!, $code: String!, $title: String) {
    adoptProgramme(programmeId: $programmeId, code: $code, title: $title) {
      id
      code
      title
    }
  }
`);

const JoinCohortDocument = graphql(`
  mutation JoinCohort($cohortId: ID!, $seats: Int!) {
    joinCohort(cohortId: $cohortId, seats: $seats) {
      id
      agencyName
      seats
    }
  }
`);

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {children}
    </Card>
  );
}

function AdoptForm({ programmeId, title }: { programmeId: string; title: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [copyTitle, setCopyTitle] = useState(title);
  const [adopt, { loading, error, data }] = useMutation(AdoptProgrammeDocument);
  const adopted = data?.adoptProgramme;
  const uiError = error ? toUiError(error, t) : null;
  if (adopted) {
    return (
      <Alert color="green" title={t('library.adopted', { code: adopted.code })} role="status">
        <Text size="sm">{t('library.adoptedHint')}</Text>
        <Anchor component={Link} to={`/admin/program/${adopted.id}`}>
          {t('library.openCopy')}
        </Anchor>
        {/* INTEGRATION (nominate area): after adopting, the browser test nominates two people by CSV from the copy's cohort page. */}
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void adopt({ variables: { programmeId, code: code.trim(), title: copyTitle.trim() || null } })
          .then((r) => r.data && notifySuccess(t('library.adopted', { code: r.data.adoptProgramme.code })))
          .catch(() => undefined);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('library.adoptHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('library.copyCode')} required value={code} onChange={(e) => setCode(e.currentTarget.value)} maxLength={40} error={uiError?.fields.code} />
          <TextInput label={t('library.copyTitle')} value={copyTitle} onChange={(e) => setCopyTitle(e.currentTarget.value)} maxLength={200} />
        </SimpleGrid>
        {uiError && !uiError.fields.code ? <Alert color="red" role="alert">{uiError.message}</Alert> : null}
        <Group>
          <Button type="submit" loading={loading} leftSection={<IconCopy size={18} aria-hidden />}>
            {t('library.adopt')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function JoinCohortForm({ cohortId, code, freeSeats }: { cohortId: string; code: string; freeSeats: number }) {
  const { t } = useTranslation();
  const [seats, setSeats] = useState<number | string>(1);
  const [join, { loading, error, data }] = useMutation(JoinCohortDocument, { refetchQueries: ['LibraryProgramme'] });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void join({ variables: { cohortId, seats: Number(seats) } }).catch(() => undefined);
      }}
    >
      <Group align="flex-end" gap="sm">
        <NumberInput label={t('library.joinSeats', { code, free: freeSeats })} min={1} max={Math.max(freeSeats, 1)} value={seats} onChange={setSeats} w={200} />
        <Button type="submit" variant="light" loading={loading} disabled={freeSeats < 1}>
          {t('library.join')}
        </Button>
      </Group>
      {error ? <Text c="red" size="sm" role="alert">{toUiError(error, t).message}</Text> : null}
      {data ? <Text size="sm" role="status">{t('library.joined', { seats: data.joinCohort.seats, agency: data.joinCohort.agencyName })}</Text> : null}
    </form>
  );
}

/** A shared programme: its evidence (with how each figure was computed), its lineage, adopt, and join a cohort. */
export default function LibraryProgrammePage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = formatLanguage(i18n.language);
  const { data, loading, error, refetch } = useQuery(LibraryProgrammeDocument, { variables: { id: programmeId } });
  const programme = data?.programme;
  if (!programme) {
    if (error) return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
    return loading ? <PageSkeleton /> : null;
  }
  const e = programme.evidence;
  const how = (figure: string) => e.explanations.find((x) => x.figure === figure)?.sentence;
  const offered = programme.cohorts.filter((c) => c.offersSeats && c.status === 'SCHEDULED' && new Date(c.startsAt) > new Date());
  const jp = (n: number) => formatNumber(n, lang, 1);

  return (
    <>
      <Anchor component={Link} to="/pustaka-program" size="sm">
        <IconArrowBackUp size={16} aria-hidden /> {t('library.back')}
      </Anchor>
      <PageHeader title={programme.title} description={`${programme.owner.name} · ${t(`enum.ownerKind.${programme.owner.kind}`)}`} />
      <Stack gap="lg">
        <ProgrammeLineage programme={programme} />
        {programme.description ? <Text>{programme.description}</Text> : null}
        {programme.audience ? <Text size="sm">{t('library.audience', { audience: programme.audience })}</Text> : null}
        {programme.shareNote ? (
          <Card withBorder padding="sm">
            <Text size="sm" fw={700}>
              {t('library.ownerNote')}
            </Text>
            <Text size="sm">{programme.shareNote}</Text>
          </Card>
        ) : null}

        <section aria-labelledby="evidence-title">
          <Title order={2} size="h3" id="evidence-title" mb={4}>
            {t('library.evidence')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {how('cohortsRun')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure label={t('library.completion')} value={percent(e.completionRate, lang)}>
              <Meter value={e.completionRate} max={1} label={t('library.completionOf', { value: percent(e.completionRate, lang) })} />
            </Figure>
            <Figure label={t('library.ratingLabel')} value={e.averageRating == null ? '—' : `${formatNumber(e.averageRating, lang, 1)} / 5`}>
              <Meter value={e.averageRating} max={5} label={t('library.rating', { value: e.averageRating == null ? '—' : formatNumber(e.averageRating, lang, 1), count: e.ratings })} />
            </Figure>
            <Figure label={t('library.participantsLabel')} value={formatNumber(e.participants, lang)} />
            <Figure label={t('library.agenciesLabel')} value={formatNumber(e.agencies, lang)} />
            <Figure label={t('library.cohortsLabel')} value={formatNumber(e.cohortsRun, lang)} />
            <Figure label={t('library.jpLabel')} value={jp(e.jpDelivered)} />
            <Figure label={t('library.costPerParticipant')} value={e.costPerParticipant == null ? '—' : formatRupiah(e.costPerParticipant, lang)} />
            <Figure label={t('library.costPerJp')} value={e.costPerJp == null ? '—' : formatRupiah(e.costPerJp, lang)} />
          </SimpleGrid>
          {e.cohorts.length > 0 ? (
            <Card withBorder padding="sm" mt="sm">
              <Text size="sm" fw={700} mb={4}>
                {t('library.completionPerCohort')}
              </Text>
              <CohortBars
                values={e.cohorts.map((c) => c.completionRate ?? null)}
                labels={e.cohorts.map((c) => c.code)}
                label={t('library.cohortBars', { list: e.cohorts.map((c) => `${c.code} ${percent(c.completionRate, lang)}`).join(', ') })}
                width={Math.min(320, 48 * e.cohorts.length)}
                height={72}
              />
            </Card>
          ) : null}
          <Title order={3} size="h4" mt="md" mb={4}>
            {t('library.howComputed')}
          </Title>
          <List size="sm" spacing={4}>
            {e.explanations.map((x) => (
              <List.Item key={x.figure}>{x.sentence}</List.Item>
            ))}
          </List>
          {e.cohorts.length > 0 ? (
            <Box mt="sm">
              <DataTable
                caption={t('library.cohortTable')}
                rows={e.cohorts}
                rowKey={(c) => c.id}
                columns={[
                  { key: 'code', header: t('library.col.cohort'), render: (c) => c.code },
                  { key: 'dates', header: t('library.col.dates'), render: (c) => `${formatShortDate(c.startsAt, lang)} – ${formatShortDate(c.endsAt, lang)}` },
                  { key: 'participants', header: t('library.col.participants'), render: (c) => t('library.participantsOfAgencies', { count: c.participants, agencies: c.agencies }) },
                  { key: 'completion', header: t('library.col.completion'), render: (c) => `${c.completed}/${c.participants} (${percent(c.completionRate, lang)})` },
                  { key: 'rating', header: t('library.col.rating'), render: (c) => (c.averageRating == null ? '—' : `${formatNumber(c.averageRating, lang, 1)} (${c.ratings})`) },
                  { key: 'jp', header: t('library.col.jp'), render: (c) => jp(c.jpDelivered) },
                  { key: 'cost', header: t('library.col.cost'), render: (c) => formatRupiah(c.costPerParticipant, lang) },
                ]}
                card={(c) => (
                  <Stack gap={2}>
                    <Text fw={700}>
                      {c.code} · {formatShortDate(c.startsAt, lang)} – {formatShortDate(c.endsAt, lang)}
                    </Text>
                    <Text size="sm">
                      {t('library.participantsOfAgencies', { count: c.participants, agencies: c.agencies })} · {t('library.col.completion')} {c.completed}/{c.participants} ({percent(c.completionRate, lang)})
                    </Text>
                    <Text size="sm">
                      {t('library.col.rating')} {c.averageRating == null ? '—' : `${formatNumber(c.averageRating, lang, 1)} (${c.ratings})`} · {jp(c.jpDelivered)} JP · {formatRupiah(c.costPerParticipant, lang)}
                    </Text>
                  </Stack>
                )}
              />
            </Box>
          ) : null}
        </section>

        <section aria-labelledby="path-title">
          <Title order={2} size="h3" id="path-title" mb="xs">
            {t('library.path')}
          </Title>
          <List type="ordered" size="sm" spacing={4}>
            {programme.items.map((item) => (
              <List.Item key={item.id}>
                {item.course.title} · {t('common.jp', { jp: item.course.jp })} · {t(`enum.form.${item.course.form}`)}
                {item.required ? null : (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {t('library.optional')}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        </section>

        {/* The owner's managers share it and see who adopted it; other agencies adopt it. */}
        {programme.canShare ? (
          <ProgrammeSharing programmeId={programme.id} />
        ) : (
          <section aria-labelledby="adopt-title">
            <Title order={2} size="h3" id="adopt-title" mb="xs">
              {t('library.adoptTitle')}
            </Title>
            <AdoptForm programmeId={programme.id} title={programme.title} />
          </section>
        )}

        {offered.length > 0 ? (
          <section aria-labelledby="join-title">
            <Title order={2} size="h3" id="join-title" mb="xs">
              {t('library.joinTitle')}
            </Title>
            <Text size="sm" mb="sm">
              {t('library.joinHint')}
            </Text>
            <Stack gap="sm">
              {offered.map((c) => (
                <Card key={c.id} withBorder padding="sm">
                  <Text size="sm" fw={700}>
                    {c.code} · {formatShortDate(c.startsAt, lang)} – {formatShortDate(c.endsAt, lang)}
                  </Text>
                  <JoinCohortForm cohortId={c.id} code={c.code} freeSeats={c.freeSeats} />
                </Card>
              ))}
            </Stack>
          </section>
        ) : null}
      </Stack>
    </>
  );
}

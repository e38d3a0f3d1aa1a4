import { Anchor, Button, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { ListStates } from '../../ui/ListStates';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../../app/me';
import { ExportHistoryButton } from './ExportHistoryButton';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { CertificateStatusBadge } from '../certificates/lifecycle.StatusBadge';

/** This calendar year in Asia/Jakarta, the year the server counts JP in when none is named. */
function thisYear(): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));
}

const MyLearningYearDocument = graphql(`
  query MyLearningYear($year: Int!) {
    myCertificates(first: 5, year: $year) {
      nodes {
        id
        serial
        title
        jp
        status
      }
      totalCount
    }
    myLearningHours(year: $year) {
      personId
      year
      jp
      targetJp
      remainingJp
      progress
      minutesPerJp
      years
      byForm {
        form
        group
        jp
      }
      byMonth {
        month
        jp
      }
      records {
        id
        title
        jp
        source
        status
        occurredAt
      }
    }
  }
`);

/** "JP saya": the year's JP against the target, by form and by month, its ledger lines, and past years. */
export default function MyLearningYear() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const me = useMe();
  const [year, setYear] = useState<number | null>(null);
  // The year's certificates come in the same request as its JP (one round trip on a phone), so the year is named.
  const { data, loading, error, refetch } = useQuery(MyLearningYearDocument, { variables: { year: year ?? thisYear() } });
  const y = data?.myLearningHours;
  const certificates = data?.myCertificates;
  const monthName = (month: number) => new Intl.DateTimeFormat(fmt.lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));

  return (
    <>
      <PageHeader
        title={t('learning.myYear.title')}
        description={t('learning.myYear.description')}
        actions={
          <Group gap="sm" wrap="wrap">
            <Button component={Link} to="/jp-saya/kegiatan-luar" leftSection={<IconPlus size={18} aria-hidden />}>{t('learning.myYear.addExternal')}</Button>
            <ExportHistoryButton target={{ personId: me.id }} year={year} />
          </Group>
        }
      />
      <ListStates errorMessage={error ? toUiError(error, t).message : null} loading={loading} data={y} isEmpty={() => false} onRetry={() => void refetch()} skeleton={<CardListSkeleton />} empty={null}>
        {(yr) => (
          <Stack gap="md">
            <NativeSelect
              label={t('learning.myYear.year')}
              value={String(yr.year)}
              onChange={(e) => setYear(Number(e.currentTarget.value))}
              data={yr.years.map((v) => ({ value: String(v), label: String(v) }))}
              maw={200}
            />
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Text fw={800} fz={28} data-testid="jp-total">
                  {t('learning.myYear.total', { jp: fmt.number(yr.jp, 1), target: fmt.number(yr.targetJp) })}
                </Text>
                <Progress value={Math.round(yr.progress * 100)} color={yr.progress >= 1 ? 'teal.7' : 'lantern.5'} size="lg" aria-label={t('learning.myYear.progressAria', { pct: Math.round(yr.progress * 100) })} />
                <Text size="sm">{yr.remainingJp > 0 ? t('learning.myYear.remaining', { jp: fmt.number(yr.remainingJp, 1) }) : t('learning.myYear.reached')}</Text>
                <Text size="sm" c="dimmed">{t('learning.myYear.rule', { minutes: yr.minutesPerJp })}</Text>
              </Stack>
            </Card>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Card withBorder padding="md">
                <Title order={2} fz="lg" mb="xs">{t('learning.myYear.byForm')}</Title>
                {yr.byForm.length === 0 ? <Text c="dimmed">{t('learning.myYear.nothingYet')}</Text> : (
                  <Table>
                    <Table.Tbody>
                      {yr.byForm.map((f) => (
                        <Table.Tr key={f.form ?? 'other'}>
                          <Table.Td>{f.form ? t(`enum.form.${f.form}`) : t('learning.myYear.otherForm')}</Table.Td>
                          <Table.Td ta="right">{t('common.jp', { jp: fmt.number(f.jp, 1) })}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
              <Card withBorder padding="md">
                <Title order={2} fz="lg" mb="xs">{t('learning.myYear.byMonth')}</Title>
                <Table>
                  <Table.Tbody>
                    {yr.byMonth.filter((m) => m.jp !== 0).map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{monthName(m.month)}</Table.Td>
                        <Table.Td ta="right">{t('common.jp', { jp: fmt.number(m.jp, 1) })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {yr.byMonth.every((m) => m.jp === 0) ? <Text c="dimmed">{t('learning.myYear.nothingYet')}</Text> : null}
              </Card>
            </SimpleGrid>
            <Card withBorder padding="md">
              <Title order={2} fz="lg" mb="xs">{t('learning.myYear.records')}</Title>
              {yr.records.length === 0 ? <Text c="dimmed">{t('learning.myYear.nothingYet')}</Text> : (
                <Stack gap="xs">
                  {yr.records.map((r) => (
                    <Group key={r.id} justify="space-between" wrap="nowrap" gap="sm">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{r.title}</Text>
                        <Text size="sm" c="dimmed">{fmt.date(r.occurredAt)} · {t(`learning.source.${r.source}`)}</Text>
                      </Stack>
                      <Text fw={700} style={{ whiteSpace: 'nowrap' }}>{t('common.jp', { jp: fmt.number(r.jp, 1) })}</Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            {certificates ? (
              <Card withBorder padding="md" data-testid="year-certificates">
                <Title order={2} fz="lg" mb="xs">{t('learning.myYear.certificates', { year: yr.year })}</Title>
                {certificates.nodes.length === 0 ? <Text c="dimmed">{t('learning.myYear.noCertificates')}</Text> : (
                  <Stack gap="xs">
                    {certificates.nodes.map((c) => (
                      <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{c.title}</Text>
                          <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{c.serial} · {t('common.jp', { jp: fmt.number(c.jp, 1) })}</Text>
                        </Stack>
                        <CertificateStatusBadge status={c.status} />
                      </Group>
                    ))}
                  </Stack>
                )}
                <Anchor component={Link} to="/sertifikat-saya" mt="sm" display="inline-block">
                  {certificates.totalCount > certificates.nodes.length ? t('learning.myYear.allCertificatesCount', { n: certificates.totalCount }) : t('learning.myYear.allCertificates')}
                </Anchor>
              </Card>
            ) : null}
            <Anchor component={Link} to="/jp-saya/kegiatan-luar">{t('learning.myYear.seeExternal')}</Anchor>
          </Stack>
        )}
      </ListStates>
    </>
  );
}

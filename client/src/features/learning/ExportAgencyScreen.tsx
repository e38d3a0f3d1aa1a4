import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { LearningExportFormat, LearningExportStatus } from '../../gql/__generated__/graphql';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifyError, notifySuccess } from '../../ui/notify';
import { CardListSkeleton } from '../../ui/PageSkeleton';

const MyLearningExportsDocument = graphql(`
  query MyLearningExports($first: Int!, $after: String) {
    myLearningExports(first: $first, after: $after) {
      nodes {
        id
        agencyName
        year
        format
        status
        lineCount
        byteSize
        createdAt
        expiresAt
        downloadUrl
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const RequestAgencyLearningExportDocument = graphql(`
  mutation RequestAgencyLearningExport($agencyId: ID!, $year: Int, $format: LearningExportFormat!, $lang: String) {
    requestAgencyLearningExport(agencyId: $agencyId, year: $year, format: $format, lang: $lang) {
      queued
      lineCount
      downloadUrl
      export {
        id
      }
    }
  }
`);

const STATUS_COLOR: Record<LearningExportStatus, string> = { PENDING: 'yellow', READY: 'green', FAILED: 'red' };

/** Starts a download the way a link does (the browser keeps the page; the file's headers say "attachment"). */
function startDownload(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * The agency admin's JP export: a year (or every year) and a format; a small export downloads at once, a large one
 * is written in the background and listed below (and mailed) with its download link until it expires.
 */
export function ExportAgencyScreen({ agencyId }: { agencyId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string>(String(thisYear));
  const [format, setFormat] = useState<LearningExportFormat>('XLSX');
  const { loading, error, refetch, page, more } = usePagedList(MyLearningExportsDocument, {
    variables: { first: 10, after: null },
    page: (d) => d.myLearningExports,
  });
  const [request, { loading: requesting }] = useMutation(RequestAgencyLearningExportDocument, {
    refetchQueries: ['MyLearningExports'],
  });

  async function start() {
    try {
      const { data } = await request({
        variables: { agencyId, year: year === 'all' ? null : Number(year), format, lang: i18n.language === 'en' ? 'en' : 'id' },
      });
      const answer = data?.requestAgencyLearningExport;
      if (!answer) return;
      if (!answer.queued && answer.downloadUrl) {
        startDownload(answer.downloadUrl);
        notifySuccess(t('learningExport.downloading', { count: answer.lineCount }));
      } else {
        notifySuccess(t('learningExport.queued', { count: answer.lineCount }));
      }
    } catch (e) {
      notifyError(toUiError(e, t).message);
    }
  }

  const years = [
    ...Array.from({ length: 5 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) })),
    { value: 'all', label: t('learningExport.allYears') },
  ];

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('learningExport.intro')}</Text>
          <Select label={t('learningExport.year')} data={years} value={year} onChange={(v) => setYear(v ?? String(thisYear))} allowDeselect={false} />
          <div>
            <Text size="sm" fw={500} mb={4} id="learning-export-format">{t('learningExport.format')}</Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="learning-export-format"
              value={format}
              onChange={setFormat}
              data={[{ value: 'XLSX', label: 'Excel (XLSX)' }, { value: 'CSV', label: 'CSV' }]}
            />
          </div>
          <Button leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={() => void start()} loading={requesting}>
            {t('learningExport.start')}
          </Button>
        </Stack>
      </Card>

      <Stack gap="xs">
        <Text fw={700}>{t('learningExport.recent')}</Text>
        <ListStates
          errorMessage={error ? toUiError(error, t).message : null}
          loading={loading}
          data={page}
          isEmpty={(p) => p.nodes.length === 0}
          onRetry={() => void refetch()}
          skeleton={<CardListSkeleton />}
          empty={<EmptyState title={t('learningExport.none')}>{t('learningExport.noneHint')}</EmptyState>}
        >
          {(p) => (
            <Stack gap="xs">
              {p.nodes.map((x) => (
                <Card key={x.id} withBorder radius="md" p="sm">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
                      <Text fw={600} size="sm">{x.agencyName} · {x.year ?? t('learningExport.allYears')} · {x.format}</Text>
                      <Text size="xs" c="dimmed">
                        {t('learningExport.requestedAt', { when: fmt.dateTime(x.createdAt) })}
                        {x.lineCount != null ? ` · ${t('learningExport.lines', { count: x.lineCount })}` : ''}
                        {x.byteSize != null ? ` · ${fmt.number(Math.max(1, Math.round(x.byteSize / 1024)))} KB` : ''}
                      </Text>
                      {x.status === 'READY' && <Text size="xs" c="dimmed">{t('learningExport.expires', { when: fmt.dateTime(x.expiresAt) })}</Text>}
                    </Stack>
                    <Group gap="xs">
                      <Badge color={STATUS_COLOR[x.status]} variant="light">{t(`learningExport.status.${x.status}`)}</Badge>
                      {x.downloadUrl && (
                        <Button component="a" href={x.downloadUrl} download size="xs" variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
                          {t('learningExport.download')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                </Card>
              ))}
              <LoadMore {...more} />
            </Stack>
          )}
        </ListStates>
      </Stack>
    </Stack>
  );
}

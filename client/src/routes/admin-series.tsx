import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UiError } from '../app/errors';
import { errorCode, toUiError } from '../app/errors';
import { graphql } from '../gql/__generated__';
import type { SeriesForm_SeriesFragment } from '../gql/__generated__/graphql';
import { SeriesForm, type SeriesFormOutput } from '../features/workshops/SeriesForm';
import { useSeriesAdmin } from '../features/workshops/SeriesAdmin';
import { SeriesOccurrences } from '../features/workshops/SeriesOccurrences';
import { useSeriesWords } from '../features/workshops/SeriesWords';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

const AdminWorkshopSeriesDocument = graphql(`
  query AdminWorkshopSeries($courseId: ID!) {
    course(id: $courseId) {
      id
      title
      kind
      status
    }
    runSeriesOfCourse(courseId: $courseId, first: 20) {
      nodes {
        id
        ...SeriesForm_series
      }
    }
  }
`);

type Editing = { series: SeriesForm_SeriesFragment | null } | null;

/** A workshop's recurring forums: each with its rule in words and its occurrences; create, change (from now on), cancel one. */
export default function AdminSeriesRoute() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const words = useSeriesWords();
  const admin = useSeriesAdmin();
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const { data, loading, error, refetch } = useQuery(AdminWorkshopSeriesDocument, { variables: { courseId } });

  async function save(v: SeriesFormOutput) {
    setProblem(null);
    const e = editing?.series ? await admin.update(editing.series.id, v) : await admin.create({ ...v, courseId });
    if (e) setProblem(e);
    else setEditing(null);
  }

  const back = (
    <Anchor component={Link} to={`/admin/kursus/${courseId}`} size="sm" fw={600} underline="hover" mb="xs" display="inline-flex" className="lentera-inline-icon">
      <IconArrowLeft size={16} aria-hidden /> {t('series.back')}
    </Anchor>
  );
  if (loading && !data) return <PageSkeleton cards={2} />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <EmptyState title={t('course.notFoundTitle')}>{t('course.notFoundBody')}</EmptyState>;
    return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  const course = data.course;
  const editable = course.kind === 'WORKSHOP' && course.status !== 'ARCHIVED';
  const list = data.runSeriesOfCourse.nodes;

  return (
    <>
      {back}
      <PageHeader
        eyebrow={t('series.title')}
        title={course.title}
        description={t('series.pageDescription')}
        actions={editable ? (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => { setProblem(null); setEditing({ series: null }); }}>
            {t('series.add')}
          </Button>
        ) : null}
      />
      {course.kind !== 'WORKSHOP' ? <Text c="dimmed" mb="md">{t('errors.NOT_A_WORKSHOP')}</Text> : null}
      {list.length === 0 ? <Text c="dimmed">{t('series.none')}</Text> : null}
      <Stack gap="md">
        {list.map((s) => (
          <Paper key={s.id} withBorder p="md" bg="white" component="section" aria-labelledby={`series-${s.id}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Title order={2} fz="md" id={`series-${s.id}`}>{s.title ?? course.title}</Title>
                  <Text size="sm">{words.describe(s.rrule, s.startTime, s.durationMinutes, s.timeZone)}</Text>
                  <Text size="sm" c="dimmed">
                    {s.untilOn ? t('series.until', { date: words.date(s.untilOn) }) : t('series.count', { count: s.occurrenceCount ?? 0 })}
                  </Text>
                  {s.instructors.length ? (
                    <Text size="sm">{t('series.instructors', { names: s.instructors.map((i) => (i.partnerName ? t('runAdmin.form.instructorOfPartner', { name: i.fullName, partner: i.partnerName }) : i.fullName)).join('; ') })}</Text>
                  ) : null}
                </Stack>
                {editable ? (
                  <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => { setProblem(null); setEditing({ series: s }); }}>
                    {t('series.edit')}
                  </Button>
                ) : null}
              </Group>
              <SeriesOccurrences seriesId={s.id} editable={editable} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing?.series ? t('series.editTitle') : t('series.addTitle')} size="lg" fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}>
        {editing ? <SeriesForm key={editing.series?.id ?? 'new'} courseId={courseId} series={editing.series} saving={admin.saving} problem={problem} onCancel={() => setEditing(null)} onSubmit={(v) => void save(v)} /> : null}
      </Modal>
    </>
  );
}

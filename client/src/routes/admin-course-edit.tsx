import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArrowLeft, IconEye, IconRepeat, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { UiError } from '../app/errors';
import { errorCode, toUiError } from '../app/errors';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { changedFields, CourseForm, type CourseFormOutput } from '../features/course-admin/CourseForm';
import { CourseStatusBadge } from '../features/course-admin/CourseStatusBadge';
import { RunsSection } from '../features/course-admin/RunsSection';
import { useCourseAdmin } from '../features/course-admin/useCourseAdmin';
import { graphql } from '../gql/__generated__';
import type { UpdateCourseInput } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

const AdminCourseDocument = graphql(`
  query AdminCourse($id: ID!) {
    course(id: $id) {
      id
      kind
      ...CourseForm_course
    }
  }
`);

export default function AdminCourseEditRoute() {
  const { courseId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { agencyId } = useAdminAgency();
  const admin = useCourseAdmin();
  const [problem, setProblem] = useState<UiError | null>(null);
  const isNew = !courseId;
  const { data, loading, error, refetch } = useQuery(AdminCourseDocument, { variables: { id: courseId ?? '' }, skip: isNew });
  const suffix = params.get('instansi') ? `?instansi=${params.get('instansi')}` : '';
  async function create(ownerAgencyId: string, v: CourseFormOutput) {
    setProblem(null);
    const { id, error: e } = await admin.create({ ...v, ownerAgencyId, visibleToAgencyIds: v.visibleToAgencyIds });
    if (e) setProblem(e);
    // Next: its runs (angkatan), on the course's own page.
    else if (id) await navigate(`/admin/kursus/${id}${suffix}`, { replace: true });
  }
  async function save(id: string, input: UpdateCourseInput) {
    setProblem(null);
    if (Object.keys(input).length === 0) return;
    const e = await admin.update(id, input);
    if (e) setProblem(e);
  }
  const back = (
    <Anchor component={Link} to={`/admin/kursus${suffix}`} size="sm" fw={600} underline="hover" mb="xs" display="inline-flex" className="lentera-inline-icon">
      <IconArrowLeft size={16} aria-hidden /> {t('courseAdmin.backToList')}
    </Anchor>
  );

  if (!agencyId) return <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>;

  if (isNew) {
    return (
      <>
        {back}
        <PageHeader title={t('courseAdmin.new')} description={t('courseAdmin.newDescription')} />
        <CourseForm
          course={null}
          saving={admin.saving}
          problem={problem}
          onCancel={() => void navigate(`/admin/kursus${suffix}`)}
          onSubmit={(v: CourseFormOutput) => void create(agencyId, v)}
        />
      </>
    );
  }

  if (loading && !data) return <PageSkeleton cards={3} />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <EmptyState title={t('course.notFoundTitle')}>{t('course.notFoundBody')}</EmptyState>;
    return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  const c = data.course;

  return (
    <>
      {back}
      <PageHeader
        eyebrow={
          <Group gap="xs" component="span">
            <CourseStatusBadge status={c.status} />
            <Text span size="sm" c="dimmed" ff="monospace">
              {c.code}
            </Text>
          </Group>
        }
        title={c.title}
        description={t('course.runBy', { name: c.owner.name })}
        actions={
          <>
            <Button variant="default" component={Link} to={`/kursus/${c.id}`} leftSection={<IconEye size={18} aria-hidden />}>
              {t('courseAdmin.view')}
            </Button>
            {c.kind === 'WORKSHOP' ? <Button variant="default" component={Link} to={`/admin/kursus/${c.id}/rangkaian`} leftSection={<IconRepeat size={18} aria-hidden />}>{t('series.open')}</Button> : null}
            {c.status === 'DRAFT' ? (
              <Button color="teal.8" loading={admin.changingStatus} leftSection={<IconWorld size={18} aria-hidden />} onClick={() => void admin.publish(c.id, c.title).then(() => refetch())}>
                {t('courseAdmin.publish')}
              </Button>
            ) : null}
            {c.status === 'PUBLISHED' ? (
              <Button color="red" variant="default" loading={admin.changingStatus} leftSection={<IconArchive size={18} aria-hidden />} onClick={() => void admin.archive(c.id, c.title).then(() => refetch())}>
                {t('courseAdmin.archive')}
              </Button>
            ) : null}
          </>
        }
      />
      {c.status === 'ARCHIVED' ? (
        <Stack>
          <Text c="dimmed">{t('errors.COURSE_ARCHIVED')}</Text>
          <RunsSection courseId={c.id} editable={false} workshop={c.kind === 'WORKSHOP'} />
        </Stack>
      ) : (
        <Stack>
          <RunsSection courseId={c.id} editable workshop={c.kind === 'WORKSHOP'} />
          <CourseForm
            key={c.id}
            course={c}
            saving={admin.saving}
            problem={problem}
            onCancel={() => void navigate(`/admin/kursus${suffix}`)}
            onSubmit={(v) => void save(c.id, changedFields(c, v))}
          />
        </Stack>
      )}
    </>
  );
}

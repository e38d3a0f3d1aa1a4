import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCode, toUiError } from '../app/errors';
import { SessionManager } from '../features/workshops/SessionManager';
import { SessionMaterials } from '../features/workshops/SessionMaterials';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

const AdminWorkshopRunDocument = graphql(`
  query AdminWorkshopRun($id: ID!) {
    courseRun(id: $id) {
      id
      code
      timeZone
      canManage
      course {
        id
        title
        kind
      }
      sessions {
        id
        ...SessionManager_session
      }
      materials {
        id
        ...SessionMaterials_material
      }
    }
  }
`);

/** A workshop run's sessions and materials, for the workshop's managers (/admin/angkatan/:runId). */
export default function AdminWorkshopRunRoute() {
  const { runId = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AdminWorkshopRunDocument, { variables: { id: runId } });

  if (loading && !data) return <PageSkeleton cards={2} />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <EmptyState title={t('course.notFoundTitle')}>{t('course.notFoundBody')}</EmptyState>;
    return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  const run = data.courseRun;
  const back = (
    <Anchor component={Link} to={`/admin/kursus/${run.course.id}`} size="sm" fw={600} underline="hover" mb="xs" display="inline-flex" className="lentera-inline-icon">
      <IconArrowLeft size={16} aria-hidden /> {t('workshopAdmin.back')}
    </Anchor>
  );
  if (!run.canManage || run.course.kind !== 'WORKSHOP') {
    return (
      <>
        {back}
        <EmptyState title={t('workshopAdmin.title')}>{run.canManage ? t('workshopAdmin.notWorkshop') : t('course.notFoundBody')}</EmptyState>
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader eyebrow={run.course.title} title={t('workshopAdmin.title')} description={t('workshopAdmin.description', { code: run.code })} />
      <Stack gap="lg">
        <SessionManager runId={run.id} runZone={run.timeZone} sessions={run.sessions} />
        <SessionMaterials runId={run.id} materials={run.materials} />
      </Stack>
    </>
  );
}

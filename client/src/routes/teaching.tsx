import { Button } from '@mantine/core';
import { IconChalkboardTeacher } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../app/session';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';

/**
 * Instructors reach each course's roster from the course page. (The server has no list of "courses
 * I teach" yet; when it does, this page lists them.)
 */
export default function TeachingRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('teaching.title')} />
      <EmptyState
        icon={<IconChalkboardTeacher aria-hidden />}
        title={t('teaching.listMissingTitle')}
        action={
          hasRole(me, 'LEARNER') ? (
            <Button component={Link} to="/katalog">
              {t('home.openCatalogue')}
            </Button>
          ) : undefined
        }
      >
        {t('teaching.listMissing')}
      </EmptyState>
    </>
  );
}

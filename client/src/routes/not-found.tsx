import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState icon={<IconMapOff aria-hidden />} title={t('notFound.title')} action={<Button component={Link} to="/">{t('notFound.home')}</Button>}>
        {t('notFound.body')}
      </EmptyState>
    </>
  );
}

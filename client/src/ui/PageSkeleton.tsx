import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder with the shape of a page: a title and a few cards. */
export function PageSkeleton({ cards = 3 }: { cards?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={32} width="55%" radius="md" />
      <Skeleton height={16} width="80%" radius="md" />
      {Array.from({ length: cards }, (_, i) => (
        <Skeleton key={i} height={112} radius="lg" />
      ))}
    </Stack>
  );
}

/** Rows of card-shaped placeholders for lists. */
export function CardListSkeleton({ count = 4, height = 132 }: { count?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} radius="lg" />
      ))}
    </Stack>
  );
}

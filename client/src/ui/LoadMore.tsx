import { Button, Center, Text, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

/** Cursor pagination: "Muat lebih banyak" plus how many are shown of how many. */
export function LoadMore({ shown, total, hasMore, loading, onLoad }: { shown: number; total?: number | null; hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Center mt="md">
      <Stack align="center" gap={6}>
        {total !== undefined && total !== null ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.shownOf', { shown: formatNumber(shown, lang), total: formatNumber(total, lang) })}
          </Text>
        ) : null}
        {hasMore ? (
          <Button variant="default" onClick={onLoad} loading={loading} size="md">
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Stack>
    </Center>
  );
}

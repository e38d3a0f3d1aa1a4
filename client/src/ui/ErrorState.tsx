import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A failed load: what went wrong in one sentence, and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('common.loadFailed')} role="alert">
      <Text size="sm">{message}</Text>
      {onRetry ? (
        <Group mt="sm">
          <Button size="sm" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}

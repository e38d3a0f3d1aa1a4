import { Alert, Anchor, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState';

interface ListStatesProps<T> {
  /** Translated message when the query failed; shown only when there is nothing cached to show instead. */
  errorMessage: string | null;
  loading: boolean;
  /** The loaded list (or page); undefined until the first answer. */
  data: T | null | undefined;
  isEmpty: (data: T) => boolean;
  onRetry: () => void;
  skeleton: ReactNode;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The four states every list screen has, in one place: failed (with retry), first load (skeleton,
 * not a spinner), empty (saying what to do next) and loaded. Cached data always wins over the first two,
 * marked as such when refreshing it failed.
 */
export function ListStates<T>({ errorMessage, loading, data, isEmpty, onRetry, skeleton, empty, children }: ListStatesProps<T>) {
  if (data == null) {
    if (errorMessage) return <ErrorState message={errorMessage} onRetry={onRetry} />;
    return loading ? <>{skeleton}</> : null;
  }
  return (
    <>
      {errorMessage ? <StaleNotice onRetry={onRetry} /> : null}
      {isEmpty(data) ? empty : children(data)}
    </>
  );
}

/** Cached data is on screen but refreshing it failed (offline): say so, with a way to try again. */
function StaleNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconCloudOff aria-hidden />} role="status" mb="md" py="xs">
      <Text size="sm" span>
        {t('offline.stale')}{' '}
      </Text>
      <Anchor component="button" type="button" size="sm" fw={600} onClick={onRetry}>
        {t('common.retry')}
      </Anchor>
    </Alert>
  );
}

import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { onReconnect, useOnline } from './connectivity';
import { isChunkLoadError, reloadIfNewVersion, retryFailedPages } from './lazyPage';

let automaticRetries = 0;

/**
 * What a screen shows when its code or rendering failed, inside the app's frame so the navigation
 * stays: a calm sentence in the UI language and "Coba lagi". It tries again by itself when the
 * connection comes back, and loads the new version once when the failure came from a deploy.
 */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const online = useOnline();
  const location = useLocation();
  const navigate = useNavigate();
  const chunk = isChunkLoadError(error);

  // The error boundary (router.tsx) forgets a screen's error when the location changes: "navigating" to the same
  // place renders the screen again, which downloads its code again (see lazyPage).
  const retry = useCallback(() => {
    retryFailedPages();
    void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: location.state as unknown });
  }, [navigate, location]);

  useEffect(() => onReconnect(() => {
    automaticRetries = 0;
    retry();
  }), [retry]);
  // A download that was still under way when the connection came back fails after the "online"
  // event: while the browser says it is online, try again by itself, less often each time.
  useEffect(() => {
    if (!chunk || !online) return;
    const timer = setTimeout(retry, Math.min(60_000, 2_000 * 2 ** automaticRetries++));
    return () => clearTimeout(timer);
  }, [chunk, online, retry]);
  // Every failure is looked at (the effect follows the error, not only whether it is a chunk's): a retry that
  // fails while online may be the browser repeating a cached failure, which only a reload clears (lazyPage).
  useEffect(() => {
    if (isChunkLoadError(error) && navigator.onLine) void reloadIfNewVersion({ retriedChunk: error.attempt > 1 ? error : undefined });
  }, [error]);

  const message = !online ? t('offline.pageOffline') : chunk ? t('offline.pageNotLoaded') : t('offline.pageFailed');
  return (
    <Alert color="gray" variant="light" icon={<IconCloudOff aria-hidden />} title={t('offline.pageTitle')} role="alert" mt="md">
      <Text size="sm">{message}</Text>
      <Group mt="sm">
        <Button size="sm" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={retry}>
          {t('common.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

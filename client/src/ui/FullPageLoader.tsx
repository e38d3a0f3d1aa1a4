import { Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanternMark } from './LanternMark';

/** Only while the session is being read on first load: everything else uses skeletons. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" aria-busy="true">
      <Stack align="center" gap="md">
        <LanternMark size={48} />
        <Loader size="sm" color="lantern.7" role="status" aria-label={t('common.loading')} />
      </Stack>
    </Center>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR = { PENDING: 'yellow.8', VERIFIED: 'teal.8', REJECTED: 'red.8' } as const;

/** Menunggu verifikasi / Diverifikasi / Ditolak, in words and colour (never colour alone). */
export function ExternalActivityStatusBadge({ status }: { status: keyof typeof COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size="lg" radius="sm" style={{ textTransform: 'none' }}>
      {t(`learning.status.${status}`)}
    </Badge>
  );
}

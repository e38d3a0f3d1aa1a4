import { IconCircleCheck, IconCircleX, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExternalActivityStatus } from '../../gql/__generated__/graphql';
import { StateBadge } from '../../ui/StateBadge';

/** Menunggu verifikasi / Diverifikasi / Ditolak: always words and an icon, the colour only reinforces them. */
export function ExternalActivityStatusBadge({ status }: { status: ExternalActivityStatus }) {
  const { t } = useTranslation();
  const label = t(`learning.status.${status}`);
  if (status === 'VERIFIED') return <StateBadge color="teal" icon={<IconCircleCheck size={14} aria-hidden />}>{label}</StateBadge>;
  if (status === 'REJECTED') return <StateBadge color="red" icon={<IconCircleX size={14} aria-hidden />}>{label}</StateBadge>;
  return <StateBadge color="orange" icon={<IconClock size={14} aria-hidden />}>{label}</StateBadge>;
}

import { IconAlertTriangle, IconCircleCheck, IconClock, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../gql/__generated__/graphql';
import { StateBadge } from '../../ui/StateBadge';

/** In force / ending within 60 days / not yet / ended: always words, the colour only reinforces them. */
export function AgreementStatusBadge({ status, daysLeft }: { status: AgreementStatus; daysLeft: number }) {
  const { t } = useTranslation();
  if (status === 'EXPIRED') return <StateBadge color="gray" icon={<IconCircleX size={14} aria-hidden />}>{t('agreements.status.EXPIRED')}</StateBadge>;
  if (status === 'UPCOMING') return <StateBadge color="blue" icon={<IconClock size={14} aria-hidden />}>{t('agreements.status.UPCOMING')}</StateBadge>;
  if (daysLeft <= 60) return <StateBadge color="orange" icon={<IconAlertTriangle size={14} aria-hidden />}>{t('agreements.status.ENDING', { count: daysLeft })}</StateBadge>;
  return <StateBadge color="teal" icon={<IconCircleCheck size={14} aria-hidden />}>{t('agreements.status.ACTIVE')}</StateBadge>;
}

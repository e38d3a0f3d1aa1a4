import { IconCalendarCheck, IconCalendarEvent, IconCalendarOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentClosedReason } from '../../gql/__generated__/graphql';
import { StateBadge } from '../../ui/StateBadge';

/** Where a run (angkatan) stands: open, closed for enrolment, ended or cancelled; in words and icon, colour only adds. */
export function RunStateBadge({ status, closedReason }: { status: string; closedReason: EnrolmentClosedReason | null | undefined }) {
  const { t } = useTranslation();
  if (status === 'CANCELLED') return <StateBadge color="red" icon={<IconCalendarOff size={14} aria-hidden />}>{t('enum.runStatus.CANCELLED')}</StateBadge>;
  if (closedReason === 'COURSE_ENDED') return <StateBadge color="gray" icon={<IconCalendarCheck size={14} aria-hidden />}>{t('run.ended')}</StateBadge>;
  if (closedReason) return <StateBadge color="orange" icon={<IconLock size={14} aria-hidden />}>{t('catalogue.closed')}</StateBadge>;
  return <StateBadge color="teal" icon={<IconCalendarEvent size={14} aria-hidden />}>{t('run.open')}</StateBadge>;
}

import {
  IconArrowBackUp,
  IconBan,
  IconCircleCheck,
  IconCircleX,
  IconHourglass,
  IconListNumbers,
  IconPlayerPlay,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { enrolmentStatusColor, type EnrolmentStatusKey } from '../../app/theme';
import { StateBadge } from '../../ui/StateBadge';

const ICONS = {
  REQUESTED: IconHourglass,
  WAITLISTED: IconListNumbers,
  ACTIVE: IconPlayerPlay,
  COMPLETED: IconCircleCheck,
  FAILED: IconCircleX,
  REJECTED: IconBan,
  WITHDRAWN: IconArrowBackUp,
} as const;

/** The state of an enrolment: the same colour, icon and word on every screen (`children` words it for a context). */
export function EnrolmentStatusBadge({ status, size = 'md', children }: { status: EnrolmentStatusKey; size?: 'sm' | 'md' | 'lg'; children?: ReactNode }) {
  const { t } = useTranslation();
  const Icon = ICONS[status];
  return (
    <StateBadge color={enrolmentStatusColor[status]} icon={<Icon size={size === 'lg' ? 16 : 14} aria-hidden />} size={size}>
      {children ?? t(`enum.enrolmentStatus.${status}`)}
    </StateBadge>
  );
}

import { IconArchive, IconPencilMinus, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '../../gql/__generated__/graphql';
import { StateBadge } from '../../ui/StateBadge';

const LOOK = {
  DRAFT: { color: 'gray', Icon: IconPencilMinus },
  PUBLISHED: { color: 'teal', Icon: IconWorld },
  ARCHIVED: { color: 'dark', Icon: IconArchive },
} as const;

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[status];
  return (
    <StateBadge color={color} icon={<Icon size={14} aria-hidden />}>
      {t(`enum.courseStatus.${status}`)}
    </StateBadge>
  );
}

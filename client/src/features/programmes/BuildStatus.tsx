import { IconArchive, IconPencilMinus, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeStatus } from '../../gql/__generated__/graphql';
import { StateBadge } from '../../ui/StateBadge';

const LOOK = {
  DRAFT: { color: 'gray', Icon: IconPencilMinus },
  PUBLISHED: { color: 'teal', Icon: IconWorld },
  ARCHIVED: { color: 'dark', Icon: IconArchive },
} as const;

/** A programme's status as the course screens show a course's (draft, published, archived). */
export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[status];
  return (
    <StateBadge color={color} icon={<Icon size={14} aria-hidden />}>
      {t(`programmeBuild.status_.${status}`)}
    </StateBadge>
  );
}

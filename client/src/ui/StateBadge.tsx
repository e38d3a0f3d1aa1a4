import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A state label: always text and icon, the colour only reinforces them. */
export function StateBadge({ color, icon, children, size = 'md' }: { color: string; icon?: ReactNode; children: ReactNode; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={color} variant="light" size={size} leftSection={icon} tt="none" fw={700} style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}

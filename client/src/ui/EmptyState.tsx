import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** Says that a list is empty and what to do about it. */
export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" bg="white">
      <Stack align="center" gap="sm" ta="center">
        {icon ? (
          <ThemeIcon size={48} radius="xl" variant="light" color="lantern">
            {icon}
          </ThemeIcon>
        ) : null}
        <Text fw={700} size="lg">
          {title}
        </Text>
        {children ? <Text c="dimmed">{children}</Text> : null}
        {action}
      </Stack>
    </Paper>
  );
}

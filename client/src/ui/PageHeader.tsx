import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/**
 * The page's one <h1>, its short explanation and its main actions. Also names the browser tab,
 * so history and screen readers announce where the user is.
 */
export function PageHeader({ title, description, actions, eyebrow }: { title: string; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Lentera`;
  }, [title]);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
        {eyebrow ? (
          <Text size="sm" fw={600} c="dimmed">
            {eyebrow}
          </Text>
        ) : null}
        <Title order={1} fz={{ base: 26, sm: 30 }} lh={1.2}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="md">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

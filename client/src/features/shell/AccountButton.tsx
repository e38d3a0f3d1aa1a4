import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconUser } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The account button in the header: what the account menu opens from, and what shows in its place
 * until the menu's code has arrived (AccountMenu is loaded after the first paint). Forwards the props
 * and ref Mantine's Menu.Target gives it.
 */
export function AccountButton({ name, ...props }: { name: string } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <UnstyledButton aria-label={t('nav.accountMenu', { name })} p={4} className="lentera-round" {...props}>
      <Group gap={6} wrap="nowrap">
        {/* A figure, not initials: visible text inside a button must be part of its name ("Akun <name>"). */}
        <ThemeIcon color="lantern" radius="xl" size={34} variant="filled" aria-hidden>
          <IconUser size={20} aria-hidden />
        </ThemeIcon>
        <Text size="sm" fw={700} visibleFrom="md" maw={220} lh={1.25} lineClamp={2}>
          {name}
        </Text>
        <IconChevronDown size={16} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

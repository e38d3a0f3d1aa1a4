import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import { useMe } from '../../app/me';
import { PageHeader } from '../../ui/PageHeader';
import { navItemsFor } from '../shell/nav';

/** Home for people who are not learners (partner instructors, platform operators): their work first (`children`), then where to go. */
export function RoleHome({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const items = navItemsFor(me).filter((i) => i.to !== '/');
  const where = me.partnerName ?? me.agencyName;
  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.fullName })} description={where ?? undefined} />
      {children}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {items.map((item) => (
          <Card key={item.to} component={AppLink} to={item.to} bg="white">
            <Group wrap="nowrap" justify="space-between">
              <Group wrap="nowrap" gap="md">
                <ThemeIcon size={44} radius="md" variant="light" color="lantern">
                  <item.icon size={24} aria-hidden />
                </ThemeIcon>
                <Stack gap={2}>
                  <Text fw={700}>{t(item.label)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`home.shortcut.${item.label.replace('nav.', '')}`)}
                  </Text>
                </Stack>
              </Group>
              <IconChevronRight size={20} aria-hidden />
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

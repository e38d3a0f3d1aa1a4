import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanternMark } from '../../ui/LanternMark';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of the signed-out pages beside sign-in (forgot and reset password, a partner invitation): the language
 * switch, the lantern and the page's title, one card, and the way back to sign-in.
 */
export function SignedOutFrame({ title, intro, footer, children }: { title: string; intro?: string; footer?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="ink.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center px="sm" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6} ta="center">
            <LanternMark size={48} />
            <Title order={1} fz={26}>
              {title}
            </Title>
            {intro ? <Text c="dimmed">{intro}</Text> : null}
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} bg="white">
            {children}
          </Paper>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/masuk">
              {t('reset.backToSignIn')}
            </Anchor>
          </Text>
          {footer}
        </Stack>
      </Center>
    </Box>
  );
}

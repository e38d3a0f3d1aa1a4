import { Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/useFormatters';

export interface Standing {
  personId: string;
  fullName: string;
  nip?: string | null;
  orgUnitName?: string | null;
  jp: number;
  targetJp: number;
  remainingJp: number;
  progress: number;
}

/** One person against the year's target: JP so far, how many still needed, a bar (with words, never colour alone). */
export function StandingRow({ s }: { s: Standing }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const who = [s.nip ? t('learning.standing.nip', { nip: s.nip }) : null, s.orgUnitName].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="sm" component="article" aria-label={s.fullName}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text fw={700} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{s.fullName}</Text>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }}>{t('learning.standing.jpOf', { jp: fmt.number(s.jp, 1), target: fmt.number(s.targetJp) })}</Text>
        </Group>
        {who ? <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{who}</Text> : null}
        <Progress value={Math.round(s.progress * 100)} color={s.remainingJp === 0 ? 'teal.7' : 'lantern.5'} size="sm" aria-hidden />
        <Text size="sm" c={s.remainingJp > 0 ? 'red.8' : 'teal.8'}>
          {s.remainingJp > 0 ? t('learning.standing.below', { jp: fmt.number(s.remainingJp, 1) }) : t('learning.standing.reached')}
        </Text>
      </Stack>
    </Card>
  );
}

import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTarget, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/useFormatters';

/** The one number first: "12 / 20 JP tahun 2026", as a ring and in words. */
export function JpYearCard({ year, jp, targetJp, remainingJp, progress }: { year: number; jp: number; targetJp: number; remainingJp: number; progress: number }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const pct = Math.max(0, Math.min(100, Math.round(progress * 100)));
  const reached = remainingJp <= 0;
  const headline = t('home.jpHeadline', { jp: fmt.number(jp, 1), target: fmt.number(targetJp), year });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white" component="section" aria-labelledby="jp-year-title" className="lentera-jp-card">
      <Group wrap="nowrap" gap="md" align="center">
        <Box pos="relative" w={120} h={120} style={{ flex: 'none' }} aria-hidden>
          <YearRing pct={pct} color={reached ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-lantern-5)'} />
          <Stack gap={0} align="center" justify="center" pos="absolute" inset={0}>
            <Text fw={800} fz={26} lh={1}>
              {fmt.number(jp, 1)}
            </Text>
            <Text size="xs" fw={700} c="dimmed">
              / {fmt.number(targetJp)} JP
            </Text>
          </Stack>
        </Box>
        <Stack gap={6} miw={0}>
          <Text size="sm" fw={700} c="dimmed" tt="uppercase">
            {t('home.jpEyebrow')}
          </Text>
          <Title order={2} fz={{ base: 22, sm: 26 }} id="jp-year-title" lh={1.2}>
            {headline}
          </Title>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {reached ? <IconTrophy size={18} aria-hidden color="var(--mantine-color-teal-8)" /> : <IconTarget size={18} aria-hidden color="var(--mantine-color-lantern-8)" />}
            <Text size="sm" fw={600}>
              {reached ? t('home.jpReached', { target: fmt.number(targetJp) }) : t('home.jpRemaining', { remaining: fmt.number(remainingJp, 1), target: fmt.number(targetJp) })}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * The year's ring, drawn as two SVG circles: Mantine's RingProgress brings its tooltip and the floating-ui
 * positioning library (15 KB gzip) into the home page's first visit for a picture that shows no tooltip.
 */
function YearRing({ pct, color }: { pct: number; color: string }) {
  const size = 120;
  const thickness = 12;
  const radius = (size - thickness) / 2;
  const circumference = 2 * Math.PI * radius;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} style={{ transform: 'rotate(-90deg)' }}>
      <circle cx={size / 2} cy={size / 2} r={radius} fill="none" strokeWidth={thickness} stroke="var(--mantine-color-ink-1)" />
      {pct > 0 ? (
        <circle
          cx={size / 2}
          cy={size / 2}
          r={radius}
          fill="none"
          strokeWidth={thickness}
          strokeLinecap="round"
          stroke={color}
          strokeDasharray={`${(circumference * pct) / 100} ${circumference}`}
        />
      ) : null}
    </svg>
  );
}

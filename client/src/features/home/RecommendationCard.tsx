import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { RecommendationCard_RecommendationFragment } from '../../gql/__generated__/graphql';
import { seatsColor, seatsText } from '../course/seats';

graphql(`
  fragment RecommendationCard_recommendation on HomeRecommendation {
    reason
    closesGap
    course {
      id
      title
      jp
      form
      ownerName
    }
    run {
      id
      code
      startsAt
      endsAt
      location
      timeZone
      capacity
      seatsLeft
    }
  }
`);

/**
 * A suggested course with the run to join and why it is suggested. The server says why as a code; it is worded here,
 * in the language the viewer reads now (a language switch rewords it at once).
 */
export function RecommendationCard({ recommendation: r, remainingJp, targetJp }: { recommendation: RecommendationCard_RecommendationFragment; remainingJp: number; targetJp: number }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const c = r.course;
  const run = r.run;
  return (
    <Card component={AppLink} to={`/kursus/${c.id}`} bg="white" h="100%">
      <Stack gap={8} h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Badge color="ink" variant="light">
            {t(`enum.form.${c.form}`)}
          </Badge>
          <Text fw={800} c="lantern.9" className="lentera-nowrap">
            {t('common.jp', { jp: fmt.number(c.jp) })}
          </Text>
        </Group>
        <Title order={3} fz="md" lh={1.3}>
          {c.title}
        </Title>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconSparkles size={16} aria-hidden color="var(--mantine-color-lantern-8)" />
          <Text size="sm" fw={600}>
            {t(`home.reason.${r.reason}`, { jp: fmt.number(c.jp), remainingJp: fmt.number(remainingJp, 1), targetJp: fmt.number(targetJp) })}
          </Text>
        </Group>
        <Stack gap={2} mt="auto">
          <Group gap={4} wrap="nowrap">
            <IconBuilding size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              {c.ownerName}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('run.code', { code: run.code })} · {run.startsAt ? fmt.runSchedule(run.startsAt, run.endsAt, run.timeZone) : t('course.anytime')}
          </Text>
          {run.location ? (
            <Text size="xs" c="dimmed">
              {run.location}
            </Text>
          ) : null}
          <Text size="xs" fw={700} c={seatsColor(run)}>
            {seatsText(run, t)}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { RecommendationCard_RecommendationFragment } from '../../gql/__generated__/graphql';
import { seatsColor, seatsText } from '../course/seats';

export const RecommendationCard_recommendation = graphql(`
  fragment RecommendationCard_recommendation on HomeRecommendation {
    reason
    closesGap
    course {
      id
      title
      jp
      form
      ownerName
      startsAt
      endsAt
      capacity
      seatsLeft
      enrolmentPolicy
    }
  }
`);

/** A suggested course with the reason it is suggested. */
export function RecommendationCard({ recommendation: r }: { recommendation: RecommendationCard_RecommendationFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const c = r.course;
  return (
    <Card component={Link} to={`/kursus/${c.id}`} bg="white" h="100%">
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
            {r.reason}
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
            {c.startsAt ? fmt.schedule(c.startsAt, c.endsAt) : t('course.anytime')}
          </Text>
          <Text size="xs" fw={700} c={seatsColor(c)}>
            {seatsText(c, t)}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

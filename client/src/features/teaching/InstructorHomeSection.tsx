import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { InstructorHomeRunFragment } from '../../gql/__generated__/graphql';
import { AttendanceToTake } from '../workshops/AttendanceToTake';

const InstructorHomeDocument = graphql(`
  query InstructorHome {
    instructorHome {
      today {
        ...InstructorHomeRun
      }
      thisWeek {
        ...InstructorHomeRun
      }
      awaitingOutcomes {
        ...InstructorHomeRun
      }
    }
  }
  fragment InstructorHomeRun on InstructorHomeRun {
    learners
    outcomesToRecord
    learnersByAgency {
      agencyId
      agencyName
      learners
    }
    run {
      id
      code
      startsAt
      endsAt
      timeZone
      location
      course {
        id
        title
      }
    }
  }
`);

/** "Pemkot Bandung 12 · Kab. Sleman 4": the run's learners by agency. */
function AgencyCounts({ item }: { item: InstructorHomeRunFragment }) {
  const { t } = useTranslation();
  if (item.learnersByAgency.length === 0) return <Text size="sm" c="dimmed">{t('teaching.home.noLearners')}</Text>;
  return (
    <Text size="sm" c="dimmed" data-testid="agency-counts">
      {item.learnersByAgency.map((a) => `${a.agencyName ?? t('teaching.home.noAgency')} ${a.learners}`).join(' · ')}
    </Text>
  );
}

function RunItem({ item }: { item: InstructorHomeRunFragment }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const run = item.run;
  return (
    <Card bg="white" className="lentera-link-card" padding="sm" data-testid="teaching-run">
      <Stack gap={4}>
        <Text fw={700} lh={1.3}>
          <Link to={`/mengajar/${run.id}`} className="lentera-stretched-link">
            {run.course.title}
          </Link>
        </Text>
        <Text size="sm">
          {t('run.code', { code: run.code })}
          {run.startsAt ? ` · ${fmt.runSchedule(run.startsAt, run.endsAt, run.timeZone)}` : ''}
        </Text>
        {run.location ? <Text size="sm" c="dimmed">{run.location}</Text> : null}
        <AgencyCounts item={item} />
      </Stack>
    </Card>
  );
}

function RunList({ id, title, items, empty }: { id: string; title: string; items: InstructorHomeRunFragment[]; empty: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} fz="xl" id={id}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        items.map((item) => <RunItem key={item.run.id} item={item} />)
      )}
    </Stack>
  );
}

/**
 * The teaching part of the home page (instructors, also those who are learners): today's and this week's runs in the
 * viewer's zone, and the runs whose outcomes wait on them. Loaded after the page itself, with the staff texts.
 */
export default function InstructorHomeSection() {
  const { t } = useTranslation();
  const { data } = useQuery(InstructorHomeDocument);
  const home = data?.instructorHome;
  if (!home) return null;
  return (
    <Stack gap="lg" mb="xl" data-testid="instructor-home">
      <AttendanceToTake />
      {home.awaitingOutcomes.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconChecklist aria-hidden />} title={t('teaching.home.waiting')}>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {home.awaitingOutcomes.map((item) => (
              <Group key={item.run.id} component="li" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/mengajar/${item.run.id}`} size="sm" fw={600}>
                  {item.run.course.title} · {t('run.code', { code: item.run.code })}
                </Anchor>
                <Badge color="orange" variant="light">{t('teaching.home.outcomesToRecord', { count: item.outcomesToRecord })}</Badge>
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <RunList id="teaching-today" title={t('teaching.home.today')} items={home.today} empty={t('teaching.home.nothingToday')} />
      {home.thisWeek.length > 0 ? <RunList id="teaching-week" title={t('teaching.home.thisWeek')} items={home.thisWeek} empty="" /> : null}
      <Anchor component={Link} to="/mengajar" size="sm" fw={600}>
        {t('teaching.home.allRuns')}
      </Anchor>
    </Stack>
  );
}

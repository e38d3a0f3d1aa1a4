import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { PathProgressSummary } from './PathProgress';

const MyProgrammesDocument = graphql(`
  query MyProgrammes($first: Int!, $after: String) {
    myProgrammes(first: $first, after: $after) {
      nodes {
        id
        status
        completedAt
        programme {
          id
          title
          owner {
            id
            name
          }
          items {
            id
            course {
              id
              title
            }
          }
        }
        cohort {
          id
          code
          startsAt
          endsAt
        }
        progress {
          percent
          jp
          requiredCompleted
          requiredTotal
          nextItemId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/** "Program saya" (/program-saya): the viewer's programmes with how far along each path they are and what comes next. */
export default function PathMyProgrammesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { loading, error, refetch, page, more } = usePagedList(MyProgrammesDocument, { variables: { first: 20, after: null }, page: (d) => d.myProgrammes });
  return (
    <>
      <PageHeader title={t('path.mine.title')} description={t('path.mine.description')} />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={2} height={160} />}
        empty={
          <EmptyState icon={<IconRoute aria-hidden />} title={t('path.mine.emptyTitle')}>
            {t('path.mine.empty')}
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {p.nodes.map((n) => {
                const next = n.progress.nextItemId ? n.programme.items.find((i) => i.id === n.progress.nextItemId) : null;
                return (
                  <Card key={n.id} component={Link} to={`/program/${n.programme.id}`} bg="white" data-testid="my-programme">
                    <Stack gap="xs">
                      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                        <Title order={2} fz="md" style={{ overflowWrap: 'anywhere' }}>{n.programme.title}</Title>
                        <Badge color={n.status === 'COMPLETED' ? 'teal' : n.status === 'REQUESTED' ? 'yellow' : 'lantern'} variant="light">
                          {t(`path.participant.${n.status}`)}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {n.programme.owner.name} · {t('path.cohort', { code: n.cohort.code })} · {fmt.schedule(n.cohort.startsAt, n.cohort.endsAt)}
                      </Text>
                      <PathProgressSummary {...n.progress} compact />
                      {next ? <Text size="sm">{t('path.nextLine', { title: next.course.title })}</Text> : null}
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

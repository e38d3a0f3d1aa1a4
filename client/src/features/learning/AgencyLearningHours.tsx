import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { StandingRow } from './StandingRow';

const AgencyLearningHoursDocument = graphql(`
  query AgencyLearningHours($belowTargetOnly: Boolean, $search: String, $first: Int!, $after: String) {
    agencyLearningHours(belowTargetOnly: $belowTargetOnly, search: $search, first: $first, after: $after) {
      agencyId
      agencyName
      year
      targetJp
      peopleCount
      belowTargetCount
      people {
        nodes {
          personId
          fullName
          nip
          orgUnitName
          jp
          targetJp
          remainingJp
          progress
        }
        pageInfo {
          endCursor
          hasNextPage
        }
        totalCount
      }
    }
  }
`);

/**
 * "JP instansi": who in the agency is below this year's target and by how much, lowest first. Pages move forward
 * and back through the cursors seen (the list is keyset-paged on the server).
 */
export default function AgencyLearningHours() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [belowOnly, setBelowOnly] = useState(true);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(AgencyLearningHoursDocument, {
    variables: { belowTargetOnly: belowOnly, search: search || null, first: 20, after },
  });
  const view = data?.agencyLearningHours;
  const restart = () => setCursors([null]);

  return (
    <>
      <PageHeader
        title={t('learning.agency.title')}
        description={view ? t('learning.agency.description', { agency: view.agencyName, year: view.year, target: view.targetJp }) : undefined}
        actions={<Button component={Link} to="/admin/jp/verifikasi" variant="default">{t('learning.agency.toQueue')}</Button>}
      />
      {view ? (
        <SimpleGrid cols={2} spacing="sm" mb="md">
          <Card withBorder padding="sm"><Text size="sm" c="dimmed">{t('learning.agency.people')}</Text><Text fw={800} fz="xl">{fmt.number(view.peopleCount)}</Text></Card>
          <Card withBorder padding="sm"><Text size="sm" c="dimmed">{t('learning.agency.below')}</Text><Text fw={800} fz="xl" c="red.8">{fmt.number(view.belowTargetCount)}</Text></Card>
        </SimpleGrid>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(typed.trim());
          restart();
        }}
      >
        <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
          <TextInput label={t('learning.agency.search')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: '1 1 200px' }} maxLength={100} />
          <Button type="submit" variant="default">{t('common.search')}</Button>
        </Group>
      </form>
      <Checkbox mb="md" label={t('learning.agency.belowOnly')} checked={belowOnly} onChange={(e) => { setBelowOnly(e.currentTarget.checked); restart(); }} />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={view?.people}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState title={t('learning.agency.empty')} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">{p.nodes.map((s) => <StandingRow key={s.personId} s={s} />)}</Stack>
            <Group justify="space-between" mt="md">
              <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('learning.agency.previous')}</Button>
              <Text size="sm" c="dimmed">{t('learning.agency.count', { count: p.totalCount })}</Text>
              <Button variant="default" disabled={!p.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, p.pageInfo.endCursor ?? null])}>{t('learning.agency.next')}</Button>
            </Group>
          </>
        )}
      </ListStates>
    </>
  );
}

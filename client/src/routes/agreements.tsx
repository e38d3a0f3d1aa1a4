import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toUiError } from '../app/errors';
import { hasRole, useMe } from '../app/session';
import { usePagedList } from '../app/usePagedList';
import { AgreementStatusBadge } from '../features/agreements/AgreementStatusBadge';
import { agreementDay } from '../features/agreements/agreementFormat';
import { graphql } from '../gql/__generated__';
import { EmptyState } from '../ui/EmptyState';
import { ListStates } from '../ui/ListStates';
import { LoadMore } from '../ui/LoadMore';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const AgreementsDocument = graphql(`
  query Agreements($validOn: String, $expiringWithinDays: Int, $first: Int!, $after: String) {
    agreements(validOn: $validOn, expiringWithinDays: $expiringWithinDays, first: $first, after: $after) {
      nodes {
        id
        kind
        number
        title
        validFrom
        validTo
        status
        daysLeft
        partner {
          id
          name
        }
        agencies {
          id
          name
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

const todayInJakarta = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** Agreements of the viewer's side (agency admins and partner admins), soonest-ending first. */
export default function AgreementsRoute() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = params.get('berakhir') === '60' ? 'expiring' : params.get('berlaku') === 'hari-ini' ? 'current' : 'all';
  const setFilter = (value: string) => {
    const next = new URLSearchParams();
    if (value === 'expiring') next.set('berakhir', '60');
    if (value === 'current') next.set('berlaku', 'hari-ini');
    setParams(next, { replace: true });
  };
  const { loading, error, refetch, page, more } = usePagedList(AgreementsDocument, {
    variables: {
      validOn: filter === 'current' ? todayInJakarta() : null,
      expiringWithinDays: filter === 'expiring' ? 60 : null,
      first: 20,
      after: null,
    },
    page: (d) => d.agreements,
  });
  const mayCreate = hasRole(me, 'AGENCY_ADMIN', 'PLATFORM_ADMIN');

  return (
    <>
      <PageHeader
        title={t('nav.agreements')}
        description={t('agreements.description')}
        actions={mayCreate ? <Button component={Link} to="/kerja-sama/baru" leftSection={<IconPlus size={18} aria-hidden />}>{t('agreements.create')}</Button> : null}
      />
      <SegmentedControl
        mb="md"
        fullWidth
        value={filter}
        onChange={setFilter}
        aria-label={t('agreements.filter')}
        data={[
          { value: 'all', label: t('agreements.filterAll') },
          { value: 'current', label: t('agreements.filterCurrent') },
          { value: 'expiring', label: t('agreements.filterExpiring') },
        ]}
      />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState icon={<IconFileCertificate aria-hidden />} title={t('agreements.empty')} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">
              {p.nodes.map((a) => (
                <Card key={a.id} withBorder padding="md">
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/kerja-sama/${a.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
                        {t(`agreements.kind.${a.kind}`)} {a.number}
                      </Anchor>
                      <AgreementStatusBadge status={a.status} daysLeft={a.daysLeft} />
                    </Group>
                    <Text size="sm">{a.title}</Text>
                    <Text size="sm" c="dimmed">
                      {a.partner.name} · {a.agencies.map((g) => g.name).join(', ')}
                    </Text>
                    <Text size="sm">{t('agreements.period', { from: agreementDay(a.validFrom, i18n.language), to: agreementDay(a.validTo, i18n.language) })}</Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql/__generated__';
import { agreementDay } from './agreementFormat';

const ExpiringAgreementsDocument = graphql(`
  query ExpiringAgreements {
    agreements(expiringWithinDays: 60, first: 5) {
      nodes {
        id
        number
        validTo
        daysLeft
        partner {
          id
          name
        }
      }
      totalCount
    }
  }
`);

/** On an admin's home: agreements of their side that end within 60 days (loaded after the page itself). */
export default function ExpiringAgreements() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(ExpiringAgreementsDocument);
  const page = data?.agreements;
  if (!page || page.nodes.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconFileAlert aria-hidden />} title={t('agreements.expiringTitle', { count: page.totalCount })} mb="lg">
      <List size="sm" spacing={4}>
        {page.nodes.map((a) => (
          <List.Item key={a.id}>
            <Anchor component={Link} to={`/kerja-sama/${a.id}`} size="sm" fw={600}>
              {a.number}
            </Anchor>{' '}
            <Text span size="sm">
              {t('agreements.expiringItem', { partner: a.partner.name, date: agreementDay(a.validTo, i18n.language), count: a.daysLeft })}
            </Text>
          </List.Item>
        ))}
      </List>
      {page.totalCount > page.nodes.length ? (
        <Anchor component={Link} to="/kerja-sama?berakhir=60" size="sm" mt="xs" display="inline-block">
          {t('agreements.expiringAll')}
        </Anchor>
      ) : null}
    </Alert>
  );
}

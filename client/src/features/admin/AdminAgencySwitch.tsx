import { useQuery } from '@apollo/client/react';
import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { graphql } from '../../gql/__generated__';
import { useAdminAgency } from './useAdminAgency';

const AdminAgencyChoicesDocument = graphql(`
  query AdminAgencyChoices($search: String) {
    agencies(search: $search, first: 50) {
      nodes {
        id
        name
        code
      }
    }
  }
`);

const AdminAgencyCurrentDocument = graphql(`
  query AdminAgencyCurrent($id: ID!) {
    agency(id: $id) {
      id
      name
      code
    }
  }
`);

/** Which agency an admin page shows; a searchable choice for people who administer several. */
export function AdminAgencySwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const { agencyId, canSwitch, setAgencyId, platform } = useAdminAgency();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const { data } = useQuery(AdminAgencyChoicesDocument, { variables: { search: debounced || null }, skip: !canSwitch });
  const { data: current } = useQuery(AdminAgencyCurrentDocument, { variables: { id: agencyId ?? '' }, skip: !canSwitch || !agencyId });
  if (!canSwitch) {
    return (
      <Text fw={600} c="dimmed" size="sm">
        {me.agencyName}
      </Text>
    );
  }
  const options = new Map<string, string>();
  if (current?.agency) options.set(current.agency.id, `${current.agency.name} (${current.agency.code})`);
  for (const a of data?.agencies.nodes ?? []) {
    if (platform || me.adminAgencyIds.includes(a.id)) options.set(a.id, `${a.name} (${a.code})`);
  }
  return (
    <Select
      label={t('admin.agency')}
      leftSection={<IconBuildingCommunity size={18} aria-hidden />}
      searchable
      maw={420}
      value={agencyId}
      onChange={(v) => v && setAgencyId(v)}
      onSearchChange={setSearch}
      data={[...options].map(([value, label]) => ({ value, label }))}
      nothingFoundMessage={t('admin.noAgencyFound')}
      placeholder={t('admin.chooseAgency')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

import { useQuery } from '@apollo/client/react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/__generated__';
import type { Role } from '../../gql/__generated__/graphql';

const PersonChoicesDocument = graphql(`
  query PersonChoices($agencyId: ID, $partnerId: ID, $search: String, $role: Role) {
    people(agencyId: $agencyId, partnerId: $partnerId, search: $search, role: $role, active: true, first: 20) {
      nodes {
        id
        fullName
        nip
        positionTitle
      }
    }
  }
`);

/**
 * Pick one person of an agency by typing part of their name or NIP. `initial` labels the
 * current value before the first search.
 */
export function PersonSearchSelect({
  agencyId,
  partnerId,
  role,
  value,
  onChange,
  initial,
  exclude,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  agencyId?: string | null;
  partnerId?: string | null;
  role?: Role;
  value: string | null;
  onChange: (id: string | null) => void;
  initial?: { id: string; fullName: string } | null;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const { data, loading } = useQuery(PersonChoicesDocument, {
    variables: { agencyId: agencyId ?? null, partnerId: partnerId ?? null, search: debounced.trim() || null, role: role ?? null },
    skip: !agencyId && !partnerId,
  });
  const options = new Map<string, string>();
  if (initial) options.set(initial.id, initial.fullName);
  for (const p of data?.people.nodes ?? []) {
    if (exclude?.includes(p.id)) continue;
    options.set(p.id, [p.fullName, p.positionTitle].filter(Boolean).join(' — '));
  }
  return (
    <Select
      searchable
      clearable
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      nothingFoundMessage={loading ? t('common.loading') : t('people.noneFound')}
      placeholder={t('people.searchPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

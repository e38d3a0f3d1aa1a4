import { useQuery } from '@apollo/client/react';
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/__generated__';

const AgencySearchDocument = graphql(`
  query AgencySearch($search: String) {
    agencies(search: $search, first: 30) {
      nodes {
        id
        name
        code
      }
    }
  }
`);

/** Choose several agencies by typing part of their name or code. */
export function AgencyMultiSelect({
  value,
  onChange,
  known,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & { value: string[]; onChange: (ids: string[]) => void; known: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const { data } = useQuery(AgencySearchDocument, { variables: { search: debounced.trim() || null } });
  const options = new Map<string, string>(known.map((a) => [a.id, a.name]));
  for (const a of data?.agencies.nodes ?? []) options.set(a.id, a.name);
  return (
    <MultiSelect
      searchable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      nothingFoundMessage={t('admin.noAgencyFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

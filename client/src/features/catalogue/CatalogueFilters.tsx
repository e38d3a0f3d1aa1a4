import { Chip, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/__generated__';
import type { CatalogueFacetsQuery } from '../../gql/__generated__/graphql';
import { ALL_FORMS, COURSE_KINDS, DELIVERIES, FORM_GROUPS, JP_RANGES, type CatalogueFilters as Filters } from './filters';

/** Owners and competency tags that exist in the viewer's catalogue, for the chips and lists. */
export const CatalogueFacetsDocument = graphql(`
  query CatalogueFacets {
    catalogueOwners {
      id
      name
      kind
      courseCount
    }
    competencyTags {
      tag
      courseCount
    }
  }
`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={8} component="fieldset" className="lentera-fieldset">
      <Text component="legend" fw={700} size="sm" mb={8}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** Every filter as chips (or a list where there are too many to chip), applied as they change. */
export function CatalogueFilters({
  value,
  onChange,
  facets,
}: {
  value: Filters;
  onChange: (next: Filters) => void;
  facets: CatalogueFacetsQuery | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const tags = facets?.competencyTags.slice(0, 14) ?? [];
  const owners = facets?.catalogueOwners ?? [];
  const ownerValue = value.owner ? `${value.owner.kind}:${value.owner.id}` : null;

  return (
    <Stack gap="lg">
      <Section title={t('catalogue.filter.kind')}>
        <Chip.Group
          multiple
          value={value.programmes ? [...value.kinds, 'PROGRAMME'] : value.kinds}
          onChange={(v) => set({ kinds: v.filter((k): k is Filters['kinds'][number] => k !== 'PROGRAMME'), programmes: v.includes('PROGRAMME') })}
        >
          <Group gap={8}>
            {COURSE_KINDS.map((k) => (
              <Chip key={k} value={k} size="sm" variant="outline">
                {t(`enum.courseKind.${k}`)}
              </Chip>
            ))}
            <Chip value="PROGRAMME" size="sm" variant="outline">
              {t('catalogue.filter.programme')}
            </Chip>
          </Group>
        </Chip.Group>
      </Section>

      <Section title={t('catalogue.filter.form')}>
        <Chip.Group multiple value={value.groups} onChange={(v) => set({ groups: v })}>
          <Group gap={8}>
            {FORM_GROUPS.map((g) => (
              <Chip key={g} value={g} size="sm" variant="outline">
                {t(`enum.formGroup.${g}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Select
          size="sm"
          label={t('catalogue.filter.specificForm')}
          placeholder={t('catalogue.filter.anyForm')}
          clearable
          searchable
          value={value.form}
          onChange={(v) => set({ form: v })}
          data={ALL_FORMS.map((f) => ({ value: f, label: t(`enum.form.${f}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
      </Section>

      <Section title={t('catalogue.filter.delivery')}>
        <Chip.Group multiple value={value.deliveries} onChange={(v) => set({ deliveries: v })}>
          <Group gap={8}>
            {DELIVERIES.map((d) => (
              <Chip key={d} value={d} size="sm" variant="outline">
                {t(`enum.delivery.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Section>

      <Section title={t('catalogue.filter.jp')}>
        <Group gap={8}>
          {JP_RANGES.map((r) => (
            <Chip key={r} size="sm" variant="outline" checked={value.jp === r} onChange={() => set({ jp: value.jp === r ? null : r })}>
              {t(`catalogue.jpRange.${r}`)}
            </Chip>
          ))}
        </Group>
      </Section>

      {tags.length > 0 ? (
        <Section title={t('catalogue.filter.competency')}>
          <Group gap={8}>
            {tags.map(({ tag }) => (
              <Chip
                key={tag}
                size="sm"
                variant="outline"
                checked={value.competency?.toLowerCase() === tag.toLowerCase()}
                onChange={() => set({ competency: value.competency?.toLowerCase() === tag.toLowerCase() ? null : tag })}
              >
                {tag}
              </Chip>
            ))}
          </Group>
        </Section>
      ) : null}

      <Section title={t('catalogue.filter.owner')}>
        <Select
          size="sm"
          aria-label={t('catalogue.filter.owner')}
          placeholder={t('catalogue.filter.anyOwner')}
          clearable
          searchable
          value={ownerValue}
          onChange={(v) => {
            if (!v) return set({ owner: null });
            const [kind, id] = v.split(':') as ['AGENCY' | 'PARTNER', string];
            set({ owner: { kind, id } });
          }}
          data={[
            { group: t('enum.ownerKind.AGENCY'), items: owners.filter((o) => o.kind === 'AGENCY').map((o) => ({ value: `AGENCY:${o.id}`, label: o.name })) },
            { group: t('enum.ownerKind.PARTNER'), items: owners.filter((o) => o.kind === 'PARTNER').map((o) => ({ value: `PARTNER:${o.id}`, label: o.name })) },
          ].filter((g) => g.items.length > 0)}
          comboboxProps={{ withinPortal: true }}
        />
      </Section>

      <Switch
        size="md"
        checked={value.openOnly}
        onChange={(e) => set({ openOnly: e.currentTarget.checked })}
        label={t('catalogue.filter.openOnly')}
      />
      <Switch
        size="md"
        checked={value.includeEnded}
        onChange={(e) => set({ includeEnded: e.currentTarget.checked })}
        label={t('catalogue.filter.includeEnded')}
      />
    </Stack>
  );
}
